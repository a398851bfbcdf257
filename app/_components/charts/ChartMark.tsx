"use client";

import type { CSSProperties, KeyboardEvent, ReactNode } from "react";
import type { MarkClaim } from "../../../lib/chart/shapes";
import { METRIC_STYLE } from "../../../lib/display/palette";
import type { Metric } from "../../../lib/schema";
import type { MarkInteraction } from "./useActiveMark";

interface ChartMarkProps {
  /** The claim a click selects; also what the tooltip is keyed by. */
  id: string;
  label: string;
  /** Metric colours for a one-claim mark; a density bin colours its own segments. */
  style?: CSSProperties;
  /** Where the tooltip points, in the plot's pixels. */
  anchor: { x: number; y: number };
  /** Pressed: this mark shows the selected claim. */
  pressed: boolean;
  interaction: MarkInteraction;
  children: ReactNode;
}

/** The metric's light/dark twins as CSS variables; charts.css picks one per colour scheme. */
export function metricColours(metric: Metric): CSSProperties {
  const style = METRIC_STYLE[metric];
  return { "--metric-light": style.light, "--metric-dark": style.dark } as CSSProperties;
}

/**
 * A one-claim mark's button name: “quote”, value, metric (or date), and what it measures and when, so two bars of
 * the same value ("25 per cent" on steel, "25 per cent" on cars) are told apart by a screen reader.
 */
export function claimMarkLabel(claim: MarkClaim, valueText: string): string {
  const what = [claim.subject, claim.kind === "date" ? null : claim.period].filter(Boolean).join(", ");
  return `“${claim.quote}”, ${valueText}, ${claim.kind === "date" ? "date" : METRIC_STYLE[claim.metric].label}${what ? `, ${what}` : ""}`;
}

/** Arrow keys move between the marks of one chart: the chart is one Tab stop, not one per mark. */
function moveFocus(from: Element, step: 1 | -1): void {
  const marks = [...(from.closest("svg")?.querySelectorAll<SVGGElement>(".chart-mark") ?? [])];
  const next = marks[marks.indexOf(from as SVGGElement) + step];
  next?.focus();
}

/** A selectable mark: a button for mouse, keyboard and screen readers, with a tooltip on hover and on focus. */
export function ChartMark({ id, label, style, anchor, pressed, interaction, children }: ChartMarkProps) {
  const { active, tooltipId, onSelect, show, hide } = interaction;
  const open = () => show({ id, ...anchor });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(id);
    } else if (event.key === "Escape") {
      hide(id);
    } else if (
      event.key === "ArrowDown" ||
      event.key === "ArrowRight" ||
      event.key === "ArrowUp" ||
      event.key === "ArrowLeft"
    ) {
      event.preventDefault();
      moveFocus(event.currentTarget, event.key === "ArrowDown" || event.key === "ArrowRight" ? 1 : -1);
    }
  };
  return (
    <g
      className="chart-mark"
      role="button"
      // One Tab stop per chart: the selected mark, or the first (see useActiveMark's entry).
      tabIndex={interaction.entryId === id ? 0 : -1}
      data-claim-id={id}
      aria-label={label}
      aria-pressed={pressed}
      aria-describedby={active?.id === id ? tooltipId : undefined}
      style={style}
      onClick={() => onSelect(id)}
      onKeyDown={onKeyDown}
      onMouseEnter={open}
      onMouseLeave={() => hide(id)}
      onFocus={open}
      onBlur={() => hide(id)}
    >
      {children}
    </g>
  );
}
