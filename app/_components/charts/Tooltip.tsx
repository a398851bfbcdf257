import type { MarkClaim } from "../../../lib/chart/shapes";

const TOOLTIP_WIDTH = 280;

interface TooltipProps {
  id: string;
  /** Bold first line: a claim's “quote”, or what a density bin counts. */
  heading: string;
  value: string;
  /** Muted, clamped to a few lines: the claim's sentence. */
  detail?: string;
  x: number;
  y: number;
  plotWidth: number;
  plotHeight: number;
}

/** What a one-claim mark's tooltip says: its quote, its value and its sentence. */
export function claimTooltip(claim: MarkClaim, valueText: string): Pick<TooltipProps, "heading" | "value" | "detail"> {
  return { heading: `“${claim.quote}”`, value: valueText, detail: claim.sentence };
}

/** HTML, not SVG, so the sentence wraps; kept inside the plot's width so it never causes horizontal scroll. */
export function Tooltip({ id, heading, value, detail, x, y, plotWidth, plotHeight }: TooltipProps) {
  // Positions in percent of the plot: the SVG scales with its card, the tooltip follows.
  const width = Math.min(TOOLTIP_WIDTH, plotWidth);
  const left = Math.max(0, Math.min(x - width / 2, plotWidth - width));
  const style = {
    left: `${(left / plotWidth) * 100}%`,
    top: `${((y + 8) / plotHeight) * 100}%`,
    width: `${(width / plotWidth) * 100}%`,
  };
  return (
    <div id={id} role="tooltip" className="chart-tooltip" style={style}>
      <p className="chart-tooltip-quote">{heading}</p>
      <p className="chart-tooltip-value">{value}</p>
      {detail ? <p className="chart-tooltip-sentence">{detail}</p> : null}
    </div>
  );
}
