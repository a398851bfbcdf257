import type { Claim } from "../schema";

/**
 * The article view's layout: which sentences to mark, which claims to highlight in each, and — for a long text —
 * the parts it is shown in, one at a time. Everything is one pass over the claims and the sentences, so a 10 MB
 * article with 50,000 claims is laid out in tens of milliseconds, and a part is found by binary search.
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

export interface SourceLayout {
  sentences: SourceSentence[];
  /** One part (the whole text) unless the text is long. */
  parts: SourcePart[];
}

/** Longer than this, or with more claims, the text is shown a part at a time: the DOM stays a few thousand nodes. */
export const WINDOW_ABOVE_CHARS = 60_000;
export const WINDOW_ABOVE_CLAIMS = 500;
/** A part is about a few screens of reading: 20,000 to 30,000 characters, ended where a paragraph or sentence ends. */
export const PART_MIN_CHARS = 20_000;
export const PART_MAX_CHARS = 30_000;

const byStart = (a: Claim, b: Claim) => a.start - b.start;

function sortedByStart(claims: readonly Claim[]): readonly Claim[] {
  for (let i = 1; i < claims.length; i++) if (claims[i]!.start < claims[i - 1]!.start) return [...claims].sort(byStart);
  return claims;
}

/**
 * Where the claim's sentence starts in the text: the quote's position in the sentence, checked against the text,
 * so a quote that also occurs earlier in its sentence ("25 per cent … 25 per cent") still finds the right start.
 */
function sentenceStart(text: string, claim: Claim): number {
  let at = claim.sentence.indexOf(claim.quote);
  const first = claim.start - at;
  while (at !== -1) {
    const start = claim.start - at;
    if (start >= 0 && text.startsWith(claim.sentence, start)) return start;
    at = claim.sentence.indexOf(claim.quote, at + 1);
  }
  return first;
}

/** The sentences that hold claims, in text order, each with the claims it highlights. */
export function sourceSentences(text: string, claims: readonly Claim[]): SourceSentence[] {
  const ordered = sortedByStart(claims);
  const byIndex = new Map<number, SourceSentence>();
  for (const c of ordered) {
    if (byIndex.has(c.sentenceIndex)) continue;
    const start = sentenceStart(text, c);
    byIndex.set(c.sentenceIndex, { index: c.sentenceIndex, start, end: start + c.sentence.length, claims: [] });
  }
  const sentences: SourceSentence[] = [];
  let previousEnd = 0;
  // A sentence that overlaps the one before (only possible with inconsistent records) is left unmarked, not drawn twice.
  for (const s of [...byIndex.values()].sort((a, b) => a.start - b.start)) {
    if (s.start < previousEnd || s.end > text.length) continue;
    sentences.push(s);
    previousEnd = s.end;
  }
  // Claims and sentences walked together once: a claim is drawn if it lies inside its sentence and after the last drawn.
  let next = 0;
  for (const s of sentences) {
    let at = s.start;
    while (next < ordered.length && ordered[next]!.start < s.end) {
      const c = ordered[next++]!;
      if (c.start < at || c.end > s.end) continue;
      s.claims.push(c);
      at = c.end;
    }
  }
  return sentences;
}

/** The index of the last item whose start is at most `offset` (-1 if none): items sorted by start. */
function lastStartingBy(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The sentence that `offset` falls strictly inside, where a cut would split it. */
function sentenceAround(sentences: readonly SourceSentence[], offset: number): SourceSentence | null {
  const s = sentences[lastStartingBy(sentences, offset - 1)];
  return s && s.start < offset && offset < s.end ? s : null;
}

/** The last position in [lo, hi] just after `separator` (and any whitespace) that splits no sentence with claims, or -1. */
function lastCutAfter(text: string, sentences: readonly SourceSentence[], separator: string, lo: number, hi: number): number {
  let from = hi - separator.length;
  while (from >= lo - separator.length) {
    const found = text.lastIndexOf(separator, from);
    if (found === -1 || found + separator.length < lo) return -1;
    const cut = found + separator.length;
    const inside = sentenceAround(sentences, cut);
    // The end of a run of breaks, so the next part does not open with the second newline of a paragraph break.
    if (!inside && !/\s/.test(text.charAt(cut))) return cut;
    from = inside ? inside.start - separator.length : found - 1;
  }
  return -1;
}

/** Where to end a part that may end anywhere in [lo, hi]: a paragraph break, else a sentence end, else a space. */
function cutBetween(text: string, sentences: readonly SourceSentence[], lo: number, hi: number): number {
  const paragraph = lastCutAfter(text, sentences, "\n", lo, hi);
  if (paragraph !== -1) return paragraph;
  const last = lastStartingBy(sentences, hi);
  const claimed = (sentences[last]?.end ?? 0) > hi ? sentences[last - 1] : sentences[last];
  if (claimed && claimed.end >= lo) return claimed.end;
  for (const separator of [". ", " "]) {
    const cut = lastCutAfter(text, sentences, separator, lo, hi);
    if (cut !== -1) return cut;
  }
  // No break at all (one endless word, or a sentence longer than a part): cut at hi, or after that sentence.
  return sentenceAround(sentences, hi)?.end ?? hi;
}

export function sourceParts(text: string, sentences: readonly SourceSentence[], claimCount: number): SourcePart[] {
  if (text.length <= WINDOW_ABOVE_CHARS && claimCount <= WINDOW_ABOVE_CLAIMS) return [{ start: 0, end: text.length }];
  const parts: SourcePart[] = [];
  let start = 0;
  while (text.length - start > PART_MAX_CHARS) {
    const end = cutBetween(text, sentences, start + PART_MIN_CHARS, start + PART_MAX_CHARS);
    parts.push({ start, end });
    start = end;
  }
  parts.push({ start, end: text.length });
  return parts;
}

export function sourceLayout(text: string, claims: readonly Claim[]): SourceLayout {
  const sentences = sourceSentences(text, claims);
  return { sentences, parts: sourceParts(text, sentences, claims.length) };
}

/** The part that shows character `offset`. */
export function partIndexOf(parts: readonly SourcePart[], offset: number): number {
  return Math.max(0, lastStartingBy(parts, offset));
}

/** The sentences inside a part, as [from, to) indexes into `sentences`. */
export function sentencesIn(sentences: readonly SourceSentence[], part: SourcePart): [number, number] {
  const from = lastStartingBy(sentences, part.start - 1) + 1;
  const to = lastStartingBy(sentences, part.end - 1) + 1;
  return [from, Math.max(from, to)];
}
