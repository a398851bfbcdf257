/// <reference lib="webworker" />
import {
  checkInputSize,
  decodeText,
  formatOf,
  InputError,
  NO_METADATA,
  readArticle,
  type ArticleInput,
  type InputFormat,
} from "@/lib/input/index";
import { chartLayouts } from "@/lib/chart/index";
import { claimsDataPackage } from "@/lib/export/datapackage";
import { articleFileStem } from "@/lib/export/file-name";
import { downloadSizeProblem } from "@/lib/export/download-size";
import { extractArticle } from "@/lib/extract/article";
import { textId } from "@/lib/extract/ids";
import { ArticleOptionsSchema } from "@/lib/schema";
import { libraryFile, LibraryFileError, parseLibraryFile, type StoredArticle } from "@/lib/store/library-file";
import { allArticles, getArticle, LibraryError, renameArticle, saveArticles } from "@/lib/store/library-db";
import { packClaims } from "@/lib/store/packed-article";
import {
  PART_CHARS,
  PART_CLAIMS,
  type AnalysisRequest,
  type AnalysisResponse,
  type ArticleMetaInput,
  type TextInput,
} from "./protocol";

// Everything the reader gives stays in this worker, the page and this browser's IndexedDB: no request carries it.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AnalysisResponse): void => scope.postMessage(message);

let lastPost = 0;
function progress(fraction: number, stage: string, force = false): void {
  const now = performance.now();
  if (!force && now - lastPost < 50) return;
  lastPost = now;
  post({ type: "progress", fraction: Math.min(1, Math.max(0, fraction)), stage });
}

/** A file's text, refused before it is read when it is of no format we read or too large. */
async function readFile(file: File): Promise<{ raw: string; format: InputFormat }> {
  const format = formatOf(file.name, file.type);
  if (!format) throw new InputError(`${file.name}: not a .txt, .md or .html file`);
  // Checked before reading, so a 2 GB video dropped by mistake is refused without loading it.
  checkInputSize(file.size, file.name);
  return { raw: decodeText(new Uint8Array(await file.arrayBuffer()), file.name), format };
}

async function readInput(input: TextInput): Promise<ArticleInput> {
  if (input.kind === "text") return readArticle(input.text, input.format);
  const { raw, format } = await readFile(input.file);
  return readArticle(raw, format);
}

/** A title the reader did not give: the page's own, else the first line, shortened; never empty. */
function titleFor(meta: ArticleMetaInput, text: string, fromPage: string | null): string {
  const given =
    meta.title.trim() || fromPage?.trim() || text.trimStart().split("\n", 1)[0]?.trim() || "Untitled article";
  return given.length > 120 ? `${given.slice(0, 119).trimEnd()}…` : given;
}

/** Where the article came from, credited as a byline credits it: "Maria Lindqvist · exports.html". */
function sourceFor(meta: ArticleMetaInput, byline: string | null): string {
  return byline
    ? `${byline.length > 120 ? `${byline.slice(0, 119).trimEnd()}…` : byline} · ${meta.source}`
    : meta.source;
}

/** Sends an article for the dashboard: layouts computed here, packed claims and text in parts, then its head. */
function sendArticle(article: StoredArticle, saveProblem: string | null): void {
  const view = {
    charts: chartLayouts(article.claims, article.text.length),
    // The CSV's name as the page downloads it: after the article (articleFileStem).
    dataPackage: claimsDataPackage(article, `${articleFileStem(article)}-claims.csv`),
  };
  const { claims, sentences } = packClaims(article.text, article.claims);
  const parts = Math.max(Math.ceil(claims.length / PART_CLAIMS), Math.ceil(article.text.length / PART_CHARS), 1);
  for (let i = 0; i < parts; i++) {
    post({
      type: "part",
      claims: claims.slice(i * PART_CLAIMS, (i + 1) * PART_CLAIMS),
      text: article.text.slice(i * PART_CHARS, (i + 1) * PART_CHARS),
    });
  }
  const { claims: _claims, text: _text, ...head } = article;
  post({ type: "article", head, sentences, view, saveProblem });
}

async function extract(input: TextInput, meta: ArticleMetaInput, now: string): Promise<void> {
  progress(0, "Reading the text", true);
  const { text, metadata } = await readInput(input);
  // The same schema as the API's and the CLI's decides what date and locale are accepted.
  const options = ArticleOptionsSchema.safeParse({ publishedAt: meta.publishedAt, locale: meta.locale });
  if (!options.success) throw new InputError(options.error.issues[0]!.message);
  const { publishedAt, locale } = options.data;
  progress(0.05, "Finding figures", true);
  const id = `own-${textId(`${publishedAt}\n${locale}\n${text}`)}`;
  const dataset = extractArticle(
    { id, text, publishedAt, locale },
    { onProgress: (f) => progress(0.05 + f * 0.8, "Finding figures") },
  );
  const article: StoredArticle = {
    id,
    title: titleFor(meta, text, metadata.title),
    section: "",
    source: sourceFor(meta, metadata.byline),
    publishedAt,
    locale,
    text,
    claims: dataset.claims,
    createdAt: now,
    updatedAt: now,
  };
  progress(0.85, "Saving in this browser", true);
  let saveProblem: string | null = null;
  try {
    await saveArticles([article], { still: "the figures below stay here to read and download" });
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    saveProblem = error.message;
  }
  progress(0.95, "Drawing charts", true);
  sendArticle(article, saveProblem);
}

/** A saved page's title, byline and date, read as the analysis will read them; nothing for other formats. */
async function inspect(file: File): Promise<void> {
  if (formatOf(file.name, file.type) !== "html") return post({ type: "inspected", metadata: NO_METADATA });
  const { raw, format } = await readFile(file);
  post({ type: "inspected", metadata: readArticle(raw, format).metadata });
}

async function open(id: string): Promise<void> {
  progress(0.1, "Opening", true);
  const article = await getArticle(id);
  if (!article)
    throw new LibraryError("That article is not stored in this browser (deleted, or saved in another browser).");
  progress(0.8, "Drawing charts", true);
  sendArticle(article, null);
}

async function exportLibrary(now: string): Promise<void> {
  progress(0.2, "Collecting the articles", true);
  const articles = await allArticles();
  // The file repeats each figure's sentence, as the library format does: checked before a byte of it is built.
  const tooLarge = downloadSizeProblem(
    articles.flatMap((a) => a.claims),
    { textChars: articles.reduce((n, a) => n + a.text.length, 0), what: "The export of your library" },
  );
  if (tooLarge) throw new LibraryError(tooLarge);
  const json = JSON.stringify(libraryFile(articles, new Date(now)));
  const file = new Blob([json], { type: "application/json" });
  post({ type: "exported", file, fileName: `tradefigures-library-${now.slice(0, 10)}.json` });
}

async function importLibrary(file: File): Promise<void> {
  progress(0.1, "Checking the file", true);
  const articles = parseLibraryFile(await file.text(), file.name);
  progress(0.6, "Saving in this browser", true);
  const n = articles.length;
  await saveArticles(articles, { what: `the ${n} imported article${n === 1 ? "" : "s"}` });
  post({ type: "done", notice: `Imported ${n} article${n === 1 ? "" : "s"} from ${file.name}.` });
}

/** What the reader sees: our own one-line messages as they are; anything else in plain words, its details in the console. */
function messageOf(error: unknown): string {
  if (error instanceof InputError || error instanceof LibraryFileError || error instanceof LibraryError)
    return error.message;
  if (error instanceof RangeError)
    return "The text is too large for this browser's memory: split it into smaller parts; nothing already stored was lost.";
  console.error(error);
  return "The analysis stopped on an unexpected error in this page; nothing already stored was lost.";
}

scope.onmessage = async (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  try {
    switch (request.type) {
      case "extract":
        return await extract(request.input, request.meta, request.now);
      case "inspect":
        return await inspect(request.file);
      case "open":
        return await open(request.id);
      case "rename":
        await renameArticle(request.id, request.title, request.now);
        return post({ type: "done", notice: `Renamed to “${request.title.trim()}”.` });
      case "export":
        return await exportLibrary(request.now);
      case "import":
        return await importLibrary(request.file);
    }
  } catch (error) {
    post({ type: "error", message: messageOf(error) });
  }
};
