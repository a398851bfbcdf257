import { extractArticle } from "../extract/article";
import type { Article, Claim } from "../schema";
import { loadSeeds } from "./seeds";

/** Every seed article with its validated dataset, read once per server process. */

export interface ArticleDataset {
  article: Article;
  claims: Claim[];
}

let cache: ArticleDataset[] | null = null;

export function seedDatasets(): ArticleDataset[] {
  cache ??= loadSeeds().map((article) => ({ article, claims: extractArticle(article).claims }));
  return cache;
}

/** The bundled article shown at "/" and served at /data/*: the first seed. */
export function bundledDataset(): ArticleDataset {
  const first = seedDatasets()[0];
  if (!first) throw new Error("seeds/ holds no article");
  return first;
}

export function datasetById(id: string): ArticleDataset | undefined {
  return seedDatasets().find((d) => d.article.id === id);
}
