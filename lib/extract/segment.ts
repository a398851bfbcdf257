/**
 * Sentences with half-open [start, end) offsets into the original text, in small steps:
 * 1. every line is a block (headlines and section lines have no full stop);
 * 2. split a line after . ! ? … (and any closing quotes or brackets) when the next word could start a sentence;
 * 3. merge back splits after abbreviations, initials and inside parentheses;
 * 4. cut a sentence longer than MAX_SENTENCE_LENGTH into pieces at clause boundaries (cutLongSentence).
 *
 * Intl.Segmenter was measured here at 0.01 MB/s on a whole 1 MB text and 4.7 MB/s line by line, and it still
 * splits "U.S. President" and "Mr. Carney"; this splitter runs at hundreds of MB/s and knows those cases.
 */

import type { AtPosition } from "./progress";

/**
 * The longest sentence returned, in UTF-16 code units. Every record carries its whole sentence, so a text with no
 * sentence breaks gave output quadratic in its length (183 kB of figures and commas: 1.1 GB of JSON). About ten
 * lines of news: real sentences are shorter, so only run-on text (lists, transcripts, junk) is ever cut.
 */
export const MAX_SENTENCE_LENGTH = 1000;

/** Digits this close to a word boundary make it a poor cut: it would split "25 per cent" or "fell by $3.7 billion". */
const FIGURE_REACH = 20;

export interface Sentence {
  index: number;
  start: number;
  end: number;
}

const TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sen",
  "rep",
  "gov",
  "gen",
  "lt",
  "col",
  "capt",
  "sgt",
  "st",
  "jr",
  "sr",
  "rev",
  "hon",
  "pres",
  "supt",
  "messrs",
  "mt",
  "ft",
  "no",
  "nos",
  "vs",
  "v",
  "inc",
  "corp",
  "co",
  "ltd",
  "bros",
  "dept",
  "est",
  "approx",
  "fig",
  "vol",
  "art",
  "sec",
  "ch",
  "para",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "e.g",
  "i.e",
  "etc",
  "cf",
  "al",
  "a.m",
  "p.m",
  "ph.d",
  "u.s",
  "u.k",
  "u.n",
  "e.u",
  "u.s.a",
]);

/** Words that, after an initialism such as "U.S.", show a new sentence has begun. */
const SENTENCE_STARTERS = new Set([
  "the",
  "it",
  "he",
  "she",
  "they",
  "we",
  "i",
  "but",
  "and",
  "in",
  "this",
  "that",
  "a",
  "an",
  "on",
  "at",
  "its",
  "their",
  "his",
  "her",
  "our",
  "there",
  "those",
  "these",
  "however",
  "meanwhile",
  "still",
  "yet",
  "so",
  "for",
  "as",
  "if",
  "when",
  "while",
  "after",
  "before",
  "last",
  "since",
]);

const LINE = /[^\n]+/g;
// Only from the start of a run of terminators: a match from inside the run would end at the same place, so trying
// each position of "......x" made the run quadratic (20 kB of dots took 1.5 s).
const TERMINATOR = /(?<![.!?…])[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F]|\s*$)/g;

// Latin letters only: abbreviations are Latin, even when glued to another script ("שלוםOct.").
const TRAILING_WORD = /([A-Za-z.]+)$/;
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const STARTS_WITH_DIGIT = /^\d/;
const SPACE = /\s/;
const NEXT_WORD = /^\s*["'“‘(\[]?([\p{L}\p{N}.]*)/u;

function isAbbreviation(line: string, dotIndex: number, nextWord: string): boolean {
  if (line[dotIndex] !== ".") return false;
  const before = TRAILING_WORD.exec(line.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1] ?? "";
  const word = before.toLowerCase();
  if (word === "") return false;
  const initialism = INITIALISM.test(before);
  if (initialism) return !SENTENCE_STARTERS.has(nextWord.toLowerCase());
  if (SINGLE_CAPITAL.test(before)) return true; // an initial: "John F. Kennedy"
  if (TITLES.has(word))
    return (
      !(word === "no" && !STARTS_WITH_DIGIT.test(nextWord)) &&
      !(word === "co" && SENTENCE_STARTERS.has(nextWord.toLowerCase()))
    );
  return false;
}

/**
 * Parentheses still open in a line from a sentence's start up to `to`, read on from where the last question left
 * off: `to` only grows until the sentence starts again, so each line is read once (asking afresh from the start of
 * the sentence at every full stop was quadratic on a long line).
 */
interface OpenParens {
  depth: number;
  readTo: number;
  nextOpen: number;
}

function parensIn(line: string): OpenParens {
  return { depth: 0, readTo: 0, nextOpen: line.indexOf("(") };
}

function openParensUpTo(line: string, parens: OpenParens, to: number): number {
  if (parens.depth === 0) {
    if (parens.nextOpen !== -1 && parens.nextOpen < parens.readTo) parens.nextOpen = line.indexOf("(", parens.readTo);
    if (parens.nextOpen === -1 || parens.nextOpen >= to) {
      parens.readTo = Math.max(parens.readTo, to);
      return 0;
    }
    parens.readTo = parens.nextOpen;
  }
  for (; parens.readTo < to; parens.readTo++) {
    const ch = line.charCodeAt(parens.readTo);
    if (ch === 40) parens.depth++;
    else if (ch === 41 && parens.depth > 0) parens.depth--;
  }
  return parens.depth;
}

function restartParens(parens: OpenParens, at: number): void {
  parens.depth = 0;
  parens.readTo = at;
}

const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const HYPHEN = 0x2d;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;

/** The same test as SPACE, on a code unit, without making a string of it. */
function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 0xa0 && SPACE.test(String.fromCharCode(code)));
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A figure starts here: after a dash, that is a range ("10 – 20 per cent", "$3—4 billion"), not a clause. */
function startsFigure(code: number): boolean {
  return isDigitCode(code) || code === 0x24 || code === 0x20ac || code === 0xa3 || code === 0xa5;
}

/** An em dash anywhere, an en dash or a hyphen between spaces ("Canada–US" and "two-way" are words). */
function isClauseDash(text: string, i: number, code: number): boolean {
  let next = text.charCodeAt(i + 1);
  if (code === EM_DASH) {
    if (isSpaceCode(next)) next = text.charCodeAt(i + 2);
  } else if ((code === EN_DASH || code === HYPHEN) && isSpaceCode(text.charCodeAt(i - 1)) && isSpaceCode(next)) {
    next = text.charCodeAt(i + 2);
  } else return false;
  return !startsFigure(next);
}

function splitsSurrogatePair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** A word that starts a clause, not followed by a figure ("between 10 and 20 per cent" is one range). */
const CONJUNCTION = /(?:and|but|or|nor|while|whereas|although|because|which|when|unless)\s+(?![\s\d$€£¥])/iy;

/** The first two letters (lower case) of a CONJUNCTION: the regular expression is run only after them. */
function mayStartConjunction(first: number, second: number): boolean {
  switch (first) {
    case 0x61: // a: and, although
      return second === 0x6e || second === 0x6c;
    case 0x62: // b: but, because
      return second === 0x75 || second === 0x65;
    case 0x6e: // nor
      return second === 0x6f;
    case 0x77: // w: while, whereas, which, when
      return second === 0x68;
    case 0x6f: // or
      return second === 0x72;
    case 0x75: // unless
      return second === 0x6e;
    default:
      return false;
  }
}

/**
 * 4. Cuts the trimmed run [start, end), longer than MAX_SENTENCE_LENGTH, into pieces of at most that length, each
 * as long as it may be: at the last boundary inside the bound of the strongest kind there is, in this order
 * - after a semicolon or a clause dash,
 * - after a comma followed by white space (never the comma of "3,700"),
 * - at white space before a conjunction,
 * - at white space with no digit within FIGURE_REACH characters, then at any white space,
 * - at the bound itself, or one code unit before it rather than between the halves of a surrogate pair.
 * One pass over the run: only the last boundary of each kind is kept, and one that lies inside the next piece is
 * still the last of its kind there. So each character is read once, and at most once more by the look ahead for the
 * next digit; the character at each bound is read again for the next piece.
 */
function cutLongSentence(text: string, start: number, end: number, piece: (from: number, to: number) => void): void {
  let clause = -1;
  let comma = -1;
  let conjunction = -1;
  let clear = -1;
  let space = -1;
  let lastDigit = -FIGURE_REACH - 1;
  let digitAhead = -1; // the first digit after the last white space that looked for one
  let scanned = start;
  while (end - start > MAX_SENTENCE_LENGTH) {
    const bound = start + MAX_SENTENCE_LENGTH;
    // A piece may end at white space at the bound, but after a mark only before it: the mark at the bound is read
    // again for the next piece.
    for (; scanned <= bound; scanned++) {
      const code = text.charCodeAt(scanned);
      if (code >= 0x41 && code < 0xa0) continue; // letters: most of the text, and never a boundary
      if (isDigitCode(code)) lastDigit = scanned;
      else if (isSpaceCode(code)) {
        space = scanned;
        if (scanned - lastDigit > FIGURE_REACH) {
          if (digitAhead <= scanned) {
            // The next digit in the run, looked for once per digit: no character is looked at twice.
            digitAhead = scanned + 1;
            while (digitAhead < end && !isDigitCode(text.charCodeAt(digitAhead))) digitAhead++;
            if (digitAhead === end) digitAhead = end + FIGURE_REACH + 1;
          }
          if (digitAhead - scanned > FIGURE_REACH) clear = scanned;
        }
        if (mayStartConjunction(text.charCodeAt(scanned + 1) | 0x20, text.charCodeAt(scanned + 2) | 0x20)) {
          CONJUNCTION.lastIndex = scanned + 1;
          if (CONJUNCTION.test(text)) conjunction = scanned;
        }
      } else if (scanned === bound) break;
      else if (code === COMMA) {
        if (isSpaceCode(text.charCodeAt(scanned + 1))) comma = scanned + 1;
      } else if (code === SEMICOLON || isClauseDash(text, scanned, code)) clause = scanned + 1;
    }
    scanned = bound;
    // The strongest kind there is; of that kind the last, as only the last is kept.
    const cut =
      [clause, comma, conjunction, clear, space].find((at) => at > start) ??
      (splitsSurrogatePair(text, bound) ? bound - 1 : bound);
    piece(start, cut);
    start = cut;
    while (isSpaceCode(text.charCodeAt(start))) start++;
  }
  piece(start, end);
}

export function segmentSentences(text: string, progress?: AtPosition): Sentence[] {
  const sentences: Sentence[] = [];
  // Trimmed by hand: a [start, end] pair per sentence was a hundred thousand arrays on 10 MB.
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && SPACE.test(text[start]!)) start++;
    while (end > start && SPACE.test(text[end - 1]!)) end--;
    if (end - start > MAX_SENTENCE_LENGTH) cutLongSentence(text, start, end, push);
    else if (end > start) sentences.push({ index: sentences.length, start, end });
  };
  for (const lineMatch of text.matchAll(LINE)) {
    const line = lineMatch[0];
    const offset = lineMatch.index;
    progress?.(offset);
    let sentenceStart = 0;
    const parens = parensIn(line);
    TERMINATOR.lastIndex = 0;
    for (let term = TERMINATOR.exec(line); term; term = TERMINATOR.exec(line)) {
      const cut = term.index + term[0].length;
      const nextWord = NEXT_WORD.exec(line.slice(cut, cut + 40))?.[1] ?? "";
      if (cut >= line.length) break;
      if (isAbbreviation(line, term.index, nextWord)) continue;
      if (openParensUpTo(line, parens, cut) > 0) continue;
      push(offset + sentenceStart, offset + cut);
      sentenceStart = cut;
      restartParens(parens, cut);
      progress?.(offset + cut);
    }
    push(offset + sentenceStart, offset + line.length);
  }
  return sentences;
}
