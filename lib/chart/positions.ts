import { scaleLinear } from "d3-scale";
import { formatClaimValue } from "../display/format";
import { METRIC_STYLE } from "../display/palette";
import { METRICS } from "../enums";
import type { Claim, Metric } from "../schema";
import type { Tick } from "./axis";
import { stackInLanes } from "./lanes";
import { type Box, type MarkClaim, markClaim } from "./shapes";
import { estimateTextWidth } from "./text";

/**
 * Where each claim sits in the article: one dot per claim at its start offset, dates hollow. Dots that would
 * overlap stack upward in lanes (first lane that is free), so the layout is deterministic, never jittered.
 * A long article has too many claims for dots: it gets a density view instead, claims counted in equal stretches
 * of text and stacked by metric.
 */

export interface PositionMark {
  id: string;
  claim: MarkClaim;
  valueText: string;
  x: number;
  y: number;
  r: number;
  lane: number;
  hollow: boolean;
}

export type LegendKey = Metric | "date";

export interface LegendItem {
  key: LegendKey;
  metric: Metric;
  label: string;
  hollow: boolean;
  x: number;
  y: number;
}

/** One metric's share of a density bin, as a rect stacked on the ones below it. */
export interface DensitySegment {
  key: LegendKey;
  metric: Metric;
  hollow: boolean;
  count: number;
  y: number;
  height: number;
}

/** The claims whose start falls in characters [start, end) of the text. */
export interface DensityBin {
  index: number;
  start: number;
  end: number;
  count: number;
  /** The claim a click selects: the bin's first in the text. */
  firstId: string;
  /** "characters 1–250,000 (0%–3%)" */
  range: string;
  /** "12 figures in characters 1–250,000 (0%–3%)": tooltip and button name. */
  label: string;
  /** Counts by metric, for the tooltip: "Exports 7 · Tariff rate 3 · Date 2". */
  breakdown: string;
  x: number;
  width: number;
  /** The whole column, not just the bar: a stretch with one figure is still easy to hover and tap. */
  hit: Box;
  segments: DensitySegment[];
}

export interface PositionChartLayout {
  width: number;
  height: number;
  axisY: number;
  ticks: Tick[];
  /** "dots" draws `marks`, one per claim; "density" draws `bins`. The other array is empty. */
  mode: "dots" | "density";
  marks: PositionMark[];
  bins: DensityBin[];
  /** Density view: a gridline at the tallest bar's height, labelled with its count, as the bars' only scale. */
  peak: { y: number; label: string } | null;
  /** Every claim placed, dates included. */
  total: number;
  legend: LegendItem[];
}

const MARGIN = { left: 18, right: 18 };
const RADIUS = 5;
const GAP = 2;
const LANE_HEIGHT = 2 * RADIUS + 3;
const LEGEND_ROW = 20;
const TICK_LABELS = ["Start", "25%", "50%", "75%", "End"];

/** Beyond this many claims a dot per claim is a smear (and thousands of focusable nodes): draw densities. */
export const DOTS_MAX_CLAIMS = 300;
/** Or when the dots would pile up this many lanes deep: a few hundred claims in one table of figures. */
export const DOTS_MAX_LANES = 24;
/** Stretches of text in the density view: about 8 px each at the chart's 360 px, wide enough to hover and tap. */
export const DENSITY_BINS = 40;
const DENSITY_HEIGHT = 96;
const BIN_GAP = 1;

const LEGEND_ORDER: readonly LegendKey[] = [...METRICS, "date"];
const legendKey = (c: Pick<Claim, "kind" | "metric">): LegendKey => (c.kind === "date" ? "date" : c.metric);
const number = new Intl.NumberFormat("en");

function layoutLegend(claims: readonly Claim[], width: number): LegendItem[] {
  const present = new Set(claims.map(legendKey));
  let x = MARGIN.left;
  let y = 12;
  return LEGEND_ORDER.filter((key) => present.has(key)).map((key) => {
    const entry =
      key === "date"
        ? { key, metric: "other" as const, label: "Date", hollow: true }
        : { key, metric: key, label: METRIC_STYLE[key].label, hollow: false };
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

function axisTicks(scale: (v: number) => number, textLength: number): Tick[] {
  return TICK_LABELS.map((label, i) => {
    const value = (i / (TICK_LABELS.length - 1)) * textLength;
    return { value, x: scale(value), label };
  });
}

function dotMarks(
  ordered: readonly Claim[],
  xs: readonly number[],
  lanes: readonly number[],
  axisY: number,
): PositionMark[] {
  return ordered.map((claim, i): PositionMark => ({
    id: claim.id,
    claim: markClaim(claim),
    x: xs[i]!,
    lane: lanes[i]!,
    valueText: claim.kind === "date" ? (claim.period ?? claim.quote) : formatClaimValue(claim),
    r: RADIUS,
    hollow: claim.kind === "date",
    y: axisY - 4 - RADIUS - 1 - lanes[i]! * LANE_HEIGHT,
  }));
}

/** Characters counted from 1, as a reader counts them: [0, 250000) is "characters 1–250,000". */
function binRange(start: number, end: number, textLength: number): string {
  const percent = (offset: number) => `${Math.round((offset / textLength) * 100)}%`;
  return `characters ${number.format(start + 1)}–${number.format(end)} (${percent(start)}–${percent(end)})`;
}

/** Claims counted in DENSITY_BINS equal stretches of text, one pass over the claims. */
function densityBins(
  claims: readonly Claim[],
  scale: (v: number) => number,
  textLength: number,
  axisY: number,
): DensityBin[] {
  const length = Math.max(1, textLength);
  // Edges rounded up, so floor(start × bins / length) always names the bin whose [edge, next edge) holds start.
  const edge = (i: number) => Math.ceil((i * length) / DENSITY_BINS);
  const counts = Array.from({ length: DENSITY_BINS }, () => new Map<LegendKey, number>());
  const first: (Claim | undefined)[] = new Array(DENSITY_BINS);
  const totals = new Array<number>(DENSITY_BINS).fill(0);
  for (const claim of claims) {
    const bin = Math.min(DENSITY_BINS - 1, Math.max(0, Math.floor((claim.start * DENSITY_BINS) / length)));
    const key = legendKey(claim);
    counts[bin]!.set(key, (counts[bin]!.get(key) ?? 0) + 1);
    totals[bin]!++;
    const current = first[bin];
    if (!current || claim.start < current.start || (claim.start === current.start && claim.end < current.end))
      first[bin] = claim;
  }
  const height = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([0, DENSITY_HEIGHT]);
  const round = (v: number) => Math.round(v * 100) / 100;
  const bins: DensityBin[] = [];
  for (let index = 0; index < DENSITY_BINS; index++) {
    const firstClaim = first[index];
    if (!firstClaim) continue;
    const [start, end] = [edge(index), Math.min(length, edge(index + 1))];
    const x = scale(start) + BIN_GAP / 2;
    let top = axisY - 1;
    const segments: DensitySegment[] = [];
    for (const key of LEGEND_ORDER) {
      const count = counts[index]!.get(key);
      if (!count) continue;
      // At least a pixel, so a stretch with one figure among thousands still shows.
      const h = Math.max(1, height(count));
      top -= h;
      segments.push({
        key,
        metric: key === "date" ? "other" : key,
        hollow: key === "date",
        count,
        y: round(top),
        height: round(h),
      });
    }
    const count = totals[index]!;
    const range = binRange(start, end, length);
    bins.push({
      index,
      start,
      end,
      count,
      firstId: firstClaim.id,
      range,
      label: `${number.format(count)} figure${count === 1 ? "" : "s"} in ${range}`,
      breakdown: segments
        .map((s) => `${s.key === "date" ? "Date" : METRIC_STYLE[s.metric].label} ${number.format(s.count)}`)
        .join(" · "),
      x: round(x),
      width: round(Math.max(1, scale(end) - scale(start) - BIN_GAP)),
      segments,
      hit: {
        x: round(x - BIN_GAP / 2),
        y: axisY - DENSITY_HEIGHT - 4,
        width: round(scale(end) - scale(start)),
        height: DENSITY_HEIGHT + 4,
      },
    });
  }
  return bins;
}

export function positionChart(
  claims: readonly Claim[],
  { width, textLength }: { width: number; textLength: number },
): PositionChartLayout {
  const scale = scaleLinear()
    .domain([0, Math.max(1, textLength)])
    .range([MARGIN.left, width - MARGIN.right])
    .clamp(true);
  const legend = layoutLegend(claims, width);
  const plotTop = (legend.at(-1)?.y ?? 0) + 20;
  const ticks = axisTicks(scale, textLength);
  const base = { width, ticks, legend, total: claims.length };

  if (claims.length <= DOTS_MAX_CLAIMS) {
    const ordered = [...claims].sort((a, b) => a.start - b.start || a.end - b.end);
    const xs = ordered.map((c) => scale(c.start));
    const { lanes, laneCount } = stackInLanes(xs, 2 * RADIUS + GAP);
    if (laneCount <= DOTS_MAX_LANES) {
      const axisY = plotTop + Math.max(1, laneCount) * LANE_HEIGHT + 4;
      const marks = dotMarks(ordered, xs, lanes, axisY);
      return { ...base, mode: "dots", height: marks.length ? axisY + 26 : 0, axisY, marks, bins: [], peak: null };
    }
  }
  // Room above the bars for the peak's label.
  const axisY = plotTop + 14 + DENSITY_HEIGHT + 4;
  const bins = densityBins(claims, scale, textLength, axisY);
  const most = Math.max(0, ...bins.map((b) => b.count));
  const peak = { y: axisY - 1 - DENSITY_HEIGHT, label: `${number.format(most)} in the busiest stretch` };
  return { ...base, mode: "density", height: axisY + 26, axisY, marks: [], bins, peak };
}
