import type { MoneyPanel as MoneyPanelLayout } from "../../../lib/chart/money";
import { BarMark } from "./BarMark";
import type { MarkInteraction } from "./useActiveMark";
import { XAxis } from "./XAxis";

interface MoneyPanelProps {
  panel: MoneyPanelLayout;
  interaction: MarkInteraction;
}

/** One panel of the money chart: its own heading, its own scale, its bars. */
export function MoneyPanel({ panel, interaction }: MoneyPanelProps) {
  return (
    <g className="chart-panel" data-panel={panel.key}>
      <text className="chart-panel-title" x={panel.subtitle[0]?.x ?? 0} y={panel.y + 14}>
        {panel.title}
      </text>
      {panel.subtitle.map((line, i) => (
        <text key={i} className="chart-label chart-label-note" x={line.x} y={line.y}>
          {line.text}
        </text>
      ))}
      {panel.labelOnly ? null : <XAxis ticks={panel.ticks} top={panel.gridTop} bottom={panel.axisY} />}
      {panel.bars.map((bar) => (
        <BarMark key={bar.id} bar={bar} interaction={interaction} labelOnly={panel.labelOnly} />
      ))}
    </g>
  );
}
