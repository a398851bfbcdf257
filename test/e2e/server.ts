// A production Next.js server on a free loopback port, for the browser tests and the benchmarks.
// Run alone with `tsx test/e2e/server.ts [--build]`: it prints the URL and serves until Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

const SERVE_SCRIPT = join(REPO_ROOT, "app", "_server", "serve.mjs");
const STATIC_PAGES_SCRIPT = join(REPO_ROOT, "app", "_server", "static-pages.mjs");
const READY_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 200;
const STOP_TIMEOUT_MS = 5_000;

export interface RunningServer {
  url: string;
  /** The server process (app/_server/serve.mjs, or `next start`), leader of the process group that stop() signals. */
  pid: number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The Next.js project to serve; its node_modules/.bin/next is used. */
  cwd?: string;
  /** Build even when the build folder's BUILD_ID exists. */
  build?: boolean;
  /** The benchmarks' own build (TRADEFIGURES_BENCH=1, in .next-bench), the only one with the /bench/* pages. */
  bench?: boolean;
  /**
   * Serve with `next start` instead of app/_server/serve.mjs: for the bare page, which must be Next.js alone. Our
   * server puts our baseline policy (script-src 'self') on every response, which refused the bare page's inline
   * bootstrap: it never hydrated, and scored as a page without JavaScript.
   */
  plainNext?: boolean;
}

function nextBin(cwd: string): string {
  return join(cwd, "node_modules", ".bin", "next");
}

function nextEnv(bench = false): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TRADEFIGURES_BENCH: bench ? "1" : "0" };
}

/** A build step, output kept quiet unless it fails. */
async function quietly(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0) {
    process.stderr.write(output);
    throw new Error(`${[command, ...args].join(" ")} in ${cwd} exited with ${code}`);
  }
}

/**
 * What `npm run build` does: `next build`, then, for this project, the script hashes of its prerendered pages
 * (app/_server/static-pages.mjs). Another project (the bare page) gets `next build` alone.
 */
export async function buildNext(cwd = REPO_ROOT, bench = false): Promise<void> {
  const started = performance.now();
  await quietly(nextBin(cwd), ["build"], cwd, nextEnv(bench));
  if (cwd === REPO_ROOT) await quietly(process.execPath, [STATIC_PAGES_SCRIPT, "--dir", cwd], cwd, nextEnv(bench));
  console.log(
    `next build (${cwd}${bench ? ", with the benchmark pages" : ""}): ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === "string") throw new Error("no TCP address for the port probe");
  return address.port;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once("exit", () => done()));
}

/**
 * The resident memory of every process in a process group (the server's: Next and anything it forks), from
 * /proc/<pid>/status VmRSS. Linux only, as is this whole harness.
 */
export function processGroupRssBytes(groupId: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    let status: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      status = readFileSync(`/proc/${entry}/status`, "utf8");
    } catch {
      // The process ended between the listing and the read: it holds no memory now.
      continue;
    }
    // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, pgrp, …
    const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
    const rssKb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    if (group === groupId && rssKb !== undefined) total += Number(rssKb) * 1024;
  }
  return total;
}

/** The server runs in its own process group, so one signal reaches next and any worker it forks. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before serving:\n${log()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `GET / answered ${response.status}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((done) => setTimeout(done, POLL_INTERVAL_MS));
  }
  throw new Error(`the server did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (${lastProblem}):\n${log()}`);
}

export async function startServer({
  cwd = REPO_ROOT,
  build = false,
  bench = false,
  plainNext = false,
}: ServerOptions = {}): Promise<RunningServer> {
  if (build || !existsSync(join(cwd, bench ? ".next-bench" : ".next", "BUILD_ID"))) await buildNext(cwd, bench);
  const port = await freeLoopbackPort();
  // The server `npm start` runs (app/_server/serve.mjs), or Next's own for a project of no code of ours.
  const [command, ...args] = plainNext
    ? [nextBin(cwd), "start", "-H", "127.0.0.1", "-p", String(port)]
    : [process.execPath, SERVE_SCRIPT, "--dir", cwd, "-H", "127.0.0.1", "-p", String(port)];
  const child = spawn(command!, args, {
    cwd,
    env: nextEnv(bench),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  // If this process dies without calling stop(), do not leave the server behind.
  const killOnExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener("exit", killOnExit);
    signalGroup(child, "SIGTERM");
    const stopped = await Promise.race([
      exited(child).then(() => true),
      new Promise<boolean>((done) => setTimeout(() => done(false), STOP_TIMEOUT_MS).unref()),
    ]);
    // Whatever is left of the group (a worker that outlived next itself) goes too.
    signalGroup(child, "SIGKILL");
    if (!stopped) await exited(child);
  };
  try {
    await waitUntilReady(`${url}/`, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  // Spawned and answering, so it has one.
  if (child.pid === undefined) throw new Error("the server has no process id");
  return { url, pid: child.pid, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer({ build: process.argv.includes("--build") });
  console.log(`serving ${server.url} (Ctrl-C stops)`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.stop().then(() => process.exit(0)));
  }
}
