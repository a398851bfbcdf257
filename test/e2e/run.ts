// `npm run test:e2e`: build the app, serve it, run the browser tests against it, stop it.
// The last line is `e2e: N passed, M failed`; the exit code is vitest's.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, startServer } from "./server.ts";

const REPORT = join(REPO_ROOT, "test", ".artifacts", "e2e.json");

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
}

async function runVitest(baseUrl: string, serverPid: number): Promise<number> {
  const vitest = join(REPO_ROOT, "node_modules", ".bin", "vitest");
  const child = spawn(vitest, ["run", "--config", "test/e2e/vitest.config.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_SERVER_PID: String(serverPid) },
    stdio: "inherit",
  });
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

mkdirSync(join(REPO_ROOT, "test", ".artifacts"), { recursive: true });
rmSync(REPORT, { force: true });
const server = await startServer({ build: true });
let code: number;
try {
  console.log(`e2e: serving ${server.url}`);
  code = await runVitest(server.url, server.pid);
} finally {
  await server.stop();
}
// A run that died before reporting counts as one failure, so the summary never reads as clean.
const report: VitestJsonReport = existsSync(REPORT)
  ? (JSON.parse(readFileSync(REPORT, "utf8")) as VitestJsonReport)
  : { numPassedTests: 0, numFailedTests: 1 };
if (code === 0 && report.numFailedTests > 0) code = 1;
console.log(`e2e: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
process.exit(code);
