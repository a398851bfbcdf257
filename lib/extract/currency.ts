import type { CurrencyBasis } from "../schema";
import { DOLLAR_COUNTRY_WORDS, LOCAL_DOLLAR } from "./lexicon";
import type { Quantity } from "./units";

/**
 * What a bare "$" or "¥" means in this article. A Canadian or Australian outlet (by locale, or because it marks
 * American dollars as US$) writes bare $ for its own dollar; everything else reads bare $ as USD. The result is
 * always marked "inferred", with a warning saying why.
 */

export interface CurrencyConvention {
  dollar: string;
  dollarReason: string;
  yen: string;
  yenReason: string;
}

const MARKS_US_DOLLARS = /(?:US\$|\$US|U\.S\.\$|USD\$)\s?\d/;

/** One pass over the text for every country's words, each in its own group. */
const COUNTRY_WORDS = new RegExp(
  DOLLAR_COUNTRY_WORDS.map(([code, pattern]) => `(?<${code}>${pattern.source})`).join("|"),
  "g",
);

function mostMentioned(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(COUNTRY_WORDS)) {
    const code = DOLLAR_COUNTRY_WORDS.find(([c]) => m.groups![c] !== undefined)![0];
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  // In the lexicon's order, so a tie goes to the country listed first.
  for (const [code] of DOLLAR_COUNTRY_WORDS) {
    const count = counts.get(code) ?? 0;
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}

/** The locale's region as Intl reads it ("en-CA" -> CA); extension and private-use subtags are not regions. */
function regionOf(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return new Intl.Locale(locale).region;
  } catch {
    // Not a well-formed tag (every way in validates it first): no region, so nothing is read from it.
    return undefined;
  }
}

/** What an article is about is read from its first 200,000 characters: a longer text is many articles or a dump. */
const SAMPLE = 200_000;

export function readConvention(whole: string, locale: string | undefined): CurrencyConvention {
  const text = whole.length > SAMPLE ? whole.slice(0, SAMPLE) : whole;
  const region = regionOf(locale);
  let dollar = "USD";
  let dollarReason = "the default for an outlet outside Canada, Australia and New Zealand";
  if (region && LOCAL_DOLLAR[region]) {
    dollar = LOCAL_DOLLAR[region];
    dollarReason = `the article's locale ${locale}`;
  } else if (MARKS_US_DOLLARS.test(text)) {
    const local = mostMentioned(text);
    if (local) {
      dollar = local;
      dollarReason = "the article marks American dollars as US$ and is about " + local.slice(0, 2);
    }
  }
  // Only an article with a "¥" needs to know whether it is about China.
  const hasYen = text.includes("¥");
  const china = hasYen ? (text.match(/\b(?:China|Chinese|Beijing)\b/g)?.length ?? 0) : 0;
  const japan = hasYen ? (text.match(/\b(?:Japan|Japanese|Tokyo)\b/g)?.length ?? 0) : 0;
  const yen = china > japan ? "CNY" : "JPY";
  return {
    dollar,
    dollarReason,
    yen,
    yenReason: china > japan ? "the article is about China" : "the article is not about China",
  };
}

export function resolveCurrency(
  q: Quantity,
  convention: CurrencyConvention,
): { unit: string | null; currencyBasis: CurrencyBasis | null; warning: string | null } {
  if (q.kind !== "money") return { unit: q.unit, currencyBasis: null, warning: null };
  if (q.ambiguousSymbol === "$") {
    return {
      unit: convention.dollar,
      currencyBasis: "inferred",
      warning: `currency ${convention.dollar} inferred for a bare $ from ${convention.dollarReason}`,
    };
  }
  if (q.ambiguousSymbol === "¥") {
    // ¥ is written out, so the currency is explicit; only which yen-or-yuan it is comes from the story.
    return {
      unit: convention.yen,
      currencyBasis: "explicit",
      warning: `¥ read as ${convention.yen}: ${convention.yenReason}`,
    };
  }
  return { unit: q.unit, currencyBasis: q.currencyBasis ?? "explicit", warning: null };
}
