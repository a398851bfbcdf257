import type { Box, LabelLine } from "../../../lib/chart/shapes";

interface BarShapeProps {
  bar: Box;
  outline: string;
  end: { x: number; direction: 1 | -1 };
  hit: Box;
  lines: LabelLine[];
  inferred?: boolean;
  openEnded: boolean;
  approximate: boolean;
  range: boolean;
  /** Not in force (announced, threatened, proposed, forecast): a pale bar with a dashed edge. */
  pending?: boolean;
  /** Labels only: a figure alone in its panel, whose bar would say nothing about its size. */
  labelOnly?: boolean;
}

const FADE_STEPS = [0.55, 0.32, 0.14];
const FADE_WIDTH = 6;

/**
 * A bar with its labels: hollow ring for hover and selection, fading open end for "more than", whisker for "about",
 * a pale dashed bar for a figure not in force.
 */
export function BarShape({
  bar,
  outline,
  end,
  hit,
  lines,
  inferred = false,
  openEnded,
  approximate,
  range,
  pending = false,
  labelOnly = false,
}: BarShapeProps) {
  return (
    <>
      <rect className="chart-ring" x={hit.x} y={hit.y} width={hit.width} height={hit.height} rx={4} />
      {lines.map((line, i) => (
        <text key={i} className={`chart-label chart-label-${line.role}`} x={line.x} y={line.y}>
          {line.text}
        </text>
      ))}
      {labelOnly ? null : (
        <BarBody
          bar={bar}
          outline={outline}
          end={end}
          inferred={inferred}
          openEnded={openEnded}
          approximate={approximate}
          range={range}
          pending={pending}
        />
      )}
    </>
  );
}

function BarBody({
  bar,
  outline,
  end,
  inferred,
  openEnded,
  approximate,
  range,
  pending,
}: Pick<BarShapeProps, "bar" | "outline" | "end" | "openEnded" | "approximate" | "range"> & {
  inferred: boolean;
  pending: boolean;
}) {
  const middle = bar.y + bar.height / 2;
  return (
    <>
      <rect
        className={`chart-fill${range ? " chart-range" : ""}${pending ? " chart-pending" : ""}`}
        x={bar.x}
        y={bar.y}
        width={bar.width}
        height={bar.height}
      />
      {openEnded &&
        FADE_STEPS.map((opacity, i) => (
          <rect
            key={i}
            className="chart-fill"
            opacity={opacity}
            x={end.direction === 1 ? end.x + 1 + i * (FADE_WIDTH + 1) : end.x - 1 - (i + 1) * FADE_WIDTH - i}
            y={bar.y}
            width={FADE_WIDTH}
            height={bar.height}
          />
        ))}
      {inferred && <path className="chart-inferred" d={outline} />}
      {approximate && <line className="chart-approx" x1={end.x - 8} x2={end.x + 8} y1={middle} y2={middle} />}
    </>
  );
}
