import type { Tick } from "../../../lib/chart/axis";

interface XAxisProps {
  ticks: Tick[];
  top: number;
  bottom: number;
}

/** Light vertical gridlines with labels underneath; the zero line is darker because bars grow from it. */
export function XAxis({ ticks, top, bottom }: XAxisProps) {
  return (
    <g className="chart-axis" aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick.value}>
          <line
            className={tick.value === 0 ? "chart-grid chart-zero" : "chart-grid"}
            x1={tick.x}
            x2={tick.x}
            y1={top}
            y2={bottom}
          />
          <text className="chart-tick" x={tick.x} y={bottom + 16} textAnchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
    </g>
  );
}
