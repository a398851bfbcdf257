import type { Claim, ListRule, QuantityRule, RateRule, UnitRule } from "../schema";
import {
  COUNT_MODIFIERS,
  CURRENCY_CODES,
  CURRENCY_NATIONALITIES,
  CURRENCY_NOUNS,
  CURRENCY_PREFIXES,
  CURRENCY_WORDS,
  DOLLAR_NATIONALITIES,
  DURATION_MODIFIERS,
  DURATION_UNITS,
  DURATION_WORDS,
  MOVING_STEMS,
  NAME_WORDS,
  NOT_NAME_CAPITALS,
  NOT_NOUNS,
  SCORE_FOLLOWERS,
  SCORE_VERBS,
  YEAR_WORDS,
  ORDINAL_NAME_NOUNS,
  PERSON_NOUNS,
  PLURAL_EXCEPTIONS,
  RANKING_VERBS,
  SUPERLATIVES,
} from "./lexicon";
import { alternatives, words } from "./patterns";
import type { NumberToken } from "./numbers";
import { isGluedUnit, physicalUnitAfter } from "./physical";

/**
 * Reads what a number measures from the text around it: currency before or after, percent, percentage points,
 * duration, rank, rating or counted noun. Returns null for numbers that are part of a name ("Section 232").
 */

/**
 * What a number measures, as this stage reads it; lists and ranges (qualifiers.ts) make refined copies, whose rules
 * `R` may then name. `valueMax` stays null until a range is joined.
 */
export interface Quantity<R extends QuantityRule = QuantityRule> extends Pick<
  Claim,
  "start" | "end" | "kind" | "value" | "valueMax" | "unit" | "currencyBasis"
> {
  /** The number's own scale, for a range whose first end has none ("3-5 bn"). */
  scale: number;
  /** A "$" or "¥" whose currency the article's convention decides. */
  ambiguousSymbol: "$" | "¥" | null;
  /** The counted noun phrase, for counts. */
  noun: string | null;
  rule: R;
  /** Nothing written with the number says what it measures: a range or a list may lend it a unit. */
  bare: boolean;
  /** Written in basis points ("25 bps"): `value` is already in percentage points, a hundredth of the number. */
  basisPoints: boolean;
  /** The rule of bare numbers listed before this rate that take its unit ("80.5, 218 and 12 per cent"). */
  listRule: ListRule | null;
  /** A fuzzy quantity ("hundreds of"), read as the range `value`-`valueMax`: its change is "~". */
  fuzzy?: true;
}

const CODES = CURRENCY_CODES.join("|");
/** Letters right before a number that are its currency ("US$5", "$US5", "USD5"), not a name ("G7"). */
const CURRENCY_LETTERS_BEFORE = new RegExp(`(?:US|C|CA|A|AU|NZ|HK|S|R|Mex|MX)\\$?$|\\$US$|\\$A$|(?:${CODES})$`);
// "٪" is the Arabic percent sign, written after Latin digits too.
const PERCENT_AFTER =
  /^(?:[\s\u00a0]?[%٪]|[\s\u00a0-]per[\s\u00a0-]?cent\b|[\s\u00a0-]percent\b|[\s\u00a0]?pct\b|[\s\u00a0]?pc\b(?!\.\w))/i;
const POINTS_AFTER =
  /^(?:(?:[\s\u00a0-]+of[\s\u00a0]+a)?[\s\u00a0-]+(?:percentage|pct\.?|per[\s-]?cent(?:age)?)[\s\u00a0-]+points?\b|[\s\u00a0]?(?:pp|ppts?)\b)/i;
const BASIS_POINTS_AFTER = /^(?:[\s\u00a0-]+basis[\s\u00a0-]+points?\b|[\s\u00a0]?bps?\b)/i;
const CODE_AFTER = new RegExp(`^[\\s\\u00a0]?(${CODES})\\b`);
const CODE_BEFORE = new RegExp(`\\b(${CODES})[\\s\\u00a0]?$`);
const CURRENCY_WORD_AFTER = new RegExp(
  String.raw`^[\s\u00a0]+(?:(${alternatives(CURRENCY_NATIONALITIES)})[\s\u00a0]+)?(${alternatives(CURRENCY_NOUNS)})\b`,
  "i",
);
const DURATION_AFTER = new RegExp(
  String.raw`^(?:[\s\u00a0]+(?:(?:${words(DURATION_MODIFIERS)})[\s\u00a0]+)?|-)(${alternatives(DURATION_WORDS)})\b(-old\b)?`,
  "i",
);
const PERSON_BEFORE = new RegExp(String.raw`(?:\b(?:${words(PERSON_NOUNS)})|\p{Lu}\p{Ll}+),[\s\u00a0]*$`, "u");
const AGED_BEFORE = /\b(?:aged|age)[\s\u00a0]+$/i;
const RANK_AFTER = new RegExp(`^(?:[\\s-]+(?:${words(SUPERLATIVES)})\\b|[\\s-]+(?:most|least)[\\s-]+\\w+)`, "i");
const PLACE_AFTER = /^[\s\u00a0]+(?:place|position|spot|rank)\b/i;
/** "ranked 3rd", "fell to 5th", "No. 1". */
const RANKED_BEFORE = new RegExp(
  String.raw`\b(?:${alternatives(RANKING_VERBS)}|(?:${words(MOVING_STEMS)})\w*(?:[\s\u00a0]+(?:up|down|back))?[\s\u00a0]+to|No\.)[\s\u00a0]+$`,
  "i",
);
const RATING_AFTER = /^[\s\u00a0]+out[\s\u00a0]+of[\s\u00a0]+(\d+)\b/i;
const SUFFIX_START = /^[\s\u00a0-]{0,3}[%٪°ºA-Za-z\u00C0-\u024F]/;
const WORD_AFTER = /^[\s\u00a0]+((?:\p{Lu}\.){2,}|[\p{L}][\p{L}'’-]*)/u;
/** Units written in capitals: "2.5 million TEU", "300 MW". */
const UNIT_ABBREVIATION = /^(?:TEUs?|MW|GW|GWh|MWh|TWh|kWh|kW|bpd|mbpd|mmt|MT)$/;
/** "five U.S. plants": an initialism modifies the counted noun like a nationality does. */
const INITIALISM = /^(?:\p{Lu}\.){2,}$/u;

const SINGULAR_S = /(?:ss|us|is)$/;
const SIBILANT_ES = /(?:sh|ch|x|z)es$/;
const NATIONALITY_ENDING = /(?:an|ese|ish|ian|ic|i)$/;
const POUNDS = /^pounds?$/i;
const OF_AFTER = /^[\s\u00a0]+of\b/i;
const CAPITALISED_AFTER = /^[\s\u00a0]+\p{Lu}\p{Ll}/u;
const NATIONALITY_AFTER = /^[\s\u00a0]+\p{Lu}\p{Ll}*(?:an|ese|ish|ian|ic|i)\b/u;

function singular(noun: string): string {
  const lower = noun.toLowerCase();
  if (PLURAL_EXCEPTIONS[lower]) return PLURAL_EXCEPTIONS[lower];
  if (lower.endsWith("ies")) return lower.slice(0, -3) + "y";
  if (SINGULAR_S.test(lower)) return lower;
  if (SIBILANT_ES.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith("s")) return lower.slice(0, -1);
  return lower;
}

const escape = (marker: string) => marker.replace(/[.$]/g, "\\$&");
/** Every currency marker that may stand right before a number, longest first, as one end-anchored pattern. */
const PREFIX_BEFORE = new RegExp(
  `(?:${CURRENCY_PREFIXES.map(([marker]) => escape(marker) + (/^\p{L}/u.test(marker) ? "[\\s\\u00a0]?" : "")).join("|")})$`,
  "u",
);
const PREFIX_CODES = new Map(CURRENCY_PREFIXES);

function currencyBefore(
  text: string,
  start: number,
): { code: string | null; symbol: "$" | "¥" | null; length: number } | null {
  const before = text.slice(Math.max(0, start - 6), start);
  const written = PREFIX_BEFORE.exec(before)?.[0];
  const marker = written?.trimEnd();
  if (written && marker) {
    const from = start - written.length;
    const letterBefore = from > 0 && isLetter(text[from - 1]);
    // "Rs5" after a letter is part of a word; "XY$5" is a dollar we cannot name.
    if (!(isLetter(marker[0]) && letterBefore) && !(marker === "$" && letterBefore)) {
      const code = PREFIX_CODES.get(marker) ?? null;
      return { code, symbol: code ? null : (marker as "$" | "¥"), length: written.length };
    }
    if (marker === "$") return null;
  }
  const code = CODE_BEFORE.exec(text.slice(Math.max(0, start - 4), start));
  if (code) return { code: code[1] === "RMB" ? "CNY" : code[1]!, symbol: null, length: code[0].length };
  return null;
}

const LETTER = /\p{L}/u;
const HEBREW_LETTER = /[\u05d0-\u05ea]/;
const UPPER = /\p{Lu}/u;
const isLetter = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);
const isUpper = (ch: string | undefined) => ch !== undefined && UPPER.test(ch);
const GROUP_OF_BEFORE = /Group of[\s\u00a0]+$/i;
const WAY_AFTER = /^-way\b/i;
/** "7-Eleven": a capitalised number word after a digit and hyphen is part of a name. */
const DIGIT_HYPHEN_BEFORE = /\d-$/;
const WORD_OR_COMMA_BEFORE = /[\p{L},][\s\u00a0]*$/u;
const SCALE_OR_PLURAL_AFTER = /^(?:bn|mn|tn|[kmb]\b|s\b)/i;
const PREVIOUS_WORD = /(?:^|[^\p{L}&.])([\p{L}&.]+)[\s\u00a0]+$/u;
const HAS_CAPITAL = /\p{Lu}/u;
const NOUN_AFTER = /^[\s\u00a0]+(\p{L}+)/u;
const NUMBER_SIGN = /\bNo\.[\s\u00a0]*$/;
const TIME_AFTER = /^:\d|^[\s\u00a0]*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|ET\b|EST\b|EDT\b)/i;

const MINUS_BEFORE = /(?:^|[\s\u00a0(\[=:])[-\u2212]$|^[-\u2212]$/;
/** "11:30": the minutes of a time of day. */
const CLOCK_BEFORE = /\d[:.]$/;
/** "won 2-1", "a 3–0 defeat": the two numbers of a score, then the end of a clause or a word that follows scores. */
const SCORE_FOLLOWER = String.raw`(?:${words(SCORE_FOLLOWERS)})\b`;
const SCORE_PAIR_AFTER = new RegExp(
  String.raw`^[\s\u00a0]?[-–][\s\u00a0]?\d{1,3}(?=[,;:)!?]|\.(?!\d)|$|[\s\u00a0]+${SCORE_FOLLOWER})`,
);
const SCORE_PAIR_END = new RegExp(String.raw`^[\s\u00a0]*(?:[,;:)!?]|\.(?!\d)|$|${SCORE_FOLLOWER})`);
const SCORE_PAIR_BEFORE = /(?<![\d.,])\d{1,3}[\s\u00a0]?[-–][\s\u00a0]?$/;
const SCORE_WORDS = new RegExp(String.raw`\b(?:${alternatives(SCORE_VERBS)})\b`, "i");
/** "ISO 3888-2", "Article 5-1": the part number after a named number. */
const NAMED_PART_BEFORE = /(\p{Lu}[\p{L}&.]*)[\s\u00a0]\d+[-–]$/u;
const CURRENCY_CODE_SET = new Set<string>(CURRENCY_CODES);
/** The year of an era: "in 1600", "since 1850", "A.D. 1000", "1200 BC". */
const YEAR_WORD_BEFORE = new RegExp(
  String.raw`\b(?:between[\s\u00a0]+1\d{3}[\s\u00a0]+and|from[\s\u00a0]+1\d{3}[\s\u00a0]+to|${words(YEAR_WORDS)})[\s\u00a0]+$`,
);
const ERA_BEFORE = /(?:\bA\.D\.|\bAD)[\s\u00a0]+$/;
const ERA_AFTER = /^[\s\u00a0]*(?:A\.D\.|AD|B\.C\.E?|BCE?|CE)(?![\p{L}])/u;
/** A capitalised word right before a number, that does not begin its sentence: "Big 12", "Game 2", "Row 21". */
const WORD_CHAR = /[\p{L}&.'’-]/u;
const BEFORE_NAME = /[\p{L}\p{N},;)'’]/u;
const SHORT_NUMBER = /^\d{1,4}(?:\.\d)?$/;

/**
 * A number that names a thing after a capitalised word ("the Big 12 met", "Apple Watch 5 launched", "Trump 2.0"):
 * asked only when nothing written after it says what it measures. Plain integers and one-decimal versions only, so
 * "Canada 5,000 workers" stays a count.
 */
function namedByCapitalisedWord(text: string, start: number, end: number): boolean {
  if (end - start > 6 || !SHORT_NUMBER.test(text.slice(start, end))) return false;
  // By hand, backwards: a lookbehind pattern here cost a quarter of the run time.
  let i = start - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\u00a0")) i--;
  if (i === start - 1) return false;
  const wordEnd = i + 1;
  while (i >= 0 && i > start - 40 && WORD_CHAR.test(text[i]!)) i--;
  const word = text.slice(i + 1, wordEnd);
  // "…in Ottawa. 25 ships": a full stop ends the sentence before the number.
  if (word === "" || !isUpper(word[0]) || word.endsWith(".")) return false;
  // What comes before the word: a sentence start (or a quote, a bracket, a line break) means it is only capitalised.
  while (i >= 0 && (text[i] === " " || text[i] === "\u00a0")) i--;
  if (i < 0 || !BEFORE_NAME.test(text[i]!)) return false;
  return !NOT_NAME_CAPITALS.has(word.toLowerCase());
}

/** A plain integer of 1000-1899 written as a year of history: the date rules begin at 1900. */
function isOldYear(text: string, token: NumberToken): boolean {
  if (!token.plainInteger || token.value >= 1900) return false;
  if (ERA_BEFORE.test(text.slice(Math.max(0, token.start - 6), token.start))) return true;
  if (ERA_AFTER.test(text.slice(token.end, token.end + 8))) return true;
  return token.value >= 1000 && YEAR_WORD_BEFORE.test(text.slice(Math.max(0, token.start - 24), token.start));
}

/** A name, not a quantity: "G7", "COVID-19", "Section 232", "Boeing 737", "the 51st state". */
function isName(text: string, token: NumberToken): boolean {
  const before = text.slice(Math.max(0, token.start - 24), token.start);
  const after = text.slice(token.end, token.end + 24);
  if (GROUP_OF_BEFORE.test(before)) return true;
  if (token.form === "digits") {
    if (CLOCK_BEFORE.test(before) && /^\d\d(?!\d)/.test(text.slice(token.start, token.end))) return true;
    const part = NAMED_PART_BEFORE.exec(before);
    if (part && !CURRENCY_CODE_SET.has(part[1]!)) return true;
    if (isOldYear(text, token)) return true;
    const pairAfter = SCORE_PAIR_AFTER.test(after);
    const pairBefore = SCORE_PAIR_BEFORE.test(before) && SCORE_PAIR_END.test(after);
    if ((pairAfter || pairBefore) && token.plainInteger && !currencyBefore(text, token.start)) {
      const around = text.slice(Math.max(0, token.start - 40), Math.min(text.length, token.end + 40));
      if (SCORE_WORDS.test(around)) return true;
    }
  }
  if (token.form === "words") {
    // "two-way trade"; a capitalised number word mid-sentence is a name ("the Big Three").
    return (
      WAY_AFTER.test(after) ||
      (isUpper(text[token.start]) && (WORD_OR_COMMA_BEFORE.test(before) || DIGIT_HYPHEN_BEFORE.test(before)))
    );
  }
  const last = before[before.length - 1];
  // "COVID-19", "F-35" are names; Hebrew glues its prepositions on with a hyphen ("ב-12%": by 12%).
  const letterHyphen =
    last === "-" && isLetter(before[before.length - 2]) && !HEBREW_LETTER.test(before[before.length - 2]!);
  if ((isLetter(last) || letterHyphen) && !CURRENCY_LETTERS_BEFORE.test(before)) return true;
  if (token.form === "digits" && isLetter(after[0])) return !SCALE_OR_PLURAL_AFTER.test(after) && !isGluedUnit(after);
  if (after[0] === "-" && isUpper(after[1])) return true;
  const previousWord = last === " " || last === "\u00a0" ? (PREVIOUS_WORD.exec(before)?.[1] ?? "") : "";
  if (HAS_CAPITAL.test(previousWord) && NAME_WORDS.has(previousWord.toLowerCase())) return true;
  if (token.form === "ordinal") {
    const noun = NOUN_AFTER.exec(after)?.[1]?.toLowerCase();
    if (noun && ORDINAL_NAME_NOUNS.has(noun)) return true;
  }
  return TIME_AFTER.test(after);
}

function countedNoun(text: string, from: number, value: number): { end: number; noun: string; unit: string } | null {
  let end = from;
  const words: Array<{ word: string; end: number }> = [];
  for (let i = 0; i < 3; i++) {
    const m = WORD_AFTER.exec(text.slice(end, end + 40));
    if (!m) break;
    end += m[0].length;
    words.push({ word: m[1]!, end });
  }
  if (words.length === 0) return null;
  const first = words[0]!.word.toLowerCase();
  if (
    NOT_NOUNS.has(first) ||
    (isUpper(words[0]!.word[0]) &&
      !NATIONALITY_ENDING.test(first) &&
      !INITIALISM.test(words[0]!.word) &&
      !UNIT_ABBREVIATION.test(words[0]!.word))
  )
    return null;
  // Skip modifiers ("3,400 new jobs", "12 Canadian companies") to reach the noun.
  let pick = 0;
  while (pick < words.length - 1) {
    const w = words[pick]!.word;
    const lower = w.toLowerCase();
    const modifier =
      COUNT_MODIFIERS.has(lower) ||
      isUpper(w[0]) ||
      (value !== 1 && !lower.endsWith("s") && words[pick + 1]!.word.endsWith("s"));
    if (!modifier || NOT_NOUNS.has(words[pick + 1]!.word.toLowerCase())) break;
    pick++;
  }
  const noun = words[pick]!.word;
  if (NOT_NOUNS.has(noun.toLowerCase()) || (isUpper(noun[0]) && !UNIT_ABBREVIATION.test(noun))) return null;
  if (UNIT_ABBREVIATION.test(noun))
    return { end: words[pick]!.end, noun: text.slice(from, words[pick]!.end).trim(), unit: noun.replace(/s$/, "") };
  const nounText = text.slice(from, words[pick]!.end).trim();
  return { end: words[pick]!.end, noun: nounText, unit: singular(noun) };
}

/** A rate's rule comes with the rule of a list that takes its unit; no other rule has one. */
type QuantityFields<R extends UnitRule> = Pick<Quantity, "start" | "end" | "kind" | "unit"> &
  Partial<Pick<Quantity, "value" | "currencyBasis" | "ambiguousSymbol" | "noun" | "bare" | "basisPoints">> & {
    rule: R;
  } & NoInfer<R extends RateRule ? { listRule: `${R}+list` } : { listRule?: never }>;

/** Built field by field: V8 (Node 20) takes microseconds for `{ ...base, extra }`, which this path did per number. */
function quantity<R extends UnitRule>(token: NumberToken, f: QuantityFields<R>): Quantity<UnitRule> {
  return {
    start: f.start,
    end: f.end,
    kind: f.kind,
    value: f.value ?? token.value,
    valueMax: token.valueMax,
    scale: token.scale,
    unit: f.unit,
    currencyBasis: f.currencyBasis ?? null,
    ambiguousSymbol: f.ambiguousSymbol ?? null,
    noun: f.noun ?? null,
    rule: f.rule,
    bare: f.bare ?? false,
    basisPoints: f.basisPoints ?? false,
    listRule: f.listRule ?? null,
    ...(token.valueMax !== null ? { fuzzy: true as const } : {}),
  };
}

export function readQuantity(text: string, token: NumberToken): Quantity<UnitRule> | null {
  if (isName(text, token)) return null;
  let { start, end } = token;
  const after = text.slice(end, end + 60);

  if (token.form === "share")
    return quantity(token, {
      start,
      end,
      kind: "percent",
      unit: "%",
      rule: "percent.share",
      listRule: "percent.share+list",
    });
  if (token.form === "ordinal") {
    const rank = RANK_AFTER.exec(after) ?? PLACE_AFTER.exec(after);
    const ranked = RANKED_BEFORE.test(text.slice(Math.max(0, start - 24), start));
    if (!rank && !ranked) return null;
    if (token.value === 1 && !ranked && !rank) return null;
    return quantity(token, {
      start,
      end: rank ? end + rank[0].length : end,
      kind: "rank",
      unit: null,
      rule: "rank.ordinal",
    });
  }
  if (token.form === "digits" && NUMBER_SIGN.test(text.slice(Math.max(0, start - 5), start))) {
    return quantity(token, {
      start: start - NUMBER_SIGN.exec(text.slice(Math.max(0, start - 5), start))![0].length,
      end,
      kind: "rank",
      unit: null,
      rule: "rank.number",
    });
  }

  const prefix = currencyBefore(text, start);
  if (prefix) {
    start -= prefix.length;
    // "-$2bn" in a table: the sign stands before the currency.
    const signed = MINUS_BEFORE.test(text.slice(Math.max(0, start - 2), start));
    if (signed) start -= 1;
    const codeAfter = CODE_AFTER.exec(after);
    if (codeAfter) end += codeAfter[0].length;
    return quantity(token, {
      start,
      end,
      value: signed ? -token.value : token.value,
      kind: "money",
      unit: prefix.code,
      ambiguousSymbol: prefix.symbol,
      currencyBasis: prefix.symbol ? "inferred" : "explicit",
      rule: prefix.symbol ? "money.symbol" : "money.prefix",
    });
  }
  if (token.plainInteger && token.value >= 1900 && token.value <= 2100) return null; // a year: the date rules own it
  if (token.value < 130 && AGED_BEFORE.test(text.slice(Math.max(0, start - 6), start)))
    return quantity(token, { start, end, kind: "duration", unit: "year", rule: "duration.aged" });
  // "The senator, 74, announced…": a whole number set off by commas after a person is an age.
  if (
    token.plainInteger &&
    token.value >= 16 &&
    token.value < 120 &&
    after.startsWith(",") &&
    PERSON_BEFORE.test(text.slice(Math.max(0, start - 40), start))
  ) {
    return quantity(token, { start, end, kind: "duration", unit: "year", rule: "duration.age-apposition" });
  }
  // Most numbers are followed by punctuation or a digit-free word boundary: skip the suffix rules for them.
  if (!SUFFIX_START.test(after) && token.form === "digits" && namedByCapitalisedWord(text, start, end)) return null;
  if (!SUFFIX_START.test(after))
    return (token.form === "words" && token.valueMax === null) || token.value === 0
      ? null
      : quantity(token, { start, end, kind: "other", unit: null, rule: "number.bare", bare: true });
  const percent = PERCENT_AFTER.exec(after);
  if (percent)
    return quantity(token, {
      start,
      end: end + percent[0].length,
      kind: "percent",
      unit: "%",
      rule: "percent",
      listRule: "percent+list",
    });
  const points = POINTS_AFTER.exec(after);
  if (points)
    return quantity(token, {
      start,
      end: end + points[0].length,
      kind: "percentage_point",
      unit: "pp",
      rule: "points",
      listRule: "points+list",
    });
  const basisPoints = BASIS_POINTS_AFTER.exec(after);
  if (basisPoints) {
    return quantity(token, {
      value: token.value / 100,
      start,
      end: end + basisPoints[0].length,
      kind: "percentage_point",
      unit: "pp",
      rule: "points.basis",
      basisPoints: true,
      listRule: "points.basis+list",
    });
  }
  const codeAfter = CODE_AFTER.exec(after);
  if (codeAfter) {
    const code = codeAfter[1] === "RMB" ? "CNY" : codeAfter[1]!;
    return quantity(token, {
      start,
      end: end + codeAfter[0].length,
      kind: "money",
      unit: code,
      currencyBasis: "explicit",
      rule: "money.code-after",
    });
  }
  const word = CURRENCY_WORD_AFTER.exec(after);
  if (word && !(POUNDS.test(word[2]!) && OF_AFTER.test(after.slice(word[0].length)))) {
    const nationality = word[1]?.toLowerCase();
    const stem = word[2]!
      .toLowerCase()
      .replace(/s$/, "")
      .replace(/\s+sterling$/, "");
    const isDollar = stem === "dollar";
    const code = isDollar
      ? nationality
        ? (DOLLAR_NATIONALITIES[nationality] ?? null)
        : null
      : (CURRENCY_WORDS[word[2]!.toLowerCase()] ?? CURRENCY_WORDS[stem] ?? null);
    const wonVerb = stem === "won" && token.value < 1000;
    if (!wonVerb) {
      return quantity(token, {
        start,
        end: end + word[0].length,
        kind: "money",
        unit: code,
        ambiguousSymbol: isDollar && !code ? "$" : null,
        currencyBasis: isDollar && !code ? "inferred" : "explicit",
        rule: "money.word",
      });
    }
  }
  const physical = physicalUnitAfter(after);
  if (physical)
    return quantity(token, {
      start,
      end: end + physical.length,
      kind: physical.kind,
      unit: physical.unit,
      currencyBasis: physical.kind === "money" ? "explicit" : null,
      noun: physical.kind === "count" ? text.slice(end, end + physical.length).trim() : null,
      rule: "unit.physical",
    });
  const duration = DURATION_AFTER.exec(after);
  if (duration) {
    return quantity(token, {
      start,
      end: end + duration[0].length,
      kind: "duration",
      unit: DURATION_UNITS[duration[1]!.toLowerCase()]!,
      rule: duration[2] ? "duration.age" : "duration",
    });
  }
  const rating = RATING_AFTER.exec(after);
  if (rating) return quantity(token, { start, end: end + rating[0].length, kind: "other", unit: null, rule: "rating" });
  if (token.form === "digits" && namedByCapitalisedWord(text, start, end)) return null;
  const counted = countedNoun(text, end, token.value);
  // "one senior member", "a single country": a determiner, not a count.
  if (counted && !(token.form === "words" && token.value === 1))
    return quantity(token, {
      start,
      end: counted.end,
      kind: "count",
      unit: counted.unit,
      noun: counted.noun,
      rule: "count.noun",
    });
  // "787 Dreamliners", "500 Fortune": a number before a capitalised noun names a thing.
  if (CAPITALISED_AFTER.test(after) && !NATIONALITY_AFTER.test(after)) return null;
  // A number word with nothing to count ("the two", "one of them") is not a figure; bare digits are.
  if ((token.form === "words" && token.valueMax === null) || token.value === 0) return null;
  return quantity(token, { start, end, kind: "other", unit: null, rule: "number.bare", bare: true });
}

const RATE_CONTEXT = /%|\bper ?cent\b|\bpct\b|\b(?:rates?|share|levy|levies|tariffs?|dut(?:y|ies)|yields?|margins?)\b/i;
const POINTS_ELSEWHERE =
  /\b(?:index|indices|Dow|S&P|Nasdaq|FTSE|Nikkei|TSX|ASX|Kospi|Sensex|Hang Seng|DAX|CAC|Stoxx|scored|scoring|game|match|league|polls?|lead)\b/i;

/**
 * "The share of US imports fell 4 points to 9.6%", "the levy would rise by 4.8 points": bare points in a sentence
 * about rates are percentage points. Index, sports and poll points stay counts.
 */
export function pointsInContext(
  sentence: string,
  quantities: Quantity<UnitRule | ListRule>[],
): Quantity<UnitRule | ListRule>[] {
  if (
    !quantities.some((q) => q.kind === "count" && q.unit === "point") ||
    !RATE_CONTEXT.test(sentence) ||
    POINTS_ELSEWHERE.test(sentence)
  )
    return quantities;
  return quantities.map((q) =>
    q.kind === "count" && q.unit === "point"
      ? {
          start: q.start,
          end: q.end,
          kind: "percentage_point",
          value: q.value,
          valueMax: q.valueMax,
          scale: q.scale,
          unit: "pp",
          currencyBasis: null,
          ambiguousSymbol: null,
          noun: null,
          rule: "points.context",
          bare: false,
          basisPoints: false,
          listRule: null,
        }
      : q,
  );
}
