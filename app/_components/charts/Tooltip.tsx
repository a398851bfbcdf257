import type { Claim } from "../../../lib/schema";

const TOOLTIP_WIDTH = 280;

interface TooltipProps {
  id: string;
  claim: Claim;
  valueText: string;
  x: number;
  y: number;
  plotWidth: number;
  plotHeight: number;
}

/** HTML, not SVG, so the sentence wraps; kept inside the plot's width so it never causes horizontal scroll. */
export function Tooltip({ id, claim, valueText, x, y, plotWidth, plotHeight }: TooltipProps) {
  // Positions in percent of the plot: the SVG scales with its card, the tooltip follows.
  const width = Math.min(TOOLTIP_WIDTH, plotWidth);
  const left = Math.max(0, Math.min(x - width / 2, plotWidth - width));
  const style = { left: `${(left / plotWidth) * 100}%`, top: `${((y + 8) / plotHeight) * 100}%`, width: `${(width / plotWidth) * 100}%` };
  return (
    <div id={id} role="tooltip" className="chart-tooltip" style={style}>
      <p className="chart-tooltip-quote">“{claim.quote}”</p>
      <p className="chart-tooltip-value">{valueText}</p>
      <p className="chart-tooltip-sentence">{claim.sentence}</p>
    </div>
  );
}
