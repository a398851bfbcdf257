// Load benchmark: autocannon against the production server on loopback, for the dashboard page, the CSV download and
// POST /api/extract with the seed article, then a bare Next.js page built and measured the same way as the yardstick
// (the load generator shares the machine's cores with the server, so only the comparison means much).
// Run with `npm run bench:load`; LOAD_SECONDS=5 for a quick check (default 30), LOAD_REUSE_BUILD=1 to skip `next build`.
// Prints one line per target and a PASS/FAIL line "errors 0" per target; exits 0 unless something throws.
import { createRequire } from "node:module";
import { loadSeeds } from "../../lib/server/seeds.ts";
import { startServer } from "../e2e/server.ts";
import { createBareApp, removeBareApp } from "./bare-app.ts";

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

console.log(`bench:load: ${CONNECTIONS} connections, ${SECONDS} s per target, loopback`);
const measured: Measured[] = [];

const app = await startServer({ build: process.env.LOAD_REUSE_BUILD !== "1" });
try {
  for (const target of APP_TARGETS) measured.push(await measure(app.url, target));
} finally {
  await app.stop();
}

const bareDir = createBareApp();
try {
  const bare = await startServer({ cwd: bareDir, build: true });
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
for (const { target, result } of measured) {
  const failures = result.errors + result.timeouts + result.non2xx;
  // A run in which nothing completed has no errors either, and proves nothing.
  const pass = failures === 0 && result.requests.total > 0;
  console.log(
    `${pass ? "PASS" : "FAIL"} errors 0: ${target.name} (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.requests.total} completed)`,
  );
}
