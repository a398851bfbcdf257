import type { Article } from "../schema";

/**
 * Download names after the article, as a reader would save them: "Carney tells Trump: ‘Canada is not for sale’"
 * gives carney-tells-trump-claims.csv. ASCII, lowercase, hyphens: safe in every file system and in a quoted
 * Content-Disposition, and still recognisable beside a folder of other downloads.
 */

/** Three words, or four when the first three are short ("us-eu-agree" says less than "us-eu-agree-deal"). */
const WORDS = { min: 3, max: 4, shortStem: 12 } as const;
/** A long first word ("Pneumonoultramicroscopic...") or a title of codes keeps the name short all the same. */
const STEM_MAX = 40;

/** The words of a text in ASCII: accents dropped (é → e), apostrophes closed up (Canada's → canadas). */
function asciiWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’ʼ`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function stemOf(words: readonly string[]): string {
  const kept: string[] = [];
  for (const word of words) {
    const stem = kept.join("-");
    if (kept.length >= WORDS.max || (kept.length >= WORDS.min && stem.length >= WORDS.shortStem)) break;
    kept.push(word);
  }
  return kept.join("-").slice(0, STEM_MAX).replace(/-+$/, "");
}

/** The stem of every download of this article: its title's first words, else its id's, else "article". */
export function articleFileStem(article: Pick<Article, "id" | "title">): string {
  return stemOf(asciiWords(article.title)) || stemOf(asciiWords(article.id)) || "article";
}
