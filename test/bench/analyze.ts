// /analyze benchmark: a reader's article of 1 MB and of 10 MB dropped on the page, in Chromium against the
// production build. Prints the time from "Analyse" to the result on screen, how the page's own thread fared meanwhile
// (its longest task, and how many passed 200 ms: the worker should leave it free), and the time from clicking a table
// row to the highlighted sentence painted. Run with `npm run bench:analyze` (`-- --build` to rebuild first). Figures, not
// pass/fail: it exits 0 unless something throws.
import { AnalyzePage } from "../e2e/analyze-page.ts";
import { launchChromium } from "../e2e/browser.ts";
import { startServer } from "../e2e/server.ts";
import { selectedInSource, timeClick } from "./page-timing.ts";
import { loadSeeds } from "../../lib/server/seeds.ts";

const SIZES_MB = [1, 10];
const LONG_TASK_MS = 200;
const seed = loadSeeds()[0]!;

interface PageThread {
  longest: number;
  over: number;
  tasks: number;
}

function articleOf(megabytes: number): Buffer {
  const copy = `${seed.text}\n\n`;
  return Buffer.from(copy.repeat(Math.ceil((megabytes * 1024 * 1024) / copy.length)));
}

const server = await startServer({ build: process.argv.includes("--build") });
const browser = await launchChromium();
try {
  console.log(`bench:analyze: Chromium ${browser.version()}, ${server.url}; the seed article repeated to size`);
  for (const megabytes of SIZES_MB) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const state = window as unknown as { __tasks: number[] };
      state.__tasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.__tasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    const analyze = new AnalyzePage(page, server.url);
    await analyze.goto();
    const bytes = articleOf(megabytes);
    await analyze.fileInput.setInputFiles(
      { name: `article-${megabytes}mb.txt`, mimeType: "text/plain", buffer: bytes },
      { timeout: 120_000 },
    );
    await analyze.fill({ publishedAt: seed.publishedAt, locale: seed.locale });
    await page.evaluate(() => {
      (window as unknown as { __tasks: number[] }).__tasks = [];
    });
    const started = Date.now();
    await analyze.analyseButton.click();
    await analyze.waitForResult(300_000);
    const toResult = Date.now() - started;
    // Let the page settle (idle-time sort keys, the first paint of the table and source).
    await page.waitForTimeout(2_000);
    const thread = await page.evaluate((limit): PageThread => {
      const tasks = (window as unknown as { __tasks: number[] }).__tasks;
      return {
        longest: Math.round(Math.max(0, ...tasks)),
        over: tasks.filter((t) => t > limit).length,
        tasks: tasks.length,
      };
    }, LONG_TASK_MS);
    const { total } = await analyze.dashboard.rowCounts();

    const clicks: number[] = [];
    for (const row of [3, 7, 12]) {
      const target = analyze.dashboard.rows.nth(row);
      const id = (await target.getAttribute("data-claim-id")) ?? "";
      clicks.push(Math.round((await timeClick(target, selectedInSource(id), 10_000)).frame));
    }
    clicks.sort((a, b) => a - b);
    console.log(
      `${String(megabytes).padStart(2)} MB (${total.toLocaleString("en")} records): result in ${(toResult / 1000).toFixed(1)} s; ` +
        `page thread: longest task ${thread.longest} ms, ${thread.over} of ${thread.tasks} long tasks over ${LONG_TASK_MS} ms; ` +
        `row click → highlighted sentence painted: median ${clicks[1]} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
