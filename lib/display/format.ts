/**
 * lib/display owns how values look at the edge: numbers, money and file sizes formatted for people (format.ts), and
 * the metric labels and colours (palette.ts), including the CSS custom properties the root layout writes. Charts and
 * explore build on it, so it imports only lib/schema and lib/enums: never React, Next, lib/server
 * or another lib/ folder.
 */

import { METRICS } from "../enums";
import type { Claim, Metric } from "../schema";

/** Formatting at the edge, with Intl.NumberFormat: records keep plain numbers. */

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

// Building an Intl.NumberFormat costs far more than formatting with one: one per currency, made on first use.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string): Intl.NumberFormat | null {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat("en", {
        style: "currency",
        currency,
        notation: "compact",
        minimumFractionDigits: 0,
        maximumFractionDigits: 2,
        currencyDisplay: "code",
      });
    } catch {
      format = null; // not an ISO 4217 code Intl knows
    }
    moneyFormats.set(currency, format);
  }
  return format;
}

export function formatMoney(value: number, currency: string | null): string {
  if (!currency) return compact.format(value);
  return moneyFormat(currency)?.format(value) ?? `${compact.format(value)} ${currency}`;
}

/** "CAD 102.3B", "25%", "0.5 pp", "3,400 jobs", "5 months", "#2". */
export function formatClaimValue(
  claim: Pick<Claim, "kind" | "value" | "valueMax" | "unit" | "subject"> & Partial<Pick<Claim, "per">>,
): string {
  const one = (v: number): string => {
    switch (claim.kind) {
      case "money":
        return formatMoney(v, claim.unit);
      case "percent":
        return `${plain.format(v)}%`;
      case "percentage_point":
        return `${plain.format(v)} pp`;
      case "rank":
        return `#${plain.format(v)}`;
      case "date":
        return String(v);
      // A count shows the noun as the article wrote it ("2 countries"); a duration its unit.
      case "count":
        return `${v >= 1e6 ? compact.format(v) : plain.format(v)} ${v === 1 ? (claim.unit ?? "") : (claim.subject ?? claim.unit ?? "")}`.trim();
      case "duration":
        return `${plain.format(v)} ${claim.unit ?? ""}${v === 1 || !claim.unit ? "" : "s"}`.trim();
      default:
        return plain.format(v);
    }
  };
  const shown = claim.valueMax === null ? one(claim.value) : `${one(claim.value)} – ${one(claim.valueMax)}`;
  // "US$58.24 per barrel", "$2B per year": a price or a rate shows what it is per.
  return claim.per ? `${shown} per ${claim.per}` : shown;
}

/**
 * Characters of a claim's sentence that the table and the chart tooltips show: a long paragraph (they clamp it to a
 * few lines anyway). A text without full stops can make one sentence of a megabyte; the source view shows it all.
 */
export const SENTENCE_SHOWN_CHARS = 600;

/** The sentence, or its beginning cut at a word and ended with "…" when it is longer than `max` characters. */
export function shownSentence(sentence: string, max = SENTENCE_SHOWN_CHARS): string {
  if (sentence.length <= max) return sentence;
  const space = sentence.lastIndexOf(" ", max - 1);
  return `${sentence.slice(0, space > max / 2 ? space : max - 1).trimEnd()}…`;
}

export const CHANGE_LABEL: Record<Claim["change"], string> = {
  "=": "level",
  "~": "about",
  ">": "more than",
  "<": "less than",
  up: "increase",
  down: "decrease",
};

/** How a figure not in force is marked wherever it is shown; a figure in force carries no mark. */
export const MODALITY_LABEL: Record<Claim["modality"], string | null> = {
  in_force: null,
  announced: "announced",
  threatened: "threatened",
  proposed: "proposed",
  forecast: "forecast",
};

const SUMMARY_WORDS: Record<Exclude<Metric, "other">, [string, string]> = {
  trade_balance: ["balance", "balance"],
  trade_volume: ["volume", "volume"],
  exports: ["export", "export"],
  imports: ["import", "import"],
  tariff_rate: ["tariff rate", "tariff rates"],
};

/** A figure of a trade metric (balance, volume, exports, imports, tariffs), not a date: what a page leads with. */
export function isTradeFigure(claim: Pick<Claim, "metric" | "kind">): boolean {
  return claim.metric !== "other" && claim.kind !== "date";
}

/** "7 trade figures: 2 balance, 1 volume, 1 export change, 3 tariff rates". */
export function summarise(claims: readonly Claim[]): string {
  const trade = claims.filter(isTradeFigure);
  const parts: string[] = [];
  for (const metric of METRICS) {
    if (metric === "other") continue;
    const group = trade.filter((c) => c.metric === metric);
    if (group.length === 0) continue;
    const [one, many] = SUMMARY_WORDS[metric];
    const changes = group.every((c) => c.change === "up" || c.change === "down");
    const noun = changes ? `${one} change${group.length === 1 ? "" : "s"}` : group.length === 1 ? one : many;
    parts.push(`${group.length} ${noun}`);
  }
  const head = `${trade.length} trade figure${trade.length === 1 ? "" : "s"}`;
  return parts.length ? `${head}: ${parts.join(", ")}` : head;
}
