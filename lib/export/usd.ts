import { impliedUsdRates } from "../chart/rates";
import type { Claim } from "../schema";

/**
 * The US-dollar equivalent of each money figure, at the rates the money chart converts with (lib/chart/rates.ts: only
 * what the article itself implies, from a figure it states in two currencies). A figure in US$ is its own equivalent
 * at rate 1; a figure in a currency the article gives no rate for has none.
 */
export interface UsdEquivalent {
  value: number;
  valueMax: number | null;
  /** US$ per unit of the figure's currency. */
  rate: number;
  /** The id of the US$ figure whose pair in the article states the rate; null for a figure already in US$. */
  rateSource: string | null;
  /** Computed at the rate, rather than stated by the article beside the figure (or in US$ already). */
  derived: boolean;
}

/** Fifteen significant digits: 760e9 × (74.25e9 / 102.3e9) is 551612903225.806, not 551612903225.80646. */
const clean = (n: number) => Number(n.toPrecision(15));

/** Each money figure's US$ partner, where the article states the figure in both ("$102.3 billion (US$74.25 billion)"). */
function statedPartners(money: ReadonlyMap<string, Claim>): Map<string, Claim> {
  const partners = new Map<string, Claim>();
  for (const claim of money.values()) {
    for (const link of claim.links) {
      const other = money.get(link.id);
      if (link.relation !== "currency_equivalent" || !other) continue;
      const [usd, foreign] = claim.unit === "USD" ? [claim, other] : [other, claim];
      if (usd.unit === "USD" && foreign.unit !== "USD" && foreign.value !== 0 && !partners.has(foreign.id))
        partners.set(foreign.id, usd);
    }
  }
  return partners;
}

/**
 * By claim id; only money figures that have an equivalent are in it. A figure the article states in US$ as well
 * takes that amount (its own pair's rate); any other figure in that currency is converted at the article's rate for
 * it, as the money chart converts it, and names the US$ figure the rate was read from.
 */
export function usdEquivalents(claims: readonly Claim[]): Map<string, UsdEquivalent> {
  const money = new Map(claims.filter((c) => c.kind === "money").map((c) => [c.id, c]));
  const rates = impliedUsdRates(claims);
  const partners = statedPartners(money);
  // The US$ figure each currency's rate comes from: the first stated pair whose ratio is that rate.
  const rateSources = new Map<string, string>();
  for (const [foreignId, usd] of partners) {
    const foreign = money.get(foreignId)!;
    const currency = foreign.unit!;
    if (!rateSources.has(currency) && rates.get(currency) === usd.value / foreign.value)
      rateSources.set(currency, usd.id);
  }
  const equivalents = new Map<string, UsdEquivalent>();
  for (const claim of money.values()) {
    if (claim.unit === "USD") {
      equivalents.set(claim.id, {
        value: claim.value,
        valueMax: claim.valueMax,
        rate: 1,
        rateSource: null,
        derived: false,
      });
      continue;
    }
    const partner = partners.get(claim.id);
    const rate = partner ? partner.value / claim.value : claim.unit === null ? undefined : rates.get(claim.unit);
    if (rate === undefined) continue;
    equivalents.set(claim.id, {
      value: partner?.value ?? clean(claim.value * rate),
      valueMax: partner?.valueMax ?? (claim.valueMax === null ? null : clean(claim.valueMax * rate)),
      rate,
      rateSource: partner?.id ?? rateSources.get(claim.unit!) ?? null,
      derived: !partner,
    });
  }
  return equivalents;
}
