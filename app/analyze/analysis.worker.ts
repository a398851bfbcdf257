/// <reference lib="webworker" />
import { articleTextFrom, decodeText, formatOf, htmlTitle, InputError, MAX_INPUT_BYTES } from "@/lib/article-input";
import { chartLayouts } from "@/lib/chart/layouts";
import { claimsDataPackage } from "@/lib/datapackage";
import { extractArticle } from "@/lib/dataset";
import { textId } from "@/lib/extract/index";
import { LibraryFileError, parseLibraryFile, type StoredArticle } from "@/lib/library";
import type { AnalysisRequest, AnalysisResponse, ArticleMetaInput, ArticleView, TextInput } from "./protocol";

// Everything the reader gives stays in this worker and the page: no request carries it anywhere.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AnalysisResponse): void => scope.postMessage(message);

let lastPost = 0;
function progress(fraction: number, stage: string, force = false): void {
  const now = performance.now();
  if (!force && now - lastPost < 50) return;
  lastPost = now;
  post({ type: "progress", fraction: Math.min(1, Math.max(0, fraction)), stage });
}

async function readInput(input: TextInput): Promise<{ text: string; htmlTitle: string | null }> {
  if (input.kind === "text") {
    return { text: articleTextFrom(input.text, input.format), htmlTitle: input.format === "html" ? htmlTitle(input.text) : null };
  }
  const { file } = input;
  const format = formatOf(file.name, file.type);
  if (!format) throw new InputError(`${file.name}: not a .txt, .md or .html file`);
  // Checked before reading, so a 2 GB video dropped by mistake is refused without loading it.
  if (file.size > MAX_INPUT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new InputError(`${file.name}: file is ${mb(file.size)} MB; the limit is ${mb(MAX_INPUT_BYTES)} MB`);
  }
  const raw = decodeText(new Uint8Array(await file.arrayBuffer()), file.name);
  return { text: articleTextFrom(raw, format), htmlTitle: format === "html" ? htmlTitle(raw) : null };
}

/** A title the reader did not give: the HTML <title>, else the first line, shortened; never empty. */
function titleFor(meta: ArticleMetaInput, text: string, fromHtml: string | null): string {
  const given = meta.title.trim() || fromHtml?.trim() || text.trimStart().split("\n", 1)[0]?.trim() || "Untitled article";
  return given.length > 120 ? `${given.slice(0, 119).trimEnd()}…` : given;
}

function viewOf(article: StoredArticle): ArticleView {
  return {
    charts: chartLayouts(article.claims, article.text.length),
    dataPackage: claimsDataPackage(article, `${article.id}-claims.csv`),
  };
}

async function extract(input: TextInput, meta: ArticleMetaInput, now: string): Promise<void> {
  progress(0, "Reading the text", true);
  const { text, htmlTitle: fromHtml } = await readInput(input);
  progress(0.05, "Finding figures", true);
  const id = `own-${textId(`${meta.publishedAt}\n${meta.locale}\n${text}`)}`;
  const dataset = extractArticle(
    { id, text, publishedAt: meta.publishedAt, locale: meta.locale },
    { onProgress: (f) => progress(0.05 + f * 0.85, "Finding figures") },
  );
  progress(0.9, "Drawing charts", true);
  const article: StoredArticle = {
    id,
    title: titleFor(meta, text, fromHtml),
    section: "",
    source: meta.source,
    publishedAt: meta.publishedAt,
    locale: meta.locale,
    text,
    claims: dataset.claims,
    createdAt: now,
    updatedAt: now,
  };
  const view = viewOf(article);
  progress(1, "Done", true);
  post({ type: "extracted", article, view });
}

function messageOf(error: unknown): string {
  if (error instanceof InputError || error instanceof LibraryFileError) return error.message;
  if (error instanceof RangeError) return "The text is too large for this browser's memory: split it into smaller parts.";
  return `Analysis failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
}

scope.onmessage = async (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  try {
    if (request.type === "extract") await extract(request.input, request.meta, request.now);
    else if (request.type === "view") post({ type: "view", view: viewOf(request.article) });
    else post({ type: "imported", articles: parseLibraryFile(await request.file.text(), request.file.name) });
  } catch (error) {
    post({ type: "error", message: messageOf(error) });
  }
};
