/**
 * Numbers that are no quantity: part of a name or a code ("G7", "COVID-19", "Section 232", "Boeing 737", "Big 12",
 * "ISO 3888-2"), a time of day ("11:30", "4 p.m."), a score ("won 2-1"), a year of history ("A.D. 1000", "between
 * 1600 and 1900") or a year the date rules own. Each rule drops the number it finds.
 */
import {
  CURRENCY_CODES,
  NAME_WORDS,
  NOT_NAME_CAPITALS,
  ORDINAL_NAME_NOUNS,
  SCORE_FOLLOWERS,
  SCORE_VERBS,
  YEAR_WORDS,
} from "../lexicon";
import { alternatives, words } from "../patterns";
import type { NumberToken } from "../numbers";
import { CURRENCY_LETTERS_BEFORE, currencyBefore } from "./money";
import { isGluedUnit } from "./physical";
import { before, isLetter, isUpper, notQuantity, type Scan } from "./rule";

const GROUP_OF_BEFORE = /Group of[\s\u00a0]+$/i;
const WAY_AFTER = /^-way\b/i;
/** "7-Eleven": a capitalised number word after a digit and hyphen is part of a name. */
const DIGIT_HYPHEN_BEFORE = /\d-$/;
const WORD_OR_COMMA_BEFORE = /[\p{L},][\s\u00a0]*$/u;
/** Letters glued to digits that are a scale, a plural or a rate marker, not a code: "5bn", "1990s", "3pc", "25bps". */
const SCALE_OR_PLURAL_AFTER = /^(?:bn|mn|tn|[kmb]\b|s\b|pc\b|pct\b|pp\b|ppts?\b|bps?\b)/i;
const PREVIOUS_WORD = /(?:^|[^\p{L}&.])([\p{L}&.]+)[\s\u00a0]+$/u;
const HAS_CAPITAL = /\p{Lu}/u;
const NOUN_AFTER = /^[\s\u00a0]+(\p{L}+)/u;
const TIME_AFTER = /^:\d|^[\s\u00a0]*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|ET\b|EST\b|EDT\b)/i;
const HEBREW_LETTER = /[\u05d0-\u05ea]/;
/** "11:30": the minutes of a time of day. */
const CLOCK_BEFORE = /\d[:.]$/;
const TWO_DIGITS = /^\d\d(?!\d)/;
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
  "i",
);
const ERA_BEFORE = /(?:\bA\.D\.|\bAD)[\s\u00a0]+$/;
const ERA_AFTER = /^[\s\u00a0]*(?:A\.D\.|AD|B\.C\.E?|BCE?|CE)(?![\p{L}])/u;
const WORD_CHAR = /[\p{L}&.'’-]/u;
const BEFORE_NAME = /[\p{L}\p{N},;)'’]/u;
const SHORT_NUMBER = /^\d{1,4}(?:\.\d)?$/;
/** "787 Dreamliners", "500 Fortune": a number before a capitalised noun names a thing; "5 Canadian firms" is a count. */
const CAPITALISED_AFTER = /^[\s\u00a0]+\p{Lu}\p{Ll}/u;
const NATIONALITY_AFTER = /^[\s\u00a0]+\p{Lu}\p{Ll}*(?:an|ese|ish|ian|ic|i)\b/u;

const digits = (token: NumberToken) => token.form === "digits";

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
  if (ERA_BEFORE.test(before(text, token.start, 6))) return true;
  if (ERA_AFTER.test(text.slice(token.end, token.end + 8))) return true;
  return token.value >= 1000 && YEAR_WORD_BEFORE.test(before(text, token.start, 24));
}

function isScore({ text, token, after }: Scan): boolean {
  if (!token.plainInteger) return false;
  const pairAfter = SCORE_PAIR_AFTER.test(after);
  const pairBefore = !pairAfter && SCORE_PAIR_BEFORE.test(before(text, token.start, 24)) && SCORE_PAIR_END.test(after);
  if (!(pairAfter || pairBefore) || currencyBefore(text, token.start)) return false;
  return SCORE_WORDS.test(text.slice(Math.max(0, token.start - 40), Math.min(text.length, token.end + 40)));
}

/** "COVID-19", "F-35", "G7" are names; Hebrew glues its prepositions on with a hyphen ("ב-12%": by 12%). */
function gluedToWord({ text, token }: Scan): boolean {
  const ahead = before(text, token.start, 24);
  const last = ahead[ahead.length - 1];
  const letterHyphen =
    last === "-" && isLetter(ahead[ahead.length - 2]) && !HEBREW_LETTER.test(ahead[ahead.length - 2]!);
  return (isLetter(last) || letterHyphen) && !CURRENCY_LETTERS_BEFORE.test(ahead);
}

/** Digits with letters glued after them: a name or code ("5G", "3M"), unless the letters are a scale or a unit. */
const lettersGlued = ({ token, after }: Scan) => digits(token) && isLetter(after[0]);

function afterCapitalisedName({ text, token }: Scan): boolean {
  const ahead = before(text, token.start, 24);
  const last = ahead[ahead.length - 1];
  const previousWord = last === " " || last === "\u00a0" ? (PREVIOUS_WORD.exec(ahead)?.[1] ?? "") : "";
  return HAS_CAPITAL.test(previousWord) && NAME_WORDS.has(previousWord.toLowerCase());
}

/** The rules that run before any unit rule; the rest of this family is registered among them in rules/index.ts. */
export const NAME_RULES = [
  notQuantity("not.group-of", ({ text, token }) => GROUP_OF_BEFORE.test(before(text, token.start, 24))),
  notQuantity(
    "not.clock",
    ({ text, token }) =>
      digits(token) &&
      CLOCK_BEFORE.test(before(text, token.start, 2)) &&
      TWO_DIGITS.test(text.slice(token.start, token.end)),
  ),
  notQuantity("not.part-number", ({ text, token }) => {
    if (!digits(token)) return false;
    const part = NAMED_PART_BEFORE.exec(before(text, token.start, 24));
    return part !== null && !CURRENCY_CODE_SET.has(part[1]!);
  }),
  notQuantity("not.old-year", ({ text, token }) => digits(token) && isOldYear(text, token)),
  notQuantity("not.score", (scan) => digits(scan.token) && isScore(scan)),
  // "two-way trade"; a capitalised number word mid-sentence is a name ("the Big Three").
  notQuantity(
    "not.name-word",
    ({ text, token, after }) =>
      token.form === "words" &&
      (WAY_AFTER.test(after) ||
        (isUpper(text[token.start]) &&
          (WORD_OR_COMMA_BEFORE.test(before(text, token.start, 24)) ||
            DIGIT_HYPHEN_BEFORE.test(before(text, token.start, 2))))),
  ),
  notQuantity("not.glued-name", (scan) => scan.token.form !== "words" && gluedToWord(scan)),
  notQuantity(
    "not.code",
    (scan) => lettersGlued(scan) && !SCALE_OR_PLURAL_AFTER.test(scan.after) && !isGluedUnit(scan.after),
  ),
  // The rules below look at what stands around digits with no letters glued after them.
  notQuantity(
    "not.hyphenated-name",
    (scan) => scan.token.form !== "words" && !lettersGlued(scan) && scan.after[0] === "-" && isUpper(scan.after[1]),
  ),
  notQuantity(
    "not.after-name",
    (scan) => scan.token.form !== "words" && !lettersGlued(scan) && afterCapitalisedName(scan),
  ),
  notQuantity("not.ordinal-name", ({ token, after }) => {
    if (token.form !== "ordinal") return false;
    const noun = NOUN_AFTER.exec(after)?.[1]?.toLowerCase();
    return noun !== undefined && ORDINAL_NAME_NOUNS.has(noun);
  }),
  notQuantity("not.time", (scan) => scan.token.form !== "words" && !lettersGlued(scan) && TIME_AFTER.test(scan.after)),
];

/** An ordinal that no rank rule took: "the 3rd quarter", "his 2nd term". */
export const NOT_ORDINAL = notQuantity("not.ordinal", ({ token }) => token.form === "ordinal");
/** A year between 1900 and 2100: the date rules own it. */
export const NOT_YEAR = notQuantity(
  "not.year",
  ({ token }) => token.plainInteger && token.value >= 1900 && token.value <= 2100,
);
/** "the Big 12 met", "Apple Watch 5": see namedByCapitalisedWord. */
export const NOT_NAMED = notQuantity(
  "not.named",
  ({ text, token }) => digits(token) && namedByCapitalisedWord(text, token.start, token.end),
);
export const NOT_NAMED_BEFORE_SUFFIX = notQuantity(
  "not.named",
  ({ text, token, suffix }) => !suffix && digits(token) && namedByCapitalisedWord(text, token.start, token.end),
);
export const NOT_BEFORE_CAPITALISED = notQuantity(
  "not.before-name",
  ({ after }) => CAPITALISED_AFTER.test(after) && !NATIONALITY_AFTER.test(after),
);
