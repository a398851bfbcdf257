// /analyze in a real browser against the production build: a reader's own article, extracted in a Web Worker,
// shown in the dashboard, kept in IndexedDB, and every kind of bad input the issue names.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Download, Request } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { CSV_COLUMNS } from "../../lib/export/csv.ts";
import { summarise } from "../../lib/display/format.ts";
import { LibraryFileSchema } from "../../lib/store/library-file.ts";
import { DatasetSchema, type Claim, type Dataset } from "../../lib/schema.ts";
import { loadSeeds } from "../../lib/server/seeds.ts";
import { PART_MAX_CHARS } from "../../lib/explore/source-parts.ts";
import { isTradeClaim } from "../../lib/explore/view-state.ts";
import { htmlToText } from "../../lib/input/html.ts";
import { AnalyzePage, type FileInput } from "./analyze-page.ts";
import { baseUrlFromEnv, launchChromium, recordProblems, type PageProblems } from "./browser.ts";
import { usdEquivalents } from "../../lib/export/usd.ts";
import { asCsvRecord, parseClaimsCsv } from "./csv-records.ts";
import { sampleHeap } from "./heap.ts";
import { REPO_ROOT } from "./server.ts";

const baseUrl = baseUrlFromEnv();
const SCREENS_DIR = join(REPO_ROOT, "test", ".artifacts", "screens");
const seed = loadSeeds()[0]!;
const SEED_META = { publishedAt: seed.publishedAt, locale: seed.locale };

let browser: Browser;
let context: BrowserContext;
let analyze: AnalyzePage;
let problems: PageProblems;
let dialogs: string[];
let requests: Request[];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  // A fresh context is a fresh profile: an empty IndexedDB for every test.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  problems = recordProblems(page);
  dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  requests = [];
  page.on("request", (request) => requests.push(request));
  analyze = new AnalyzePage(page, baseUrl);
});

afterEach(async () => {
  await context.close();
});

async function downloadedText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, "utf8");
}

async function downloadedDataset(): Promise<Dataset> {
  return DatasetSchema.parse(JSON.parse(await downloadedText(await analyze.resultDownload("JSON"))));
}

/** What a claim says, without the ids that name its article. */
function content(claim: Claim) {
  const { id: _id, articleId: _articleId, links, ...rest } = claim;
  return { ...rest, links: links.map(({ id: _linked, ...link }) => link) };
}

function bundled(): Promise<Dataset> {
  return fetch(new URL("/data/claims.json", baseUrl)).then(async (r) => DatasetSchema.parse(await r.json()));
}

/** Sentences of pseudo-random lowercase words without a figure, the same on every run (a linear congruential stream). */
function incompressibleProse(chars: number): string {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const words: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = Array.from({ length: 3 + (next() % 8) }, () => String.fromCharCode(97 + ((next() >>> 8) % 26))).join(
      "",
    );
    words.push(words.length % 12 === 11 ? `${word}.` : word);
    length += word.length + 1;
  }
  return words.join(" ");
}

const utf8 = (text: string, name: string, mimeType = "text/plain"): FileInput => ({
  name,
  mimeType,
  buffer: Buffer.from(text, "utf8"),
});

describe("analysing your own article at /analyze", () => {
  test("the seed article pasted gives exactly the bundled article's figures, computed in the browser, and is kept across reloads", async () => {
    await analyze.goto();
    await analyze.startPasted(seed.text, { ...SEED_META, title: "My copy" });
    await analyze.waitForResult();
    const own = await downloadedDataset();
    const reference = await bundled();
    expect(own.claims.map(content)).toEqual(reference.claims.map(content));
    expect(await analyze.dashboard.summary.first().textContent()).toBe(summarise(reference.claims));
    expect(await analyze.result.getByRole("heading", { level: 1 }).textContent()).toBe("My copy");

    // Nothing the reader pasted went over the network: no request carries a body, none goes to the API.
    const sent = requests.filter(
      (r) => r.method() !== "GET" || r.postData() !== null || new URL(r.url()).pathname.startsWith("/api/"),
    );
    expect(sent.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);

    await analyze.page.reload();
    await analyze.waitForResult();
    expect(new URL(analyze.page.url()).searchParams.get("article")).toBe(own.articleId);
    expect(await analyze.entryTitles()).toEqual(["My copy"]);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
  });

  test("its CSV download, read back with papaparse, is exactly its JSON download; a formula in the text stays inert", async () => {
    await analyze.goto();
    const text =
      '=HYPERLINK("http://x") Exports rose 12% to $3.4 billion in 2024.\n\n@SUM(A1) Imports fell 5% to $2 billion.';
    await analyze.startPasted(text, SEED_META);
    await analyze.waitForResult();
    const own = await downloadedDataset();
    expect(own.claims.length).toBeGreaterThanOrEqual(4);
    const csvDownload = await analyze.resultDownload("CSV");
    const csv = await downloadedText(csvDownload);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const { fields, records } = parseClaimsCsv(csv);
    expect(fields).toEqual([...CSV_COLUMNS]);
    const usd = usdEquivalents(own.claims);
    expect(records).toEqual(own.claims.map((c) => asCsvRecord(c, fields, usd.get(c.id))));
    const dataPackage = JSON.parse(await downloadedText(await analyze.resultDownload("Data Package"))) as {
      resources: Array<{ path: string }>;
    };
    // Named after the article, and the package names the file the page downloads.
    expect(csvDownload.suggestedFilename()).toMatch(/^[a-z0-9-]+-claims\.csv$/);
    expect(dataPackage.resources[0]?.path).toBe(csvDownload.suggestedFilename());
  });

  test("a hostile HTML file is reduced to its text: no script runs, no dialog opens, no link or image is made", async () => {
    await analyze.goto();
    const html = `<!doctype html><html><head><title>Steel tariffs</title><script>window.__pwned = "head"; alert(1)</script></head>
<body onload="window.__pwned='onload'"><h1>Steel tariffs</h1>
<p>Canada imposed a 25% tariff on steel in 2025. <img src="x" onerror="window.__pwned='img'; alert(2)"></p>
<p><a href="javascript:window.__pwned='link';alert(3)">Exports fell 8% to $12 billion</a> last year.</p>
<script>window.__pwned = "body"; confirm("run?")</script><iframe src="javascript:alert(4)"></iframe><svg><script>alert(5)</script></svg></body></html>`;
    await analyze.startFile(utf8(html, "steel.html", "text/html"), SEED_META);
    await analyze.waitForResult();
    const source = analyze.dashboard.source.first();
    await expect.poll(() => source.innerText()).toContain("Canada imposed a 25% tariff on steel in 2025.");
    expect(await source.innerText()).toContain("Exports fell 8% to $12 billion last year.");
    expect(await source.innerText()).not.toContain("__pwned");
    expect(await analyze.page.locator("main script, main img, main iframe, main a[href^='javascript']").count()).toBe(
      0,
    );
    expect(await analyze.result.getByRole("heading", { level: 1 }).textContent()).toBe("Steel tariffs");
    expect(await analyze.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
  });

  test("a Markdown file dropped on the form is read as its prose: no markup, no link", async () => {
    await analyze.goto();
    const markdown =
      "# Trade update\n\n**Exports** rose [12%](https://example.com/x) to *$3.4 billion* in 2024.\n\n- Tariffs on steel: `25%`\n";
    await analyze.startDropped("update.md", "text/markdown", markdown, SEED_META);
    await analyze.waitForResult();
    const source = analyze.dashboard.source.first();
    await expect.poll(() => source.innerText()).toContain("Exports rose 12% to $3.4 billion in 2024.");
    expect(await source.innerText()).not.toMatch(/\*\*|\]\(|`/);
    expect(await source.locator("a").count()).toBe(0);
    const own = await downloadedDataset();
    expect(own.claims.map((c) => c.quote)).toEqual(expect.arrayContaining(["12%", "$3.4 billion", "25%"]));
    expect(await analyze.result.getByRole("heading", { level: 1 }).textContent()).toBe("Trade update");
  });

  test("a saved news page dropped on the form gives only its article: no figure of its menus, ads or related stories", async () => {
    await analyze.goto();
    const page = readFileSync(join(REPO_ROOT, "test", "fixtures", "saved-news-page.html"), "utf8");
    const headline = "Coastal exports climb to a record as port traffic recovers";
    const article = `${headline}\n\n${htmlToText(page.slice(page.indexOf('<div class="story-body">'), page.indexOf("</article>")))}`;
    await analyze.drop("coastal-exports.html", "text/html", page);
    // The page's own title and date fill the form, where the reader can see and change them.
    await expect.poll(() => analyze.titleField.inputValue()).toBe(headline);
    expect(await analyze.dateField.inputValue()).toBe("2025-03-14");
    await analyze.analyseButton.click();
    await analyze.waitForResult();

    const source = analyze.dashboard.source.first();
    await expect.poll(() => source.innerText()).toContain("Exports rose 4.2% to $31.5 billion in 2024");
    const shown = await source.innerText();
    for (const chrome of [
      "We use cookies",
      "Subscribe for $1 a week",
      "3.9% APR",
      "Stocks fall 2%",
      "5 things to know",
      "Trade Brief",
      "© 2025",
    ])
      expect(shown).not.toContain(chrome);
    const own = await downloadedDataset();
    const quotes = own.claims.map((c) => c.quote);
    expect(quotes).toEqual(
      expect.arrayContaining(["4.2%", "$31.5 billion", "1.8%", "$27.8 billion", "1.24 million TEU", "10%"]),
    );
    for (const other of ["2%", "40%", "$1", "$250", "$5,000", "100%"]) expect(quotes).not.toContain(other);
    for (const claim of own.claims) expect(article).toContain(claim.sentence);

    expect(await analyze.result.getByRole("heading", { level: 1 }).textContent()).toBe(headline);
    // The byline credits the source; the analysis ran on the page's date.
    await analyze.result.getByText("Maria Lindqvist · coastal-exports.html", { exact: false }).first().waitFor();
    expect(await analyze.result.locator('time[datetime="2025-03-14"]').count()).toBeGreaterThan(0);
    // Never rendered: none of the page's scripts, styles, images or trackers was requested.
    expect(requests.map((r) => r.url()).filter((url) => url.includes("ledger.example"))).toEqual([]);
    expect(
      await analyze.page.evaluate(() => (window as { __ledgerTracked?: unknown }).__ledgerTracked),
    ).toBeUndefined();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
  });

  test("pasted markup is shown as the characters it is: a <script> in plain text is text", async () => {
    await analyze.goto();
    await analyze.startPasted(
      `<script>alert("x")</script><img src=x onerror=alert(1)> Tariffs on cars rose to 25% in 2025.`,
      SEED_META,
    );
    await analyze.waitForResult();
    const source = analyze.dashboard.source.first();
    await expect.poll(() => source.innerText()).toContain(`<script>alert("x")</script><img src=x onerror=alert(1)>`);
    expect(await source.locator("script, img").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  const badFiles: Array<[string, FileInput, RegExp]> = [
    ["an empty file", { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) }, /empty/i],
    ["a whitespace-only file", utf8(" \n\t \n", "blank.txt"), /no text/i],
    [
      "a PNG image named .txt",
      {
        name: "photo.txt",
        mimeType: "text/plain",
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      },
      /binary/i,
    ],
    [
      "Latin-1 text",
      {
        name: "latin1.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Exportations en hausse de 5 % \xe0 Montr\xe9al", "latin1"),
      },
      /not valid UTF-8/i,
    ],
    [
      "UTF-16 text",
      {
        name: "utf16.txt",
        mimeType: "text/plain",
        buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Exports rose 5%.", "utf16le")]),
      },
      /UTF-16/,
    ],
    [
      "a PDF",
      {
        name: "report.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"),
      },
      /\.txt, \.md or \.html|binary/i,
    ],
  ];

  test.each(badFiles)("%s gets a one-line message and stores nothing", async (_, file, message) => {
    await analyze.goto();
    await analyze.startFile(file, SEED_META);
    await expect.poll(() => analyze.problem.textContent()).toMatch(message);
    expect((await analyze.problem.textContent())?.includes("\n")).toBe(false);
    expect(await analyze.result.count()).toBe(0);
    expect(await analyze.entries.count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
  });

  test("empty and whitespace-only pasted text get a clear message", async () => {
    await analyze.goto();
    await analyze.analyseButton.click();
    await expect.poll(() => analyze.problem.textContent()).toMatch(/Paste an article's text or choose a file/);
    await analyze.startPasted("   \n\n  \t ", SEED_META);
    await expect.poll(() => analyze.problem.textContent()).toMatch(/no text/i);
    expect(await analyze.entries.count()).toBe(0);
  });

  test("right-to-left text, emoji and combining characters: every highlight is exactly its quote", async () => {
    await analyze.goto();
    const text = [
      "🇨🇦🇺🇸 Trade update 👩‍👩‍👧: exports rose 12% to $3.4 billion in 2024.",
      "قال الوزير إن الصادرات ارتفعت 12% في 2024. Imports from Que\u0301bec fell 7% to C$800 million.",
      "שר הכלכלה: tariffs of 25% apply to steel 🚗 and 10% to energy.",
    ].join("\n\n");
    await analyze.startPasted(text, SEED_META);
    await analyze.waitForResult();
    const own = await downloadedDataset();
    expect(own.claims.filter((c) => c.kind !== "date").length).toBeGreaterThanOrEqual(6);
    for (const claim of own.claims) {
      expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
      expect(await analyze.dashboard.sourceMark(claim.id).first().textContent()).toBe(claim.quote);
    }
  });

  test("10 MB of text: progress while the worker runs, then the result, and the page answers meanwhile", async () => {
    await analyze.goto();
    const big = (seed.text + "\n\n").repeat(Math.ceil((10 * 1024 * 1024) / (seed.text.length + 2)));
    await analyze.startFile(utf8(big, "ten-megabytes.txt"), SEED_META);
    await analyze.progress.waitFor();
    const seen = new Set<number>();
    for (;;) {
      // One frame of the page's own thread at a time: it paints while the worker extracts.
      const value = await analyze.page.evaluate(
        () =>
          new Promise<number | null>((resolve) =>
            requestAnimationFrame(() =>
              resolve(
                document.querySelector<HTMLProgressElement>('[data-testid="job-progress"] progress')?.value ?? null,
              ),
            ),
          ),
      );
      if (value === null) break;
      seen.add(value);
    }
    expect(seen.size, `distinct progress values: ${[...seen].join(", ")}`).toBeGreaterThanOrEqual(3);
    await analyze.waitForResult(60_000);
    // The table opens on the trade figures: M in "Showing N of M trade figures" counts those of every copy.
    const { total } = await analyze.dashboard.rowCounts();
    const copies = big.split(seed.text).length - 1;
    expect(total).toBe(copies * (await bundled()).claims.filter(isTradeClaim).length);
    expect(problems.pageErrors).toEqual([]);
  }, 120_000);

  test("Cancel stops a long analysis at once and stores nothing", async () => {
    await analyze.goto();
    const big = (seed.text + "\n\n").repeat(600);
    await analyze.startFile(utf8(big, "long.txt"), SEED_META);
    await analyze.cancelButton.click();
    await expect.poll(() => analyze.notice.textContent()).toMatch(/cancelled/i);
    expect(await analyze.progress.count()).toBe(0);
    expect(await analyze.result.count()).toBe(0);
    expect(await analyze.entries.count()).toBe(0);
  });

  test("the library: rename, delete, and an export imported again unchanged", async () => {
    await analyze.goto();
    await analyze.startPasted("Exports rose 12% to $3.4 billion in 2024.", { ...SEED_META, title: "First" });
    await analyze.waitForResult();
    await analyze.startPasted(seed.text, { ...SEED_META, title: "Second" });
    await expect.poll(() => analyze.entryTitles()).toEqual(["Second", "First"]);

    await analyze.rename("First", "First, renamed");
    await analyze.page.reload();
    await analyze.library.getByText("Loading…").waitFor({ state: "detached" });
    expect((await analyze.entryTitles()).sort()).toEqual(["First, renamed", "Second"]);

    const exported = await downloadedText(await analyze.exportLibrary());
    const file = LibraryFileSchema.parse(JSON.parse(exported));
    expect(file.articles.map((a) => a.title).sort()).toEqual(["First, renamed", "Second"]);

    await analyze.delete("Second");
    await analyze.delete("First, renamed");
    expect(await analyze.entries.count()).toBe(0);
    await analyze.importLibrary({ name: "library.json", mimeType: "application/json", buffer: Buffer.from(exported) });
    await expect.poll(() => analyze.notice.textContent()).toMatch(/Imported 2 articles/);
    const again = LibraryFileSchema.parse(JSON.parse(await downloadedText(await analyze.exportLibrary())));
    expect(again.articles).toEqual(file.articles);

    await analyze.open("Second");
    expect(await analyze.result.getByRole("heading", { level: 1 }).textContent()).toBe("Second");

    await analyze.importLibrary({
      name: "not-a-library.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"claims": []}'),
    });
    await expect.poll(() => analyze.problem.textContent()).toMatch(/not a Tradefigures library export/);
    expect(await analyze.entries.count()).toBe(2);
  });

  test("a full browser quota: a clear message, the figures still shown, and nothing already stored is lost", async () => {
    await analyze.goto();
    // Chromium's DevTools can shrink this origin's quota (it takes effect while the origin has stored nothing yet):
    // 512 kB holds a one-line article, not a megabyte.
    const cdp = await context.newCDPSession(analyze.page);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(baseUrl).origin, quotaSize: 512 * 1024 });
    await analyze.startPasted("Exports rose 12% to $3.4 billion in 2024.", { ...SEED_META, title: "Kept" });
    await analyze.waitForResult();
    await expect.poll(() => analyze.entryTitles()).toEqual(["Kept"]);

    // Chromium compresses what IndexedDB stores, and the seed repeated packs into a few kilobytes: the article that
    // cannot fit is the seed followed by 1.5 MB of words that shrink to about 60 % at best (a fixed pseudo-random stream).
    const big = `${seed.text}\n\n${incompressibleProse(1_500_000)}`;
    await analyze.startFile(utf8(big, "too-big-to-keep.txt"), { ...SEED_META, title: "Not kept" });
    await expect
      .poll(() => analyze.result.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 })
      .toBe("Not kept");
    const warning = analyze.result.getByTestId("save-problem");
    await expect.poll(() => warning.textContent()).toMatch(/storage is full.*nothing already stored was lost/i);
    expect(await analyze.rawErrorText()).toEqual([]);
    expect(await analyze.result.getByRole("heading", { level: 1 }).textContent()).toBe("Not kept");
    expect(await analyze.entryTitles()).toEqual(["Kept"]);
    await analyze.open("Kept");
    expect(await analyze.result.getByRole("heading", { level: 1 }).textContent()).toBe("Kept");
  });
});

describe("trade clauses without a single full stop: one sentence of up to a megabyte", () => {
  const CLAUSE = "The tariff was 25 per cent and exports fell by $3.7 billion, ";
  const GB = 1024 ** 3;
  const MB = 1024 ** 2;
  const cases: Array<[string, number, "pasted" | "dropped"]> = [
    ["60 kB, pasted", 60 * 1024, "pasted"],
    ["300 kB, pasted", 300 * 1024, "pasted"],
    ["1 MB, pasted", MB, "pasted"],
    ["1 MB, dropped as a file", MB, "dropped"],
  ];

  test.each(cases)(
    "%s: shown, kept in this browser, the tab's JS heap under 1 GB, and no raw error text",
    async (label, bytes, how) => {
      await analyze.goto();
      const copies = Math.ceil(bytes / CLAUSE.length);
      const text = CLAUSE.repeat(copies);
      const meta = { publishedAt: "2025-03-01", locale: "en-US", title: label };
      const heap = await sampleHeap(context, analyze.page);
      if (how === "pasted") await analyze.startPasted(text, meta);
      else await analyze.startDropped("clauses.txt", "text/plain", text, meta);
      await analyze.waitForResult(30_000);

      const { shown, total } = await analyze.dashboard.rowCounts();
      expect(total).toBeGreaterThanOrEqual(copies);
      expect(shown).toBe(total);
      await expect.poll(() => analyze.entryTitles()).toEqual([label]);
      expect(await analyze.saveProblem.count()).toBe(0);
      // The source shows one part of the one long sentence, and follows a selection to the end of the text.
      const source = analyze.dashboard.source.first();
      expect((await source.innerText()).length).toBeLessThanOrEqual(PART_MAX_CHARS);
      await analyze.dashboard.chartMarks("positions").last().click();
      await expect.poll(() => analyze.dashboard.selectedSourceMarks.count()).toBe(1);
      const peaks = await heap.stop();

      const mb = (n: number) => `${Math.round(n / MB)} MB`;
      console.log(
        `${label}: ${total} figures; peak JS heap: page ${mb(peaks.page)}, worker ${mb(peaks.workers)}, ` +
          `tab ${mb(peaks.tab)} (${peaks.samples} samples)`,
      );
      expect(peaks.samples).toBeGreaterThan(1);
      expect(peaks.tab).toBeLessThan(GB);
      expect(await analyze.rawErrorText()).toEqual([]);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });

      if (how === "pasted" && bytes === MB) {
        mkdirSync(SCREENS_DIR, { recursive: true });
        await analyze.page.mouse.move(0, 0);
        await analyze.page.screenshot({ path: join(SCREENS_DIR, "analyze-break-free-1mb.png"), fullPage: true });
      }
    },
    60_000,
  );

  test("300 kB of it downloads as CSV and JSON and exports with the library: sentences are bounded, so the files are", async () => {
    const text = CLAUSE.repeat(5_000);
    await analyze.goto();
    await analyze.startPasted(text, { publishedAt: "2025-03-01", locale: "en-US" });
    await analyze.waitForResult(30_000);
    const own = await downloadedDataset();
    expect(own.claims.length).toBeGreaterThan(9_000);
    for (const claim of own.claims) {
      expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
      expect(claim.sentence.length).toBeLessThanOrEqual(1_000);
    }
    const csv = await downloadedText(await analyze.resultDownload("CSV"));
    expect(parseClaimsCsv(csv).records).toHaveLength(own.claims.length);
    const exported = await downloadedText(await analyze.exportLibrary());
    expect(exported).toContain(JSON.stringify(text.slice(0, 200)).slice(0, -1));
    expect(await analyze.result.getByTestId("download-problem").count()).toBe(0);
    expect(await analyze.rawErrorText()).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  }, 60_000);
});

describe("screenshots of /analyze", () => {
  for (const width of [1280, 360]) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`analyze-${width}-${colorScheme}.png`, async () => {
        mkdirSync(SCREENS_DIR, { recursive: true });
        await analyze.page.setViewportSize({ width, height: 800 });
        await analyze.page.emulateMedia({ colorScheme });
        await analyze.goto();
        await analyze.startPasted(seed.text, { ...SEED_META, title: seed.title });
        await analyze.waitForResult();
        await analyze.page.screenshot({
          path: join(SCREENS_DIR, `analyze-${width}-${colorScheme}.png`),
          fullPage: true,
        });
        expect(await analyze.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }
});
