import { extractClaims, type ExtractOptions } from "./index";
import { DatasetSchema, type Article, type Dataset } from "../schema";

/** The one path from an article to its validated dataset: the page, the worker, the API, the CLI and the tests all go through it. */
export function extractArticle(
  article: Pick<Article, "id" | "text" | "publishedAt" | "locale">,
  options: Pick<ExtractOptions, "onProgress"> = {},
): Dataset {
  const dataset = extractClaims(article.text, {
    articleId: article.id,
    publishedAt: article.publishedAt,
    locale: article.locale,
    onProgress: options.onProgress,
  });
  return DatasetSchema.parse(dataset);
}
