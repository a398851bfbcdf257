// The extraction pool with real worker threads (under vitest each worker registers tsx to run its .ts source), and
// the answers POST /api/extract gives for its outcomes: a full queue, a job over its time budget, a dataset over
// the size cap, a job that throws.
import { afterEach, describe, expect, it, vi } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { textId } from "../../lib/extract/ids";
import { ExtractPool, type JobOutcome, type PoolOptions } from "../../lib/server/extract-pool";
import { handleExtractRequest, RETRY_AFTER_SECONDS } from "../../lib/server/extract-request";
import type { ExtractInput } from "../../lib/server/extract-worker";
import { loadSeeds } from "../../lib/server/seeds";

const MB = 1024 * 1024;
const DENSE = "The tariff was 25 per cent and exports fell by $3.7 billion, ";
/** Figures without a full stop: over a second of extraction on this machine, whatever else is running. */
const SLOW_TEXT = DENSE.repeat(Math.ceil(1_900_000 / DENSE.length));
const SMALL = { text: "Exports rose 5% to $3 billion.", publishedAt: "2025-05-06", locale: "en-US" };

const pools: ExtractPool[] = [];

function pool(options: PoolOptions): ExtractPool {
  const made = new ExtractPool(options);
  pools.push(made);
  return made;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(pools.splice(0).map((made) => made.close()));
});

function post(value: unknown): Request {
  return new Request("http://127.0.0.1/api/extract", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(value),
  });
}

function jsonOf(outcome: JobOutcome): string {
  if (outcome.kind !== "done") throw new Error(`the job ended ${outcome.kind}`);
  const decoder = new TextDecoder();
  return outcome.chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join("") + decoder.decode();
}

function expectedJson({ text, publishedAt, locale }: ExtractInput): string {
  return JSON.stringify(extractArticle({ id: textId(text), text, publishedAt, locale }));
}

async function errorOf(response: Response): Promise<string> {
  expect(response.headers.get("content-type")).toBe("application/json");
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  return body.error as string;
}

describe("ExtractPool", () => {
  it("runs more jobs than it has workers, in order, each giving JSON.stringify of its dataset", async () => {
    const seed = loadSeeds()[0]!;
    const jobs: ExtractInput[] = [
      seed,
      SMALL,
      { ...SMALL, locale: "en-CA" },
      { text: "Imports fell 12 per cent to 4,000 tonnes in 2024.", publishedAt: "2025-01-31", locale: "en-GB" },
    ].map(({ text, publishedAt, locale }) => ({ text, publishedAt, locale }));
    const two = pool({ size: 2 });
    const outcomes = await Promise.all(jobs.map((job) => two.run(job)));
    expect(outcomes.map(jsonOf)).toEqual(jobs.map(expectedJson));
    expect(two.threadIds()).toHaveLength(2);
  });

  it("refuses a job beyond the queue's bound at once, and runs the ones it took", async () => {
    const one = pool({ size: 1, maxQueued: 1, maxResultBytes: MB });
    // Loaded and idle, so the first job starts at once and the second is the only one waiting.
    expect((await one.run(SMALL)).kind).toBe("done");
    const running = one.run({ ...SMALL, text: SLOW_TEXT });
    const queued = one.run(SMALL);
    expect(await one.run(SMALL)).toEqual({ kind: "queue-full" });
    expect((await running).kind).not.toBe("queue-full");
    expect(jsonOf(await queued)).toBe(expectedJson(SMALL));
  }, 30_000);

  it("refuses a job once the waiting ones hold the text bound, however few they are", async () => {
    const one = pool({ size: 1, maxQueuedChars: 10_000, maxResultBytes: MB });
    expect((await one.run(SMALL)).kind).toBe("done");
    const running = one.run({ ...SMALL, text: SLOW_TEXT });
    // Waiting: nothing yet, so a text over the bound is taken; then the bound is reached.
    const queued = one.run({ ...SMALL, text: `${SMALL.text} `.repeat(400) });
    expect(await one.run(SMALL)).toEqual({ kind: "queue-full" });
    expect((await queued).kind).toBe("done");
    await running;
    // With the default bounds, forty short articles at once all wait their turn.
    const defaults = pool({ size: 1 });
    const many = await Promise.all(Array.from({ length: 40 }, () => defaults.run(SMALL)));
    expect(many.map((outcome) => outcome.kind)).toEqual(Array(40).fill("done"));
  }, 30_000);

  it("stops a job over its time budget on a worker of its own, and runs the next one on a fresh worker", async () => {
    const one = pool({ size: 1, timeBudgetMs: 500, maxResultBytes: MB });
    expect((await one.run(SMALL)).kind).toBe("done");
    const [first] = one.threadIds();
    expect(await one.run({ ...SMALL, text: SLOW_TEXT })).toEqual({ kind: "timed-out", budgetMs: 500 });
    expect(one.threadIds()).not.toContain(first);
    expect(jsonOf(await one.run(SMALL))).toBe(expectedJson(SMALL));
  }, 30_000);

  it("gives up a dataset whose JSON passes the cap, sending none of it", async () => {
    const capped = pool({ size: 1, maxResultBytes: 64 * 1024 });
    const text = DENSE.repeat(Math.ceil(20_000 / DENSE.length));
    expect(expectedJson({ ...SMALL, text }).length).toBeGreaterThan(64 * 1024);
    expect(await capped.run({ ...SMALL, text })).toEqual({ kind: "too-large", maxBytes: 64 * 1024 });
    // A small dataset still comes whole.
    expect(jsonOf(await capped.run(SMALL))).toBe(expectedJson(SMALL));
  });

  it("reports a job that throws in the worker as failed, and the same worker takes the next job", async () => {
    const one = pool({ size: 1 });
    expect((await one.run(SMALL)).kind).toBe("done");
    const threads = one.threadIds();
    const outcome = await one.run({ ...SMALL, text: 42 as unknown as string });
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringMatching(/TypeError/) });
    expect(one.threadIds()).toEqual(threads);
    expect(jsonOf(await one.run(SMALL))).toBe(expectedJson(SMALL));
  });

  it("drops a job whose client has gone: from the queue, or by replacing the worker that runs it", async () => {
    const one = pool({ size: 1, maxResultBytes: MB });
    expect((await one.run(SMALL)).kind).toBe("done");
    const [first] = one.threadIds();
    const runningGone = new AbortController();
    const running = one.run({ ...SMALL, text: SLOW_TEXT }, runningGone.signal);
    const queuedGone = new AbortController();
    const queued = one.run(SMALL, queuedGone.signal);
    queuedGone.abort();
    expect(await queued).toEqual({ kind: "abandoned" });
    runningGone.abort();
    expect(await running).toEqual({ kind: "abandoned" });
    expect(one.threadIds()).not.toContain(first);
    expect(jsonOf(await one.run(SMALL))).toBe(expectedJson(SMALL));
  }, 30_000);
});

describe("POST /api/extract through the pool", () => {
  it("answers a full queue with 503, Retry-After and a one-line error", async () => {
    const one = pool({ size: 1, maxQueued: 1, maxResultBytes: MB });
    expect((await handleExtractRequest(post(SMALL), one)).status).toBe(200);
    const runs = vi.spyOn(one, "run");
    const running = handleExtractRequest(post({ ...SMALL, text: SLOW_TEXT }), one);
    const queued = handleExtractRequest(post(SMALL), one);
    // Both have been read and checked and are with the pool, one running and one waiting, before the third comes.
    await vi.waitFor(() => expect(runs).toHaveBeenCalledTimes(2));
    const refused = await handleExtractRequest(post(SMALL), one);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await errorOf(refused)).toMatch(/busy/);
    expect((await queued).status).toBe(200);
    await (await running).arrayBuffer();
  }, 30_000);

  it("answers a job stopped for its time budget with 503, no Retry-After, and says so", async () => {
    const one = pool({ size: 1, timeBudgetMs: 500, maxResultBytes: MB });
    const response = await handleExtractRequest(post({ ...SMALL, text: SLOW_TEXT }), one);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await errorOf(response)).toMatch(/^extraction was stopped after 0.5 s/);
  }, 30_000);

  it("answers a dataset over the cap with 413: too many figures", async () => {
    const capped = pool({ size: 1, maxResultBytes: 64 * 1024 });
    const text = DENSE.repeat(Math.ceil(20_000 / DENSE.length));
    const response = await handleExtractRequest(post({ ...SMALL, text }), capped);
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatch(/^the text gives too many figures: .*over the 65536-byte response limit$/);
  });

  it("answers a failed job with a bare 500 and logs the reason", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const one = pool({ size: 1 });
    const failing = { run: () => one.run({ ...SMALL, text: 42 as unknown as string }) } as unknown as ExtractPool;
    const response = await handleExtractRequest(post(SMALL), failing);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal error" });
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/TypeError/);
  });

  it("streams the dataset with the content type and bytes Response.json gave", async () => {
    const response = await handleExtractRequest(post(SMALL), pool({ size: 1 }));
    const expected = Response.json(extractArticle({ id: textId(SMALL.text), ...SMALL }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(expected.headers.get("content-type"));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(await expected.arrayBuffer()));
  });
});
