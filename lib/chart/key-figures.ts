import { TRADE_METRICS } from "../enums";
import { CHANGE_LABEL, formatClaimValue, isTradeFigure, MODALITY_LABEL } from "../display/format";
import { METRIC_STYLE } from "../display/palette";
import type { Claim } from "../schema";
import { currencyPairs, impliedUsdRates } from "./rates";

/**
 * The article's trade figures as a page leads with them: one card per figure, a figure stated in two currencies
 * once, ordered by metric (balance, volume, exports, imports, tariffs) and then by size. Pure: React draws it.
 */

export interface UsdEquivalent {
  text: string;
  value: number;
  /** "stated": the article gives it; "derived": computed here at a rate the article gives for another figure. */
  basis: "stated" | "derived";
  /** The rate used when derived: "1 CAD ≈ 0.726 USD, from the article's 2024 surplus". */
  note: string | null;
}

export interface KeyFigure {
  id: string;
  /** The equivalent of a pair: selected with the card too. */
  alsoIds: string[];
  metric: Claim["metric"];
  metricLabel: string;
  /** "CAD 102.3B", "more than CAD 760B", "25%". */
  value: string;
  usd: UsdEquivalent | null;
  /** What it measures: the subject, or the quote when there is none. */
  what: string;
  period: string | null;
  periodBasis: Claim["periodBasis"];
  currencyInferred: boolean;
  modality: string | null;
  sentenceIndex: number;
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 });
const rateDigits = new Intl.NumberFormat("en", { maximumSignificantDigits: 3 });

/** US$ per unit of the figure's currency, from the article's own pairs; 1 for US dollars, null without a rate. */
export function usdPerUnit(claim: Pick<Claim, "kind" | "unit">, rates: ReadonlyMap<string, number>): number | null {
  if (claim.kind !== "money" || !claim.unit) return null;
  return claim.unit === "USD" ? 1 : (rates.get(claim.unit) ?? null);
}

function usdText(value: number, valueMax: number | null): string {
  const one = (v: number) => `US$${compact.format(v)}`;
  return valueMax === null ? one(value) : `${one(value)} – ${one(valueMax)}`;
}

function valueWords(claim: Claim): string {
  const value = formatClaimValue(claim);
  if (claim.change === "=") return value;
  const words = CHANGE_LABEL[claim.change];
  return claim.change === "up" || claim.change === "down" ? `${words} of ${value}` : `${words} ${value}`;
}

export function keyFigures(claims: readonly Claim[]): KeyFigure[] {
  const rates = impliedUsdRates(claims);
  const pairs = currencyPairs(claims);
  const byId = new Map(claims.map((c) => [c.id, c]));
  // The claim each rate came from, to say where a derived conversion's rate is from.
  const rateSource = new Map<string, Claim>();
  for (const pair of new Set(pairs.values())) {
    const primary = byId.get(pair.primary);
    if (primary?.unit && primary.unit !== "USD" && !rateSource.has(primary.unit)) rateSource.set(primary.unit, primary);
  }
  const figures: Array<{ figure: KeyFigure; size: number }> = [];
  for (const claim of claims) {
    if (!isTradeFigure(claim)) continue;
    const pair = pairs.get(claim.id);
    if (pair && pair.equivalent === claim.id) continue;
    const equivalent = pair ? byId.get(pair.equivalent) : undefined;
    let usd: UsdEquivalent | null = null;
    if (equivalent && equivalent.unit === "USD") {
      usd = {
        text: usdText(equivalent.value, equivalent.valueMax),
        value: equivalent.value,
        basis: "stated",
        note: null,
      };
    } else if (claim.kind === "money" && claim.unit !== "USD") {
      const rate = usdPerUnit(claim, rates);
      if (rate !== null && claim.unit) {
        const source = rateSource.get(claim.unit);
        const what = source
          ? `${source.subject ?? `“${source.quote}”`}${source.period ? `, ${source.period}` : ""}`
          : null;
        const from = what ? `, the rate the article gives for ${what}` : "";
        usd = {
          text: usdText(claim.value * rate, claim.valueMax === null ? null : claim.valueMax * rate),
          value: claim.value * rate,
          basis: "derived",
          note: `at 1 ${claim.unit} ≈ ${rateDigits.format(rate)} USD${from}`,
        };
      }
    }
    const figure: KeyFigure = {
      id: claim.id,
      alsoIds: equivalent ? [equivalent.id] : [],
      metric: claim.metric,
      metricLabel: METRIC_STYLE[claim.metric].label,
      value: valueWords(claim),
      usd,
      what: claim.subject ?? `“${claim.quote}”`,
      period: claim.period,
      periodBasis: claim.periodBasis,
      currencyInferred: claim.currencyBasis === "inferred",
      modality: MODALITY_LABEL[claim.modality],
      sentenceIndex: claim.sentenceIndex,
    };
    figures.push({ figure, size: usd?.value ?? claim.value });
  }
  const metricOrder = (m: Claim["metric"]) => (TRADE_METRICS as readonly string[]).indexOf(m);
  return (
    figures
      // Within a metric: in force before announced or threatened (as the tariff chart draws them), then largest first.
      .sort(
        (a, b) =>
          metricOrder(a.figure.metric) - metricOrder(b.figure.metric) ||
          Number(a.figure.modality !== null) - Number(b.figure.modality !== null) ||
          b.size - a.size,
      )
      .map(({ figure }) => figure)
  );
}
