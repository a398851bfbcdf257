"use client";

import { memo, useMemo } from "react";
import type { MoneyChartLayout } from "../../../lib/chart/money";
import { ChartFrame } from "./ChartFrame";
import { MoneyPanel } from "./MoneyPanel";
import { claimTooltip, Tooltip } from "./Tooltip";
import type { ChartProps } from "./types";
import { useActiveMark } from "./useActiveMark";
import { CHART_WIDTH } from "./types";

const TITLE = "Money figures";
const count = new Intl.NumberFormat("en");
const CAPTION =
  "Levels and changes on separate scales, each in the currency the article states; a figure given in two currencies " +
  "is one bar with both. Grey: a US-dollar amount derived at the article's rate. Dashed outline: currency inferred. " +
  "Fading end: “more than”.";

/** Memoised: the dashboard re-renders on every filter keystroke, and a chart changes only with its layout or the selection. */
export const MoneyChart = memo(function MoneyChart({ layout, selectedId, onSelect }: ChartProps<MoneyChartLayout>) {
  const width = CHART_WIDTH;
  const ids = useMemo(() => layout.panels.flatMap((panel) => panel.bars.map((bar) => bar.id)), [layout]);
  const interaction = useActiveMark(selectedId, onSelect, ids);
  const bars = layout.panels.flatMap((panel) => panel.bars.map((bar) => ({ panel, bar })));
  const active = bars.find(({ bar }) => bar.id === interaction.active?.id)?.bar;
  // Said only when bars were left out, so a short article's description reads as it always has.
  const capped =
    layout.total > bars.length
      ? ` ${bars.length} of ${count.format(layout.total)} money figures are drawn; all are in the table.`
      : "";
  const data = {
    columns: ["Quote", "Value", "Panel"],
    rows: bars.map(({ panel, bar }) => ({ id: bar.id, cells: [bar.claim.quote, bar.valueText, panel.title] })),
  };
  return (
    <ChartFrame
      testId="chart-money"
      chart={{ name: "money", layout }}
      title={TITLE}
      caption={CAPTION}
      fileName="chart-money"
      data={data}
      emptyNote="No money figures in this article."
    >
      <svg className="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${layout.height}`}>
        <title>{TITLE}</title>
        <desc>{`${CAPTION} ${bars.length} bars in ${layout.panels.length} panels: ${layout.panels.map((p) => p.title).join(", ")}.${capped}`}</desc>
        {layout.note.map((line, i) => (
          <text key={i} className="chart-label chart-label-note" x={line.x} y={line.y}>
            {line.text}
          </text>
        ))}
        {layout.panels.map((panel) => (
          <MoneyPanel key={panel.key} panel={panel} interaction={interaction} />
        ))}
      </svg>
      {active && interaction.active && (
        <Tooltip
          id={interaction.tooltipId}
          {...claimTooltip(active.claim, active.valueText)}
          plotWidth={width}
          plotHeight={layout.height}
          x={interaction.active.x}
          y={interaction.active.y}
        />
      )}
    </ChartFrame>
  );
});
