// Load benchmark: autocannon against the production server on loopback, for the dashboard page, the CSV download and
// POST /api/extract with the seed article, then a bare Next.js page built and measured the same way as the yardstick
// (the load generator shares the machine's cores with the server, so only the comparison means much). A mixed run
// then times GET / again while 4 clients post the largest article the API takes in a loop, which the extraction
// pool runs off the server's event loop, and prints its p50/p99 next to the quiet run's, with the posts' statuses.
// Run with `npm run bench:load`; LOAD_SECONDS=5 for a quick check (default 30), LOAD_REUSE_BUILD=1 to skip `next build`.
// Prints one line per target and a PASS/FAIL line "errors 0" per target; exits 0 unless something throws.
import { createRequire } from "node:module";
import type { Article } from "../../lib/schema.ts";
import { MAX_BODY_BYTES } from "../../lib/server/extract-request.ts";
import { loadSeeds } from "../../lib/server/seeds.ts";
import { MB } from "../../lib/sizes.ts";
import { startServer } from "../e2e/server.ts";
import { createBareApp, removeBareApp } from "./bare-app.ts";
import { median } from "./stats.ts";

/** The part of autocannon 9's API used here (it ships no types). */
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
}

const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = 50;
const WARM_UP_REQUESTS = 5;
/** GET / (a prerendered page) against the bare Next.js page, requests/s. */
const TARGET_HOME_VS_BARE = 0.8;
/** Clients posting maximum-size articles during the mixed run, each one request at a time. */
const POSTERS = 4;

if (!Number.isFinite(SECONDS) || SECONDS <= 0)
  throw new Error(`LOAD_SECONDS must be a positive number of seconds, not "${process.env.LOAD_SECONDS}"`);

interface Target {
  name: string;
  path: string;
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

interface Measured {
  target: Target;
  result: AutocannonResult;
}

const seed = loadSeeds()[0];
if (!seed) throw new Error("seeds/ holds no article");

const APP_TARGETS: Target[] = [
  { name: "GET /", path: "/", method: "GET" },
  { name: "GET /data/claims.csv", path: "/data/claims.csv", method: "GET" },
  {
    name: "POST /api/extract (seed article)",
    path: "/api/extract",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: seed.text, publishedAt: seed.publishedAt, locale: seed.locale }),
  },
];
/** The seed article repeated to just under the body limit: the largest article the API takes, in real sentences. */
function maximumArticle({ text, publishedAt, locale }: Article): string {
  const encoder = new TextEncoder();
  const meta = { publishedAt, locale };
  const piece = `${text}\n\n`;
  const pieceBytes = encoder.encode(JSON.stringify(piece)).length - 2;
  const emptyBytes = encoder.encode(JSON.stringify({ text: "", ...meta })).length;
  const body = JSON.stringify({ text: piece.repeat(Math.floor((MAX_BODY_BYTES - emptyBytes) / pieceBytes)), ...meta });
  if (encoder.encode(body).length > MAX_BODY_BYTES) throw new Error("the maximum article is over the body limit");
  return body;
}

const HOME_TARGET = APP_TARGETS[0]!;
const MIXED_TARGET: Target = { ...HOME_TARGET, name: `GET / (${POSTERS} clients posting 2 MB)` };
const BARE_TARGET: Target = { name: "GET / (bare Next.js page)", path: "/", method: "GET" };

/** A few requests first, so the first measured ones do not pay for cold caches and lazily loaded modules. */
async function warmUp(baseUrl: string, target: Target): Promise<void> {
  for (let i = 0; i < WARM_UP_REQUESTS; i++) {
    const response = await fetch(new URL(target.path, baseUrl), {
      method: target.method,
      headers: target.headers,
      body: target.body,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${target.name} answered ${response.status} while warming up`);
  }
}

async function measure(baseUrl: string, target: Target): Promise<Measured> {
  await warmUp(baseUrl, target);
  const result = await autocannon({
    url: new URL(target.path, baseUrl).href,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: target.method,
    headers: target.headers,
    body: target.body,
  });
  const { requests, latency } = result;
  console.log(
    `${target.name.padEnd(34)} ${requests.average.toFixed(1).padStart(8)} req/s  p50 ${String(latency.p50).padStart(5)} ms  ` +
      `p99 ${String(latency.p99).padStart(5)} ms  total ${String(requests.total).padStart(7)}  ` +
      `errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}`,
  );
  return { target, result };
}

interface Posts {
  /** How many answers had each status ("failed (…)" for a request that got none). */
  statuses: Map<string, number>;
  seconds: number[];
  bytesIn: number;
}

/** One client: posts `body`, waits for the whole answer, and again, until `running()` is false. */
async function postInLoop(baseUrl: string, body: string, running: () => boolean, posts: Posts): Promise<void> {
  while (running()) {
    const started = performance.now();
    let status: string;
    try {
      const response = await fetch(new URL("/api/extract", baseUrl), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      await response.arrayBuffer();
      status = String(response.status);
    } catch (error) {
      status = `failed (${(error as Error).message})`;
    }
    posts.statuses.set(status, (posts.statuses.get(status) ?? 0) + 1);
    posts.seconds.push((performance.now() - started) / 1000);
  }
}

/** GET / under autocannon while POSTERS clients post maximum-size articles; the posts stop with it. */
async function measureMixed(baseUrl: string, article: Article): Promise<{ measured: Measured; posts: Posts }> {
  const body = maximumArticle(article);
  const posts: Posts = { statuses: new Map(), seconds: [], bytesIn: new TextEncoder().encode(body).length };
  let running = true;
  const posters = Array.from({ length: POSTERS }, () => postInLoop(baseUrl, body, () => running, posts));
  let measured: Measured;
  try {
    measured = await measure(baseUrl, MIXED_TARGET);
  } finally {
    running = false;
  }
  // The posts under way finish: each is bounded by the pool's time budget.
  await Promise.all(posters);
  return { measured, posts };
}

function postsLine({ statuses, seconds, bytesIn }: Posts): string {
  const counts = [...statuses].map(([status, count]) => `${status} ×${count}`).join(", ");
  const times = seconds.length ? `; p50 ${median(seconds).toFixed(1)} s, max ${Math.max(...seconds).toFixed(1)} s` : "";
  return `POST /api/extract meanwhile (${(bytesIn / MB).toFixed(2)} MB each): ${counts || "none answered"}${times}`;
}

console.log(`bench:load: ${CONNECTIONS} connections, ${SECONDS} s per target, loopback`);
const measured: Measured[] = [];

let mixed: { measured: Measured; posts: Posts };
const app = await startServer({ build: process.env.LOAD_REUSE_BUILD !== "1" });
try {
  for (const target of APP_TARGETS) measured.push(await measure(app.url, target));
  mixed = await measureMixed(app.url, seed);
  measured.push(mixed.measured);
} finally {
  await app.stop();
}

const bareDir = createBareApp();
try {
  const bare = await startServer({ cwd: bareDir, build: true, plainNext: true });
  try {
    measured.push(await measure(bare.url, BARE_TARGET));
  } finally {
    await bare.stop();
  }
} finally {
  removeBareApp(bareDir);
}

console.log("");
const bareRate = measured.at(-1)!.result.requests.average;
for (const { target, result } of measured.slice(0, -1)) {
  console.log(
    `${target.name}: ${((result.requests.average / bareRate) * 100).toFixed(0)}% of the bare page's requests/s`,
  );
}
console.log("");
const quiet = measured[0]!.result.latency;
const busy = mixed.measured.result.latency;
const busyLabel = `GET / while ${POSTERS} clients post 2 MB articles:`;
console.log(`${"GET / quiet:".padEnd(busyLabel.length)} p50 ${quiet.p50} ms  p99 ${quiet.p99} ms`);
console.log(`${busyLabel} p50 ${busy.p50} ms  p99 ${busy.p99} ms`);
console.log(postsLine(mixed.posts));
console.log("");
// A post may be refused for a full queue (503) or for too many figures (413); anything else is a failure.
const badPosts = [...mixed.posts.statuses].filter(([status]) => !["200", "413", "503"].includes(status));
const postCount = mixed.posts.seconds.length;
console.log(
  `${badPosts.length === 0 && postCount > 0 ? "PASS" : "FAIL"} posts answered 200, 413 or 503 (${postCount} posts)`,
);
const homeRatio = measured[0]!.result.requests.average / bareRate;
console.log(
  `${homeRatio >= TARGET_HOME_VS_BARE ? "PASS" : "FAIL"} GET / at least ${TARGET_HOME_VS_BARE}x the bare page's requests/s (${homeRatio.toFixed(2)}x)`,
);
for (const { target, result } of measured) {
  const failures = result.errors + result.timeouts + result.non2xx;
  // A run in which nothing completed has no errors either, and proves nothing.
  const pass = failures === 0 && result.requests.total > 0;
  console.log(
    `${pass ? "PASS" : "FAIL"} errors 0: ${target.name} (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.requests.total} completed)`,
  );
}
