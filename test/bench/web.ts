// Web benchmark: Lighthouse 13 on / (mobile and desktop), then the first-load JavaScript of / against a bare
// Next.js page built and measured the same way. Run with `npm run bench:web`. It reports PASS/FAIL against the
// targets and exits 0 unless something throws.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/browser.ts";
import { REPO_ROOT, startServer } from "../e2e/server.ts";
import { createBareApp, removeBareApp } from "./bare-app.ts";

const ARTIFACTS = join(REPO_ROOT, "test", ".artifacts");
// The browser tests' flags, with Lighthouse's preferred headless mode.
const LIGHTHOUSE_CHROME_FLAGS = CHROMIUM_ARGS.map((flag) => (flag === "--headless" ? "--headless=new" : flag)).join(
  " ",
);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
type Preset = "mobile" | "desktop";

const TARGET_SCORE = 100;
const TARGET_MAX_KB_ABOVE_BARE = 30;
/** kB as in Next.js's own build output: 1000 bytes. */
const KB = 1000;

interface LighthouseReport {
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; displayValue?: string }>;
}

interface CategoryResult {
  score: number;
  /** Audits that cost points: "id (title: display value)". */
  lost: string[];
}

interface FirstLoadJs {
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) =>
      code === 0 ? done(output) : fail(new Error(`${command} exited with ${code}:\n${output}`)),
    );
  });
}

async function lighthouse(url: string, preset: Preset, name = "lighthouse"): Promise<Record<Category, CategoryResult>> {
  const reportPath = join(ARTIFACTS, `${name}-${preset}.json`);
  const args = [
    url,
    "--output=json",
    `--output-path=${reportPath}`,
    "--quiet",
    `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
  ];
  if (preset === "desktop") args.push("--preset=desktop");
  const runLighthouse = () =>
    run(join(REPO_ROOT, "node_modules", ".bin", "lighthouse"), args, { ...process.env, CHROME_PATH: CHROMIUM_PATH });
  try {
    await runLighthouse();
  } catch (error) {
    // Seen once on this machine under load: "Chrome prevented page load with an interstitial". One retry, reported.
    console.log(
      `Lighthouse ${preset} failed, retrying once: ${
        String(error)
          .split("\n")
          .find((line) => /error/i.test(line)) ?? error
      }`,
    );
    await runLighthouse();
  }
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as LighthouseReport;
  const result = {} as Record<Category, CategoryResult>;
  for (const category of CATEGORIES) {
    const { score, auditRefs } = report.categories[category];
    const lost = auditRefs
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => {
        const audit = report.audits[ref.id];
        return `${ref.id} (${audit?.title ?? ""}${audit?.displayValue ? `: ${audit.displayValue}` : ""})`;
      });
    result[category] = { score: Math.round((score ?? 0) * 100), lost };
  }
  return result;
}

/** The page's `<script src>` chunks (not the nomodule polyfill), each gzipped at level 9, summed. */
async function firstLoadJs(url: string): Promise<FirstLoadJs> {
  const html = await (await fetch(url)).text();
  const sources = new Set<string>();
  for (const [, attributes = ""] of html.matchAll(/<script\b([^>]*)>/gi)) {
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc\s*=\s*"([^"]+)"/i.exec(attributes)?.[1];
    if (src) sources.add(new URL(src.replaceAll("&amp;", "&"), url).href);
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const source of sources) {
    const response = await fetch(source);
    if (response.status !== 200) throw new Error(`GET ${source} answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { chunks: sources.size, rawBytes, gzipBytes };
}

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} kB`;
}

function verdict(pass: boolean, text: string): string {
  return `${pass ? "PASS" : "FAIL"} ${text}`;
}

mkdirSync(ARTIFACTS, { recursive: true });

const app = await startServer({ build: true });
const scores = {} as Record<Preset, Record<Category, CategoryResult>>;
let appJs: FirstLoadJs;
try {
  for (const preset of ["mobile", "desktop"] as const) {
    const started = performance.now();
    scores[preset] = await lighthouse(`${app.url}/`, preset);
    const line = CATEGORIES.map((c) => `${c} ${scores[preset][c].score}`).join("  ");
    console.log(`Lighthouse ${preset.padEnd(7)} ${line}  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  appJs = await firstLoadJs(`${app.url}/`);
} finally {
  await app.stop();
}

const bareDir = createBareApp();
let bareJs: FirstLoadJs;
try {
  const bare = await startServer({ cwd: bareDir, build: true });
  try {
    // The same Lighthouse runs on the bare page, as the yardstick for what Next.js alone scores on this machine.
    for (const preset of ["mobile", "desktop"] as const) {
      const bareScores = await lighthouse(`${bare.url}/`, preset, "lighthouse-bare");
      console.log(
        `Lighthouse ${preset.padEnd(7)} (bare page) ${CATEGORIES.map((c) => `${c} ${bareScores[c].score}`).join("  ")}`,
      );
    }
    bareJs = await firstLoadJs(`${bare.url}/`);
  } finally {
    await bare.stop();
  }
} finally {
  removeBareApp(bareDir);
}

const aboveBare = appJs.gzipBytes - bareJs.gzipBytes;
console.log("");
console.log(
  `First-load JS of /:           ${kb(appJs.gzipBytes)} gzip (${kb(appJs.rawBytes)} raw, ${appJs.chunks} chunks)`,
);
console.log(
  `First-load JS of a bare page: ${kb(bareJs.gzipBytes)} gzip (${kb(bareJs.rawBytes)} raw, ${bareJs.chunks} chunks)`,
);
console.log(`Difference:                   ${aboveBare >= 0 ? "+" : ""}${kb(aboveBare)} gzip`);
console.log("");
for (const preset of ["mobile", "desktop"] as const) {
  const below = CATEGORIES.filter((c) => scores[preset][c].score < TARGET_SCORE);
  console.log(verdict(below.length === 0, `Lighthouse ${preset}: ${TARGET_SCORE} in all four categories`));
  for (const category of below) {
    console.log(`     ${category} ${scores[preset][category].score}: ${scores[preset][category].lost.join("; ")}`);
  }
}
console.log(
  verdict(
    aboveBare <= TARGET_MAX_KB_ABOVE_BARE * KB,
    `first-load JS at most ${TARGET_MAX_KB_ABOVE_BARE} kB gzip above the bare page (${kb(aboveBare)})`,
  ),
);
console.log(`(reports: ${join("test", ".artifacts", "lighthouse-mobile.json")}, lighthouse-desktop.json)`);
