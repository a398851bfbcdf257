"use client";

import type { CSSProperties, KeyboardEvent, ReactNode } from "react";
import { METRIC_STYLE } from "../../../lib/palette";
import type { Claim } from "../../../lib/schema";
import type { MarkInteraction } from "./useActiveMark";

interface ChartMarkProps {
  claim: Claim;
  valueText: string;
  /** Where the tooltip points, in the plot's pixels. */
  anchor: { x: number; y: number };
  interaction: MarkInteraction;
  children: ReactNode;
}

/** The metric's light/dark twins as CSS variables; charts.css picks one per colour scheme. */
export function metricColours(metric: Claim["metric"]): CSSProperties {
  const style = METRIC_STYLE[metric];
  return { "--metric-light": style.light, "--metric-dark": style.dark } as CSSProperties;
}

/** One claim's mark: a button for mouse, keyboard and screen readers, with a tooltip on hover and on focus. */
export function ChartMark({ claim, valueText, anchor, interaction, children }: ChartMarkProps) {
  const { selectedId, active, tooltipId, onSelect, show, hide } = interaction;
  const kind = claim.kind === "date" ? "date" : METRIC_STYLE[claim.metric].label;
  const open = () => show({ id: claim.id, ...anchor });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(claim.id);
    } else if (event.key === "Escape") {
      hide(claim.id);
    }
  };
  return (
    <g
      className="chart-mark"
      role="button"
      tabIndex={0}
      data-claim-id={claim.id}
      aria-label={`“${claim.quote}”, ${valueText}, ${kind}`}
      aria-pressed={selectedId === claim.id}
      aria-describedby={active?.id === claim.id ? tooltipId : undefined}
      style={metricColours(claim.metric)}
      onClick={() => onSelect(claim.id)}
      onKeyDown={onKeyDown}
      onMouseEnter={open}
      onMouseLeave={() => hide(claim.id)}
      onFocus={open}
      onBlur={() => hide(claim.id)}
    >
      {children}
    </g>
  );
}
