/**
 * lib/store owns the reader's library: the library file format and its zod validation (library-file.ts), and the
 * articles kept in IndexedDB (library-db.ts), used from the /analyze worker. It never imports React, Next or
 * lib/server; it may import lib/schema, lib/enums, lib/sizes, lib/sentence-spans and zod, and no other lib/ folder.
 */

import { z } from "zod";
import { ArticleSchema, ClaimSchema } from "../schema";

/**
 * The reader's own articles, as kept in the browser and as exported to one JSON file. An import is checked as
 * strictly as an extraction: every claim must still slice out of its article's text, so a hand-edited file can
 * never show a figure that is not where it says it is.
 */

export const LIBRARY_FORMAT = "tradefigures-library";
export const LIBRARY_VERSION = 1;

export const StoredArticleSchema = ArticleSchema.extend({
  claims: z.array(ClaimSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).superRefine((article, ctx) => {
  article.claims.forEach((claim, i) => {
    if (claim.articleId !== article.id) {
      ctx.addIssue({
        code: "custom",
        path: ["claims", i, "articleId"],
        message: `belongs to article ${claim.articleId}, not ${article.id}`,
      });
    } else if (claim.end > article.text.length || article.text.slice(claim.start, claim.end) !== claim.quote) {
      ctx.addIssue({
        code: "custom",
        path: ["claims", i, "quote"],
        message: "does not match the article text at its offsets",
      });
    }
  });
});

export const LibraryFileSchema = z.object({
  format: z.literal(LIBRARY_FORMAT),
  version: z.literal(LIBRARY_VERSION),
  exportedAt: z.iso.datetime(),
  articles: z.array(StoredArticleSchema),
});

export type StoredArticle = z.infer<typeof StoredArticleSchema>;
export type LibraryFile = z.infer<typeof LibraryFileSchema>;

export function libraryFile(articles: StoredArticle[], now = new Date()): LibraryFile {
  return { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, exportedAt: now.toISOString(), articles };
}

export class LibraryFileError extends Error {
  override name = "LibraryFileError";
}

/** Reads an exported library file; one line naming the first problem, never a partial result. */
export function parseLibraryFile(json: string, name = "the file"): StoredArticle[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new LibraryFileError(`${name} is not JSON: export a library from this page and import that file`);
  }
  if (typeof raw !== "object" || raw === null || (raw as { format?: unknown }).format !== LIBRARY_FORMAT) {
    throw new LibraryFileError(`${name} is not a Tradefigures library export (no "format": "${LIBRARY_FORMAT}")`);
  }
  const parsed = LibraryFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "file";
    throw new LibraryFileError(`${name}: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data.articles;
}
