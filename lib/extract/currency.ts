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

function mostMentioned(text: string): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [code, pattern] of DOLLAR_COUNTRY_WORDS) {
    const count = text.match(pattern)?.length ?? 0;
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

export function readConvention(text: string, locale: string | undefined): CurrencyConvention {
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
  const china = text.match(/\b(?:China|Chinese|Beijing)\b/g)?.length ?? 0;
  const japan = text.match(/\b(?:Japan|Japanese|Tokyo)\b/g)?.length ?? 0;
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
