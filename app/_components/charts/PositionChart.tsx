"use client";

import type { PositionChartLayout } from "../../../lib/chart/positions";
import { ChartFrame } from "./ChartFrame";
import { ChartMark, metricColours } from "./ChartMark";
import { Tooltip } from "./Tooltip";
import type { ChartProps } from "./types";
import { useActiveMark } from "./useActiveMark";
import { CHART_WIDTH } from "./types";

const TITLE = "Where the figures are";
const CAPTION = "Every number in the article, placed where it appears in the text. Dates are hollow; close neighbours stack.";

export function PositionChart({ layout, selectedId, onSelect }: ChartProps<PositionChartLayout>) {
  const width = CHART_WIDTH;
  const interaction = useActiveMark(selectedId, onSelect);
  const active = layout.marks.find((mark) => mark.id === interaction.active?.id);
  const data = {
    columns: ["Offset", "Quote", "Value"],
    rows: layout.marks.map((mark) => ({ id: mark.id, cells: [String(mark.claim.start), mark.claim.quote, mark.valueText] })),
  };
  const [first, last] = [layout.ticks[0], layout.ticks.at(-1)];
  return (
    <ChartFrame
      testId="chart-positions" title={TITLE} caption={CAPTION} fileName="chart-positions"
      data={data} emptyNote="No figures in this article."
    >
      <svg className="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${layout.height}`}>
        <title>{TITLE}</title>
        <desc>{`${CAPTION} ${layout.marks.length} marks, in article order.`}</desc>
        <g className="chart-legend" aria-hidden="true">
          {layout.legend.map((item) => (
            <g key={item.key} style={metricColours(item.metric)}>
              <circle className={item.hollow ? "chart-hollow" : "chart-fill"} cx={item.x} cy={item.y - 4} r={5} />
              <text className="chart-label chart-label-note" x={item.x + 10} y={item.y}>{item.label}</text>
            </g>
          ))}
        </g>
        <g className="chart-axis" aria-hidden="true">
          {first && last && <line className="chart-zero" x1={first.x} x2={last.x} y1={layout.axisY} y2={layout.axisY} />}
          {layout.ticks.map((tick, i) => (
            <text key={tick.label} className="chart-tick" x={tick.x} y={layout.axisY + 18} textAnchor={i === 0 ? "start" : i === layout.ticks.length - 1 ? "end" : "middle"}>
              {tick.label}
            </text>
          ))}
        </g>
        {layout.marks.map((mark) => (
          <ChartMark key={mark.id} claim={mark.claim} valueText={mark.valueText} anchor={{ x: mark.x, y: mark.y + mark.r }} interaction={interaction}>
            <circle className="chart-ring" cx={mark.x} cy={mark.y} r={mark.r + 3} />
            <circle className={mark.hollow ? "chart-hollow" : "chart-fill"} cx={mark.x} cy={mark.y} r={mark.r} />
          </ChartMark>
        ))}
      </svg>
      {active && interaction.active && (
        <Tooltip id={interaction.tooltipId} claim={active.claim} valueText={active.valueText} plotWidth={width} plotHeight={layout.height} x={interaction.active.x} y={interaction.active.y} />
      )}
    </ChartFrame>
  );
}
