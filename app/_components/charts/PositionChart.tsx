"use client";

import { memo, useMemo } from "react";
import type { PositionChartLayout } from "../../../lib/chart/positions";
import type { Claim } from "../../../lib/schema";
import { ChartFrame } from "./ChartFrame";
import { ChartMark, claimMarkLabel, metricColours } from "./ChartMark";
import { DensityBins, selectedBinIndex } from "./DensityBins";
import { claimTooltip, Tooltip } from "./Tooltip";
import type { ChartProps } from "./types";
import { useActiveMark } from "./useActiveMark";
import { CHART_WIDTH } from "./types";

const TITLE = "Where the figures are";
const CAPTION =
  "Every number in the article, placed where it appears in the text. Dates are hollow; close neighbours stack.";
const DENSITY_CAPTION =
  "Every number in the article, counted in equal stretches of the text and stacked by metric; dates are outlined. " +
  "Select a bar to go to the first figure in it.";

interface PositionChartProps extends ChartProps<PositionChartLayout> {
  /**
   * Optional: the article's claims, so that in the density view the bar holding the selected claim shows as pressed
   * whichever view selected it. Without them a bar is pressed only when its own first claim is selected.
   */
  claims?: readonly Pick<Claim, "id" | "start">[];
}

const offsetFormat = new Intl.NumberFormat("en");

/** Memoised: the dashboard re-renders on every filter keystroke, and a chart changes only with its layout or the selection. */
export const PositionChart = memo(function PositionChart({ layout, selectedId, onSelect, claims }: PositionChartProps) {
  const width = CHART_WIDTH;
  const density = layout.mode === "density";
  const ids = useMemo(
    () => (density ? layout.bins.map((bin) => bin.firstId) : layout.marks.map((mark) => mark.id)),
    [density, layout],
  );
  const interaction = useActiveMark(selectedId, onSelect, ids);
  const selectedStart = useMemo(
    () => (density && selectedId && claims ? (claims.find((c) => c.id === selectedId)?.start ?? null) : null),
    [density, selectedId, claims],
  );
  const pressedBin = selectedBinIndex(layout.bins, selectedId, selectedStart);
  const activeMark = layout.marks.find((mark) => mark.id === interaction.active?.id);
  const activeBin = layout.bins.find((bin) => bin.firstId === interaction.active?.id);
  const tooltip = activeMark
    ? claimTooltip(activeMark.claim, activeMark.valueText)
    : activeBin
      ? { heading: activeBin.label, value: activeBin.breakdown }
      : null;
  const data = density
    ? {
        columns: ["Stretch of text", "Figures", "By metric"],
        rows: layout.bins.map((bin) => ({ id: bin.firstId, cells: [bin.range, String(bin.count), bin.breakdown] })),
      }
    : {
        columns: ["Offset", "Quote", "Value"],
        rows: layout.marks.map((mark) => ({
          id: mark.id,
          cells: [String(mark.claim.start), mark.claim.quote, mark.valueText],
        })),
      };
  const caption = density ? DENSITY_CAPTION : CAPTION;
  const [first, last] = [layout.ticks[0], layout.ticks.at(-1)];
  return (
    <ChartFrame
      testId="chart-positions"
      chart={{ name: "positions", layout }}
      title={TITLE}
      caption={caption}
      fileName="chart-positions"
      data={data}
      emptyNote="No figures in this article."
    >
      <svg className="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${layout.height}`}>
        <title>{TITLE}</title>
        <desc>
          {density
            ? `${caption} ${layout.total} figures in ${layout.bins.length} stretches, in article order.`
            : `${caption} ${layout.marks.length} marks, in article order.`}
        </desc>
        <g className="chart-legend" aria-hidden="true">
          {layout.legend.map((item) => (
            <g key={item.key} style={metricColours(item.metric)}>
              {density ? (
                <rect
                  className={item.hollow ? "chart-hollow" : "chart-fill"}
                  x={item.x - 4}
                  y={item.y - 8}
                  width={8}
                  height={8}
                />
              ) : (
                <circle className={item.hollow ? "chart-hollow" : "chart-fill"} cx={item.x} cy={item.y - 4} r={5} />
              )}
              <text className="chart-label chart-label-note" x={item.x + 10} y={item.y}>
                {item.label}
              </text>
            </g>
          ))}
        </g>
        <g className="chart-axis" aria-hidden="true">
          {first && last && (
            <line className="chart-zero" x1={first.x} x2={last.x} y1={layout.axisY} y2={layout.axisY} />
          )}
          {first && last && layout.peak && (
            <>
              <line className="chart-grid" x1={first.x} x2={last.x} y1={layout.peak.y} y2={layout.peak.y} />
              <text className="chart-tick" x={first.x} y={layout.peak.y - 4}>
                {layout.peak.label}
              </text>
            </>
          )}
          {layout.ticks.map((tick, i) => (
            <text
              key={tick.label}
              className="chart-tick"
              x={tick.x}
              y={layout.axisY + 18}
              textAnchor={i === 0 ? "start" : i === layout.ticks.length - 1 ? "end" : "middle"}
            >
              {tick.label}
            </text>
          ))}
        </g>
        {layout.marks.map((mark) => (
          <ChartMark
            key={mark.id}
            id={mark.id}
            // Where it is, too: the same quote can stand twice in an article ("two sides"), and each mark needs its own name.
            label={`${claimMarkLabel(mark.claim, mark.valueText)}, at character ${offsetFormat.format(mark.claim.start)}`}
            style={metricColours(mark.claim.metric)}
            anchor={{ x: mark.x, y: mark.y + mark.r }}
            pressed={selectedId === mark.id}
            interaction={interaction}
          >
            <circle className="chart-ring" cx={mark.x} cy={mark.y} r={mark.r + 3} />
            <circle className={mark.hollow ? "chart-hollow" : "chart-fill"} cx={mark.x} cy={mark.y} r={mark.r} />
          </ChartMark>
        ))}
        <DensityBins bins={layout.bins} axisY={layout.axisY} pressedIndex={pressedBin} interaction={interaction} />
      </svg>
      {tooltip && interaction.active && (
        <Tooltip
          id={interaction.tooltipId}
          {...tooltip}
          plotWidth={width}
          plotHeight={layout.height}
          x={interaction.active.x}
          y={interaction.active.y}
        />
      )}
    </ChartFrame>
  );
});
