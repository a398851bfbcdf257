import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { GET as moneyCsvRoute } from "../../app/data/chart-money.csv/route";
import { GET as moneyExcelRoute } from "../../app/data/chart-money-excel.csv/route";
import { GET as positionsCsvRoute } from "../../app/data/chart-positions.csv/route";
import { GET as tariffsCsvRoute } from "../../app/data/chart-tariffs.csv/route";
import { chartLayouts } from "../../lib/chart/index";
import { DOTS_MAX_CLAIMS } from "../../lib/chart/positions";
import { CHART_CSV_COLUMNS, CHART_NAMES, chartMarkRows, chartOf, chartToCsv } from "../../lib/export/chart-csv";
import { CSV_CHANGE_WORDS, neutraliseFormula } from "../../lib/export/csv";
import { extractArticle } from "../../lib/extract/article";
import { extractClaims } from "../../lib/extract/index";
import type { Claim } from "../../lib/schema";
import { loadSeeds } from "../../lib/server/seeds";

const seed = loadSeeds()[0]!;
const { claims } = extractArticle(seed);
const layouts = chartLayouts(claims, seed.text.length);
const byId = new Map(claims.map((c) => [c.id, c]));

function parsed(csv: string) {
  const result = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true, newline: "\r\n" });
  expect(result.errors).toEqual([]);
  return result;
}

/** Each chart's marks, in the order it draws them. */
const drawn = {
  money: layouts.money.panels.flatMap((panel) => panel.bars.map((bar) => ({ panel, bar }))),
  tariffs: layouts.tariffs.bars,
  positions: layouts.positions.marks,
};

describe("a chart's own CSV", () => {
  it.each(CHART_NAMES)("%s: one row per mark, in the order drawn, under the same header", (name) => {
    const { data, meta } = parsed(chartToCsv(chartOf(layouts, name), claims));
    expect(meta.fields).toEqual([...CHART_CSV_COLUMNS]);
    const ids = name === "money" ? drawn.money.map(({ bar }) => bar.id) : drawn[name].map((mark) => mark.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(data.map((row) => row.id)).toEqual(ids);
    for (const row of data) {
      const claim = byId.get(row.id!)!;
      expect(row).toMatchObject({
        chart: name,
        quote: neutraliseFormula(claim.quote),
        value: String(claim.value),
        unit: claim.unit ?? "",
        change: CSV_CHANGE_WORDS[claim.change],
        modality: claim.modality,
        sentence: neutraliseFormula(claim.sentence),
      });
    }
  });

  it("money: the panel, the label and value line as drawn, and the US$ equivalent the bar shows", () => {
    const rows = chartMarkRows(chartOf(layouts, "money"), claims);
    drawn.money.forEach(({ panel, bar }, i) => {
      const row = rows[i]!;
      expect(row.panel).toBe(panel.title);
      expect(row.currency).toBe(panel.currency);
      expect(row.label).toBe(
        bar.lines
          .filter((l) => l.role === "title")
          .map((l) => l.text)
          .join(" "),
      );
      expect(row.valueText).toBe(bar.valueText);
      if (bar.usdValue === null) expect([row.usdValue, row.usdRate]).toEqual([null, null]);
      else expect(Number(row.usdValue).toPrecision(12)).toBe(bar.usdValue.toPrecision(12));
    });
    const surplus = rows.find((r) => r.quote === "$102.3 billion")!;
    expect(surplus).toMatchObject({ usdValue: 74_250_000_000, usdRate: 74.25 / 102.3, usdDerived: false });
    expect(rows.find((r) => r.quote === "$760 billion")).toMatchObject({ usdDerived: true, change: "more than" });
  });

  it("tariffs: each bar's label and value line, the threat marked in its modality", () => {
    const rows = chartMarkRows(chartOf(layouts, "tariffs"), claims);
    expect(rows.map((r) => [r.label, r.valueText, r.value, r.modality])).toEqual(
      drawn.tariffs.map((bar) => [
        bar.lines.map((l) => l.text).join(" "),
        bar.valueText,
        byId.get(bar.id)!.value,
        byId.get(bar.id)!.modality,
      ]),
    );
    expect(rows.some((r) => r.modality === "threatened")).toBe(true);
    expect(rows.every((r) => r.usdValue === null && r.panel === null)).toBe(true);
  });

  it("positions: every dot under its key's label, with its tooltip value", () => {
    const rows = chartMarkRows(chartOf(layouts, "positions"), claims);
    const keys = new Set(layouts.positions.legend.map((item) => item.label));
    expect(rows).toHaveLength(claims.length);
    expect(rows.every((r) => keys.has(String(r.label)))).toBe(true);
    expect(rows.find((r) => r.quote === "2026")).toMatchObject({ label: "Date", valueText: "2026" });
    expect(rows.find((r) => r.quote === "$3.7 billion")).toMatchObject({ label: "Exports", start: 5769 });
  });

  it("positions in density mode: each figure under the stretch of text whose bar counts it", () => {
    const text = Array.from({ length: DOTS_MAX_CLAIMS + 60 }, (_, i) => `Exports rose ${i + 1}% in March.`).join(" ");
    const many = extractClaims(text, { articleId: "d", publishedAt: "2025-05-01" }).claims;
    const layout = chartLayouts(many, text.length).positions;
    expect(layout.mode).toBe("density");
    const rows = chartMarkRows({ name: "positions", layout }, many);
    expect(rows).toHaveLength(many.length);
    const bins = new Map(layout.bins.map((bin) => [bin.range, bin]));
    for (const row of rows) {
      const bin = bins.get(String(row.panel))!;
      expect(bin.start).toBeLessThanOrEqual(Number(row.start));
      expect(Number(row.start)).toBeLessThan(bin.end);
      expect(row.label).toBe(bin.label);
    }
    // Every bin's count is the number of rows put under it.
    for (const bin of layout.bins) expect(rows.filter((r) => r.panel === bin.range)).toHaveLength(bin.count);
  });

  it("writes numbers bare and neutralises the article's text, in labels too", () => {
    const text = "=HYPERLINK(x) Canada imposed a 25% tariff on steel in 2025. @SUM(1) Exports rose $3 billion.";
    const own = extractClaims(text, { articleId: "f", publishedAt: "2025-05-01" }).claims;
    const ownLayouts = chartLayouts(own, text.length);
    const csv = chartToCsv(chartOf(ownLayouts, "tariffs"), own);
    const row = parsed(csv).data[0]!;
    expect(row.sentence!.startsWith("'=HYPERLINK")).toBe(true);
    expect(csv).toMatch(/,25,,%,level,/);
    const cells = Papa.parse<string[]>(csv, { delimiter: ";" }).data.flat();
    expect(cells.filter((c) => /^[=+@]/.test(c.replace(/^[\s"]+/, "")))).toEqual([]);
  });

  it("refuses a mark whose claim it was not given, rather than write a row without its figure", () => {
    expect(() => chartMarkRows(chartOf(layouts, "tariffs"), claims.slice(0, 3) as Claim[])).toThrow(
      /a tariffs chart mark names a claim not given/,
    );
  });

  it("is a header alone for a chart with no marks", () => {
    const empty = chartLayouts([], 10);
    for (const name of CHART_NAMES)
      expect(chartToCsv(chartOf(empty, name), [])).toBe(`${CHART_CSV_COLUMNS.join(",")}\r\n`);
  });
});

describe("/data/chart-<name>.csv", () => {
  it.each([
    ["money", moneyCsvRoute],
    ["tariffs", tariffsCsvRoute],
    ["positions", positionsCsvRoute],
  ] as const)("%s: the seed chart's CSV, as a download named after the article", async (name, GET) => {
    const response = GET();
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="carney-tells-trump-chart-${name}.csv";`),
    );
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(await response.text()).toBe(chartToCsv(chartOf(layouts, name), claims));
  });

  it("chart-money-excel.csv: the same rows after a UTF-8 byte order mark", async () => {
    const response = moneyExcelRoute();
    expect(response.headers.get("content-disposition")).toMatch(/filename="carney-tells-trump-chart-money-excel.csv"/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text).toBe(`\uFEFF${await moneyCsvRoute().text()}`);
  });
});
