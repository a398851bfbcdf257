import { Buffer } from "node:buffer";
import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { extractArticle } from "../extract/article";
import { textId } from "../extract/ids";
import type { Article, Dataset } from "../schema";
import { datasetJsonChunks } from "./dataset-json";

/**
 * One worker of lib/server/extract-pool.ts: an article in, its dataset's JSON out, as UTF-8 chunks moved (not
 * copied) to the main thread. The request was validated there; extractArticle validates the dataset.
 */

export type ExtractInput = Pick<Article, "text" | "publishedAt" | "locale">;

export interface ExtractJob extends ExtractInput {
  /** The JSON is given up, and nothing more sent, once it passes this many bytes. */
  maxResultBytes: number;
}

/** What a worker posts: `ready` once loaded, then for each job chunks followed by exactly one of the others. */
export type WorkerMessage =
  | { type: "ready" }
  | { type: "chunk"; bytes: Uint8Array }
  | { type: "done" }
  | { type: "too-large" }
  | { type: "failed"; reason: string };

const port = parentPort;
if (port === null) throw new Error("lib/server/extract-worker.ts runs only as a worker thread");

const encoder = new TextEncoder();

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

/** Whether the dataset's JSON fits in `maxBytes`, found without keeping any of it. */
function fits(dataset: Dataset, maxBytes: number): boolean {
  let bytes = 0;
  for (const json of datasetJsonChunks(dataset)) {
    bytes += Buffer.byteLength(json, "utf8");
    if (bytes > maxBytes) return false;
  }
  return true;
}

function run({ text, publishedAt, locale, maxResultBytes }: ExtractJob): void {
  // The same id extractClaims gives a text without one: the same text always gets the same claim ids.
  const dataset = extractArticle({ id: textId(text), text, publishedAt, locale });
  // Measured first, then sent: a dataset over the cap never has its chunks piling up on the main thread, at the
  // price of writing the JSON twice when it fits.
  if (!fits(dataset, maxResultBytes)) return post({ type: "too-large" });
  for (const json of datasetJsonChunks(dataset)) {
    const bytes = encoder.encode(json);
    post({ type: "chunk", bytes }, [bytes.buffer as ArrayBuffer]);
  }
  post({ type: "done" });
}

/**
 * Extraction gives way to the server's event loop: on a machine with few cores the two compete for them, and pages
 * that keep answering while a long article is analysed are what the pool is for. Linux nices one thread by its
 * own id; elsewhere this thread keeps the process's priority.
 */
function giveWayToTheEventLoop(): void {
  let self: string;
  try {
    self = readlinkSync("/proc/thread-self");
  } catch {
    // No /proc/thread-self: not Linux, and no per-thread priority to set.
    return;
  }
  setPriority(Number(self.split("/").at(-1)), constants.priority.PRIORITY_BELOW_NORMAL);
}

giveWayToTheEventLoop();
port.on("message", (job: ExtractJob) => {
  try {
    run(job);
  } catch (error) {
    // A bug in the extractor: the main thread logs it and answers 500; this worker stays up for the next job.
    post({ type: "failed", reason: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
post({ type: "ready" });
