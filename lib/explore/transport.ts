import type { Claim } from "../schema";

/**
 * Claims as they cross from the server to the page, without what each one repeats: the article's id, which every
 * claim of a dataset shares, and its sentence, which every claim of the same sentence shares. unpackClaims gives back
 * the very records (the table, the search and the CSV download need every field).
 */
export interface PackedClaims {
  articleId: string;
  /** Each sentence that holds a claim, by its sentenceIndex. */
  sentences: Record<number, string>;
  claims: Array<Omit<Claim, "articleId" | "sentence">>;
}

export function packClaims(articleId: string, claims: readonly Claim[]): PackedClaims {
  const sentences: Record<number, string> = {};
  const packed = claims.map(({ articleId: own, sentence, ...rest }) => {
    if (own !== articleId) throw new Error(`a claim of article ${own} packed with article ${articleId}`);
    sentences[rest.sentenceIndex] = sentence;
    return rest;
  });
  return { articleId, sentences, claims: packed };
}

export function unpackClaims({ articleId, sentences, claims }: PackedClaims): Claim[] {
  return claims.map((claim) => {
    const sentence = sentences[claim.sentenceIndex];
    if (sentence === undefined) throw new Error(`no sentence ${claim.sentenceIndex} for claim ${claim.id}`);
    return { ...claim, articleId, sentence };
  });
}
