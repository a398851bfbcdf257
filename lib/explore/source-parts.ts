import type { Claim } from "../schema";
import { sentenceSpans, type SentenceSpan } from "../sentence-spans";

/**
 * The article view's layout: the parts a long text is shown in, one at a time, and for one part the sentences to
 * mark and the claims to highlight in each. Nothing is built for the whole text but the parts: a 10 MB article with
 * 50,000 claims costs a check that the claims are in order plus a few hundred binary searches, and each part is
 * laid out from its own claims only when it is shown. Where each sentence lies is found once per sentence
 * (lib/sentence-spans.ts), so a text without a single full stop costs no more than one with many.
 */

/**
 * A sentence of the extractor's that holds claims, with the claims drawn in it: in order, none overlapping. In a
 * part, only the sentence's characters inside the part: a sentence longer than a part is shown a part at a time.
 */
export interface SourceSentence {
  index: number;
  start: number;
  end: number;
  claims: Claim[];
}

/**
 * Characters [start, end) of the text; parts tile the text, and never cut through a sentence with claims, unless
 * the sentence is longer than a part (a text with no full stops): then they cut it between two of its claims.
 */
export interface SourcePart {
  start: number;
  end: number;
}

export interface SourceIndex {
  text: string;
  /** The claims by start offset. */
  claims: readonly Claim[];
  /** Where each claim's sentence is, by sentence index; a claim whose sentence is not in the text has none. */
  sentences: ReadonlyMap<number, SentenceSpan>;
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

interface SentencesOptions {
  /** Only the claims `[from, to)` of `ordered`. */
  from?: number;
  to?: number;
  spans?: ReadonlyMap<number, SentenceSpan>;
  /** Sentences cut to these characters: the part being shown. */
  within?: SourcePart;
}

/**
 * The sentences of the claims `[from, to)` of `ordered`, each with the claims it highlights: a claim is drawn if it
 * lies inside a sentence and after the last one drawn there. Claims and sentences are walked together once.
 */
export function sourceSentences(
  text: string,
  ordered: readonly Claim[],
  {
    from = 0,
    to = ordered.length,
    spans = sentenceSpans(text, ordered),
    within = { start: 0, end: text.length },
  }: SentencesOptions = {},
): SourceSentence[] {
  const sentences: SourceSentence[] = [];
  const seen = new Set<number>();
  let previousEnd = 0;
  for (let i = from; i < to; i++) {
    const c = ordered[i]!;
    if (seen.has(c.sentenceIndex)) continue;
    seen.add(c.sentenceIndex);
    const span = spans.get(c.sentenceIndex);
    // A sentence not in the text, or one that overlaps the one before (only possible with inconsistent records), is
    // left unmarked, not drawn twice.
    if (!span || span.start < previousEnd) continue;
    const start = Math.max(span.start, within.start);
    const end = Math.min(span.end, within.end);
    if (end <= start) continue;
    sentences.push({ index: c.sentenceIndex, start, end, claims: [] });
    previousEnd = span.end;
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

type Layout = Pick<SourceIndex, "text" | "claims" | "sentences">;
/** What a cut at `offset` would split (a sentence with claims, or a quote), or null. */
type Around = (offset: number) => SourcePart | null;

/**
 * The sentence with claims that `offset` falls strictly inside, where a cut would split it. Sentences do not
 * overlap, so it can only be the sentence of the last claim before `offset` or of the first claim at or after it.
 */
function sentenceAround({ claims, sentences }: Layout, offset: number): SourcePart | null {
  const k = countStartingBefore(claims, offset);
  for (const claim of [claims[k - 1], claims[k]]) {
    const s = claim && sentences.get(claim.sentenceIndex);
    if (s && s.start < offset && offset < s.end) return s;
  }
  return null;
}

/** The quote that `offset` falls strictly inside: the last claim starting before it, if it ends after it. */
function claimAround({ claims }: Layout, offset: number): SourcePart | null {
  const before = claims[countStartingBefore(claims, offset) - 1];
  return before && before.end > offset ? before : null;
}

/** The last position in [lo, hi] just after `separator` (and any whitespace) that splits nothing `around` finds, or -1. */
function lastCutAfter(text: string, separator: string, lo: number, hi: number, around: Around): number {
  let from = hi - separator.length;
  while (from >= lo - separator.length) {
    const found = text.lastIndexOf(separator, from);
    if (found === -1 || found + separator.length < lo) return -1;
    const cut = found + separator.length;
    const inside = around(cut);
    // The end of a run of breaks, so the next part does not open with the second newline of a paragraph break.
    if (!inside && !/\s/.test(text.charAt(cut))) return cut;
    from = inside ? inside.start - separator.length : found - 1;
  }
  return -1;
}

/** The end of the last sentence with claims that ends in [lo, hi], or -1. */
function lastSentenceEnd({ claims, sentences }: Layout, lo: number, hi: number): number {
  let k = countStartingBefore(claims, hi);
  while (k > 0) {
    const s = sentences.get(claims[k - 1]!.sentenceIndex);
    if (!s) {
      k--;
      continue;
    }
    if (s.end <= hi) return s.end >= lo ? s.end : -1;
    k = Math.min(k - 1, countStartingBefore(claims, s.start));
  }
  return -1;
}

/**
 * Where to end a part that may end anywhere in [lo, hi]: a paragraph break, else a sentence end, else a space,
 * outside the sentences with claims; failing that (a sentence longer than a part), a space between two quotes.
 */
function cutBetween(layout: Layout, lo: number, hi: number): number {
  const { text } = layout;
  const inSentence: Around = (offset) => sentenceAround(layout, offset);
  const paragraph = lastCutAfter(text, "\n", lo, hi, inSentence);
  if (paragraph !== -1) return paragraph;
  const sentenceEnd = lastSentenceEnd(layout, lo, hi);
  if (sentenceEnd !== -1) return sentenceEnd;
  for (const separator of [". ", " "]) {
    const cut = lastCutAfter(text, separator, lo, hi, inSentence);
    if (cut !== -1) return cut;
  }
  const inQuote: Around = (offset) => claimAround(layout, offset);
  for (const separator of ["\n", ", ", " "]) {
    const cut = lastCutAfter(text, separator, lo, hi, inQuote);
    if (cut !== -1) return cut;
  }
  // No break at all (one endless word): cut at hi, or after the quote it would split.
  return claimAround(layout, hi)?.end ?? hi;
}

function sourceParts(layout: Layout): SourcePart[] {
  const { text, claims } = layout;
  if (text.length <= WINDOW_ABOVE_CHARS && claims.length <= WINDOW_ABOVE_CLAIMS)
    return [{ start: 0, end: text.length }];
  const parts: SourcePart[] = [];
  let start = 0;
  while (text.length - start > PART_MAX_CHARS) {
    const end = cutBetween(layout, start + PART_MIN_CHARS, start + PART_MAX_CHARS);
    parts.push({ start, end });
    start = end;
  }
  parts.push({ start, end: text.length });
  return parts;
}

export function sourceIndex(text: string, claims: readonly Claim[]): SourceIndex {
  const ordered = sortedByStart(claims);
  const layout = { text, claims: ordered, sentences: sentenceSpans(text, ordered) };
  return { ...layout, parts: sourceParts(layout) };
}

/** The part that shows character `offset`. */
export function partIndexOf(parts: readonly SourcePart[], offset: number): number {
  return Math.max(0, countStartingBefore(parts, offset + 1) - 1);
}

/** One part's sentences and highlights: built from the claims that start inside it, found by binary search. */
export function partSentences({ text, claims, sentences }: SourceIndex, part: SourcePart): SourceSentence[] {
  return sourceSentences(text, claims, {
    from: countStartingBefore(claims, part.start),
    to: countStartingBefore(claims, part.end),
    spans: sentences,
    within: part,
  });
}
