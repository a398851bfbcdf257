/**
 * Counts, ranks and plain numbers: "3,400 new jobs" counts jobs, "ranked 3rd" and "No. 1" are ranks, "8 out of 10"
 * is a rating, and a number that nothing written with it explains is `number.bare`, for a list or a range to lend it
 * a unit.
 */
import {
  COUNT_MODIFIERS,
  MOVING_STEMS,
  NOT_NOUNS,
  PLURAL_EXCEPTIONS,
  RANKING_VERBS,
  SUPERLATIVES,
  TEEN_NUMBER_WORDS,
  TENS_NUMBER_WORDS,
  UNIT_NUMBER_WORDS,
} from "../lexicon";
import { alternatives, words } from "../patterns";
import { before, isUpper, quantity, rule, type Scan } from "./rule";

const NUMBER_WORD = words([...UNIT_NUMBER_WORDS, ...TEEN_NUMBER_WORDS, ...TENS_NUMBER_WORDS]);

const RANK_AFTER = new RegExp(`^(?:[\\s-]+(?:${words(SUPERLATIVES)})\\b|[\\s-]+(?:most|least)[\\s-]+\\w+)`, "i");
const PLACE_AFTER = /^[\s\u00a0]+(?:place|position|spot|rank)\b/i;
/** "ranked 3rd", "fell to 5th", "No. 1". */
const RANKED_BEFORE = new RegExp(
  String.raw`\b(?:${alternatives(RANKING_VERBS)}|(?:${words(MOVING_STEMS)})\w*(?:[\s\u00a0]+(?:up|down|back))?[\s\u00a0]+to|No\.)[\s\u00a0]+$`,
  "i",
);
const NUMBER_SIGN = /\bNo\.[\s\u00a0]*$/;
/** "8 out of 10", "nine out of ten", "four in five" (only with a number word: "4 in 5" may be a date or a score). */
const RATING_AFTER = new RegExp(
  String.raw`^[\s\u00a0]+(?:out[\s\u00a0]+of[\s\u00a0]+(?:\d+|(?:a[\s\u00a0]+)?hundred|${NUMBER_WORD})|in[\s\u00a0]+(?:${NUMBER_WORD}))\b`,
  "i",
);
const WORD_AFTER = /^[\s\u00a0]+((?:\p{Lu}\.){2,}|[\p{L}][\p{L}'’-]*)/u;
/** Units written in capitals: "2.5 million TEU", "300 MW". */
const UNIT_ABBREVIATION = /^(?:TEUs?|MW|GW|GWh|MWh|TWh|kWh|kW|bpd|mbpd|mmt|MT)$/;
/** "five U.S. plants": an initialism modifies the counted noun like a nationality does. */
const INITIALISM = /^(?:\p{Lu}\.){2,}$/u;
const SINGULAR_S = /(?:ss|us|is)$/;
const SIBILANT_ES = /(?:sh|ch|x|z)es$/;
const NATIONALITY_ENDING = /(?:an|ese|ish|ian|ic|i)$/;

function singular(noun: string): string {
  const lower = noun.toLowerCase();
  if (PLURAL_EXCEPTIONS[lower]) return PLURAL_EXCEPTIONS[lower];
  if (lower.endsWith("ies")) return lower.slice(0, -3) + "y";
  if (SINGULAR_S.test(lower)) return lower;
  if (SIBILANT_ES.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith("s")) return lower.slice(0, -1);
  return lower;
}

/** "ranked 3rd", "the 2nd-largest", "in 10th place". */
export const RANK_ORDINAL = rule({
  name: "rank.ordinal",
  find: ({ text, token, after }) => {
    if (token.form !== "ordinal") return null;
    const rank = RANK_AFTER.exec(after) ?? PLACE_AFTER.exec(after);
    return rank || RANKED_BEFORE.test(before(text, token.start, 24)) ? { rank } : null;
  },
  resolve: ({ token }, { rank }) =>
    quantity(token, {
      start: token.start,
      end: rank ? token.end + rank[0].length : token.end,
      kind: "rank",
      unit: null,
      rule: "rank.ordinal",
    }),
});

/** "No. 1". */
export const RANK_NUMBER = rule({
  name: "rank.number",
  find: ({ text, token }) => (token.form === "digits" ? NUMBER_SIGN.exec(before(text, token.start, 5)) : null),
  resolve: ({ token }, sign) =>
    quantity(token, {
      start: token.start - sign[0].length,
      end: token.end,
      kind: "rank",
      unit: null,
      rule: "rank.number",
    }),
});

/** "8 out of 10". */
export const RATING = rule({
  name: "rating",
  find: ({ after }) => RATING_AFTER.exec(after),
  resolve: ({ token }, rating) =>
    quantity(token, {
      start: token.start,
      end: token.end + rating[0].length,
      kind: "other",
      unit: null,
      rule: "rating",
    }),
});

interface Counted {
  end: number;
  noun: string;
  unit: string;
}

function countedNoun({ text, token }: Scan): Counted | null {
  // "300+ hotels": the plus is a bound (qualifiers.ts); the noun follows it.
  const from = text[token.end] === "+" ? token.end + 1 : token.end;
  let end = from;
  const found: Array<{ word: string; end: number }> = [];
  for (let i = 0; i < 3; i++) {
    const m = WORD_AFTER.exec(text.slice(end, end + 40));
    if (!m) break;
    end += m[0].length;
    found.push({ word: m[1]!, end });
  }
  if (found.length === 0) return null;
  const first = found[0]!.word.toLowerCase();
  if (
    NOT_NOUNS.has(first) ||
    (isUpper(found[0]!.word[0]) &&
      !NATIONALITY_ENDING.test(first) &&
      !INITIALISM.test(found[0]!.word) &&
      !UNIT_ABBREVIATION.test(found[0]!.word))
  )
    return null;
  // Skip modifiers ("3,400 new jobs", "12 Canadian companies") to reach the noun.
  let pick = 0;
  while (pick < found.length - 1) {
    const w = found[pick]!.word;
    const lower = w.toLowerCase();
    const modifier =
      COUNT_MODIFIERS.has(lower) ||
      isUpper(w[0]) ||
      (token.value !== 1 && !lower.endsWith("s") && found[pick + 1]!.word.endsWith("s"));
    if (!modifier || NOT_NOUNS.has(found[pick + 1]!.word.toLowerCase())) break;
    pick++;
  }
  const noun = found[pick]!.word;
  if (NOT_NOUNS.has(noun.toLowerCase()) || (isUpper(noun[0]) && !UNIT_ABBREVIATION.test(noun))) return null;
  const nounText = text.slice(from, found[pick]!.end).trim();
  if (UNIT_ABBREVIATION.test(noun)) return { end: found[pick]!.end, noun: nounText, unit: noun.replace(/s$/, "") };
  return { end: found[pick]!.end, noun: nounText, unit: singular(noun) };
}

/** "the 27-nation bloc", "a seven-speed gearbox", "a 10-point plan": a number joined to its noun by a hyphen. */
const COMPOUND_AFTER = /^-(\p{Ll}{3,})\b(?!-)/u;
const NOT_COMPOUND_NOUNS = new Set([
  "fold",
  "odd",
  "plus",
  "something",
  "strong",
  "long",
  "high",
  "wide",
  "old",
  "time",
]);

export const COUNT_COMPOUND = rule({
  name: "count.compound",
  find: ({ after }) => {
    const m = COMPOUND_AFTER.exec(after);
    return m && !NOT_COMPOUND_NOUNS.has(m[1]!) && !NOT_NOUNS.has(m[1]!) ? m : null;
  },
  resolve: ({ token }, m) =>
    quantity(token, {
      start: token.start,
      end: token.end + m[0].length,
      kind: "count",
      unit: singular(m[1]!),
      noun: m[1]!,
      rule: "count.compound",
    }),
});

/** "3,400 new jobs", "12 Canadian companies"; not "one senior member" or "a single country", a determiner. */
export const COUNT_NOUN = rule({
  name: "count.noun",
  find: (scan) => (scan.token.form === "words" && scan.token.value === 1 ? null : countedNoun(scan)),
  resolve: ({ token }, counted) =>
    quantity(token, {
      start: token.start,
      end: counted.end,
      kind: "count",
      unit: counted.unit,
      noun: counted.noun,
      rule: "count.noun",
      listRule: "count.noun+list",
    }),
});

/**
 * A number nothing written with it explains: digits are a figure, for a list or a range to lend a unit; a number word
 * with nothing to count ("the two", "one of them") and a zero are not.
 */
function bareNumber({ token }: Scan) {
  if ((token.form === "words" && token.valueMax === null) || token.value === 0) return null;
  return quantity(token, {
    start: token.start,
    end: token.end,
    kind: "other",
    unit: null,
    rule: "number.bare",
    bare: true,
  });
}

/** Most numbers are followed by punctuation or a word that cannot be a unit: no suffix rule need look at them. */
export const BARE_BEFORE_SUFFIX = rule({
  name: "number.bare",
  find: ({ suffix }) => (suffix ? null : true),
  resolve: bareNumber,
});
export const BARE_NUMBER = rule({ name: "number.bare", find: () => true, resolve: bareNumber });
