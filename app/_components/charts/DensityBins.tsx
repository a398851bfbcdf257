import type { DensityBin } from "../../../lib/chart/positions";
import { ChartMark, metricColours } from "./ChartMark";
import type { MarkInteraction } from "./useActiveMark";

/** Which bin shows the selection: the one whose stretch holds the selected claim's offset, else the one it begins. */
export function selectedBinIndex(
  bins: readonly DensityBin[],
  selectedId: string | null,
  selectedStart: number | null,
): number | null {
  if (selectedId === null) return null;
  const bin =
    selectedStart === null
      ? bins.find((b) => b.firstId === selectedId)
      : bins.find((b) => selectedStart >= b.start && selectedStart < b.end);
  return bin?.index ?? null;
}

interface DensityBinsProps {
  bins: readonly DensityBin[];
  axisY: number;
  pressedIndex: number | null;
  interaction: MarkInteraction;
}

/** The density view's bars: one button per non-empty stretch of text, a rect per metric stacked inside it. */
export function DensityBins({ bins, axisY, pressedIndex, interaction }: DensityBinsProps) {
  return bins.map((bin) => (
    <ChartMark
      key={bin.index}
      id={bin.firstId}
      label={`${bin.label}: ${bin.breakdown}`}
      anchor={{ x: bin.x + bin.width / 2, y: axisY }}
      pressed={pressedIndex === bin.index}
      interaction={interaction}
    >
      <rect className="chart-ring" x={bin.hit.x} y={bin.hit.y} width={bin.hit.width} height={bin.hit.height} />
      {bin.segments.map((segment) => (
        <rect
          key={segment.key}
          className={`chart-segment ${segment.hollow ? "chart-hollow" : "chart-fill"}`}
          style={metricColours(segment.metric)}
          x={bin.x}
          y={segment.y}
          width={bin.width}
          height={segment.height}
        />
      ))}
    </ChartMark>
  ));
}
