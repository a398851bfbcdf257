import type { ReactNode } from "react";
import type { ChartBar } from "../../../lib/chart/layout";
import { BarShape } from "./BarShape";
import { ChartMark } from "./ChartMark";
import type { MarkInteraction } from "./useActiveMark";

/** A bar as a selectable mark, anchored at its value end; extra labels go inside as children. */
export function BarMark({ bar, interaction, children }: { bar: ChartBar & Parameters<typeof BarShape>[0]; interaction: MarkInteraction; children?: ReactNode }) {
  return (
    <ChartMark claim={bar.claim} valueText={bar.valueText} anchor={{ x: bar.end.x, y: bar.bar.y + bar.bar.height }} interaction={interaction}>
      <BarShape {...bar} />
      {children}
    </ChartMark>
  );
}
