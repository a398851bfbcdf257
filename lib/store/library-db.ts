import { KB, MB } from "../sizes";
import type { StoredArticle } from "./library-file";

/**
 * The reader's articles in IndexedDB. Two stores written in one transaction: `entries` (what the list shows) and
 * `articles` (text and claims), so listing never loads megabytes of text and a failed write leaves both untouched.
 * Every failure becomes a LibraryError with a one-line message; a full quota aborts the transaction, so nothing
 * already stored is lost.
 */

/** What the list of stored articles shows, without loading their texts: the article's own fields, and two counts. */
export interface LibraryEntry extends Pick<
  StoredArticle,
  "id" | "title" | "source" | "publishedAt" | "locale" | "createdAt" | "updatedAt"
> {
  figures: number;
  characters: number;
}

export function libraryEntry(article: StoredArticle): LibraryEntry {
  let figures = 0;
  for (const c of article.claims) if (c.kind !== "date") figures++;
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    publishedAt: article.publishedAt,
    locale: article.locale,
    figures,
    characters: article.text.length,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}

const DB_NAME = "tradefigures";
const DB_VERSION = 1;
const ENTRIES = "entries";
const ARTICLES = "articles";

export class LibraryError extends Error {
  override name = "LibraryError";
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED")
  );
}

function sizeOf(articles: StoredArticle[]): string {
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  return chars >= MB / 10
    ? `${(chars / MB).toFixed(1)} MB of text`
    : `${Math.max(1, Math.round(chars / KB))} kB of text`;
}

function failure(error: unknown, what: string, articles: StoredArticle[] = []): LibraryError {
  if (isQuotaError(error)) {
    return new LibraryError(
      `Browser storage is full: ${what} (${sizeOf(articles)}) was not saved. Delete or export older articles to make room; nothing already stored was lost.`,
    );
  }
  const detail = error instanceof Error && error.message ? error.message.split("\n")[0] : "unknown error";
  return new LibraryError(`Browser storage failed: ${what} (${detail}).`);
}

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(
        new LibraryError(
          "This browser keeps no local storage here (IndexedDB is unavailable): results are shown but not kept.",
        ),
      );
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: "id" });
      if (!db.objectStoreNames.contains(ARTICLES)) db.createObjectStore(ARTICLES, { keyPath: "id" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () =>
      reject(
        new LibraryError(
          `Browser storage could not be opened (${request.error?.message ?? "unknown error"}): results are shown but not kept.`,
        ),
      );
    request.onblocked = () =>
      reject(new LibraryError("Browser storage is held by another tab of this site: close it and reload."));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

/** Runs `work` in one transaction and settles when it commits (or aborts, with the abort's cause). */
async function inTransaction<T>(
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => T,
  what: string,
  articles?: StoredArticle[],
): Promise<T> {
  const db = await openDb();
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    let result: T;
    try {
      tx = db.transaction([ENTRIES, ARTICLES], mode);
      result = work(tx);
    } catch (error) {
      reject(failure(error, what, articles));
      return;
    }
    tx.oncomplete = () => resolve(result);
    // A failed request aborts the transaction with its error; onabort reports that cause once.
    tx.onabort = () => reject(failure(tx.error, what, articles));
  });
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function listArticles(): Promise<LibraryEntry[]> {
  let request!: IDBRequest<LibraryEntry[]>;
  await inTransaction(
    "readonly",
    (tx) => {
      request = tx.objectStore(ENTRIES).getAll() as IDBRequest<LibraryEntry[]>;
    },
    "reading the list of articles",
  );
  return request.result.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
}

export async function getArticle(id: string): Promise<StoredArticle | null> {
  const db = await openDb();
  try {
    const found = await requestResult(
      db.transaction(ARTICLES, "readonly").objectStore(ARTICLES).get(id) as IDBRequest<StoredArticle | undefined>,
    );
    return found ?? null;
  } catch (error) {
    throw failure(error, "reading the article");
  }
}

/** Saves (or replaces) articles, all or none. */
export async function saveArticles(
  articles: StoredArticle[],
  what = articles.length === 1 ? "this article" : `these ${articles.length} articles`,
): Promise<void> {
  await inTransaction(
    "readwrite",
    (tx) => {
      for (const article of articles) {
        tx.objectStore(ARTICLES).put(article);
        tx.objectStore(ENTRIES).put(libraryEntry(article));
      }
    },
    what,
    articles,
  );
}

export async function renameArticle(id: string, title: string, now = new Date().toISOString()): Promise<void> {
  const clean = title.trim();
  if (!clean) throw new LibraryError("A title cannot be empty.");
  const article = await getArticle(id);
  if (!article) throw new LibraryError("That article is no longer stored (deleted in another tab?).");
  const renamed: StoredArticle = { ...article, title: clean, updatedAt: now };
  await saveArticles([renamed], "the new title");
}

export async function deleteArticle(id: string): Promise<void> {
  await inTransaction(
    "readwrite",
    (tx) => {
      tx.objectStore(ARTICLES).delete(id);
      tx.objectStore(ENTRIES).delete(id);
    },
    "deleting the article",
  );
}

export async function allArticles(): Promise<StoredArticle[]> {
  let request!: IDBRequest<StoredArticle[]>;
  await inTransaction(
    "readonly",
    (tx) => {
      request = tx.objectStore(ARTICLES).getAll() as IDBRequest<StoredArticle[]>;
    },
    "reading the articles",
  );
  return request.result.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
