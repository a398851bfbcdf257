// Chromium through playwright-core, and the dashboard's page object. Everything is found by role or test id,
// as a reader (or a screen reader) would find it.
import { DASHBOARD_READY_ATTRIBUTE } from "../../lib/explore/view-state.ts";
import { chromium, type Browser, type Download, type Locator, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** playwright gives every launch a fresh temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export function baseUrlFromEnv(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`");
  return url;
}

/** The the production server (app/_server/serve.mjs) process that run.ts started, leader of its own process group. */
export function serverPidFromEnv(): number {
  const pid = Number(process.env.E2E_SERVER_PID);
  if (!Number.isInteger(pid) || pid <= 0)
    throw new Error("E2E_SERVER_PID is not set: run the e2e tests with `npm run test:e2e`");
  return pid;
}

export type ChartName = "money" | "tariffs" | "positions";
export type SortColumnLabel = "Quote" | "Value" | "Unit" | "Change" | "Metric" | "Subject" | "Period" | "Sentence";
export type MetricLabel = "Trade balance" | "Trade volume" | "Exports" | "Imports" | "Tariff rate" | "Other";
export type AriaSort = "ascending" | "descending" | "none" | "other";

/** What went wrong on a page while it was open: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

export function recordProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("requestfailed", (request) => {
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "failed"}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return problems;
}

export class DashboardPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** `path` may carry a query string or a hash: "/?claim=…", "/#claim-…". */
  /** Waits until the dashboard answers input: the page paints first and loads its scripts after that. */
  async goto(path = "/"): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
    await this.ready();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  async ready(): Promise<void> {
    await this.table.waitFor();
    await this.page.locator(`html[${DASHBOARD_READY_ATTRIBUTE}]`).waitFor({ state: "attached" });
  }

  get query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get summary(): Locator {
    return this.page.getByTestId("summary");
  }

  chart(name: ChartName): Locator {
    return this.page.getByTestId(`chart-${name}`);
  }

  /** The chart's marks: one focusable button per claim. */
  chartMarks(name: ChartName): Locator {
    return this.chart(name).locator("[data-claim-id][role=button]");
  }

  chartMark(name: ChartName, claimId: string): Locator {
    return this.chart(name).locator(`[data-claim-id="${claimId}"][role=button]`);
  }

  chartDownload(name: ChartName, format: "SVG" | "PNG"): Locator {
    return this.chart(name).getByRole("button", { name: `Download ${format}`, exact: true });
  }

  get table(): Locator {
    return this.page.getByTestId("claims-table");
  }

  /** Named by the column; under a multi-sort the name may end in the sort's position ("Value 1"). */
  private sortButtonName(column: SortColumnLabel): RegExp {
    return new RegExp(`^${column}(\\s*\\d+)?$`);
  }

  sortButton(column: SortColumnLabel): Locator {
    return this.table.getByRole("columnheader").getByRole("button", { name: this.sortButtonName(column) });
  }

  columnHeader(column: SortColumnLabel): Locator {
    return this.table
      .getByRole("columnheader")
      .filter({ has: this.page.getByRole("button", { name: this.sortButtonName(column) }) });
  }

  async ariaSort(column: SortColumnLabel): Promise<AriaSort> {
    return ((await this.columnHeader(column).getAttribute("aria-sort")) ?? "none") as AriaSort;
  }

  /** A click sorts by the column; with `secondary`, shift+click adds it after the current sort. */
  async sortBy(column: SortColumnLabel, { secondary = false } = {}): Promise<void> {
    await this.sortButton(column).click({ modifiers: secondary ? ["Shift"] : [] });
  }

  get rows(): Locator {
    return this.table.locator("tbody tr[data-claim-id]");
  }

  row(claimId: string): Locator {
    return this.table.locator(`tbody tr[data-claim-id="${claimId}"]`);
  }

  /** The claim ids of the table's body rows, top to bottom. */
  rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-claim-id") ?? ""));
  }

  get search(): Locator {
    return this.page.getByRole("searchbox", { name: "Search figures" });
  }

  metricFilter(label: MetricLabel): Locator {
    return this.page.getByTestId("metric-filter").getByRole("checkbox", { name: label, exact: true });
  }

  kindFilter(kind: string): Locator {
    return this.page.getByTestId("kind-filter").getByRole("checkbox", { name: kind, exact: true });
  }

  get minimumValue(): Locator {
    return this.page.getByLabel("Minimum value", { exact: true });
  }

  get maximumValue(): Locator {
    return this.page.getByLabel("Maximum value", { exact: true });
  }

  get rowCount(): Locator {
    return this.page.getByTestId("row-count");
  }

  /** "Showing N of M" as numbers. */
  async rowCounts(): Promise<{ shown: number; total: number }> {
    const text = (await this.rowCount.textContent()) ?? "";
    const match = /Showing\s+([\d,]+)\s+of\s+([\d,]+)/.exec(text);
    if (!match?.[1] || !match[2]) throw new Error(`row count reads "${text}", not "Showing N of M"`);
    return { shown: Number(match[1].replaceAll(",", "")), total: Number(match[2].replaceAll(",", "")) };
  }

  get downloadShownRowsButton(): Locator {
    return this.page.getByRole("button", { name: "Download shown rows (CSV)", exact: true });
  }

  /** Clicks the button and returns what the browser saved. */
  async downloadShownRows(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.downloadShownRowsButton.click()]);
    return download;
  }

  get source(): Locator {
    return this.page.getByTestId("source");
  }

  sourceMark(claimId: string): Locator {
    return this.source.locator(`mark[data-claim-id="${claimId}"]`);
  }

  get selectedSourceMarks(): Locator {
    return this.source.locator('mark[data-selected="true"]');
  }

  get selectedSentence(): Locator {
    return this.page.getByTestId("selected-sentence");
  }

  /** The selected figure's card, pinned on screen, with its sentence. */
  get pinned(): Locator {
    return this.page.getByTestId("selected-figure");
  }

  get pinnedSentence(): Locator {
    return this.page.getByTestId("pinned-sentence");
  }

  scrollY(): Promise<number> {
    return this.page.evaluate(() => window.scrollY);
  }

  get keyFigures(): Locator {
    return this.page.getByTestId("key-figures").locator("li");
  }

  scopeButton(which: "trade" | "all"): Locator {
    return this.page.getByTestId(`scope-${which}`);
  }

  /** Whether part of the element can be seen: inside the viewport and not clipped away by a scrolling ancestor. */
  isInViewport(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => {
      let { top, right, bottom, left } = element.getBoundingClientRect();
      for (let box = element.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflow === "visible") continue;
        const clip = box.getBoundingClientRect();
        top = Math.max(top, clip.top);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
        left = Math.max(left, clip.left);
      }
      top = Math.max(top, 0);
      left = Math.max(left, 0);
      bottom = Math.min(bottom, window.innerHeight);
      right = Math.min(right, window.innerWidth);
      return bottom > top && right > left;
    });
  }
}
