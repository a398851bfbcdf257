// Trade clauses without a full stop, as one sentence holding every claim: what the extractor gave for break-free text
// before sentences were bounded, and what the page must survive whatever the extractor returns. Built from the
// records of one clause, shifted, so the tests do not depend on how the extractor splits sentences.
import { extractArticle } from "../../lib/extract/article";
import type { Claim } from "../../lib/schema";

export const CLAUSE = "The tariff was 25 per cent and exports fell by $3.7 billion, ";

export interface OneSentenceArticle {
  id: string;
  text: string;
  claims: Claim[];
}

export function oneSentenceArticle(copies: number, id = "flat"): OneSentenceArticle {
  const text = CLAUSE.repeat(copies);
  const sentence = text.trimEnd();
  const template = extractArticle({ id, text: CLAUSE, publishedAt: "2025-03-01", locale: "en-US" }).claims;
  const claims: Claim[] = [];
  for (let i = 0; i < copies; i++) {
    const shift = i * CLAUSE.length;
    for (const claim of template) {
      const [start, end] = [claim.start + shift, claim.end + shift];
      claims.push({ ...claim, id: `${id}-${start}-${end}`, sentenceIndex: 0, sentence, start, end, links: [] });
    }
  }
  return { id, text, claims };
}
