import type { ChartLayouts } from "../chart/index";
import type { LabelLine } from "../chart/shapes";
import type { Claim } from "../schema";
import { CSV_CHANGE_WORDS, csvCell } from "./csv";
import { usdEquivalents } from "./usd";

/**
 * "Get the data" for one chart: the CSV of exactly the marks it draws, one row per mark, with what the chart shows
 * of it (its label, its value line, its panel, its US$ equivalent where the panel is in US dollars) beside the
 * figure's own value, unit, modality and sentence. A chart that keeps only its largest bars gives only those rows;
 * the claims CSV has every figure.
 */

export type ChartName = keyof ChartLayouts;
export const CHART_NAMES = ["money", "tariffs", "positions"] as const satisfies readonly ChartName[];

/** One chart with its layout, as chartLayouts built it (or unpackLayouts put it back together on the page). */
export type ChartOf = { [N in ChartName]: { name: N; layout: ChartLayouts[N] } }[ChartName];

export const CHART_CSV_COLUMNS = [
  "chart",
  "panel",
  "currency",
  "id",
  "label",
  "valueText",
  "quote",
  "value",
  "valueMax",
  "unit",
  "change",
  "usdValue",
  "usdValueMax",
  "usdRate",
  "usdRateSource",
  "usdDerived",
  "modality",
  "metric",
  "start",
  "sentence",
] as const;

export type ChartCsvColumn = (typeof CHART_CSV_COLUMNS)[number];
export type ChartMarkRow = Record<ChartCsvColumn, string | number | boolean | null>;

/** What a mark shows, beside the claim it stands for. */
interface Shown {
  id: string;
  panel: string | null;
  currency: string | null;
  label: string;
  valueText: string;
  /** The money panel is in US dollars. */
  inUsd: boolean;
}

/** A bar's title lines as drawn (wrapped, perhaps shortened with an ellipsis), on one line. */
const titleOf = (lines: readonly LabelLine[]) =>
  lines
    .filter((line) => line.role === "title")
    .map((line) => line.text)
    .join(" ");

function shownMarks(chart: ChartOf): Shown[] {
  if (chart.name === "money")
    return chart.layout.panels.flatMap((panel) =>
      panel.bars.map((bar) => ({
        id: bar.id,
        panel: panel.title,
        currency: panel.currency,
        label: titleOf(bar.lines),
        valueText: bar.valueText,
        inUsd: bar.usdValue !== null,
      })),
    );
  if (chart.name === "tariffs")
    return chart.layout.bars.map((bar) => ({
      id: bar.id,
      panel: null,
      currency: null,
      label: titleOf(bar.lines),
      valueText: bar.valueText,
      inUsd: false,
    }));
  return [];
}

/** The position chart: a dot per claim under its key's label, or in density mode each claim under its stretch's bar. */
function positionRows(chart: Extract<ChartOf, { name: "positions" }>, claims: readonly Claim[]): Shown[] {
  const { layout } = chart;
  if (layout.mode === "dots") {
    const keyLabel = new Map(layout.legend.map((item) => [item.key, item.label]));
    return layout.marks.map((mark) => ({
      id: mark.id,
      panel: null,
      currency: null,
      label: keyLabel.get(mark.claim.kind === "date" ? "date" : mark.claim.metric) ?? "",
      valueText: mark.valueText,
      inUsd: false,
    }));
  }
  // Bins are in text order and each holds [start, end): a claim is in the last one that starts at or before it.
  const rows: Shown[] = [];
  for (const claim of [...claims].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const bin = layout.bins.findLast((b) => b.start <= claim.start) ?? layout.bins[0];
    if (bin)
      rows.push({ id: claim.id, panel: bin.range, currency: null, label: bin.label, valueText: "", inUsd: false });
  }
  return rows;
}

/** The rows of one chart's CSV; `claims` are the ones its layout was built from (a mark's claim must be among them). */
export function chartMarkRows(chart: ChartOf, claims: readonly Claim[]): ChartMarkRow[] {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const usd = chart.name === "money" ? usdEquivalents(claims) : new Map();
  const shown = chart.name === "positions" ? positionRows(chart, claims) : shownMarks(chart);
  return shown.map((mark): ChartMarkRow => {
    const claim = byId.get(mark.id);
    if (!claim) throw new Error(`a ${chart.name} chart mark names a claim not given: ${mark.id}`);
    const equivalent = mark.inUsd ? usd.get(claim.id) : undefined;
    return {
      chart: chart.name,
      panel: mark.panel,
      currency: mark.currency,
      id: claim.id,
      label: mark.label,
      valueText: mark.valueText,
      quote: claim.quote,
      value: claim.value,
      valueMax: claim.valueMax,
      unit: claim.unit,
      change: CSV_CHANGE_WORDS[claim.change],
      usdValue: equivalent?.value ?? null,
      usdValueMax: equivalent?.valueMax ?? null,
      usdRate: equivalent?.rate ?? null,
      usdRateSource: equivalent?.rateSource ?? null,
      usdDerived: equivalent?.derived ?? null,
      modality: claim.modality,
      metric: claim.metric,
      start: claim.start,
      sentence: claim.sentence,
    };
  });
}

/** The chart's marks as RFC 4180 CSV, quoted and neutralised as claimsToCsv does (csvForExcel gives Excel's copy). */
export function chartToCsv(chart: ChartOf, claims: readonly Claim[]): string {
  const lines = [CHART_CSV_COLUMNS.join(",")];
  for (const row of chartMarkRows(chart, claims)) lines.push(CHART_CSV_COLUMNS.map((c) => csvCell(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** One chart of an article's layouts, by name: what the /data/chart-<name>.csv routes and a chart's frame pass. */
export function chartOf(layouts: ChartLayouts, name: ChartName): ChartOf {
  if (name === "money") return { name, layout: layouts.money };
  if (name === "tariffs") return { name, layout: layouts.tariffs };
  return { name, layout: layouts.positions };
}
