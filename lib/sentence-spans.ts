import type { Claim } from "./schema";

/**
 * Where the sentences of an article's claims lie in its text. A claim carries its sentence as a string, not as
 * offsets, so every consumer that needs the offsets (the source view), or that must not copy that string once per
 * claim (IndexedDB and postMessage copy every string they meet: 10,000 claims in one 300 kB sentence make 3 GB),
 * finds each sentence here, once. Shared by lib/store and lib/explore, so it lives beside the schema.
 */

/** Characters [start, end) of the text: sentence `index`, exactly as its claims quote it. */
export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
}

type Locatable = Pick<Claim, "sentenceIndex" | "sentence" | "start" | "end">;

function byStart<T extends Locatable>(claims: readonly T[]): readonly T[] {
  for (let i = 1; i < claims.length; i++) {
    if (claims[i]!.start < claims[i - 1]!.start) return [...claims].sort((a, b) => a.start - b.start);
  }
  return claims;
}

/**
 * One span per sentence index: the first place, after the sentence before it, where the sentence's text holds its
 * first claim. Each search looks only at the window where that can be (twice the sentence's length at most), so the
 * cost is about the sum of the sentences' lengths however often a quote repeats inside one. A sentence that is not
 * in the text around its claim (an edited record) gets no span.
 */
export function sentenceSpans(text: string, claims: readonly Locatable[]): Map<number, SentenceSpan> {
  const spans = new Map<number, SentenceSpan>();
  const tried = new Set<number>();
  let previousEnd = 0;
  for (const claim of byStart(claims)) {
    if (tried.has(claim.sentenceIndex)) continue;
    tried.add(claim.sentenceIndex);
    const { length } = claim.sentence;
    const from = Math.max(previousEnd, claim.end - length, 0);
    if (length === 0 || from > claim.start) continue;
    const at = text.slice(from, claim.start + length).indexOf(claim.sentence);
    if (at === -1) continue;
    const start = from + at;
    spans.set(claim.sentenceIndex, { index: claim.sentenceIndex, start, end: start + length });
    previousEnd = start + length;
  }
  return spans;
}
