import { extractClaims } from "./extract/index";
import { DatasetSchema, type Article, type Dataset } from "./schema";

/** The one path from an article to its validated dataset: the page, the CLI and the tests all go through it. */
export function extractArticle(article: Pick<Article, "id" | "text" | "publishedAt" | "locale">): Dataset {
  const dataset = extractClaims(article.text, { articleId: article.id, publishedAt: article.publishedAt, locale: article.locale });
  return DatasetSchema.parse(dataset);
}
