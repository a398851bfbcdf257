import type { AtPosition } from "./progress";
import {
  CURRENCY_CODES,
  ORDINALS,
  SCALES,
  SMALL_NUMBERS,
  TEEN_NUMBER_WORDS,
  TENS_NUMBER_WORDS,
  UNIT_NUMBER_WORDS,
  WORD_CHARS,
} from "./lexicon";
import { words } from "./patterns";

/** A number as written: digits or words, with its scale word, before any unit is read. */
export interface NumberToken {
  start: number;
  end: number;
  /** Fully scaled value. */
  value: number;
  /** The multiplier of the scale word (1 when none): a range's first end borrows it ("3-5 bn"). */
  scale: number;
  form: "digits" | "words" | "ordinal" | "share";
  /** Digits only, no separator or decimal: a candidate year. */
  plainInteger: boolean;
  /** The upper end of a fuzzy quantity ("hundreds of" is 200 to 1,000), null for a number written as one. */
  valueMax: number | null;
}

const UNITS_WORDS = words(UNIT_NUMBER_WORDS);
const TENS_WORDS = words(TENS_NUMBER_WORDS);
const WORD_NUMBER = `(?:(?:${TENS_WORDS})(?:[- ](?:${UNITS_WORDS}))?|zero|${UNITS_WORDS}|${words(TEEN_NUMBER_WORDS)}|dozen)`;
const FRACTION_WORDS = "half a|half an|a half|a quarter of a|a quarter|a third of a|a third|three-quarters of a|a|an";
const ORDINAL_WORDS = Object.keys(ORDINALS).join("|");
const CODES_BEFORE = CURRENCY_CODES.join("|");
const SHARE_WORDS =
  "(?:a|one)[- ](?:half|third|quarter|fifth|sixth|tenth)|half|two-thirds|three-quarters|two-fifths|three-fifths";
const SCALE_WORDS = "hundred|thousand|million|billion|trillion|mln|mn|bln|bn|trn|tn|lakhs?|crores?";
/** Plural scale words as fuzzy quantities: "hundreds of", "tens of thousands of", "hundreds of millions". */
const FUZZY_HEADS = "dozens|hundreds|thousands|millions|billions";
const FUZZY_PLURALS = "thousands|millions|billions";
const FUZZY_BASE: Record<string, number> = { dozens: 12, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 };

/**
 * How every word form of a number begins: its first word, or that word's first four letters ("thre", "hund"). A
 * word start that begins none of them ("the", "for", "on") is passed over at once.
 */
const WORD_FORM_STARTS = [
  ...new Set(
    [
      ...UNIT_NUMBER_WORDS,
      ...TENS_NUMBER_WORDS,
      ...TEEN_NUMBER_WORDS,
      ...Object.keys(ORDINALS),
      // The first word of each fraction, share and fuzzy form: "a", "an", "half", "one", "two", "three", "tens".
      ..."zero dozen a an half one two three tens".split(" "),
      ...FUZZY_HEADS.split("|"),
    ]
      .map((word) => word.toLowerCase())
      .filter((word) => /^[a-z]+$/.test(word))
      .map((word) => (word.length > 4 ? word.slice(0, 4) : `${word}\\b`)),
  ),
].join("|");

/** The decimal mark an article writes: "1.5" in English, "1,5" in German, French, Spanish… */
export type DecimalMark = "." | ",";

const SPACES = "[ \\u00a0\\u202f\\u2009]";
const END_OF_DIGITS = "(?!\\d|[.,]\\d)";
/**
 * The digit forms, by the article's decimal mark. Thousands may be grouped by commas, dots, (narrow, thin,
 * non-breaking) spaces or apostrophes: "1,234", "1.234", "12 000", "1'234", "1’234", "1 234,5", "1,23,456".
 * `numericCore` then decides which separator is the decimal mark.
 */
const DIGIT_FORMS: Record<DecimalMark, string> = {
  ".": [
    // Indian grouping by lakh: "12,34,567", "1,00,000".
    `[1-9]\\d?(?:,\\d\\d)+,\\d{3}(?:\\.\\d+)?${END_OF_DIGITS}`,
    "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?",
    `\\d{1,3}(?:${SPACES}\\d{3})+(?:[.,]\\d+)?${END_OF_DIGITS}`,
    "\\d{1,3}(?:['’]\\d{3})+(?:\\.\\d+)?",
    "\\d+(?:\\.\\d+)?|\\.\\d+",
  ].join("|"),
  ",": [
    `[1-9]\\d{0,2}(?:\\.\\d{3})+(?:,\\d+)?${END_OF_DIGITS}`,
    // English-style grouping that cannot be a decimal comma: "1,234,567", "1,234.5".
    `\\d{1,3}(?:(?:,\\d{3}){2,}(?:\\.\\d+)?|,\\d{3}\\.\\d+)${END_OF_DIGITS}`,
    `\\d{1,3}(?:${SPACES}\\d{3})+(?:[.,]\\d+)?${END_OF_DIGITS}`,
    "\\d{1,3}(?:['’]\\d{3})+(?:[.,]\\d+)?",
    // A lone dot is still a decimal point ("1.5 billion" in an otherwise German text); "1.234" was grouped above.
    "\\d+(?:[.,]\\d+)?|\\.\\d+",
  ].join("|"),
};

function numberPattern(mark: DecimalMark): RegExp {
  return new RegExp(
    [
      `(?<digits>(?=\\.?\\d)(?:(?<=\\$US|\\$A|${CODES_BEFORE})|(?<![${WORD_CHARS}_.,'’/]))(?:${DIGIT_FORMS[mark]})(?:(?<suffix>st|nd|rd|th)\\b)?(?![\\d]))`,
      // Word forms share one word-start test: hoisted, it halves the scan (16 → 8 ms a MB). Only a word that begins
      // like one of them can be one: most words ("the", "in", "could") are passed over at once.
      `(?<![A-Za-z0-9])(?=${"(?:"}${WORD_FORM_STARTS}))(?:` +
        `(?<fraction>\\b(?:${FRACTION_WORDS})(?=[\\s\\u00a0]+(?:${SCALE_WORDS}|percentage|per cent|percent|point)\\b))`,
      // "a fifth of its exports"; "fell by a third" (a fraction of a change, recorded as percent per the guide).
      `(?<share>\\b(?:${SHARE_WORDS})(?=[\\s\\u00a0]+of\\b))`,
      // The "by" is checked after the share word matched: a lookbehind first would run at every word.
      `(?<shareBy>(?:${SHARE_WORDS})\\b(?<=\\bby[\\s\\u00a0]+(?:${SHARE_WORDS}))` +
        `(?![\\s\\u00a0-]+(?:of|percentage|per cent|percent|point|million|billion|trillion)\\b))`,
      // "tens of thousands of", "hundreds of millions"; a lone plural scale only before "of" ("thousands of jobs").
      `(?<fuzzy>\\b(?:(?:tens|hundreds)[\\s\\u00a0]+of[\\s\\u00a0]+(?:${FUZZY_PLURALS})|(?:${FUZZY_HEADS})(?=[\\s\\u00a0]+of\\b))\\b)`,
      // "one and a half million", "two and a half years".
      `(?<andHalf>\\b(?:${WORD_NUMBER})[\\s\\u00a0]+and[\\s\\u00a0]+a[\\s\\u00a0]+half\\b)`,
      `(?<words>\\b(?:${WORD_NUMBER})(?:[- ]hundred(?:(?: and)? (?:${WORD_NUMBER}))?)?\\b)`,
      `(?<ordinal>\\b(?:${ORDINAL_WORDS})\\b))`,
    ].join("|"),
    "gi",
  );
}

const NUMBER_PATTERNS: Record<DecimalMark, RegExp> = { ".": numberPattern("."), ",": numberPattern(",") };

const LOCALE_PARTS = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?![a-z\d])/i;
const decimalMarks = new Map<string, DecimalMark>();

/**
 * The decimal mark of an article's locale, from Intl (CLDR): "de-DE", "fr-FR", "es-ES" write a comma, "de-CH",
 * "en-IN", "ja-JP" a point. English articles always write points: CLDR gives en-DE or en-ZA a comma, but
 * English-language news there writes "1.5 billion". Unknown or malformed locales read as points.
 */
export function decimalMarkOf(locale: string | undefined): DecimalMark {
  const parts = LOCALE_PARTS.exec(locale ?? "");
  if (!parts || parts[1]!.toLowerCase() === "en") return ".";
  const tag = parts.slice(1).filter(Boolean).join("-");
  let mark = decimalMarks.get(tag);
  if (!mark) {
    const format = new Intl.NumberFormat(tag);
    // Intl falls back to the runtime's own locale for a language it lacks: that must not decide.
    const resolved = format.resolvedOptions().locale.split("-")[0]!.toLowerCase();
    const decimal = format.formatToParts(1.5).find((part) => part.type === "decimal")?.value;
    mark = resolved === parts[1]!.toLowerCase() && decimal === "," ? "," : ".";
    decimalMarks.set(tag, mark);
  }
  return mark;
}

const SCALE_AFTER = new RegExp(`^(?:[\\s\\u00a0]*-?|[\\s\\u00a0]+)(${SCALE_WORDS})\\b`, "i");
/** Single-letter scales only when attached to the digits: "$5bn", "3.2B", "$40M", "€10k". */
const ATTACHED_SCALE = /^(bn|mn|tn|[kKmMbB])(?![\p{L}\p{N}])/u;

/** "a fifth of Japan's exports" is a share: recorded as percent (two decimals for thirds and sixths). */
const SHARE_PERCENT: Record<string, number> = {
  half: 50,
  third: 33.33,
  quarter: 25,
  fifth: 20,
  sixth: 16.67,
  tenth: 10,
  "two-thirds": 66.67,
  "three-quarters": 75,
  "two-fifths": 40,
  "three-fifths": 60,
};

const FRACTION_VALUES: Record<string, number> = {
  "half a": 0.5,
  "half an": 0.5,
  "a half": 0.5,
  "a quarter of a": 0.25,
  "a quarter": 0.25,
  "a third of a": 1 / 3,
  "a third": 1 / 3,
  "three-quarters of a": 0.75,
  a: 1,
  an: 1,
};

function wordValue(words: string): number {
  const lower = words.toLowerCase().replace(/\s+and\s+/g, " ");
  const [head, tail] = lower.split(/[- ]hundred\s*/);
  const parse = (part: string) =>
    part
      .split(/[- ]/)
      .filter(Boolean)
      .reduce((sum, w) => sum + (SMALL_NUMBERS[w] ?? 0), 0);
  if (tail !== undefined) return parse(head!) * 100 + (tail ? parse(tail) : 0);
  return parse(lower);
}

const GROUP_SPACES = /[ \u00a0\u202f\u2009'’]/g;

/**
 * "1,234.5", "1.234,5", "12 000", "1'234", "1 234,5", "12,34,567" → a plain decimal string. Spaces and apostrophes
 * always group; with both "," and "." the last is the decimal mark; a mark written twice groups; a lone separator
 * is the article's decimal mark, or, if it is the other one, groups when three digits follow a lead of 1-3
 * digits that is not 0 ("1,234" in English, "1.234" in German; "0.125" stays a decimal).
 */
function numericCore(digits: string, mark: DecimalMark): string {
  const plain = digits.replace(GROUP_SPACES, "");
  const comma = plain.lastIndexOf(",");
  const dot = plain.lastIndexOf(".");
  if (comma === -1 && dot === -1) return plain;
  let decimalAt: number;
  if (comma !== -1 && dot !== -1) decimalAt = Math.max(comma, dot);
  else {
    const at = comma === -1 ? dot : comma;
    const separator = plain[at]!;
    if (plain.indexOf(separator) !== at) decimalAt = -1;
    else if (separator === mark) decimalAt = at;
    else decimalAt = plain.length - at === 4 && at >= 1 && at <= 3 && plain[0] !== "0" ? -1 : at;
  }
  let core = "";
  for (let i = 0; i < plain.length; i++) {
    const ch = plain[i]!;
    if (i === decimalAt) core += ".";
    else if (ch !== "," && ch !== ".") core += ch;
  }
  return core;
}

/** Scales a decimal string without binary drift: "102.3" × 1e9 → 102300000000 exactly. */
export function scaled(core: string, scale: number): number {
  const exponent = Math.round(Math.log10(scale));
  return scale === 1 ? Number(core) : Number(`${core}e${exponent}`);
}

const FUZZY_OF = /^[\s\u00a0]+of\b/i;
/** A minus right before digits, after a space, a bracket or the start ("-3.2%", "(−0.4)"), or the word "minus". */
const SIGN_BEFORE = /(?:(^|[\s\u00a0(\[=:])[-\u2212]|(?<!\bplus[\s\u00a0]+or[\s\u00a0]+)\bminus[\s\u00a0]+)$/i;

/** "hundreds of" → 200 to 1,000; "tens of thousands" → 20,000 to 100,000; "dozens" → 24 to 100. */
function fuzzyRange(words: string): { min: number; max: number; scale: number } {
  const parts = words.toLowerCase().split(/[\s\u00a0]+/);
  const head = parts[0]!;
  const tail = parts.length > 1 ? FUZZY_BASE[parts[parts.length - 1]!]! : 1;
  const base = head === "tens" ? 10 : FUZZY_BASE[head]!;
  if (head === "dozens") return { min: 24, max: 100, scale: 1 };
  return { min: 2 * base * tail, max: 10 * base * tail, scale: tail };
}

export function findNumbers(text: string, mark: DecimalMark = ".", progress?: AtPosition): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER_PATTERNS[mark])) {
    const groups = match.groups!;
    const start = match.index;
    progress?.(start);
    let end = start + match[0].length;
    const share = groups.share ?? groups.shareBy;
    if (share) {
      const value = SHARE_PERCENT[share.toLowerCase().replace(/^(?:a|one)[- ]/, "")]!;
      tokens.push({ start, end, value, scale: 1, form: "share", plainInteger: false, valueMax: null });
      continue;
    }
    if (groups.ordinal || groups.suffix) {
      const value = groups.ordinal ? ORDINALS[groups.ordinal.toLowerCase()]! : Number(groups.digits!.slice(0, -2));
      tokens.push({ start, end, value, scale: 1, form: "ordinal", plainInteger: false, valueMax: null });
      continue;
    }
    if (groups.fuzzy) {
      const fuzzy = fuzzyRange(groups.fuzzy);
      // The "of" goes with the quantity, so the counted noun or currency comes right after: "dozens of workers".
      const of = FUZZY_OF.exec(text.slice(end, end + 8));
      if (of) end += of[0].length;
      tokens.push({
        start,
        end,
        value: fuzzy.min,
        scale: fuzzy.scale,
        form: "words",
        plainInteger: false,
        valueMax: fuzzy.max,
      });
      continue;
    }
    let core: string;
    let form: NumberToken["form"];
    if (groups.andHalf) {
      core = String(wordValue(groups.andHalf.replace(/[\s\u00a0]+and[\s\u00a0]+a[\s\u00a0]+half$/i, "")) + 0.5);
      form = "words";
    } else if (groups.digits) {
      core = numericCore(groups.digits, mark);
      form = "digits";
    } else if (groups.words) {
      core = String(wordValue(groups.words));
      form = "words";
    } else {
      core = String(FRACTION_VALUES[groups.fraction!.toLowerCase()]);
      form = "words";
    }
    let scale = 1;
    const rest = text.slice(end, end + 24);
    const attached = form === "digits" ? ATTACHED_SCALE.exec(rest) : null;
    const spaced = attached ? null : SCALE_AFTER.exec(rest);
    const scaleMatch = attached ?? spaced;
    if (scaleMatch) {
      scale = SCALES[scaleMatch[1]!.toLowerCase()]!;
      end += scaleMatch[0].length;
      // "two hundred thousand", "1.2 lakh crore": a larger second scale word multiplies the first.
      const again = SCALE_AFTER.exec(text.slice(end, end + 24));
      if (again && SCALES[again[1]!.toLowerCase()]! > scale) {
        scale *= SCALES[again[1]!.toLowerCase()]!;
        end += again[0].length;
      }
    }
    if (groups.fraction && scale === 1 && !/^[\s\u00a0]+(?:percentage|per cent|percent|point)/i.test(rest)) continue;
    let value = form === "digits" ? scaled(core, scale) : Number(core) * scale;
    const plainInteger = form === "digits" && scale === 1 && /^\d+$/.test(groups.digits ?? "");
    let from = start;
    if (form === "digits") {
      // A sign written before the digits: "-3.2%", "−0.4" (the Unicode minus), "minus 4 degrees".
      const sign = SIGN_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
      if (sign) {
        value = -value;
        from = start - sign[0].length + (sign[1]?.length ?? 0);
      }
    }
    tokens.push({ start: from, end, value, scale, form, plainInteger: plainInteger && from === start, valueMax: null });
  }
  return tokens;
}
