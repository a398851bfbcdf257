import type { Claim } from "../schema";

/**
 * The article view's layout: the parts a long text is shown in, one at a time, and for one part the sentences to
 * mark and the claims to highlight in each. Nothing is built for the whole text but the parts: a 10 MB article with
 * 50,000 claims costs a check that the claims are in order plus a few hundred binary searches, and each part is
 * laid out from its own claims only when it is shown.
 */

/** A sentence of the extractor's that holds claims, with the claims drawn in it: in order, none overlapping. */
export interface SourceSentence {
  index: number;
  start: number;
  end: number;
  claims: Claim[];
}

/** Characters [start, end) of the text; parts tile the text, and never cut through a sentence with claims. */
export interface SourcePart {
  start: number;
  end: number;
}

export interface SourceIndex {
  text: string;
  /** The claims by start offset. */
  claims: readonly Claim[];
  /** One part (the whole text) unless the text is long. */
  parts: SourcePart[];
}

/** Longer than this, or with more claims, the text is shown a part at a time: the DOM stays a few thousand nodes. */
export const WINDOW_ABOVE_CHARS = 60_000;
export const WINDOW_ABOVE_CLAIMS = 500;
/**
 * A part is a few screens of reading, 10,000 to 15,000 characters (about 2,000 words), ended where a paragraph or
 * sentence ends. Showing a part costs the browser a layout of all its text (one pre-wrap block), which is most of
 * the time from a click to the part on screen: in bench:dashboard on a busy two-core machine, a table-row click took
 * a median of 110–200 ms (max 370) to show a 30,000-character part, and 55 ms (max 120) for these.
 */
export const PART_MIN_CHARS = 10_000;
export const PART_MAX_CHARS = 15_000;

function sortedByStart(claims: readonly Claim[]): readonly Claim[] {
  for (let i = 1; i < claims.length; i++) {
    if (claims[i]!.start < claims[i - 1]!.start) return [...claims].sort((a, b) => a.start - b.start);
  }
  return claims;
}

/**
 * Where the claim's sentence starts in the text: the quote's position in the sentence, checked against the text
 * when the quote occurs twice in it ("25 per cent … 25 per cent"), so the second one still finds the right start.
 */
function sentenceStart(text: string, claim: Claim): number {
  const first = claim.sentence.indexOf(claim.quote);
  if (first === -1 || claim.sentence.indexOf(claim.quote, first + 1) === -1) return claim.start - first;
  for (let at = first; at !== -1; at = claim.sentence.indexOf(claim.quote, at + 1)) {
    const start = claim.start - at;
    if (start >= 0 && text.startsWith(claim.sentence, start)) return start;
  }
  return claim.start - first;
}

function sentenceOf(text: string, claim: Claim | undefined): SourcePart | null {
  if (!claim) return null;
  const start = sentenceStart(text, claim);
  return { start, end: start + claim.sentence.length };
}

/** The number of items whose start is below `offset`: items sorted by start. */
function countStartingBefore(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sentences of the claims `[from, to)` of `ordered`, each with the claims it highlights: a claim is drawn if it
 * lies inside a sentence and after the last one drawn there. Claims and sentences are walked together once.
 */
export function sourceSentences(
  text: string,
  ordered: readonly Claim[],
  from = 0,
  to = ordered.length,
): SourceSentence[] {
  const sentences: SourceSentence[] = [];
  const seen = new Set<number>();
  let previousEnd = 0;
  for (let i = from; i < to; i++) {
    const c = ordered[i]!;
    if (seen.has(c.sentenceIndex)) continue;
    seen.add(c.sentenceIndex);
    const start = sentenceStart(text, c);
    const end = start + c.sentence.length;
    // A sentence that overlaps the one before (only possible with inconsistent records) is left unmarked, not drawn twice.
    if (start < previousEnd || start < 0 || end > text.length) continue;
    sentences.push({ index: c.sentenceIndex, start, end, claims: [] });
    previousEnd = end;
  }
  let next = from;
  for (const s of sentences) {
    let at = s.start;
    while (next < to && ordered[next]!.start < s.end) {
      const c = ordered[next++]!;
      if (c.start < at || c.end > s.end) continue;
      s.claims.push(c);
      at = c.end;
    }
  }
  return sentences;
}

/**
 * The sentence with claims that `offset` falls strictly inside, where a cut would split it. Sentences do not
 * overlap, so it can only be the sentence of the last claim before `offset` or of the first claim at or after it.
 */
function sentenceAround(text: string, ordered: readonly Claim[], offset: number): SourcePart | null {
  const k = countStartingBefore(ordered, offset);
  for (const s of [sentenceOf(text, ordered[k - 1]), sentenceOf(text, ordered[k])]) {
    if (s && s.start < offset && offset < s.end) return s;
  }
  return null;
}

/** The last position in [lo, hi] just after `separator` (and any whitespace) that splits no sentence with claims, or -1. */
function lastCutAfter(text: string, ordered: readonly Claim[], separator: string, lo: number, hi: number): number {
  let from = hi - separator.length;
  while (from >= lo - separator.length) {
    const found = text.lastIndexOf(separator, from);
    if (found === -1 || found + separator.length < lo) return -1;
    const cut = found + separator.length;
    const inside = sentenceAround(text, ordered, cut);
    // The end of a run of breaks, so the next part does not open with the second newline of a paragraph break.
    if (!inside && !/\s/.test(text.charAt(cut))) return cut;
    from = inside ? inside.start - separator.length : found - 1;
  }
  return -1;
}

/** The end of the last sentence with claims that ends in [lo, hi], or -1. */
function lastSentenceEnd(text: string, ordered: readonly Claim[], lo: number, hi: number): number {
  let k = countStartingBefore(ordered, hi);
  while (k > 0) {
    const s = sentenceOf(text, ordered[k - 1])!;
    if (s.end <= hi) return s.end >= lo ? s.end : -1;
    k = countStartingBefore(ordered, s.start);
  }
  return -1;
}

/** Where to end a part that may end anywhere in [lo, hi]: a paragraph break, else a sentence end, else a space. */
function cutBetween(text: string, ordered: readonly Claim[], lo: number, hi: number): number {
  const paragraph = lastCutAfter(text, ordered, "\n", lo, hi);
  if (paragraph !== -1) return paragraph;
  const sentenceEnd = lastSentenceEnd(text, ordered, lo, hi);
  if (sentenceEnd !== -1) return sentenceEnd;
  for (const separator of [". ", " "]) {
    const cut = lastCutAfter(text, ordered, separator, lo, hi);
    if (cut !== -1) return cut;
  }
  // No break at all (one endless word, or a sentence longer than a part): cut at hi, or after that sentence.
  return sentenceAround(text, ordered, hi)?.end ?? hi;
}

function sourceParts(text: string, ordered: readonly Claim[]): SourcePart[] {
  if (text.length <= WINDOW_ABOVE_CHARS && ordered.length <= WINDOW_ABOVE_CLAIMS)
    return [{ start: 0, end: text.length }];
  const parts: SourcePart[] = [];
  let start = 0;
  while (text.length - start > PART_MAX_CHARS) {
    const end = cutBetween(text, ordered, start + PART_MIN_CHARS, start + PART_MAX_CHARS);
    parts.push({ start, end });
    start = end;
  }
  parts.push({ start, end: text.length });
  return parts;
}

export function sourceIndex(text: string, claims: readonly Claim[]): SourceIndex {
  const ordered = sortedByStart(claims);
  return { text, claims: ordered, parts: sourceParts(text, ordered) };
}

/** The part that shows character `offset`. */
export function partIndexOf(parts: readonly SourcePart[], offset: number): number {
  return Math.max(0, countStartingBefore(parts, offset + 1) - 1);
}

/** One part's sentences and highlights: built from the claims that start inside it, found by binary search. */
export function partSentences({ text, claims }: SourceIndex, part: SourcePart): SourceSentence[] {
  return sourceSentences(text, claims, countStartingBefore(claims, part.start), countStartingBefore(claims, part.end));
}
