// Extraction benchmark: throughput of our extractor against compromise and Recognizers-Text on the same
// text, then our extractor alone on 1 MB and 10 MB inputs (each in a fresh child process, for honest
// peak memory). Run with `npm run bench:extract`. It reports; it exits 0 unless something throws.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type Nlp from "compromise";
import type * as RecognizersText from "@microsoft/recognizers-text-suite";
import { extractClaims } from "../../lib/extract/index.ts";
import { copiesForBytes, readSeed, repeatSeed, splitSentences, utf8Bytes } from "./corpus.ts";
import { median } from "./stats.ts";

const MB = 1e6;
const THROUGHPUT_BYTES = 200_000;
const PEER_WARMUP_COPIES = 4;
const PEER_BUDGET_SECONDS = 10;
const OURS_WARMUP_RUNS = 2;
const OURS_MIN_RUNS = 3;
const OURS_MAX_RUNS = 10_000;
const OURS_MIN_SECONDS = 1.5;
const SCALE_MAX_RUNS = 15;
const SCALE_MIN_SECONDS = 1;
/** At least three timed calls per size: one call on 10 MB is at the mercy of a single GC pause. */
const SCALE_MIN_RUNS = 3;
const SCALE_SMALL_BYTES = 1_000_000;
const SCALE_LARGE_BYTES = 10_000_000;
const CHILD_TIMEOUT_MS = 120_000;
const CHILD_FLAG = "--child";

const BREAK_FREE_FLAG = "--break-free";

// The targets of the real-world extraction issue: 10 MB/s at 10 MB, 150x either peer, 10 MB in at most 11x 1 MB.
const TARGET_MBPS = 10;
const TARGET_RATIO_VS_PEERS = 150;
const MAX_LINEARITY_RATIO = 11;

/**
 * The same article with no sentence break: every full stop, question or exclamation mark between sentences becomes a
 * comma, so the whole text is one run that the segmenter must cut into bounded clauses.
 */
function breakFree(text: string): string {
  return text.replace(/([.!?])(["”’)]?)(\s+)/g, ",$2$3");
}

/** The ceiling: one plain regex scan for digit runs over the same text, which no extractor can beat. */
function ceilingSeconds(text: string): number {
  const scan = /\d[\d,.]*/g;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    times.push(
      timed(() => {
        let n = 0;
        for (const _ of text.matchAll(scan)) n++;
        return n;
      }).seconds,
    );
  }
  return median(times);
}

/** What one tool found: raw results, and distinct text spans once overlapping results are merged. */
interface Found {
  results: number;
  spans: number;
}

/** One timed measurement: `runs` passes over a text of `bytes` (the seed repeated `copies` times). */
interface Timing {
  bytes: number;
  copies: number;
  runs: number;
  seconds: number;
  found: Found;
}

interface Peer {
  name: string;
  method: string;
  scan(sentence: string): Found;
}

/** Reported by a child process that ran our extractor on one large input. */
interface ScaleResult {
  bytes: number;
  /** Median over `runs` calls: one call of a fast extractor is too short to time reliably. */
  seconds: number;
  runs: number;
  claims: number;
  baselineRssBytes: number;
  inputRssBytes: number;
  peakRssBytes: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
}

type ScaleOutcome = { ok: true; result: ScaleResult } | { ok: false; reason: string };
type Recognized = ReturnType<typeof RecognizersText.recognizeNumber>[number];
interface Peers {
  compromise: Peer;
  recognizers: Peer;
}

// ---------- measuring ----------

function timed<T>(work: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

function mbPerSecond(timing: Pick<Timing, "bytes" | "runs" | "seconds">): number {
  return (timing.bytes * timing.runs) / MB / timing.seconds;
}

function countNonDateClaims(text: string): number {
  return extractClaims(text).claims.filter((claim) => claim.kind !== "date").length;
}

/** Ours, whole text in one call, repeated until the timing is long enough to be stable. */
function timeOurs(seed: string, copies: number): Timing {
  const text = repeatSeed(seed, copies);
  for (let i = 0; i < OURS_WARMUP_RUNS; i++) extractClaims(text);
  let runs = 0;
  let seconds = 0;
  const start = performance.now();
  while (runs < OURS_MIN_RUNS || (seconds < OURS_MIN_SECONDS && runs < OURS_MAX_RUNS)) {
    extractClaims(text);
    runs++;
    seconds = (performance.now() - start) / 1000;
  }
  const claims = countNonDateClaims(text);
  return { bytes: utf8Bytes(text), copies, runs, seconds, found: { results: claims, spans: claims } };
}

function scanAll(peer: Peer, sentences: readonly string[]): Found {
  const total: Found = { results: 0, spans: 0 };
  for (const sentence of sentences) {
    const found = peer.scan(sentence);
    total.results += found.results;
    total.spans += found.spans;
  }
  return total;
}

/**
 * A peer, sentence by sentence, on as many seed copies as fit the time budget (at most `maxCopies`).
 * The warm-up pass doubles as the speed estimate that sizes the slice. Sentence splitting is not timed.
 */
function timePeer(peer: Peer, seed: string, maxCopies: number): Timing {
  const warmup = repeatSeed(seed, PEER_WARMUP_COPIES);
  const warmupSeconds = timed(() => scanAll(peer, splitSentences(warmup))).seconds;
  const bytesPerSecond = utf8Bytes(warmup) / warmupSeconds;
  const affordable = Math.floor((PEER_BUDGET_SECONDS * bytesPerSecond) / utf8Bytes(seed));
  const copies = Math.min(maxCopies, Math.max(PEER_WARMUP_COPIES, affordable));
  const text = repeatSeed(seed, copies);
  const sentences = splitSentences(text);
  const { value: found, seconds } = timed(() => scanAll(peer, sentences));
  return { bytes: utf8Bytes(text), copies, runs: 1, seconds, found };
}

// ---------- peers (imported lazily, so the scaling child processes do not load them) ----------

function compromisePeer(nlp: typeof Nlp): Peer {
  return {
    name: `compromise ${packageVersion("compromise")}`,
    method: "nlp(s).numbers().json() per sentence",
    scan(sentence) {
      // numbers() covers money ("$12.3 billion") and percentages ("4.5%") too; its matches never overlap.
      const numbers: unknown[] = nlp(sentence).numbers().json();
      return { results: numbers.length, spans: numbers.length };
    },
  };
}

function recognizersPeer(rt: typeof RecognizersText): Peer {
  return {
    name: `recognizers-text ${packageVersion("@microsoft/recognizers-text-suite")}`,
    method: "recognizeNumber+Currency+Percentage (English) per sentence",
    scan(sentence) {
      const recognized = [
        ...rt.recognizeNumber(sentence, rt.Culture.English),
        ...rt.recognizeCurrency(sentence, rt.Culture.English),
        ...rt.recognizePercentage(sentence, rt.Culture.English),
      ];
      return { results: recognized.length, spans: countDistinctSpans(recognized) };
    },
  };
}

async function loadPeers(): Promise<Peers> {
  const [{ default: nlp }, rt] = await Promise.all([import("compromise"), import("@microsoft/recognizers-text-suite")]);
  return { compromise: compromisePeer(nlp), recognizers: recognizersPeer(rt) };
}

/** Overlapping results ("4.5" and "4.5%") count as one span. Recognizers-Text `end` is inclusive. */
function countDistinctSpans(recognized: readonly Recognized[]): number {
  const ordered = [...recognized].sort((a, b) => a.start - b.start);
  let spans = 0;
  let spanEnd = -1;
  for (const result of ordered) {
    if (result.start > spanEnd) spans++;
    spanEnd = Math.max(spanEnd, result.end);
  }
  return spans;
}

function packageVersion(name: string): string {
  try {
    const manifest: unknown = JSON.parse(
      readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), "utf8"),
    );
    const version = (manifest as { version?: unknown }).version;
    return typeof version === "string" ? version : "?";
  } catch {
    return "?";
  }
}

// ---------- scaling, in child processes ----------

/** The first call on the large input, measuring heap while its dataset is still alive; the dataset is dropped on return. */
function firstScaleRun(text: string): { seconds: number; claims: number; heapAfterBytes: number } {
  const { value: dataset, seconds } = timed(() => extractClaims(text));
  const heapAfterBytes = process.memoryUsage().heapUsed;
  return { seconds, claims: dataset.claims.filter((claim) => claim.kind !== "date").length, heapAfterBytes };
}

/**
 * Child side: warm up, take a memory baseline, build the input, then call the extractor until about
 * SCALE_MIN_SECONDS have passed (no result outlives its run, so the peak is one call's). Reports one JSON line.
 */
function measureScaleInThisProcess(targetBytes: number, shape: "news" | "break-free"): ScaleResult {
  const read = readSeed();
  const seed = shape === "break-free" ? breakFree(read) : read;
  const warmup = repeatSeed(seed, copiesForBytes(seed, THROUGHPUT_BYTES));
  for (let i = 0; i < OURS_WARMUP_RUNS; i++) extractClaims(warmup);
  globalThis.gc?.();
  const baseline = process.memoryUsage();
  const text = repeatSeed(seed, copiesForBytes(seed, targetBytes));
  const inputRssBytes = process.memoryUsage().rss;
  const first = firstScaleRun(text);
  const times = [first.seconds];
  while (
    times.length < SCALE_MAX_RUNS &&
    (times.length < SCALE_MIN_RUNS || times.reduce((sum, t) => sum + t, 0) < SCALE_MIN_SECONDS)
  ) {
    times.push(timed(() => extractClaims(text)).seconds);
  }
  return {
    bytes: utf8Bytes(text),
    seconds: median(times),
    runs: times.length,
    claims: first.claims,
    baselineRssBytes: baseline.rss,
    inputRssBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024, // maxRSS is in kB: the process's high-water mark
    heapBeforeBytes: baseline.heapUsed,
    heapAfterBytes: first.heapAfterBytes,
  };
}

function runScaleChild(targetBytes: number, shape: "news" | "break-free" = "news"): ScaleOutcome {
  const script = fileURLToPath(import.meta.url);
  const tsxLoader = import.meta.resolve("tsx");
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      tsxLoader,
      script,
      CHILD_FLAG,
      String(targetBytes),
      ...(shape === "break-free" ? [BREAK_FREE_FLAG] : []),
    ],
    {
      encoding: "utf8",
      timeout: CHILD_TIMEOUT_MS,
      maxBuffer: 16 * MB,
    },
  );
  if (child.error && "code" in child.error && child.error.code === "ETIMEDOUT") {
    return { ok: false, reason: `timed out after ${CHILD_TIMEOUT_MS / 1000} s` };
  }
  if (child.error) throw child.error;
  if (child.status !== 0)
    throw new Error(`child for ${targetBytes} B exited with ${child.status ?? child.signal}:\n${child.stderr}`);
  const lastLine = child.stdout.trim().split("\n").at(-1) ?? "";
  return { ok: true, result: JSON.parse(lastLine) as ScaleResult };
}

// ---------- printing ----------

function formatRate(mbps: number): string {
  if (!Number.isFinite(mbps)) return "∞";
  if (mbps >= 100) return mbps.toFixed(0);
  if (mbps >= 1) return mbps.toFixed(1);
  return mbps.toFixed(3);
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return "∞";
  return ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1);
}

function formatSeconds(seconds: number): string {
  if (seconds >= 1) return `${seconds.toFixed(2)} s`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(1)} ms`;
  return `${(seconds * 1e6).toFixed(0)} µs`;
}

function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

function perArticle(count: number, copies: number): string {
  return (count / copies).toFixed(1);
}

function passFail(pass: boolean): string {
  return pass ? "PASS" : "FAIL";
}

function printOurs(timing: Timing): void {
  console.log(
    `  ours: ${formatRate(mbPerSecond(timing))} MB/s — whole text in one call, ${timing.runs} runs in ${formatSeconds(timing.seconds)};` +
      ` non-date claims: ${timing.found.results} (${perArticle(timing.found.results, timing.copies)} per article)`,
  );
}

function printPeer(peer: Peer, timing: Timing): void {
  const { results, spans } = timing.found;
  const distinct =
    spans === results ? "" : `; ${spans} distinct spans (${perArticle(spans, timing.copies)} per article)`;
  console.log(
    `  ${peer.name}: ${formatRate(mbPerSecond(timing))} MB/s — ${peer.method}, on ${formatBytes(timing.bytes)}` +
      ` (${timing.copies} copies) in ${formatSeconds(timing.seconds)}; results: ${results}` +
      ` (${perArticle(results, timing.copies)} per article)${distinct}`,
  );
}

function printScale(label: string, outcome: ScaleOutcome): void {
  if (!outcome.ok) {
    console.log(`  ${label}: ${outcome.reason}`);
    return;
  }
  const r = outcome.result;
  console.log(
    `  ${label} (${formatCount(r.bytes)} B): ${formatSeconds(r.seconds)} (median of ${r.runs}), ${formatRate(mbPerSecond({ ...r, runs: 1 }))} MB/s;` +
      ` peak RSS ${formatBytes(r.peakRssBytes)} (baseline ${formatBytes(r.baselineRssBytes)}, peak − baseline ${formatBytes(r.peakRssBytes - r.baselineRssBytes)},` +
      ` after building input ${formatBytes(r.inputRssBytes)}); heap used ${formatBytes(r.heapBeforeBytes)} → ${formatBytes(r.heapAfterBytes)} with the result alive;` +
      ` non-date claims: ${r.claims}`,
  );
}

// ---------- main ----------

function scaleSeconds(outcome: ScaleOutcome): number {
  return outcome.ok ? outcome.result.seconds : Number.POSITIVE_INFINITY;
}

function scaleRate(outcome: ScaleOutcome): number {
  return outcome.ok ? mbPerSecond({ ...outcome.result, runs: 1 }) : 0;
}

async function main(): Promise<void> {
  const seed = readSeed();
  const copies = copiesForBytes(seed, THROUGHPUT_BYTES);
  console.log(`Extraction benchmark — Node ${process.version}; MB = 1e6 bytes of UTF-8`);
  const throughputBytes = formatCount(utf8Bytes(repeatSeed(seed, copies)));
  console.log(
    `Throughput on the seed article (${formatCount(utf8Bytes(seed))} B) repeated ${copies}x = ${throughputBytes} B:`,
  );

  // Ours first, before the peers are loaded: their lexicons and models (over 100 MB of heap) made every collection
  // of ours slower, and the same-process run 25% slower than a fresh process runs it. Each peer then runs with its
  // own data loaded and ours collected.
  const ours = timeOurs(seed, copies);
  printOurs(ours);
  const peers = await loadPeers();
  const compromise = timePeer(peers.compromise, seed, copies);
  printPeer(peers.compromise, compromise);
  const recognizers = timePeer(peers.recognizers, seed, copies);
  printPeer(peers.recognizers, recognizers);

  const oursRate = mbPerSecond(ours);
  const ratioVsCompromise = oursRate / mbPerSecond(compromise);
  const ratioVsRecognizers = oursRate / mbPerSecond(recognizers);
  console.log(`  ours/compromise = ${formatRatio(ratioVsCompromise)}x`);
  console.log(`  ours/recognizers-text = ${formatRatio(ratioVsRecognizers)}x`);

  console.log("Scaling (ours, whole input per call, each size in a fresh child process):");
  const small = runScaleChild(SCALE_SMALL_BYTES);
  printScale("1 MB", small);
  const large = runScaleChild(SCALE_LARGE_BYTES);
  printScale("10 MB", large);
  const linearity = scaleSeconds(large) / scaleSeconds(small);
  console.log(`  linearity: time(10 MB)/time(1 MB) = ${linearity.toFixed(1)} (ideal ≈ 10)`);
  console.log("Scaling on break-free text (the same article, every sentence break a comma):");
  const smallFree = runScaleChild(SCALE_SMALL_BYTES, "break-free");
  printScale("1 MB break-free", smallFree);
  const largeFree = runScaleChild(SCALE_LARGE_BYTES, "break-free");
  printScale("10 MB break-free", largeFree);
  const linearityFree = scaleSeconds(largeFree) / scaleSeconds(smallFree);
  console.log(`  linearity: time(10 MB)/time(1 MB) = ${linearityFree.toFixed(1)} (ideal ≈ 10)`);

  const ceilingText = repeatSeed(seed, copiesForBytes(seed, SCALE_LARGE_BYTES));
  const ceiling = ceilingSeconds(ceilingText);
  const ceilingRate = utf8Bytes(ceilingText) / MB / ceiling;
  console.log(
    `Ceiling: one plain regex scan for digit runs over the 10 MB text: ${(ceiling * 1000).toFixed(1)} ms, ` +
      `${formatRate(ceilingRate)} MB/s; ours at 10 MB is ${formatRatio(ceilingRate / scaleRate(large))}x slower`,
  );

  const slowest = Math.min(oursRate, scaleRate(small), scaleRate(large));
  console.log("Summary:");
  console.log(
    `  target >= ${TARGET_MBPS} MB/s: ${passFail(slowest >= TARGET_MBPS)} (${formatRate(slowest)} MB/s, slowest of the ${formatBytes(ours.bytes)}, 1 MB and 10 MB runs)`,
  );
  console.log(
    `  target >= ${TARGET_MBPS} MB/s at 10 MB of break-free text: ${passFail(scaleRate(largeFree) >= TARGET_MBPS)} (${formatRate(scaleRate(largeFree))} MB/s)`,
  );
  console.log(
    `  target >= ${TARGET_RATIO_VS_PEERS}x compromise: ${passFail(ratioVsCompromise >= TARGET_RATIO_VS_PEERS)} (${formatRatio(ratioVsCompromise)}x)`,
  );
  console.log(
    `  target >= ${TARGET_RATIO_VS_PEERS}x recognizers-text: ${passFail(ratioVsRecognizers >= TARGET_RATIO_VS_PEERS)} (${formatRatio(ratioVsRecognizers)}x)`,
  );
  console.log(
    `  linear (10MB/1MB time ratio <= ${MAX_LINEARITY_RATIO}): ${passFail(linearity <= MAX_LINEARITY_RATIO)} (${linearity.toFixed(1)}); break-free: ${passFail(linearityFree <= MAX_LINEARITY_RATIO)} (${linearityFree.toFixed(1)})`,
  );
  if (ours.found.results === 0)
    console.log("  note: our extractor found no claims — still the placeholder? Its figures mean nothing yet.");
}

function childTargetBytes(argv: readonly string[]): number | undefined {
  const at = argv.indexOf(CHILD_FLAG);
  return at === -1 ? undefined : Number(argv[at + 1]);
}

const targetBytes = childTargetBytes(process.argv);
if (targetBytes === undefined) await main();
else
  console.log(
    JSON.stringify(
      measureScaleInThisProcess(targetBytes, process.argv.includes(BREAK_FREE_FLAG) ? "break-free" : "news"),
    ),
  );
