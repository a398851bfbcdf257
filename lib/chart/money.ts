import { extent } from "d3-array";
import { format } from "d3-format";
import { scaleLinear } from "d3-scale";
import { CHANGE_LABEL, formatClaimValue } from "../display/format";
import type { Claim } from "../schema";
import { linearTicks, type Tick } from "./axis";
import { barOutline, type Box, capNote, type ChartBar, type LabelLine, layoutLabel, markClaim } from "./shapes";
import { currencyPairs, impliedUsdRates, rateNote } from "./rates";

/**
 * Money claims as bars in panels that never share an axis: levels and changes mean different things, and each
 * panel is in the currency the article states, so a bar is always the amount as stated. A figure stated in two
 * currencies ("$102.3 billion (US$74.25 billion)") is one bar with both amounts; a US-dollar equivalent the chart
 * derives (at a rate the article gives for another figure) is a grey note under the bar, never the bar itself. A
 * panel with one figure shows it as a labelled value: one bar on its own scale says nothing about its size.
 * Pure: React draws it.
 */

const MONEY_PANEL_KINDS = ["levels", "changes"] as const;
export type MoneyPanelKind = (typeof MONEY_PANEL_KINDS)[number];

export interface MoneyBar extends ChartBar {
  inferred: boolean;
  /** The amount in US$: stated by the article, or derived at its rate; null without a rate. */
  usdValue: number | null;
  /** "stated": the article gives the US$ amount (the other half of a pair); "derived": computed here. */
  usdBasis: "stated" | "derived" | null;
  /** The stated US$ equivalent's claim id, selected with this bar. */
  alsoIds: string[];
}

export interface MoneyPanel {
  key: string;
  kind: MoneyPanelKind;
  currency: string | null;
  converted: boolean;
  title: string;
  subtitle: LabelLine[];
  y: number;
  zeroX: number;
  gridTop: number;
  axisY: number;
  ticks: Tick[];
  bars: MoneyBar[];
  /** Money figures of this panel in the article; more than `bars.length` when the chart keeps only the largest. */
  total: number;
  /** One figure: drawn as a labelled value, without a bar or an axis. */
  labelOnly: boolean;
}

export interface MoneyChartLayout {
  width: number;
  height: number;
  panels: MoneyPanel[];
  /** US$ per unit of each currency, as implied by the article's own currency_equivalent pairs. */
  rates: Map<string, number>;
  /** Money figures in the article, drawn or not. */
  total: number;
  /** Above the panels when whole currencies are left out: how many figures, and that the table has them. */
  note: LabelLine[];
}

const MARGIN = { left: 28, right: 28 };
const BAR_HEIGHT = 16;
const ROW_GAP = 20;
const PANEL_GAP = 36;

const si = format("~s");
const count = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 });

const isChange = (c: Claim) => c.change === "up" || c.change === "down";

function moneyTick(currency: string | null) {
  const symbol = currency === "USD" ? "$" : currency ? `${currency} ` : "";
  // d3's SI prefix says G for 10^9; finance readers expect B.
  return (v: number) => (v === 0 ? "0" : `${v < 0 ? "−" : ""}${symbol}${si(Math.abs(v)).replace("G", "B")}`);
}

const usd = (v: number) => `US$${compact.format(v)}`;
const usdRange = (value: number, valueMax: number | null, factor = 1) =>
  `${usd(value * factor)}${valueMax === null ? "" : ` – ${usd(valueMax * factor)}`}`;

/** The amount as stated (with its stated US$ equivalent, for a pair): the bold line under a bar's title. */
function valueText(claim: Claim, equivalent: Claim | null): string {
  const prefix = claim.change === "=" ? "" : `${CHANGE_LABEL[claim.change]}${isChange(claim) ? " of" : ""} `;
  const inferred = claim.currencyBasis === "inferred" ? " (currency\u00a0inferred)" : "";
  const stated = equivalent ? ` = ${usdRange(equivalent.value, equivalent.valueMax)}` : "";
  return `${prefix}${formatClaimValue(claim)}${inferred}${stated}`;
}

/** [zero-side end, value end] in the panel's currency; a range runs from value to valueMax, a decrease goes left. */
function endpoints(claim: Claim, factor: number): [number, number] {
  const sign = claim.change === "down" ? -1 : 1;
  return claim.valueMax === null
    ? [0, sign * claim.value * factor]
    : [sign * claim.value * factor, sign * claim.valueMax * factor];
}

interface Placement {
  claim: Claim;
  kind: MoneyPanelKind;
  currency: string | null;
  /** US$ per unit, when the article implies it (1 for US dollars). */
  usdPerUnit: number | null;
  /** The stated US$ half of a pair, drawn as this bar's second label. */
  equivalent: Claim | null;
}

function place(claim: Claim, rates: Map<string, number>, equivalent: Claim | null): Placement {
  const kind: MoneyPanelKind = isChange(claim) ? "changes" : "levels";
  const usdPerUnit = claim.unit === "USD" ? 1 : claim.unit ? (rates.get(claim.unit) ?? null) : null;
  return { claim, kind, currency: claim.unit, usdPerUnit, equivalent };
}

/** "US dollars", "Canadian dollars", "euros": the name a sentence uses, from Intl; the code when Intl has none. */
function currencyName(code: string | null): string {
  if (!code) return "a currency not stated";
  try {
    const parts = new Intl.NumberFormat("en", {
      style: "currency",
      currency: code,
      currencyDisplay: "name",
    }).formatToParts(2);
    return parts.find((p) => p.type === "currency")?.value ?? code;
  } catch {
    return code;
  }
}

function panelHeading(kind: MoneyPanelKind, currency: string | null, single: boolean): [string, string] {
  const what = kind === "levels" ? "Amounts as stated" : "Increases and decreases, drawn from zero";
  const title = kind === "levels" ? "Levels" : "Changes";
  if (single) return [title, `One figure, in ${currencyName(currency)}: shown as a value, not a bar`];
  return [title, `${what}, in ${currencyName(currency)}`];
}

/**
 * At most this many bars of each kind (levels, changes), so a 10 MB article still draws a readable chart, about as
 * tall as the tariff chart's 20 bars; the table lists every figure. The bars kept are the largest: the figures a
 * reader scans a long text for.
 */
export const MONEY_BARS_PER_KIND = 10;
/**
 * At most this many currencies get panels: US dollars (with every amount the article gives a rate for), then the
 * currencies without a rate that have the most figures. Each panel has its own scale and heading, so a dozen
 * currencies would make a chart of headings; the rest are counted in a note.
 */
export const MONEY_CURRENCIES_MAX = 3;

/** The bar's far end from zero, in US$ where the article implies a rate: what "largest" compares. */
const magnitude = (p: Placement) => Math.max(...endpoints(p.claim, p.usdPerUnit ?? 1).map(Math.abs));

/**
 * Which bars each panel keeps, up to `cap` across the panels of one kind. Amounts with no rate in the article cannot
 * be ranked against US dollars, so the panels take turns, each giving its next-largest figure; with one panel (the
 * usual case) this is simply the `cap` largest. Ties go to the earlier figure in the article.
 */
function keepLargest(groups: Placement[][], cap: number): Set<Placement> {
  const ranked = groups.map((group) =>
    group
      .map((p) => ({ p, size: magnitude(p) }))
      .sort((a, b) => b.size - a.size || a.p.claim.start - b.p.claim.start)
      .map(({ p }) => p),
  );
  const kept = new Set<Placement>();
  for (let rank = 0; kept.size < cap && ranked.some((group) => rank < group.length); rank++) {
    for (const group of ranked) {
      const next = group[rank];
      if (next && kept.size < cap) kept.add(next);
    }
  }
  return kept;
}

export function moneyChart(claims: readonly Claim[], { width }: { width: number }): MoneyChartLayout {
  const rates = impliedUsdRates(claims);
  const pairs = currencyPairs(claims);
  const byId = new Map(claims.map((c) => [c.id, c]));
  // Panels of currencies with a US$ rate first, then the others; levels before changes within each currency.
  const order = (p: Placement) =>
    `${p.usdPerUnit === null ? 1 : 0}:${p.currency ?? "~"}:${p.kind === "levels" ? 0 : 1}`;
  const byKey = new Map<string, Placement[]>();
  for (const claim of claims) {
    if (claim.kind !== "money") continue;
    const pair = pairs.get(claim.id);
    // The second half of a pair is the first half's label, not a bar of its own.
    if (pair && pair.equivalent === claim.id && byId.get(pair.primary)?.kind === "money") continue;
    const other = pair ? (byId.get(pair.equivalent) ?? null) : null;
    const p = place(claim, rates, other?.unit === "USD" ? other : null);
    const key = order(p);
    const group = byKey.get(key);
    if (group) group.push(p);
    else byKey.set(key, [p]);
  }
  const sorted = [...byKey].sort(([a], [b]) => a.localeCompare(b));
  // A currency is its key without the levels/changes suffix; converted amounts ("0:USD") sort first.
  const currencyOf = (key: string) => key.slice(0, key.lastIndexOf(":"));
  const perCurrency = new Map<string, number>();
  for (const [key, group] of sorted)
    perCurrency.set(currencyOf(key), (perCurrency.get(currencyOf(key)) ?? 0) + group.length);
  const shownCurrencies = new Set(
    [...perCurrency]
      .sort(([a, m], [b, n]) => Number(a.startsWith("1:")) - Number(b.startsWith("1:")) || n - m || a.localeCompare(b))
      .slice(0, MONEY_CURRENCIES_MAX)
      .map(([currency]) => currency),
  );
  const groups = new Map(
    sorted
      .filter(([key]) => shownCurrencies.has(currencyOf(key)))
      .map(([key, group]) => [key, group.sort((a, b) => a.claim.start - b.claim.start)]),
  );
  const kept = new Set<Placement>();
  for (const kind of MONEY_PANEL_KINDS) {
    for (const p of keepLargest(
      [...groups.values()].filter((g) => g[0]?.kind === kind),
      MONEY_BARS_PER_KIND,
    ))
      kept.add(p);
  }

  const labelWidth = width - MARGIN.left - 8;
  const total = sorted.reduce((sum, [, group]) => sum + group.length, 0);
  const left = [...perCurrency].filter(([currency]) => !shownCurrencies.has(currency));
  const leftFigures = left.reduce((sum, [, n]) => sum + n, 0);
  const figures = `${count.format(leftFigures)} figure${leftFigures === 1 ? "" : "s"}`;
  const currencies = `${left.length} more currenc${left.length === 1 ? "y" : "ies"}`;
  const note = left.length
    ? layoutLabel(
        [
          {
            text: `${figures} in ${currencies} without a rate in the article: only in the table.`,
            role: "note",
          },
        ],
        MARGIN.left,
        0,
        labelWidth,
      )
    : [];
  const panels: MoneyPanel[] = [];
  let y = note.length ? (note.at(-1)?.y ?? 0) + 16 : 0;
  for (const [key, all] of groups) {
    const group = all.filter((p) => kept.has(p));
    const first = group[0];
    if (!first) continue;
    const converted = first.usdPerUnit !== null;
    const labelOnly = group.length === 1;
    const [title, subtitleText] = panelHeading(first.kind, first.currency, labelOnly);
    const subtitle = layoutLabel(
      [
        { text: subtitleText, role: "note" },
        ...(group.length < all.length
          ? [{ text: capNote(group.length, all.length, "largest", ""), role: "note" as const }]
          : []),
      ],
      MARGIN.left,
      y + 20,
      labelWidth,
    );
    const gridTop = (subtitle.at(-1)?.y ?? y) + 14;

    // The stated amounts: the panel's scale is its own currency's.
    const ends = group.flatMap((p) => endpoints(p.claim, 1));
    const [lo = 0, hi = 0] = extent([0, ...ends]);
    const scale = scaleLinear()
      .domain(lo === hi ? [0, 1] : [lo, hi])
      .nice()
      .range([MARGIN.left, width - MARGIN.right]);

    let rowTop = gridTop + 6;
    const bars = group.map(({ claim, usdPerUnit, equivalent }): MoneyBar => {
      const derived = equivalent === null && usdPerUnit !== null && claim.unit !== "USD" && claim.unit !== null;
      const note =
        derived && claim.unit
          ? `≈ ${usdRange(claim.value, claim.valueMax, usdPerUnit)}, derived: ${rateNote(claim.unit, usdPerUnit)}`
          : null;
      const text = valueText(claim, equivalent);
      const lines = layoutLabel(
        [
          {
            text: claim.subject ?? `“${claim.quote}”`,
            role: "title",
            capitalise: true,
            suffix: claim.period ? `, ${claim.period}` : "",
          },
          { text, role: "value" },
          ...(note ? [{ text: note, role: "note" as const }] : []),
        ],
        MARGIN.left,
        rowTop,
        labelWidth,
      );
      const barY = (lines.at(-1)?.y ?? rowTop) + 8;
      const [from, to] = endpoints(claim, 1).map((v) => scale(v)) as [number, number];
      const direction = to >= from ? 1 : -1;
      const openEnded = claim.change === ">";
      const bar = { x: Math.min(from, to), y: barY, width: Math.max(1, Math.abs(to - from)), height: BAR_HEIGHT };
      // A labelled value has no bar: its row ends under its labels.
      const bottom = labelOnly ? barY - 4 : barY + BAR_HEIGHT;
      const hit = { x: 4, y: rowTop - 4, width: width - 8, height: bottom + 8 - (rowTop - 4) };
      rowTop = bottom + ROW_GAP;
      return {
        id: claim.id,
        claim: markClaim(claim),
        valueText: note ? `${text}, ${note}` : text,
        lines,
        bar,
        hit,
        outline: barOutline(from, to, barY, BAR_HEIGHT, openEnded),
        end: { x: to, direction },
        inferred: claim.currencyBasis === "inferred",
        openEnded,
        approximate: claim.change === "~",
        range: claim.valueMax !== null,
        usdValue: equivalent ? equivalent.value : usdPerUnit === null ? null : claim.value * usdPerUnit,
        usdBasis: equivalent || claim.unit === "USD" ? "stated" : usdPerUnit === null ? null : "derived",
        alsoIds: equivalent ? [equivalent.id] : [],
      };
    });
    const axisY = labelOnly ? rowTop - ROW_GAP : rowTop - ROW_GAP + 10;
    panels.push({
      key,
      kind: first.kind,
      currency: first.currency,
      converted,
      title,
      subtitle,
      y,
      zeroX: scale(0),
      gridTop,
      axisY,
      ticks: linearTicks(scale, moneyTick(first.currency)),
      bars,
      total: all.length,
      labelOnly,
    });
    y = axisY + (labelOnly ? 0 : 22) + PANEL_GAP;
  }
  return { width, height: panels.length ? y - PANEL_GAP : 0, panels, rates, total, note };
}
