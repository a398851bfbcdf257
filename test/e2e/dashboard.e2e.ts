// The dashboard in a real browser against the production build: the scenario, URL state, selection,
// downloads, layout shift and screenshots. Run with `npm run test:e2e` (it builds, serves and sets E2E_BASE_URL).
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { CSV_COLUMNS } from "../../lib/export/csv.ts";
import { summarise } from "../../lib/display/format.ts";
import { METRICS } from "../../lib/enums.ts";
import { DatasetSchema, type Claim, type Dataset } from "../../lib/schema.ts";
import { loadSeeds } from "../../lib/server/seeds.ts";
import { baseUrlFromEnv, DashboardPage, launchChromium, recordProblems, type PageProblems } from "./browser.ts";
import { usdEquivalents } from "../../lib/export/usd.ts";
import { asCsvRecord, parseClaimsCsv } from "./csv-records.ts";
import { REPO_ROOT } from "./server.ts";

const baseUrl = baseUrlFromEnv();
const SCREENS_DIR = join(REPO_ROOT, "test", ".artifacts", "screens");
const MAX_CLS = 0.1;
/** How long an assertion may wait for the page to catch up (a re-render, a smooth scroll). */
const SETTLE = { timeout: 5_000 };

let browser: Browser;
let context: BrowserContext;
let dashboard: DashboardPage;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // A missing element fails the test with playwright's message well before vitest's own timeout.
  context.setDefaultTimeout(10_000);
  await context.addInitScript(observeLayoutShifts);
  const page = await context.newPage();
  problems = recordProblems(page);
  dashboard = new DashboardPage(page, baseUrl);
});

afterEach(async () => {
  await context.close();
});

// ---- the data the page is checked against: the app's own JSON route, parsed with the app's schema ----

let datasetPromise: Promise<Dataset> | undefined;

function dataset(): Promise<Dataset> {
  datasetPromise ??= fetch(new URL("/data/claims.json", baseUrl)).then(async (response) => {
    if (response.status !== 200) throw new Error(`GET /data/claims.json answered ${response.status}`);
    return DatasetSchema.parse(await response.json());
  });
  return datasetPromise;
}

async function claimById(id: string): Promise<Claim> {
  const claim = (await dataset()).claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim ${id} in /data/claims.json`);
  return claim;
}

async function findClaim(predicate: (claim: Claim) => boolean, what: string): Promise<Claim> {
  const claim = (await dataset()).claims.find(predicate);
  if (!claim) throw new Error(`no claim for ${what} in /data/claims.json`);
  return claim;
}

// ---- layout shift: an observer installed before any page script runs ----

interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

function observeLayoutShifts(): void {
  const state = window as unknown as { __cls: number };
  state.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShiftEntry[]) if (!entry.hadRecentInput) state.__cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
}

/** The cumulative layout shift so far, once pending observer callbacks have had two frames to arrive. */
function cumulativeLayoutShift(): Promise<number> {
  return dashboard.page.evaluate(async () => {
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    return (window as unknown as { __cls: number }).__cls;
  });
}

async function expectCsvMatchesJson(text: string, expectedIds: readonly string[]): Promise<void> {
  expect(text.split("\n")[0], "RFC 4180 ends records with CRLF").toMatch(/\r$/);
  const { fields, records } = parseClaimsCsv(text);
  expect(fields).toEqual([...CSV_COLUMNS]);
  expect(records.map((r) => r.id)).toEqual(expectedIds);
  const inFile = await Promise.all(records.map((r) => claimById(String(r.id))));
  // The file's US$ columns come from the rates of the claims in it (all of them, unfiltered).
  const usd = usdEquivalents(inFile);
  inFile.forEach((claim, i) => expect(records[i]).toEqual(asCsvRecord(claim, fields, usd.get(claim.id))));
}

// ---- the tests ----

describe("the dashboard at /", () => {
  test("shows the bundled article without console errors, failed requests or layout shift", async () => {
    await dashboard.goto("/");
    await dashboard.page.waitForLoadState("networkidle");
    const data = await dataset();
    const article = loadSeeds().find((a) => a.id === data.articleId);
    expect(article, `seed article ${data.articleId}`).toBeDefined();
    await expect.poll(() => dashboard.heading.textContent()).toBe(article?.title);
    expect(await dashboard.summary.textContent()).toBe(summarise(data.claims));
    // The article is shown as text: nothing in it becomes a script.
    expect(await dashboard.source.locator("script").count()).toBe(0);
    expect(await cumulativeLayoutShift()).toBeLessThan(MAX_CLS);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
  });

  test("the charts keep their columns however many of them the parser has reached", async () => {
    // A slow device paints the streamed page in pieces. If the grid's column count followed the number of charts,
    // the first paint would show two wide charts that then reflow into three: a layout shift of about 0.12.
    await dashboard.goto("/");
    const widths = () =>
      dashboard.page.locator(".charts > figure").evaluateAll((figures) => figures.map((f) => f.clientWidth));
    const before = await widths();
    expect(before.length).toBeGreaterThan(1);
    await dashboard.page
      .locator(".charts > figure")
      .last()
      .evaluate((figure) => figure.remove());
    expect(await widths()).toEqual(before.slice(0, -1));
  });

  test("each chart has focusable marks and downloads as SVG and PNG", async () => {
    await dashboard.goto("/");
    for (const name of ["money", "tariffs", "positions"] as const) {
      expect(await dashboard.chartMarks(name).count(), `marks in chart-${name}`).toBeGreaterThan(0);
      expect(
        await dashboard
          .chartMarks(name)
          .first()
          .evaluate((mark) => (mark as HTMLElement | SVGElement).tabIndex),
      ).toBe(0);
    }
    const [svg] = await Promise.all([
      dashboard.page.waitForEvent("download"),
      dashboard.chartDownload("money", "SVG").click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    expect(readFileSync(await svg.path(), "utf8")).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    const [png] = await Promise.all([
      dashboard.page.waitForEvent("download"),
      dashboard.chartDownload("money", "PNG").click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(readFileSync(await png.path()).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
  });
});

describe("the claims table", () => {
  test("sorts by value, descending, and keeps the sort in the URL", async () => {
    await dashboard.goto("/");
    // Whether the first click sorts ascending or descending is the UI's choice: click until it says descending.
    for (let click = 0; click < 3 && (await dashboard.ariaSort("Value")) !== "descending"; click++) {
      const before = await dashboard.ariaSort("Value");
      await dashboard.sortBy("Value");
      await expect.poll(() => dashboard.ariaSort("Value"), SETTLE).not.toBe(before);
    }
    expect(await dashboard.ariaSort("Value")).toBe("descending");
    await expect.poll(() => dashboard.query.get("sort"), SETTLE).toBe("value.desc");
    const ids = await dashboard.rowIds();
    const rows = await Promise.all(ids.map((id) => claimById(id)));
    expect(rows.length).toBeGreaterThan(1);
    // Within a kind and unit, largest first; kinds are not interleaved (100 %, then money, then 25 % would be).
    const percents = rows.filter((c) => c.kind === "percent").map((c) => c.value);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    const kinds = rows.map((c) => c.kind).filter((k, i, a) => k !== a[i - 1]);
    expect(kinds).toEqual([...new Set(kinds)]);

    await dashboard.reload();
    expect(await dashboard.ariaSort("Value")).toBe("descending");
    expect(await dashboard.rowIds()).toEqual(ids);

    await dashboard.sortBy("Metric", { secondary: true });
    await expect.poll(() => dashboard.query.get("sort"), SETTLE).toMatch(/^value\.desc,metric\.(asc|desc)$/);
    expect(await dashboard.ariaSort("Value")).toBe("descending");
  });

  test("filters to tariff rates", async () => {
    await dashboard.goto("/");
    // M in "Showing N of M" is the UI's to define (here: the trade figures): it must not change.
    const all = await dashboard.rowCounts();
    expect(await dashboard.rows.count()).toBeGreaterThan(3);

    await dashboard.metricFilter("Tariff rate").check();
    await expect.poll(() => dashboard.query.get("metric"), SETTLE).toBe("tariff_rate");
    expect(await dashboard.rowCount.textContent()).toMatch(new RegExp(`^Showing 3 of ${all.total} trade figures`));
    const ids = await dashboard.rowIds();
    expect(ids).toHaveLength(3);
    for (const id of ids) expect((await claimById(id)).metric).toBe("tariff_rate");

    await dashboard.reload();
    expect(await dashboard.metricFilter("Tariff rate").isChecked()).toBe(true);
    expect(await dashboard.rowIds()).toEqual(ids);
  });

  test('finds the $760 billion by searching "760"', async () => {
    await dashboard.goto("/");
    await dashboard.search.fill("760");
    await expect.poll(() => dashboard.query.get("q"), SETTLE).toBe("760");
    await expect.poll(() => dashboard.rows.count(), SETTLE).toBe(1);
    const [id] = await dashboard.rowIds();
    const claim = await claimById(id ?? "");
    expect(claim.value).toBe(760_000_000_000);
    expect(claim.quote).toContain("760");

    await dashboard.reload();
    expect(await dashboard.search.inputValue()).toBe("760");
    expect(await dashboard.rowIds()).toEqual([id]);
  });

  test("downloads the shown rows as CSV that reads back as the JSON records", async () => {
    await dashboard.goto("/");
    const shown = await dashboard.rowIds();
    const download = await dashboard.downloadShownRows();
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await expectCsvMatchesJson(readFileSync(await download.path(), "utf8"), shown);
  });
});

describe("selection", () => {
  test("a mark in chart-money selects its claim and shows its sentence in the source", async () => {
    await dashboard.goto("/");
    const mark = dashboard.chartMarks("money").first();
    const id = (await mark.getAttribute("data-claim-id")) ?? "";
    const claim = await claimById(id);
    expect(claim.kind).toBe("money");

    await mark.scrollIntoViewIfNeeded();
    const scrolled = await dashboard.scrollY();
    await mark.click();
    await expect.poll(() => dashboard.query.get("claim"), SETTLE).toBe(id);
    expect(await dashboard.sourceMark(id).getAttribute("data-selected")).toBe("true");
    expect(await dashboard.selectedSourceMarks.count()).toBe(1);
    expect(await dashboard.selectedSentence.textContent()).toContain(claim.quote);
    // The sentence is pinned where the reader is: the page does not jump, and focus stays on the mark.
    expect(await dashboard.pinnedSentence.textContent()).toContain(claim.quote);
    expect(await dashboard.isInViewport(dashboard.pinnedSentence)).toBe(true);
    await dashboard.page.waitForTimeout(600);
    expect(await dashboard.scrollY()).toBe(scrolled);
    expect(await mark.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape returns: no selection, nothing pinned, the page where it was.
    await dashboard.page.keyboard.press("Escape");
    await expect.poll(() => dashboard.query.get("claim"), SETTLE).toBeNull();
    expect(await dashboard.pinned.count()).toBe(0);
    expect(await dashboard.scrollY()).toBe(scrolled);
  });

  test("a figure stated in two currencies is one mark, which selects either half", async () => {
    await dashboard.goto("/");
    const surplus = await findClaim(
      (c) => c.kind === "money" && c.unit === "CAD" && c.value === 102_300_000_000,
      "$102.3 billion",
    );
    const usd = await findClaim((c) => c.kind === "money" && c.unit === "USD", "US$74.25 billion");
    const marks = dashboard.chartMarks("money");
    expect(await marks.count()).toBeGreaterThan(1);
    expect(await dashboard.chart("money").locator(`[data-claim-id="${usd.id}"]`).count()).toBe(0);
    const mark = dashboard.chart("money").locator(`[data-claim-id="${surplus.id}"]`);
    expect(await mark.getAttribute("aria-label")).toContain("US$74.25B");
    await dashboard.goto(`/?claim=${encodeURIComponent(usd.id)}&all=1`);
    await expect.poll(() => mark.getAttribute("aria-pressed"), SETTLE).toBe("true");
  });

  test("Enter on a focused chart mark selects its claim", async () => {
    await dashboard.goto("/");
    const mark = dashboard.chartMarks("tariffs").first();
    const markId = (await mark.getAttribute("data-claim-id")) ?? "";
    await mark.focus();
    await dashboard.page.keyboard.press("Enter");
    await expect.poll(() => dashboard.query.get("claim"), SETTLE).toBe(markId);
    expect(await dashboard.sourceMark(markId).getAttribute("data-selected")).toBe("true");
  });

  test("a table row selects its claim", async () => {
    await dashboard.goto("/");
    const row = dashboard.rows.last();
    const rowId = (await row.getAttribute("data-claim-id")) ?? "";
    await row.click();
    await expect.poll(() => dashboard.query.get("claim"), SETTLE).toBe(rowId);
    expect(await dashboard.sourceMark(rowId).getAttribute("data-selected")).toBe("true");
    expect(await dashboard.selectedSourceMarks.count()).toBe(1);
  });

  test("/#claim-<id> and /?claim=<id> open with the $3.7 billion selected", async () => {
    const claim = await findClaim((c) => c.kind === "money" && c.value === 3_700_000_000, "$3.7 billion");
    for (const path of [`/#claim-${encodeURIComponent(claim.id)}`, `/?claim=${encodeURIComponent(claim.id)}`]) {
      await dashboard.goto(path);
      await expect.poll(() => dashboard.sourceMark(claim.id).getAttribute("data-selected"), SETTLE).toBe("true");
      expect(await dashboard.selectedSentence.textContent()).toContain(claim.quote);
      await expect.poll(() => dashboard.isInViewport(dashboard.pinnedSentence), SETTLE).toBe(true);
    }
  });
});

describe("data routes", () => {
  test("GET /data/claims.csv reads back as the records of /data/claims.json", async () => {
    const response = await fetch(new URL("/data/claims.csv", baseUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    await expectCsvMatchesJson(
      await response.text(),
      (await dataset()).claims.map((c) => c.id),
    );
  });

  test("GET /data/datapackage.json is JSON", async () => {
    const response = await fetch(new URL("/data/datapackage.json", baseUrl));
    expect(response.status).toBe(200);
    expect(await response.json()).toBeTypeOf("object");
  });
});

describe("screenshots", () => {
  for (const width of [1280, 360]) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`dashboard-${width}-${colorScheme}.png`, async () => {
        mkdirSync(SCREENS_DIR, { recursive: true });
        await dashboard.page.setViewportSize({ width, height: 800 });
        await dashboard.page.emulateMedia({ colorScheme });
        await dashboard.goto("/");
        await dashboard.page.waitForLoadState("networkidle");
        await dashboard.page.screenshot({
          path: join(SCREENS_DIR, `dashboard-${width}-${colorScheme}.png`),
          fullPage: true,
        });
        // Wide content scrolls inside its own box; the page itself never scrolls sideways.
        expect(await dashboard.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }
});

describe("a page a newsroom would publish", () => {
  test("leads with the trade figures: cards, then a table that opens on them; every number a click away, kept in the URL", async () => {
    await dashboard.goto("/");
    const cards = dashboard.keyFigures;
    // Seven trade figures, the surplus stated in two currencies counted once.
    expect(await cards.count()).toBe(6);
    const first = (await cards.first().textContent()) ?? "";
    expect(first).toContain("Trade balance");
    expect(first).toMatch(/CAD\s102\.3B/);
    expect(first).toContain("US$74.25B as stated");
    const volume = (await cards.nth(1).textContent()) ?? "";
    expect(volume).toMatch(/≈ US\$551\.61B, derived/);

    const rows = await Promise.all((await dashboard.rowIds()).map((id) => claimById(id)));
    expect(rows).toHaveLength(7);
    expect(rows.every((c) => c.metric !== "other" && c.kind !== "date")).toBe(true);
    expect(rows.map((c) => c.metric)).toEqual(
      [...rows.map((c) => c.metric)].sort((a, b) => METRICS.indexOf(a) - METRICS.indexOf(b)),
    );

    await dashboard.scopeButton("all").click();
    await expect.poll(() => dashboard.query.get("all"), SETTLE).toBe("1");
    await expect.poll(() => dashboard.rows.count(), SETTLE).toBeGreaterThan(7);
    const everything = await dashboard.rows.count();
    await dashboard.reload();
    expect(await dashboard.scopeButton("all").getAttribute("aria-pressed")).toBe("true");
    expect(await dashboard.rows.count()).toBe(everything);
    await dashboard.scopeButton("trade").click();
    await expect.poll(() => dashboard.query.get("all"), SETTLE).toBeNull();
    await expect.poll(() => dashboard.rows.count(), SETTLE).toBe(7);
  });

  test("a card's link selects its figure and pins its sentence, without moving the page", async () => {
    await dashboard.goto("/");
    const card = dashboard.keyFigures.nth(2);
    const id = (await card.getAttribute("data-claim-id")) ?? "";
    const scrolled = await dashboard.scrollY();
    await card.getByRole("link").click();
    await expect.poll(() => dashboard.query.get("claim"), SETTLE).toBe(id);
    expect(await dashboard.pinnedSentence.textContent()).toContain((await claimById(id)).quote);
    expect(await dashboard.scrollY()).toBe(scrolled);
  });

  test("the value range takes 1bn and 25%", async () => {
    await dashboard.goto("/?all=1");
    await dashboard.page.getByLabel("Minimum value").fill("1bn");
    await expect.poll(() => dashboard.query.get("min"), SETTLE).toBe("1000000000");
    const rows = await Promise.all((await dashboard.rowIds()).map((id) => claimById(id)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((c) => (c.valueMax ?? c.value) >= 1e9)).toBe(true);
    await dashboard.page.getByLabel("Minimum value").fill("");
    await dashboard.page.getByLabel("Maximum value").fill("25%");
    await expect.poll(() => dashboard.query.get("max"), SETTLE).toBe("25");
    await dashboard.page.getByLabel("Maximum value").fill("lots");
    expect(await dashboard.page.getByLabel("Maximum value").getAttribute("aria-invalid")).toBe("true");
    expect(dashboard.query.get("max")).toBe("25");
  });

  test("keyboard: a skip link first, the search box before any chart mark, one Tab stop per chart", async () => {
    await dashboard.goto("/");
    await dashboard.page.keyboard.press("Tab");
    const skip = dashboard.page.getByRole("link", { name: "Skip to the figures table" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await dashboard.page.keyboard.press("Enter");
    // From the skip link's target, a few Tabs reach the search box (past the two scope buttons), and no chart mark.
    const visited: string[] = [];
    for (let i = 0; i < 5 && visited.at(-1) !== "Search figures"; i++) {
      await dashboard.page.keyboard.press("Tab");
      visited.push(
        await dashboard.page.evaluate(() => {
          const el = document.activeElement;
          return el?.classList.contains("chart-mark")
            ? "chart mark"
            : (el?.getAttribute("aria-label") ?? el?.textContent ?? "");
        }),
      );
    }
    expect(visited.at(-1)).toBe("Search figures");
    expect(visited).not.toContain("chart mark");
    for (const name of ["money", "tariffs", "positions"] as const) {
      const stops = await dashboard.chart(name).locator('.chart-mark[tabindex="0"]').count();
      expect(stops).toBe(1);
    }
    const names = await dashboard
      .chart("tariffs")
      .locator(".chart-mark")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(new Set(names).size).toBe(names.length);
    expect(await dashboard.page.title()).toContain("Carney tells Trump");
  });

  test.each(["light", "dark"] as const)("highlights in the source keep 4.5:1 text contrast (%s)", async (scheme) => {
    await dashboard.page.emulateMedia({ colorScheme: scheme });
    await dashboard.goto("/");
    const ratios = await dashboard.page.locator("mark.claim").evaluateAll((marks) => {
      const parse = (c: string): number[] => {
        const m = /\(([^)]+)\)/.exec(c)!;
        const parts = m[1]!
          .replace("srgb", "")
          .replace("/", " ")
          .trim()
          .split(/[\s,]+/)
          .map(Number);
        const scale = c.startsWith("color(") ? 1 : 1 / 255;
        return [parts[0]! * scale, parts[1]! * scale, parts[2]! * scale, parts[3] ?? 1];
      };
      const lum = ([r, g, b]: number[]) =>
        [r!, g!, b!]
          .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const page = parse(getComputedStyle(document.body).backgroundColor);
      return marks.map((mark) => {
        const [r, g, b, a] = parse(getComputedStyle(mark).backgroundColor);
        const bg = [r! * a! + page[0]! * (1 - a!), g! * a! + page[1]! * (1 - a!), b! * a! + page[2]! * (1 - a!)];
        const fg = parse(getComputedStyle(mark).color);
        const [l1, l2] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        return (l1! + 0.05) / (l2! + 0.05);
      });
    });
    expect(ratios.length).toBeGreaterThan(5);
    for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
  });

  test("prints the header, the key figures, the charts and the table, and no controls", async () => {
    await dashboard.goto("/");
    await dashboard.page.emulateMedia({ media: "print" });
    const visible = (selector: string) => dashboard.page.locator(selector).first().isVisible();
    for (const shown of ["h1", "[data-testid=key-figures]", "[data-testid=chart-money]", "[data-testid=claims-table]"])
      expect(await visible(shown), shown).toBe(true);
    const controls = await dashboard.page
      .locator("button, input, .toolbar, .downloads")
      .evaluateAll(
        (els) =>
          els.filter((el) => el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== "hidden")
            .length,
      );
    expect(controls).toBe(0);
    await dashboard.page.emulateMedia({ media: "screen" });
  });

  test("on a 390 px phone: cards, charts, then the table as stacked rows, a jump bar, and half the old height", async () => {
    await dashboard.page.setViewportSize({ width: 390, height: 844 });
    await dashboard.goto("/");
    expect(await dashboard.page.getByRole("navigation", { name: "Jump to" }).isVisible()).toBe(true);
    const row = dashboard.rows.first().locator("td").first();
    expect(await row.evaluate((td) => getComputedStyle(td).display)).toBe("block");
    const height = await dashboard.page.evaluate(() => document.documentElement.scrollHeight);
    // 10,105 px before this layout.
    expect(height).toBeLessThanOrEqual(5052);
    const order = await dashboard.page.evaluate(() =>
      ["[data-testid=key-figures]", "[data-testid=chart-money]", "[data-testid=claims-table]"].map(
        (s) => document.querySelector(s)!.getBoundingClientRect().top,
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const hasHorizontalScroll = await dashboard.page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(hasHorizontalScroll).toBe(false);
  });

  test.each(["money", "tariffs", "positions"] as const)(
    "chart-%s: its own CSV has exactly its marks; its PNG is at 2x with the title and source line in the SVG",
    async (name) => {
      await dashboard.goto("/");
      const marks = await dashboard
        .chartMarks(name)
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-claim-id")));
      const [csv] = await Promise.all([
        dashboard.page.waitForEvent("download"),
        dashboard.page.getByTestId(`chart-${name}-csv`).click(),
      ]);
      expect(csv.suggestedFilename()).toBe(`carney-tells-trump-chart-${name}.csv`);
      const parsed = Papa.parse<Record<string, string>>(readFileSync(await csv.path(), "utf8"), {
        header: true,
        skipEmptyLines: true,
      });
      expect(parsed.errors).toEqual([]);
      if (name === "positions" && marks.length === 0) return;
      expect(parsed.data.map((row) => row.id)).toEqual(marks);

      const [svg] = await Promise.all([
        dashboard.page.waitForEvent("download"),
        dashboard.chartDownload(name, "SVG").click(),
      ]);
      const text = readFileSync(await svg.path(), "utf8");
      expect(text).toContain("Source: AP / Reuters");
      const width = Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(text)?.[1] ?? /viewBox="0 0 ([\d.]+)/.exec(text)?.[1]);
      const [png] = await Promise.all([
        dashboard.page.waitForEvent("download"),
        dashboard.chartDownload(name, "PNG").click(),
      ]);
      const bytes = readFileSync(await png.path());
      expect(bytes.readUInt32BE(16)).toBe(Math.round(width * 2));
    },
  );

  test("at 1,280 px the whole table fits its column: no horizontal scrolling", async () => {
    await dashboard.page.setViewportSize({ width: 1280, height: 900 });
    await dashboard.goto("/?all=1");
    const scroll = dashboard.page.locator(".table-wrap .scroll");
    expect(await scroll.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });
});
