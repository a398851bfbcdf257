import type { ReactNode } from "react";
import type { ChartBar } from "../../../lib/chart/shapes";
import { BarShape } from "./BarShape";
import { ChartMark, claimMarkLabel, metricColours } from "./ChartMark";
import type { MarkInteraction } from "./useActiveMark";

/** A bar as a selectable mark, anchored at its value end; extra labels go inside as children. */
export function BarMark({
  bar,
  interaction,
  children,
  labelOnly = false,
}: {
  bar: ChartBar & Parameters<typeof BarShape>[0] & { alsoIds?: string[] };
  interaction: MarkInteraction;
  children?: ReactNode;
  labelOnly?: boolean;
}) {
  return (
    <ChartMark
      id={bar.id}
      label={claimMarkLabel(bar.claim, bar.valueText)}
      style={metricColours(bar.claim.metric)}
      anchor={{ x: bar.end.x, y: bar.bar.y + bar.bar.height }}
      pressed={interaction.selectedId === bar.id || (bar.alsoIds?.includes(interaction.selectedId ?? "") ?? false)}
      interaction={interaction}
    >
      <BarShape {...bar} labelOnly={labelOnly} />
      {children}
    </ChartMark>
  );
}
