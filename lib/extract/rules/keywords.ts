/**
 * The metric keyword rules: each is a family of words that says which trade flow a figure measures ("tariff rate",
 * "surplus", "exports"), as data. `find` is the rule's regex sources, from the lexicon; the classify stage compiles
 * every rule into one scan per sentence, in this order (an earlier rule wins a tie at the same place). `resolve`
 * reads the keyword's neighbours and says what family it stands for there: "budget deficit" is no trade balance,
 * "retail sales" are no exports, "import prices" are a price.
 */
import { METRIC_KEYWORDS, MEASURE_WORDS, NON_TRADE_BALANCE, type MetricKeyword } from "../lexicon";
import { alternatives } from "../patterns";

export type KeywordFamily = MetricKeyword | "sales";

/**
 * One keyword found in a sentence, as its rule's `resolve` sees it. The classify stage reuses one scan for every
 * keyword (a fresh object per keyword showed in the profile), so a rule reads it and does not keep it.
 */
export interface KeywordScan {
  sentence: string;
  index: number;
  length: number;
}

export interface KeywordRule {
  name: `keyword.${KeywordFamily}`;
  family: KeywordFamily;
  find: string;
  resolve(scan: KeywordScan): KeywordFamily;
}

const before = (s: KeywordScan) => s.sentence.slice(Math.max(0, s.index - 40), s.index);
const after = (s: KeywordScan) => s.sentence.slice(s.index + s.length, s.index + s.length + 100);
const word = (s: KeywordScan) => s.sentence.slice(s.index, s.index + s.length);

const RATE_QUOTA_AFTER = /^-rate[\s\u00a0]+quotas?\b/i;
const DOMESTIC_SALES =
  /\b(?:retail|home|house|housing|car|auto|vehicle|existing|new|same-store|online|holiday|ticket|album|book)[\s\u00a0]+$/i;
const CAPITALISED_BEFORE = /\p{Lu}[\p{L}.]*[\s\u00a0]+$/u;
const ABROAD_AFTER = /^[\s\u00a0]+(?:to|abroad|overseas|in)\b/;
const EXPORT_WORD = /\bexport/i;
const MEASURES = new RegExp(String.raw`\b(?:${alternatives(MEASURE_WORDS)})\b`, "i");
const SELLING = /^(?:sold|sells|sen[dt]s?)$/i;
const DESTINATION_AFTER =
  /\b(?:to[\s\u00a0]+(?:the[\s\u00a0]+)?\p{Lu}|abroad|overseas|foreign|(?:south|north|across) of the border|across the border)/u;
const PRICE_AFTER = /^[\s\u00a0]+(?:prices?|costs?|inflation)\b/i;
const PRICE_OF_BEFORE = /\b(?:prices?|costs?)[\s\u00a0]+of[\s\u00a0]+(?:[\p{L}-]+[\s\u00a0]+)?$/iu;

/** "import prices", "prices of imported appliances": the head is the price, not the flow. */
function flowOrPrice(family: "exports" | "imports", scan: KeywordScan): KeywordFamily {
  const ahead = before(scan);
  return PRICE_AFTER.test(after(scan)) || (ahead.includes(" of ") && PRICE_OF_BEFORE.test(ahead)) ? "other" : family;
}

const RESOLVE: Record<KeywordFamily, (scan: KeywordScan) => KeywordFamily> = {
  // "tariff-rate quotas" are quotas.
  tariff_rate: (s) => (RATE_QUOTA_AFTER.test(after(s)) ? "other" : "tariff_rate"),
  // "budget deficit", "current-account surplus of the government": not trade's.
  trade_balance: (s) => (NON_TRADE_BALANCE.test(before(s).slice(-30) + word(s)) ? "other" : "trade_balance"),
  trade_volume: () => "trade_volume",
  // "sold $2.3 billion of soybeans to China" is an export; "vehicles sold worldwide" is not.
  exports: (s) => (SELLING.test(word(s)) && !DESTINATION_AFTER.test(after(s)) ? "other" : flowOrPrice("exports", s)),
  imports: (s) => flowOrPrice("imports", s),
  // "U.S. sales", "soybean sales ... tariffs", "sales to China": sales abroad are exports; "retail sales" are not,
  // though capitalised at the start of a sentence.
  sales: (s) => {
    const ahead = before(s);
    if (DOMESTIC_SALES.test(ahead)) return "other";
    const capital = CAPITALISED_BEFORE.exec(ahead);
    const capitalised = capital !== null && s.sentence.slice(0, s.index - capital[0].length).trim() !== "";
    const abroad =
      capitalised || ABROAD_AFTER.test(after(s)) || MEASURES.test(s.sentence) || EXPORT_WORD.test(s.sentence);
    return abroad ? "exports" : "other";
  },
  other: () => "other",
};

/** Every keyword rule, in the order the scan tries them. */
export const KEYWORD_RULES: readonly KeywordRule[] = METRIC_KEYWORDS.map(([family, find]) => ({
  name: `keyword.${family}`,
  family,
  find,
  resolve: RESOLVE[family],
}));
