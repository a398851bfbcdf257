import type { ChartLayouts } from "@/lib/chart/index";
import type { claimsDataPackage } from "@/lib/export/datapackage";
import type { InputFormat } from "@/lib/input/formats";
import type { PageMetadata } from "@/lib/input/page-metadata";
import type { StoredArticle } from "@/lib/store/library-file";
import type { PackedClaim } from "@/lib/store/packed-article";
import type { Article } from "@/lib/schema";
import type { SentenceSpan } from "@/lib/sentence-spans";

/**
 * Messages between the /analyze page and its worker. Each job gets its own worker, so cancelling is terminating.
 * Everything heavy happens in the worker, IndexedDB included: reading or writing a 10 MB article there costs the page
 * nothing. A large article comes back in parts (claims in batches, text in slices), so the page decodes it in many
 * short tasks instead of one long one. Claims travel packed (lib/store/packed-article.ts): each sentence once, as
 * offsets, so what crosses is about the size of the text and its claims, never claims x sentence length.
 */

/** The article's fields the form gives, as the reader typed them (the worker fills in a missing title). */
export type ArticleMetaInput = Pick<Article, "title" | "publishedAt" | "locale" | "source">;

export type TextInput = { kind: "text"; text: string; format: InputFormat } | { kind: "file"; file: File };

export type AnalysisRequest =
  | { type: "extract"; input: TextInput; meta: ArticleMetaInput; now: string }
  /** A chosen file's own title, byline and date, for the form to fill in (a saved page's; nothing for others). */
  | { type: "inspect"; file: File }
  | { type: "open"; id: string }
  | { type: "rename"; id: string; title: string; now: string }
  | { type: "export"; now: string }
  | { type: "import"; file: File };

/** What the dashboard needs besides the article: layouts (d3 runs here, not in the page) and the Data Package. */
export interface ArticleView {
  charts: ChartLayouts;
  dataPackage: ReturnType<typeof claimsDataPackage>;
}

export type ArticleHead = Omit<StoredArticle, "claims" | "text">;

export type AnalysisResponse =
  | { type: "progress"; fraction: number; stage: string }
  | { type: "part"; claims: PackedClaim[]; text: string }
  | { type: "article"; head: ArticleHead; sentences: SentenceSpan[]; view: ArticleView; saveProblem: string | null }
  | { type: "done"; notice: string }
  | { type: "inspected"; metadata: PageMetadata }
  | { type: "exported"; file: Blob; fileName: string }
  | { type: "error"; message: string };

/** What a job settles with, once its parts are put together. */
export type AnalysisResult =
  | { type: "article"; article: StoredArticle; view: ArticleView; saveProblem: string | null }
  | Extract<AnalysisResponse, { type: "done" | "exported" | "inspected" }>;

export const PART_CLAIMS = 1_000;
export const PART_CHARS = 250_000;
