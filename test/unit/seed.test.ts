import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { loadSeed, loadSeeds, SeedError } from "../../lib/server/seeds";
import type { Claim } from "../../lib/schema";

const SEED = join(import.meta.dirname, "..", "..", "seeds", "000_094eb4bc1889a6c2.txt");

describe("the bundled seed article", () => {
  const article = loadSeed(SEED);
  const { claims } = extractArticle(article);
  const trade = claims.filter((c) => c.metric !== "other");
  const find = (quote: string, n = 0) => claims.filter((c) => c.quote === quote)[n];

  it("loads with its metadata, the id from its first line and the text after it", () => {
    expect(article).toMatchObject({
      id: "ab0574da4b558c8d1a9e1d5c5d8e33d2",
      section: "Canada",
      source: "AP / Reuters",
      publishedAt: "2025-05-06",
      locale: "en-CA",
    });
    expect(article.text.startsWith("Canada\n")).toBe(true);
    expect(loadSeeds().map((a) => a.id)).toContain(article.id);
  });

  it("gives exactly the seven trade figures the issue lists", () => {
    const summary = trade.map((c) => [c.quote, c.unit, c.currencyBasis, c.change, c.metric, c.period]);
    expect(summary).toEqual([
      ["$102.3 billion", "CAD", "inferred", "=", "trade_balance", "2024"],
      ["US$74.25 billion", "USD", "explicit", "=", "trade_balance", "2024"],
      ["$760 billion", "CAD", "inferred", ">", "trade_volume", "2024"],
      ["$3.7 billion", "CAD", "inferred", "down", "exports", "2025-03"],
      ["25 per cent", "%", null, "=", "tariff_rate", "2025-03"],
      ["25 per cent", "%", null, "=", "tariff_rate", "2025-03"],
      ["100 per cent", "%", null, "=", "tariff_rate", null],
    ]);
    expect(trade.map((c) => c.value)).toEqual([102300000000, 74250000000, 760000000000, 3700000000, 25, 25, 100]);
    expect(trade[4]!.subject).toMatch(/steel and aluminum imports/);
    expect(trade[5]!.subject).toMatch(/cars and parts/);
    expect(trade[6]!.subject).toMatch(/^movies .*outside the US$/);
  });

  it("links the two-currency surplus and records the rate it implies", () => {
    const cad = find("$102.3 billion")!;
    const usd = find("US$74.25 billion")!;
    expect(cad.links).toEqual([{ id: usd.id, relation: "currency_equivalent", rate: 1.37778 }]);
    expect(usd.links).toEqual([{ id: cad.id, relation: "currency_equivalent", rate: 0.725806 }]);
  });

  it("marks what it inferred: bare-$ currency, a period resolved or carried from the sentence before", () => {
    expect(find("$102.3 billion")!.warnings.join()).toMatch(/CAD inferred .* locale en-CA/);
    expect(find("$760 billion")!.periodBasis).toBe("resolved");
    expect(find("$3.7 billion")!.periodBasis).toBe("context");
    expect(find("$3.7 billion")!.warnings.join()).toMatch(/previous sentence/);
  });

  it("keeps the other quantities: an age, a rating, a five-month low, two ranks, small counts", () => {
    const other = (kind: Claim["kind"]) =>
      claims.filter((c) => c.kind === kind && c.metric === "other").map((c) => [c.quote, c.value, c.unit]);
    expect(other("duration")).toEqual([
      ["60-year-old", 60, "year"],
      ["five-month", 5, "month"],
    ]);
    expect(other("rank")).toEqual([
      ["second-largest", 2, null],
      ["second-largest", 2, null],
    ]);
    expect(other("other")).toEqual([["10 out of 10", 10, null]]);
    expect(other("count")).toEqual([
      ["two sides", 2, "side"],
      ["two leaders", 2, "leader"],
      ["two sides", 2, "side"],
      ["two countries", 2, "country"],
    ]);
  });

  it("finds the dates, and no number inside a name (G7, the 51st state)", () => {
    expect(claims.filter((c) => c.kind === "date").map((c) => c.quote)).toEqual([
      "April 28",
      "February",
      "mid-June",
      "early 2000s",
      "2026",
      "2024",
      "March",
      "last year",
      "March",
      "March",
    ]);
    expect(claims.some((c) => /G7|51st/.test(c.quote))).toBe(false);
  });

  it("matches the golden dataset, so any change to the extractor shows as a diff", async () => {
    await expect(JSON.stringify({ articleId: article.id, claims }, null, 2) + "\n").toMatchFileSnapshot(
      "../golden/000_094eb4bc1889a6c2.claims.json",
    );
  });
});

describe("seed validation", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "seeds-"));
  const meta = { title: "T", section: "S", source: "Wire", publishedAt: "2025-01-02", locale: "en-US" };

  /** `metadata` null writes no metadata file. */
  function seed(text: string | Uint8Array, metadata: unknown = meta): string {
    const d = dir();
    writeFileSync(join(d, "a.txt"), text);
    if (metadata !== null)
      writeFileSync(join(d, "a.json"), typeof metadata === "string" ? metadata : JSON.stringify(metadata));
    return join(d, "a.txt");
  }

  it.each([
    ["an empty file", () => seed(""), /a\.txt: file is empty/],
    ["an id but no text", () => seed("abc123\n\n  \n"), /a\.txt: has an id but no article text/],
    ["non-UTF-8 bytes", () => seed(new Uint8Array([0x61, 0x0a, 0xff, 0xfe, 0x41])), /a\.txt: is not valid UTF-8/],
    ["binary", () => seed(new Uint8Array([0x61, 0x0a, 0x00, 0x01, 0x41])), /a\.txt: looks binary/],
    [
      "a missing metadata field",
      () => seed("id1\nText.", { ...meta, publishedAt: undefined }),
      /a\.json: field "publishedAt"/,
    ],
    ["a malformed date", () => seed("id1\nText.", { ...meta, publishedAt: "May 6" }), /a\.json: field "publishedAt"/],
    ["metadata that is not JSON", () => seed("id1\nText.", "{title:"), /a\.json: is not valid JSON/],
    ["no metadata file", () => seed("id1\nText.", null), /a\.json: cannot be read \(ENOENT\)/],
    ["a bad id line", () => seed("not an id!\nText."), /a\.txt: first line must be the article id/],
  ])("rejects %s with a message naming the file and the field", (_name, make, message) => {
    const file = make();
    expect(() => loadSeed(file)).toThrow(SeedError);
    expect(() => loadSeed(file)).toThrow(message);
  });
});
