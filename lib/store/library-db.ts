import { KB, MB } from "../sizes";
import type { StoredArticle } from "./library-file";
import { packArticle, unpackArticle, type PackedArticle } from "./packed-article";

/**
 * The reader's articles in IndexedDB. Two stores written in one transaction: `entries` (what the list shows) and
 * `articles` (text and claims, packed: packed-article.ts), so listing never loads megabytes of text and a failed
 * write leaves both untouched. Every failure (quota, a value too large, an abort, a closed connection) becomes a
 * LibraryError of one plain sentence; a failed write aborts its transaction, so nothing already stored is lost.
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

/** A storage problem, said in one plain sentence: what was not done, why, and that nothing stored was lost. */
export class LibraryError extends Error {
  override name = "LibraryError";
}

/** What a transaction was doing, for its message: "this article" was not saved, "the list" could not be read. */
export interface Operation {
  kind: "save" | "read" | "delete";
  what: string;
  /** Said before "nothing already stored was lost": what the reader still has, e.g. the figures on screen. */
  still?: string;
  /** The articles being saved, whose size a full quota's message gives. */
  articles?: readonly StoredArticle[];
}

/** The browser could not give us a connection at all; `reason` says why, as a clause. */
class StorageUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function sizeOf(articles: readonly StoredArticle[]): string {
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  return chars >= MB / 10
    ? `${(chars / MB).toFixed(1)} MB of text`
    : `${Math.max(1, Math.round(chars / KB))} kB of text`;
}

const named = (error: unknown, ...names: string[]) =>
  typeof error === "object" && error !== null && names.includes((error as { name?: unknown }).name as string);

/** Why a transaction failed, as a clause for the reader; never the browser's own text, which is for developers. */
function reasonOf(error: unknown, operation: Operation): string {
  if (error instanceof StorageUnavailable) return error.reason;
  if (named(error, "QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"))
    return "its storage is full (delete or export older articles to make room)";
  // Chromium refuses one value over 127 MiB with an UnknownError that says so, and aborts the transaction.
  if (named(error, "UnknownError", "DataError") && /too large/i.test((error as Error).message ?? ""))
    return "it is larger than the browser keeps in one record (split the text into smaller articles)";
  if (named(error, "DataCloneError")) return "the browser could not copy it into its storage";
  if (named(error, "AbortError", "InvalidStateError", "TransactionInactiveError"))
    return "the browser closed its storage before this finished (another tab may have cleared or upgraded it)";
  return operation.kind === "read" ? "the browser's storage failed to answer" : "the browser's storage refused it";
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One sentence: what was not done, why, and that nothing already stored was lost. */
export function storageProblem(error: unknown, operation: Operation): LibraryError {
  const { kind, what, still, articles = [] } = operation;
  const full = named(error, "QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED") && articles.length > 0;
  const subject = `${capitalised(what)}${full ? ` (${sizeOf(articles)})` : ""}`;
  const failed =
    kind === "save"
      ? `${subject} was not saved in this browser`
      : kind === "delete"
        ? `${subject} was not deleted`
        : `${subject} could not be read from this browser's storage`;
  return new LibraryError(
    `${failed}: ${reasonOf(error, operation)}; ${still ? `${still}, and ` : ""}nothing already stored was lost.`,
  );
}

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  if (opening) return opening;
  const current = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(new StorageUnavailable("this browser keeps no local storage here (IndexedDB is unavailable)"));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: "id" });
      if (!db.objectStoreNames.contains(ARTICLES)) db.createObjectStore(ARTICLES, { keyPath: "id" });
    };
    request.onsuccess = () => {
      const db = request.result;
      // A connection the browser closes (storage cleared) or another tab upgrades is dropped; the next call reopens.
      db.onclose = forget;
      db.onversionchange = () => {
        db.close();
        forget();
      };
      resolve(db);
    };
    request.onerror = () =>
      reject(
        new StorageUnavailable(
          "its storage could not be opened (it may be turned off for this site, full, or closed to private windows)",
        ),
      );
    request.onblocked = () =>
      reject(new StorageUnavailable("another tab of this site holds its storage open (close it and reload)"));
  });
  const forget = () => {
    if (opening === current) opening = null;
  };
  current.catch(forget);
  opening = current;
  return current;
}

/** A fresh transaction over both stores; a connection found closed is reopened once. */
async function transaction(mode: IDBTransactionMode): Promise<IDBTransaction> {
  for (let attempt = 0; ; attempt++) {
    const db = await openDb();
    try {
      return db.transaction([ENTRIES, ARTICLES], mode);
    } catch (error) {
      if (!named(error, "InvalidStateError") || attempt > 0) throw error;
      opening = null;
    }
  }
}

/**
 * Runs `work` in one transaction and settles when it commits, or when it aborts, with the abort's cause. The
 * handlers are set before any request is made: Chromium aborts a transaction inside put() when the value is too
 * large, and the next objectStore() call then throws "The transaction has finished", which says nothing of why.
 */
async function inTransaction<T>(mode: IDBTransactionMode, work: (tx: IDBTransaction) => T, operation: Operation) {
  let tx: IDBTransaction;
  try {
    tx = await transaction(mode);
  } catch (error) {
    throw storageProblem(error, operation);
  }
  return new Promise<T>((resolve, reject) => {
    let thrown: unknown = null;
    let result: T;
    tx.oncomplete = () => resolve(result);
    // A failed request aborts the transaction with its error; onabort reports that cause once.
    tx.onabort = () => reject(storageProblem(tx.error ?? thrown, operation));
    try {
      result = work(tx);
    } catch (error) {
      thrown = error;
      // All or none: abort what the work queued. A transaction that has already finished has aborted, and its abort
      // event will carry the cause; abort() then throws an InvalidStateError that says only that.
      try {
        tx.abort();
      } catch (abortError) {
        if (!named(abortError, "InvalidStateError")) reject(storageProblem(error, operation));
      }
    }
  });
}

export async function listArticles(): Promise<LibraryEntry[]> {
  let request!: IDBRequest<LibraryEntry[]>;
  await inTransaction(
    "readonly",
    (tx) => {
      request = tx.objectStore(ENTRIES).getAll() as IDBRequest<LibraryEntry[]>;
    },
    { kind: "read", what: "the list of your articles" },
  );
  return request.result.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
}

export async function getArticle(id: string): Promise<StoredArticle | null> {
  let request!: IDBRequest<PackedArticle | StoredArticle | undefined>;
  await inTransaction(
    "readonly",
    (tx) => {
      request = tx.objectStore(ARTICLES).get(id) as IDBRequest<PackedArticle | StoredArticle | undefined>;
    },
    { kind: "read", what: "the article" },
  );
  return request.result ? unpackArticle(request.result) : null;
}

/** Saves (or replaces) articles, all or none; each is kept packed, its sentences once (packed-article.ts). */
export async function saveArticles(
  articles: StoredArticle[],
  {
    what = articles.length === 1 ? "this article" : `these ${articles.length} articles`,
    still,
  }: Partial<Operation> = {},
): Promise<void> {
  const packed = articles.map((article) => ({ record: packArticle(article), entry: libraryEntry(article) }));
  await inTransaction(
    "readwrite",
    (tx) => {
      for (const { record, entry } of packed) {
        tx.objectStore(ARTICLES).put(record);
        tx.objectStore(ENTRIES).put(entry);
      }
    },
    { kind: "save", what, still, articles },
  );
}

export async function renameArticle(id: string, title: string, now = new Date().toISOString()): Promise<void> {
  const clean = title.trim();
  if (!clean) throw new LibraryError("A title cannot be empty.");
  const article = await getArticle(id);
  if (!article) throw new LibraryError("That article is no longer stored (deleted in another tab?).");
  const renamed: StoredArticle = { ...article, title: clean, updatedAt: now };
  await saveArticles([renamed], { what: "the new title" });
}

export async function deleteArticle(id: string): Promise<void> {
  await inTransaction(
    "readwrite",
    (tx) => {
      tx.objectStore(ARTICLES).delete(id);
      tx.objectStore(ENTRIES).delete(id);
    },
    { kind: "delete", what: "the article" },
  );
}

export async function allArticles(): Promise<StoredArticle[]> {
  let request!: IDBRequest<(PackedArticle | StoredArticle)[]>;
  await inTransaction(
    "readonly",
    (tx) => {
      request = tx.objectStore(ARTICLES).getAll() as IDBRequest<(PackedArticle | StoredArticle)[]>;
    },
    { kind: "read", what: "your articles" },
  );
  return request.result
    .map(unpackArticle)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
