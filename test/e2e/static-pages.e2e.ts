// The prerendered seed pages as a reader meets them: one file for every view, the URL's view applied in the browser
// after hydration without a flash of the unfiltered view and without a layout shift.
// Run with `npm run test:e2e` (it builds, serves and sets E2E_BASE_URL).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Dataset } from "../../lib/schema.ts";
import { baseUrlFromEnv, DashboardPage, launchChromium, recordProblems, type PageProblems } from "./browser.ts";

const baseUrl = baseUrlFromEnv();
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;
let sharedLink: string;

/** Sums every layout shift from the first paint on, as CLS does (none is excluded here for recent input). */
function watchLayoutShifts(): void {
  const state = window as unknown as { __shifts: number };
  state.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.__shifts += (entry as unknown as { value: number }).value;
  }).observe({ type: "layout-shift", buffered: true });
}

beforeAll(async () => {
  browser = await launchChromium();
  const { claims } = (await (await fetch(new URL("/data/claims.json", baseUrl))).json()) as Dataset;
  const tariff = claims.find((c) => c.metric === "tariff_rate")!;
  sharedLink = `/?metric=tariff_rate&sort=value.desc&claim=${encodeURIComponent(tariff.id)}`;
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  await context.addInitScript(watchLayoutShifts);
  page = await context.newPage();
  problems = recordProblems(page);
});

afterEach(async () => {
  await context.close();
});

const shifts = () => page.evaluate(() => (window as unknown as { __shifts: number }).__shifts);
const pending = () => page.evaluate(() => document.documentElement.hasAttribute("data-view-pending"));
const columnsVisibility = () => page.locator(".columns").evaluate((el) => getComputedStyle(el).visibility);

describe("a prerendered page and the view in its URL", () => {
  test.each([
    ["/", 7],
    ["shared link", 3],
  ])("%s: the view applied after hydration, with no layout shift", async (which, rows) => {
    const dashboard = new DashboardPage(page, baseUrl);
    await dashboard.goto(which === "/" ? "/" : sharedLink);
    await expect.poll(pending).toBe(false);
    expect((await dashboard.rowCounts()).shown).toBe(rows);
    if (which !== "/") {
      await expect.poll(() => page.getByTestId("selected-sentence").count()).toBe(1);
      expect(dashboard.query.get("metric")).toBe("tariff_rate");
    }
    expect(await columnsVisibility()).toBe("visible");
    // Let anything late (fonts, the selection's scroll) land before reading the shifts.
    await page.waitForTimeout(500);
    expect(await shifts()).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
  });

  test("before its scripts run, a shared link shows no table or source at all, and a plain link shows them", async () => {
    // Scripts held back: what the reader sees between the first paint and hydration.
    await page.route(/\/_next\/static\/chunks\//, (route) => route.abort());
    await page.goto(new URL(sharedLink, baseUrl).href, { waitUntil: "domcontentloaded" });
    expect(await pending()).toBe(true);
    expect(await columnsVisibility()).toBe("hidden");
    // Should the scripts never come, the page shows itself after a few seconds rather than stay blank.
    await expect.poll(columnsVisibility, { timeout: 8_000 }).toBe("visible");
    await page.goto(new URL("/", baseUrl).href, { waitUntil: "domcontentloaded" });
    expect(await pending()).toBe(false);
    expect(await columnsVisibility()).toBe("visible");
  });
});
