import { scaleLinear } from "d3-scale";
import { formatClaimValue } from "../format";
import { METRIC_STYLE } from "../palette";
import { METRICS } from "../enums";
import type { Claim, Metric } from "../schema";
import type { Tick } from "./axis";
import { estimateTextWidth } from "./text";

/**
 * Where each claim sits in the article: one dot per claim at its start offset, dates hollow. Dots that would
 * overlap stack upward in lanes (first lane that is free), so the layout is deterministic, never jittered.
 */

export interface PositionMark {
  id: string;
  claim: Claim;
  valueText: string;
  x: number;
  y: number;
  r: number;
  lane: number;
  hollow: boolean;
}

export interface LegendItem {
  key: Metric | "date";
  metric: Metric;
  label: string;
  hollow: boolean;
  x: number;
  y: number;
}

export interface PositionChartLayout {
  width: number;
  height: number;
  axisY: number;
  ticks: Tick[];
  marks: PositionMark[];
  legend: LegendItem[];
}

const MARGIN = { left: 18, right: 18 };
const RADIUS = 5;
const GAP = 2;
const LANE_HEIGHT = 2 * RADIUS + 3;
const LEGEND_ROW = 20;
const TICK_LABELS = ["Start", "25%", "50%", "75%", "End"];

function layoutLegend(claims: readonly Claim[], width: number): LegendItem[] {
  const figures = new Set(claims.filter((c) => c.kind !== "date").map((c) => c.metric));
  const entries: Omit<LegendItem, "x" | "y">[] = METRICS
    .filter((m) => figures.has(m))
    .map((m) => ({ key: m, metric: m, label: METRIC_STYLE[m].label, hollow: false }));
  if (claims.some((c) => c.kind === "date")) entries.push({ key: "date", metric: "other", label: "Date", hollow: true });
  let x = MARGIN.left;
  let y = 12;
  return entries.map((entry) => {
    const itemWidth = 2 * RADIUS + 6 + estimateTextWidth(entry.label, 12) + 18;
    if (x > MARGIN.left && x + itemWidth > width - MARGIN.right) {
      x = MARGIN.left;
      y += LEGEND_ROW;
    }
    const item = { ...entry, x: x + RADIUS, y };
    x += itemWidth;
    return item;
  });
}

export function positionChart(claims: readonly Claim[], { width, textLength }: { width: number; textLength: number }): PositionChartLayout {
  const scale = scaleLinear().domain([0, Math.max(1, textLength)]).range([MARGIN.left, width - MARGIN.right]).clamp(true);
  const ordered = [...claims].sort((a, b) => a.start - b.start || a.end - b.end);
  const laneEnds: number[] = [];
  const placed = ordered.map((claim) => {
    const x = scale(claim.start);
    let lane = laneEnds.findIndex((end) => x - end >= 2 * RADIUS + GAP);
    if (lane === -1) lane = laneEnds.push(x) - 1;
    laneEnds[lane] = x;
    return { claim, x, lane };
  });

  const legend = layoutLegend(claims, width);
  const plotTop = (legend.at(-1)?.y ?? 0) + 20;
  const lanes = Math.max(1, laneEnds.length);
  const axisY = plotTop + lanes * LANE_HEIGHT + 4;
  const marks = placed.map(({ claim, x, lane }): PositionMark => ({
    id: claim.id, claim, x, lane, valueText: claim.kind === "date" ? claim.period ?? claim.quote : formatClaimValue(claim), r: RADIUS, hollow: claim.kind === "date",
    y: axisY - 4 - RADIUS - 1 - lane * LANE_HEIGHT,
  }));
  const ticks = TICK_LABELS.map((label, i) => {
    const value = (i / (TICK_LABELS.length - 1)) * textLength;
    return { value, x: scale(value), label };
  });
  return { width, height: marks.length ? axisY + 26 : 0, axisY, ticks, marks, legend };
}
