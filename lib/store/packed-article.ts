import type { Claim } from "../schema";
import { sentenceSpans, type SentenceSpan } from "../sentence-spans";
import type { StoredArticle } from "./library-file";

/**
 * An article as IndexedDB keeps it and as the /analyze worker sends it to the page: every sentence once, as offsets
 * into the text, instead of once in every claim. Both go through structured clone, which copies each string it
 * meets, so the 10,000 claims of one 300 kB sentence (break-free text) were 3 GB: past Chromium's 127 MiB limit on
 * one stored value, and past the page's memory. Unpacking slices each sentence out of the text once and gives that
 * one string to all its claims (V8 keeps a slice of a long string as a view of it, not a copy).
 */

/** A claim without its sentence, unless the sentence is not in the text where the claim is (an edited record). */
export type PackedClaim = Omit<Claim, "sentence"> & { sentence?: string };

export interface PackedClaims {
  claims: PackedClaim[];
  sentences: SentenceSpan[];
}

export type PackedArticle = Omit<StoredArticle, "claims"> & PackedClaims;

export function packClaims(text: string, claims: readonly Claim[]): PackedClaims {
  const spans = sentenceSpans(text, claims);
  return {
    // Claims of one sentence index share its sentence; a different length would be an edited record, kept as it is.
    claims: claims.map(({ sentence, ...claim }) => {
      const span = spans.get(claim.sentenceIndex);
      return span && span.end - span.start === sentence.length ? claim : { ...claim, sentence };
    }),
    sentences: [...spans.values()],
  };
}

export function packArticle(article: StoredArticle): PackedArticle {
  return { ...article, ...packClaims(article.text, article.claims) };
}

export function unpackClaims(text: string, { claims, sentences }: PackedClaims): Claim[] {
  const byIndex = new Map(sentences.map((s) => [s.index, text.slice(s.start, s.end)]));
  // The record's own key order (as the schema lists them), so downloads read the same as the bundled dataset's.
  return claims.map(({ id, articleId, sentenceIndex, sentence, ...rest }) => ({
    id,
    articleId,
    sentenceIndex,
    sentence: sentence ?? byIndex.get(sentenceIndex) ?? "",
    ...rest,
  }));
}

/** A stored or sent article as the app uses it; records saved before packing are returned as they are. */
export function unpackArticle(record: PackedArticle | StoredArticle): StoredArticle {
  if (!("sentences" in record)) return record;
  // Spread, then replaced: the fields keep their order.
  const { sentences: _sentences, ...rest } = record;
  return { ...rest, claims: unpackClaims(record.text, record) };
}
