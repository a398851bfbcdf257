import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { decodeText, InputError } from "../input/index";
import { ArticleMetaSchema, type Article } from "../schema";

/**
 * Seed articles: `NAME.txt` (first line the article id, then the text) beside `NAME.json` (title, section,
 * source, publishedAt, locale). Loading validates everything and throws one message naming the file and
 * the field; it never returns a partial article.
 */

/** What a plain-text file without its NAME.json takes from the caller (the CLI's --published-at and --locale). */
export type ArticleFallback = Pick<Article, "publishedAt" | "locale">;

export class SeedError extends Error {
  override name = "SeedError";
}

const MetaFileSchema = ArticleMetaSchema.omit({ id: true });

/** The same checks as a reader's own file (empty, binary, UTF-16, broken UTF-8), as a SeedError. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return decodeText(bytes, file);
  } catch (error) {
    if (error instanceof InputError) throw new SeedError(error.message);
    throw error;
  }
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new SeedError(`${file}: cannot be read (${code})`);
  }
}

/** Splits a seed text into its id (first line) and the article text after it. */
export function splitSeedText(raw: string, file: string): { id: string; text: string } {
  const newline = raw.indexOf("\n");
  const id = (newline === -1 ? raw : raw.slice(0, newline)).trim();
  const text = newline === -1 ? "" : raw.slice(newline + 1).replace(/^\s+/, "");
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id))
    throw new SeedError(`${file}: first line must be the article id (letters, digits, _ or -)`);
  if (text.trim() === "") throw new SeedError(`${file}: has an id but no article text`);
  return { id, text };
}

export function loadSeed(txtFile: string): Article {
  const raw = decodeUtf8(readBytes(txtFile), txtFile);
  const { id, text } = splitSeedText(raw, txtFile);
  const metaFile = join(dirname(txtFile), basename(txtFile, ".txt") + ".json");
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(decodeUtf8(readBytes(metaFile), metaFile));
  } catch (error) {
    if (error instanceof SeedError) throw error;
    throw new SeedError(`${metaFile}: is not valid JSON (${(error as Error).message})`);
  }
  const parsed = MetaFileSchema.safeParse(metaJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "(root)";
    throw new SeedError(`${metaFile}: field "${field}": ${issue.message}`);
  }
  return { id, ...parsed.data, text };
}

export const SEEDS_DIR = join(process.cwd(), "seeds");

export function listSeedFiles(dir: string = SEEDS_DIR): string[] {
  // The seeds are read when pages render; nothing else needs tracing into the server bundle.
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => join(/*turbopackIgnore: true*/ dir, name));
}

export function loadSeeds(dir: string = SEEDS_DIR): Article[] {
  return listSeedFiles(dir).map(loadSeed);
}

/** Reads one article file for the CLI: a seed (with NAME.json beside it) or plain text, validated the same way. */
export function readArticleFile(file: string, fallback: ArticleFallback): Article {
  const metaFile = join(dirname(file), basename(file).replace(/\.[^.]*$/, "") + ".json");
  if (file.endsWith(".txt") && existsSync(metaFile)) return loadSeed(file);
  const text = decodeUtf8(readBytes(file), file);
  return articleFromText(text, basename(file).replace(/\.[^.]*$/, "") || "article", fallback, file);
}

export function articleFromText(text: string, name: string, fallback: ArticleFallback, label: string): Article {
  if (text.trim() === "") throw new SeedError(`${label}: contains only white space`);
  const id = name.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 64) || "article";
  return {
    id,
    title: name,
    section: "",
    source: label,
    publishedAt: fallback.publishedAt,
    locale: fallback.locale,
    text,
  };
}
