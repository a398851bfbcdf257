// POST /api/extract under load against the production server (app/_server/serve.mjs): two requests of 1.9 MB of figures without a full stop and one
// of 180 kB at once, while GET / is asked every 200 ms. Extraction runs on the worker pool, so the page keeps
// answering; the answers come within the time limits, one-line errors or whole datasets; the server's memory stays
// bounded; and it serves normally afterwards. Run with `npm run test:e2e` (it builds, serves and sets E2E_*).
import { Worker } from "node:worker_threads";
import { expect, test } from "vitest";
import { DatasetSchema } from "../../lib/schema.ts";
import { MB } from "../../lib/sizes.ts";
import { baseUrlFromEnv, serverPidFromEnv } from "./browser.ts";
import { processGroupRssBytes } from "./server.ts";

const baseUrl = baseUrlFromEnv();
const serverPid = serverPidFromEnv();
const endpoint = new URL("/api/extract", baseUrl).href;
const home = new URL("/", baseUrl).href;

const DENSE = "The tariff was 25 per cent and exports fell by $3.7 billion, ";
const PROBE_EVERY_MS = 200;
const ANSWER_WITHIN_MS = 30_000;
const PROBE_WITHIN_MS = 1_000;
const RSS_LIMIT_BYTES = 1024 * MB;

interface Answer {
  name: string;
  status: number;
  ms: number;
  /** The error line, or the number of claims of a 200. */
  outcome: string;
}

function denseArticle(bytes: number): string {
  return JSON.stringify({ text: DENSE.repeat(Math.floor(bytes / DENSE.length)), publishedAt: "2025-05-06" });
}

async function extract(name: string, body: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  expect(response.headers.get("content-type")).toBe("application/json");
  const json: unknown = await response.json();
  const ms = performance.now() - started;
  if (response.status === 200)
    return { name, status: 200, ms, outcome: `${DatasetSchema.parse(json).claims.length} claims` };
  expect([400, 413, 415, 422, 503]).toContain(response.status);
  expect(Object.keys(json as object)).toEqual(["error"]);
  const error = (json as { error: unknown }).error;
  expect(error).toEqual(expect.any(String));
  expect(error).not.toMatch(/[\r\n]/);
  return { name, status: response.status, ms, outcome: error as string };
}

/**
 * GET / every PROBE_EVERY_MS until `busy` settles; each probe's time to the last byte. The probes run on a thread of
 * their own: this test's own thread parses 80 MB answers, and that must not count as the server being slow.
 */
async function probeHome(busy: Promise<unknown>): Promise<number[]> {
  const prober = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
    let stopped = false;
    parentPort.once("message", () => (stopped = true));
    (async () => {
      const latencies = [];
      while (!stopped) {
        const started = performance.now();
        const response = await fetch(workerData.home, { signal: AbortSignal.timeout(workerData.timeout) });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error("GET / answered " + response.status);
        const ms = performance.now() - started;
        latencies.push(ms);
        await new Promise((done) => setTimeout(done, Math.max(0, workerData.every - ms)));
      }
      parentPort.postMessage(latencies);
    })().catch((error) => parentPort.postMessage(String(error)));`,
    { eval: true, workerData: { home, every: PROBE_EVERY_MS, timeout: ANSWER_WITHIN_MS } },
  );
  const result = new Promise<unknown>((done, fail) => {
    prober.once("message", done);
    prober.once("error", fail);
  });
  await busy.catch(() => undefined);
  prober.postMessage("stop");
  const latencies = await result;
  await prober.terminate();
  if (!Array.isArray(latencies)) throw new Error(`the GET / probes failed: ${String(latencies)}`);
  return latencies as number[];
}

test("two 1.9 MB figure-dense requests and one of 180 kB: GET / keeps answering, memory stays bounded", async () => {
  // A page already rendered once, so the probes time the server under load and not its first render.
  for (let i = 0; i < 3; i++) await (await fetch(home)).arrayBuffer();
  let rssMax = processGroupRssBytes(serverPid);
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, processGroupRssBytes(serverPid))), PROBE_EVERY_MS);
  let answers: Answer[];
  let latencies: number[];
  try {
    const requests = Promise.all([
      extract("1.9 MB", denseArticle(1_900_000)),
      extract("1.9 MB", denseArticle(1_900_000)),
      extract("180 kB", denseArticle(180_000)),
    ]);
    [answers, latencies] = await Promise.all([requests, probeHome(requests)]);
  } finally {
    clearInterval(sampler);
  }
  const worst = Math.max(...latencies);
  console.log(
    `POST /api/extract under load: ${answers.map((a) => `${a.name} ${a.status} in ${(a.ms / 1000).toFixed(1)} s (${a.outcome})`).join("; ")}`,
  );
  console.log(
    `GET / every ${PROBE_EVERY_MS} ms meanwhile: ${latencies.length} probes, slowest ${worst.toFixed(0)} ms; ` +
      `server RSS at most ${(rssMax / MB).toFixed(0)} MB`,
  );
  for (const answer of answers) expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
  expect(latencies.length).toBeGreaterThan(0);
  expect(worst).toBeLessThan(PROBE_WITHIN_MS);
  expect(rssMax).toBeLessThan(RSS_LIMIT_BYTES);

  // And afterwards it serves as before.
  expect((await fetch(home)).status).toBe(200);
  const after = await extract("an article", JSON.stringify({ text: "Exports rose 12% to $3.4 billion in 2024." }));
  expect(after).toMatchObject({ status: 200, outcome: expect.stringMatching(/^[1-9]\d* claims$/) });
}, 45_000);
