"use client";

import { memo, useMemo } from "react";
import { capNote } from "../../../lib/chart/shapes";
import type { TariffChartLayout } from "../../../lib/chart/tariffs";
import { BarMark } from "./BarMark";
import { ChartFrame } from "./ChartFrame";
import { claimTooltip, Tooltip } from "./Tooltip";
import type { ChartProps } from "./types";
import { useActiveMark } from "./useActiveMark";
import { CHART_WIDTH } from "./types";
import { XAxis } from "./XAxis";

const TITLE = "Tariff rates";
const CAPTION =
  "Each tariff the article mentions, by product, on a 0–100 % scale. Highest first; tariffs only announced, threatened " +
  "or proposed come after those in force, pale and dashed.";

/** Memoised: the dashboard re-renders on every filter keystroke, and a chart changes only with its layout or the selection. */
export const TariffChart = memo(function TariffChart({ layout, selectedId, onSelect }: ChartProps<TariffChartLayout>) {
  const width = CHART_WIDTH;
  const ids = useMemo(() => layout.bars.map((bar) => bar.id), [layout]);
  const interaction = useActiveMark(selectedId, onSelect, ids);
  const active = layout.bars.find((bar) => bar.id === interaction.active?.id);
  const capped =
    layout.bars.length < layout.total ? ` ${capNote(layout.bars.length, layout.total, "highest", "tariff rates")}` : "";
  const data = {
    columns: ["Product", "Quote", "Rate"],
    rows: layout.bars.map((bar) => ({ id: bar.id, cells: [bar.claim.subject ?? "—", bar.claim.quote, bar.valueText] })),
  };
  return (
    <ChartFrame
      testId="chart-tariffs"
      chart={{ name: "tariffs", layout }}
      title={TITLE}
      caption={CAPTION}
      fileName="chart-tariffs"
      data={data}
      emptyNote="No tariff rates in this article."
    >
      <svg className="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${layout.height}`}>
        <title>{TITLE}</title>
        <desc>{`${CAPTION} ${layout.bars.map((b) => `${b.claim.subject ?? b.claim.quote}: ${b.valueText}`).join("; ")}.${capped}`}</desc>
        {layout.note.map((line, i) => (
          <text key={i} className="chart-label chart-label-note" x={line.x} y={line.y}>
            {line.text}
          </text>
        ))}
        <XAxis ticks={layout.ticks} top={layout.gridTop} bottom={layout.axisY} />
        {layout.bars.map((bar) => (
          <BarMark key={bar.id} bar={bar} interaction={interaction}>
            <text className="chart-label chart-label-value chart-direct" x={bar.valueLabel.x} y={bar.valueLabel.y}>
              {bar.valueLabel.text}
            </text>
          </BarMark>
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
