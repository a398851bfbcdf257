import type { Claim } from "../schema";

/**
 * Exchange rates the article itself implies: when it states one figure in two currencies ("$102.3 billion
 * (US$74.25 billion)"), the pair gives US$ per unit of the other currency. No outside rates: the chart converts
 * only what the article lets a reader convert.
 */

// Three significant digits, trailing zeros dropped: "0.726", "0.00667", "3.25". Intl rather than d3-format, so the
// dashboard, which reads these rates in the browser, does not load d3-format for them.
const rateDigits = new Intl.NumberFormat("en", { maximumSignificantDigits: 3, useGrouping: false });
const rateFormat = (rate: number) => rateDigits.format(rate);

export function impliedUsdRates(claims: readonly Claim[]): Map<string, number> {
  const money = new Map(claims.filter((c) => c.kind === "money").map((c) => [c.id, c]));
  const rates = new Map<string, number>();
  for (const claim of money.values()) {
    for (const link of claim.links) {
      const other = money.get(link.id);
      if (link.relation !== "currency_equivalent" || !other) continue;
      const [usd, foreign] = claim.unit === "USD" ? [claim, other] : [other, claim];
      if (
        usd.unit !== "USD" ||
        !foreign.unit ||
        foreign.unit === "USD" ||
        foreign.value === 0 ||
        rates.has(foreign.unit)
      )
        continue;
      rates.set(foreign.unit, usd.value / foreign.value);
    }
  }
  return rates;
}

export function rateNote(currency: string, usdPerUnit: number): string {
  return `rate implied by the article (1 ${currency} ≈ ${rateFormat(usdPerUnit)} USD)`;
}

/** One figure stated in two currencies: the amount as the article gives it first, and its stated equivalent. */
export interface CurrencyPair {
  primary: string;
  equivalent: string;
}

/**
 * The article's currency_equivalent pairs ("$102.3 billion (US$74.25 billion)"), by the id of either side: a chart
 * or a card draws the pair as one figure, the amount written first with the other as its label.
 */
export function currencyPairs(claims: readonly Claim[]): Map<string, CurrencyPair> {
  const money = new Map(claims.filter((c) => c.kind === "money").map((c) => [c.id, c]));
  const pairs = new Map<string, CurrencyPair>();
  for (const claim of money.values()) {
    for (const link of claim.links) {
      const other = money.get(link.id);
      if (link.relation !== "currency_equivalent" || !other || pairs.has(claim.id) || pairs.has(other.id)) continue;
      const [first, second] = claim.start <= other.start ? [claim, other] : [other, claim];
      const pair = { primary: first.id, equivalent: second.id };
      pairs.set(first.id, pair);
      pairs.set(second.id, pair);
    }
  }
  return pairs;
}
