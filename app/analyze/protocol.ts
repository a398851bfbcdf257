import type { StoredArticle } from "@/lib/library";
import type { ChartLayouts } from "../_components/charts/types";

/** Messages between the /analyze page and its worker. Each job gets its own worker, so cancelling is terminating. */

export interface ArticleMetaInput {
  title: string;
  publishedAt: string;
  locale: string;
  source: string;
}

export type TextInput =
  | { kind: "text"; text: string; format: "text" | "markdown" | "html" }
  | { kind: "file"; file: File };

export type AnalysisRequest =
  | { type: "extract"; input: TextInput; meta: ArticleMetaInput; now: string }
  | { type: "view"; article: StoredArticle }
  | { type: "import"; file: File };

/** What the dashboard needs besides the article: layouts (d3 runs here, not in the page) and the Data Package. */
export interface ArticleView {
  charts: ChartLayouts;
  dataPackage: unknown;
}

export type AnalysisResponse =
  | { type: "progress"; fraction: number; stage: string }
  | { type: "extracted"; article: StoredArticle; view: ArticleView }
  | { type: "view"; view: ArticleView }
  | { type: "imported"; articles: StoredArticle[] }
  | { type: "error"; message: string };
