// Embedding: /embed/<article>/<view> in an <iframe> on a page of another origin (a second loopback port), while every
// other page refuses to be framed; the dashboard's embed code and its link to the view.
// Run with `npm run test:e2e` (it builds, serves and sets E2E_BASE_URL).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Dataset } from "../../lib/schema.ts";
import { embedPolicy, staticPageCsp } from "../../lib/server/security-headers.ts";
import { baseUrlFromEnv, DashboardPage, launchChromium } from "./browser.ts";

const baseUrl = baseUrlFromEnv();
const VIEWS = ["key-figures", "money", "tariffs", "positions"] as const;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let host: Server;
let hostUrl: string;
let articleId: string;
/** What the host page frames, by path: set by each test. */
let framed: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  articleId = ((await (await fetch(new URL("/data/claims.json", baseUrl))).json()) as Dataset).articleId;
  // Another origin: the same host, another port.
  host = createServer((_, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><title>A newsroom's page</title>` +
        framed
          .map(
            (path, i) =>
              `<iframe id="f${i}" title="view ${i}" src="${new URL(path, baseUrl).href}" width="640" height="600"></iframe>`,
          )
          .join(""),
    );
  });
  await new Promise<void>((done) => host.listen(0, "127.0.0.1", done));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser.close();
  await new Promise((done) => host.close(done));
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

/** The frame loaded from `path`, once it has loaded (or failed to). */
async function frameOf(path: string): Promise<Frame> {
  const url = new URL(path, baseUrl).href;
  await expect
    .poll(() => page.frames().some((f) => f.url() === url || f.url().startsWith("chrome-error://")))
    .toBe(true);
  const index = framed.indexOf(path);
  const handle = await page.locator(`#f${index}`).elementHandle();
  const frame = await handle!.contentFrame();
  return frame!;
}

describe("embedding a view on another site", () => {
  test.each(VIEWS)(
    "/embed/<article>/%s renders in an <iframe> on another origin, with its source and data links",
    async (view) => {
      const path = `/embed/${articleId}/${view}`;
      framed = [path];
      await page.goto(hostUrl);
      const frame = await frameOf(path);
      await frame.getByTestId("embed").waitFor();
      expect(await frame.getByRole("link", { name: "Get the data" }).getAttribute("href")).toMatch(/^\/data\/.+\.csv$/);
      expect(await frame.locator(".embed-source").textContent()).toContain("Source: AP / Reuters");
      if (view === "key-figures") {
        expect(await frame.getByTestId("key-figures").locator("li").count()).toBeGreaterThan(3);
      } else {
        // A mark picked in the frame shows its sentence and links to it on the article's page, in a new tab.
        await frame.locator(".chart-mark").first().click();
        const link = frame.getByRole("link", { name: "Source sentence" });
        await link.waitFor();
        expect(await link.getAttribute("target")).toBe("_blank");
        expect(await link.getAttribute("href")).toMatch(/^\/\?claim=/);
      }
    },
  );

  test("its policy lets any site frame it, with no X-Frame-Options; everything else keeps frame-ancestors 'none' and DENY", async () => {
    const embed = await fetch(new URL(`/embed/${articleId}/money`, baseUrl));
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const policy = embed.headers.get("content-security-policy")!;
    expect(policy).toContain("frame-ancestors *");
    const hashes = /script-src 'self' (.*) 'strict-dynamic'/.exec(policy)![1]!.split(" ");
    expect(policy).toBe(embedPolicy(staticPageCsp(hashes)));
    for (const path of ["/", `/articles/${articleId}`, "/analyze", "/data/claims.csv", "/embed/nope/money"]) {
      const response = await fetch(new URL(path, baseUrl));
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  test("/ refuses to be framed by another origin", async () => {
    framed = ["/"];
    await page.goto(hostUrl);
    const frame = await frameOf("/");
    await page.waitForTimeout(500);
    // Blocked: the frame holds Chromium's error page, never the dashboard.
    expect(frame.url()).toMatch(/^chrome-error:/);
    expect(await frame.getByTestId("claims-table").count()).toBe(0);
    expect(await frame.getByTestId("key-figures").count()).toBe(0);
  });
});

describe("sharing from the dashboard", () => {
  test("the embed code is an <iframe> of this origin with a title, for each view", async () => {
    const dashboard = new DashboardPage(page, baseUrl);
    await dashboard.goto("/");
    await page.locator("html[data-share-ready]").waitFor({ state: "attached" });
    await page.locator(".embed-code summary").click();
    for (const view of VIEWS) {
      const code = await page.getByTestId(`embed-code-${view}`).inputValue();
      expect(code).toMatch(
        new RegExp(`^<iframe src="${new URL(baseUrl).origin}/embed/${articleId}/${view}" title="[^"]+: Carney`),
      );
    }
  });

  test("a link to the page unfurls: Open Graph and Twitter card metadata with a generated 1200×630 preview", async () => {
    const html = await (await fetch(new URL("/", baseUrl))).text();
    const meta = (name: string) => new RegExp(`<meta (?:property|name)="${name}" content="([^"]+)"`).exec(html)?.[1];
    expect(meta("og:title")).toContain("Carney tells Trump");
    expect(meta("og:description")).toMatch(/^\d+ trade figures/);
    expect(meta("twitter:card")).toBe("summary_large_image");
    const image = new URL(meta("og:image")!);
    const png = await fetch(new URL(`${image.pathname}${image.search}`, baseUrl));
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await png.arrayBuffer());
    const view = new DataView(bytes.buffer);
    // The PNG header's width and height.
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
  });

  test("Copy link to this view copies the URL with the view in it", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl).origin });
    const dashboard = new DashboardPage(page, baseUrl);
    await dashboard.goto("/?metric=tariff_rate");
    // The share bar's code loads after the page's: click once it is in.
    await page.locator("html[data-share-ready]").waitFor({ state: "attached" });
    await page.getByTestId("copy-link").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain("metric=tariff_rate");
  });
});
