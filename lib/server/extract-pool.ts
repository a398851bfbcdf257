import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { MB } from "../sizes";
import type { ExtractInput, ExtractJob, WorkerMessage } from "./extract-worker";

/**
 * The worker threads POST /api/extract runs extraction on, so that the server's one event loop keeps serving pages
 * while a long article is analysed: a fixed set of workers, a FIFO queue with a bound, a time budget per job after
 * which its worker is terminated and replaced, and a replacement for a worker that crashes.
 *
 * Our own, not piscina or tinypool: those take a file name, and the worker Next runs is the one Turbopack bundles
 * from the literal `new Worker(new URL("./extract-worker.ts", import.meta.url), { … })` below. Turbopack sees it only
 * as written there: the URL inline and the options an object literal (a call in their place leaves it unbundled).
 */

/** A job running longer than this is stopped: its worker is terminated and a fresh one started. */
export const TIME_BUDGET_MS = 20_000;
/**
 * The queue takes a job while fewer than this many wait and they hold less text than the next limit; otherwise the
 * job is refused at once (503 with Retry-After) rather than left to pile up. Text, because the wait is for work and
 * the work follows the text: dozens of short articles wait less than a few long ones.
 */
export const MAX_QUEUED_JOBS = 64;
/** About four articles at the API's 2 MB body limit, counted in UTF-16 units as the text is held. */
export const MAX_QUEUED_CHARS = 8 * MB;
/** A dataset whose JSON is larger than this is not sent at all (413): never a partial body. */
export const MAX_RESULT_BYTES = 256 * MB;

/** One core for the server's own event loop, the rest for extraction, and at least one worker. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

export type JobOutcome =
  | { kind: "done"; chunks: Uint8Array[]; bytes: number }
  | { kind: "queue-full" }
  | { kind: "timed-out"; budgetMs: number }
  | { kind: "too-large"; maxBytes: number }
  | { kind: "failed"; reason: string }
  | { kind: "abandoned" };

export interface PoolOptions {
  size?: number;
  maxQueued?: number;
  maxQueuedChars?: number;
  timeBudgetMs?: number;
  maxResultBytes?: number;
}

interface Job {
  input: ExtractInput;
  chunks: Uint8Array[];
  bytes: number;
  settle(outcome: JobOutcome): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded and said so; only then does a job's time start. */
  ready: boolean;
  job?: Job;
}

/**
 * Outside Next (vitest, tsx) this module runs as its .ts source, and so would the worker, which Node 20 cannot run
 * by itself: the worker registers tsx first. Not `--import tsx`, which on Node 20 registers itself on the main
 * thread only. Inside Next the worker is bundled JavaScript; there import.meta.url is still this source file's URL
 * (Turbopack keeps it), so the test is for Next's own NEXT_RUNTIME as well.
 */
function tsxExecArgv(): string[] | undefined {
  if (process.env.NEXT_RUNTIME || !import.meta.url.endsWith(".ts")) return undefined;
  const register = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register();`;
  return ["--import", `data:text/javascript,${encodeURIComponent(register)}`];
}

export class ExtractPool {
  readonly size: number;
  readonly maxQueued: number;
  readonly maxQueuedChars: number;
  readonly timeBudgetMs: number;
  readonly maxResultBytes: number;
  #slots: Slot[] = [];
  #queue: Job[] = [];

  constructor({
    size = defaultPoolSize(),
    maxQueued = MAX_QUEUED_JOBS,
    maxQueuedChars = MAX_QUEUED_CHARS,
    timeBudgetMs = TIME_BUDGET_MS,
    maxResultBytes = MAX_RESULT_BYTES,
  }: PoolOptions = {}) {
    this.size = size;
    this.maxQueued = maxQueued;
    this.maxQueuedChars = maxQueuedChars;
    this.timeBudgetMs = timeBudgetMs;
    this.maxResultBytes = maxResultBytes;
  }

  /** Runs one extraction; every outcome, failures included, is a value. An aborted signal drops the job. */
  run(input: ExtractInput, signal?: AbortSignal): Promise<JobOutcome> {
    // Workers are started by the first job, not on import: `next build` loads this module too.
    while (this.#slots.length < this.size) this.#spawn();
    const waitingChars = this.#queue.reduce((sum, job) => sum + job.input.text.length, 0);
    if (this.#queue.length >= this.maxQueued || waitingChars >= this.maxQueuedChars) {
      return Promise.resolve({ kind: "queue-full" });
    }
    return new Promise((resolve) => {
      const abandon = () => this.#abandon(job);
      const job: Job = {
        input,
        chunks: [],
        bytes: 0,
        settle: (outcome) => {
          clearTimeout(job.timer);
          signal?.removeEventListener("abort", abandon);
          job.settle = () => undefined;
          resolve(outcome);
        },
      };
      if (signal?.aborted) return job.settle({ kind: "abandoned" });
      signal?.addEventListener("abort", abandon);
      this.#queue.push(job);
      this.#dispatch();
    });
  }

  /** The workers' thread ids, for tests and logs: a replaced worker has a new one. */
  threadIds(): number[] {
    return this.#slots.map((slot) => slot.worker.threadId);
  }

  /** Stops every worker; queued and running jobs end as failed. */
  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    for (const job of this.#queue.splice(0)) job.settle({ kind: "failed", reason: "the pool was closed" });
    for (const slot of slots) slot.job?.settle({ kind: "failed", reason: "the pool was closed" });
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #spawn(): void {
    const worker = new Worker(new URL("./extract-worker.ts", import.meta.url), { execArgv: tsxExecArgv() });
    const slot: Slot = { worker, ready: false };
    // An idle worker does not keep the process alive; one with a job does (see #dispatch).
    worker.unref();
    let crash: string | undefined;
    worker.on("message", (message: WorkerMessage) => this.#receive(slot, message));
    worker.on("error", (error) => (crash = error.stack ?? error.message));
    worker.on("exit", (code) => this.#exited(slot, crash ?? `the worker exited with code ${code}`));
    this.#slots.push(slot);
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.#queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ ...job.input, maxResultBytes: this.maxResultBytes } satisfies ExtractJob);
      job.timer = setTimeout(
        () => this.#replace(slot, { kind: "timed-out", budgetMs: this.timeBudgetMs }),
        this.timeBudgetMs,
      );
    }
  }

  #receive(slot: Slot, message: WorkerMessage): void {
    if (message.type === "ready") {
      slot.ready = true;
      return this.#dispatch();
    }
    const job = slot.job;
    if (!job) return;
    if (message.type === "chunk") {
      job.chunks.push(message.bytes);
      job.bytes += message.bytes.byteLength;
      return;
    }
    slot.job = undefined;
    slot.worker.unref();
    if (message.type === "done") job.settle({ kind: "done", chunks: job.chunks, bytes: job.bytes });
    else if (message.type === "too-large") job.settle({ kind: "too-large", maxBytes: this.maxResultBytes });
    else job.settle({ kind: "failed", reason: message.reason });
    this.#dispatch();
  }

  #abandon(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued !== -1) this.#queue.splice(queued, 1);
    const running = this.#slots.find((slot) => slot.job === job);
    // Nobody is waiting for the answer any more: free the worker rather than finish a job for nobody.
    if (running) this.#replace(running, { kind: "abandoned" });
    else job.settle({ kind: "abandoned" });
  }

  /** Terminates a worker in the middle of its job (over budget, or abandoned) and starts a fresh one. */
  #replace(slot: Slot, outcome: JobOutcome): void {
    const index = this.#slots.indexOf(slot);
    if (index === -1) return;
    this.#slots.splice(index, 1);
    void slot.worker.terminate();
    slot.job?.settle(outcome);
    this.#spawn();
  }

  #exited(slot: Slot, reason: string): void {
    const index = this.#slots.indexOf(slot);
    // A worker terminated on purpose has already left the pool.
    if (index === -1) return;
    this.#slots.splice(index, 1);
    slot.job?.settle({ kind: "failed", reason });
    if (slot.ready) return this.#spawn();
    // It died while loading: starting another at once could loop, so the next run() tries again. With no worker
    // left, nothing would ever take the waiting jobs.
    if (this.#slots.length === 0) {
      for (const job of this.#queue.splice(0)) job.settle({ kind: "failed", reason: `no worker starts: ${reason}` });
    }
  }
}
