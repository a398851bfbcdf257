import { csvParse } from "d3-dsv";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CHANGES } from "../../lib/enums";
import {
  CSV_CHANGE_WORDS,
  CSV_COLUMNS,
  changeFromCsvWord,
  claimsToCsv,
  claimsToExcelCsv,
  csvForExcel,
} from "../../lib/export/csv";
import { usdEquivalents } from "../../lib/export/usd";
import { extractArticle } from "../../lib/extract/article";
import { extractClaims } from "../../lib/extract/index";
import { loadSeeds } from "../../lib/server/seeds";

const seed = loadSeeds()[0]!;
const { claims } = extractArticle(seed);
const byQuote = (quote: string) => claims.find((c) => c.quote === quote)!;

describe("the CSV's change column", () => {
  it("writes every change of the schema as a plain word, and reads each word back", () => {
    expect(Object.keys(CSV_CHANGE_WORDS).sort()).toEqual([...CHANGES].sort());
    for (const change of CHANGES) {
      expect(CSV_CHANGE_WORDS[change]).toMatch(/^[a-z]+( [a-z]+)?$/);
      expect(changeFromCsvWord(CSV_CHANGE_WORDS[change])).toBe(change);
    }
    expect(changeFromCsvWord("=")).toBeUndefined();
    expect(new Set(Object.values(CSV_CHANGE_WORDS)).size).toBe(CHANGES.length);
  });

  it("needs no neutralising in the seed's CSV: no row's change starts with an apostrophe", () => {
    const rows = csvParse(claimsToCsv(claims));
    expect(rows.map((r) => r.change)).toEqual(claims.map((c) => CSV_CHANGE_WORDS[c.change]));
    expect(rows.filter((r) => r.change!.startsWith("'"))).toEqual([]);
    expect(new Set(rows.map((r) => r.change))).toEqual(new Set(["level", "more than", "down"]));
  });
});

describe("US-dollar equivalents in the CSV", () => {
  const rows = new Map(csvParse(claimsToCsv(claims)).map((r) => [r.id!, r]));
  const row = (quote: string) => rows.get(byQuote(quote).id)!;
  const usdFigure = byQuote("US$74.25 billion");

  it("gives the figure stated in two currencies its stated US$ amount, and names the US$ figure", () => {
    expect(row("$102.3 billion")).toMatchObject({
      usdValue: "74250000000",
      usdValueMax: "",
      usdRate: String(74.25 / 102.3),
      usdRateSource: usdFigure.id,
      usdDerived: "false",
    });
    expect(row("US$74.25 billion")).toMatchObject({ usdValue: "74250000000", usdRate: "1", usdDerived: "false" });
    expect(row("US$74.25 billion").usdRateSource).toBe("");
  });

  it("converts another figure in that currency at the same rate, marked derived, as the money chart does", () => {
    expect(row("$760 billion")).toMatchObject({
      usdValue: String(Number((760e9 * (74.25 / 102.3)).toPrecision(15))),
      usdRate: String(74.25 / 102.3),
      usdRateSource: usdFigure.id,
      usdDerived: "true",
    });
    expect(Number(row("$760 billion").usdValue)).toBeCloseTo(551_612_903_225.8, 0);
    expect(row("$3.7 billion").usdDerived).toBe("true");
  });

  it("leaves the columns empty where there is no rate: a percentage, a count, a date", () => {
    for (const quote of ["25 per cent", "two countries", "2026"])
      expect([row(quote).usdValue, row(quote).usdRate, row(quote).usdRateSource, row(quote).usdDerived]).toEqual([
        "",
        "",
        "",
        "",
      ]);
  });

  it("writes them as bare numbers: no quotes, no apostrophe", () => {
    const line = claimsToCsv(claims)
      .split("\r\n")
      .find((l) => l.startsWith(`${byQuote("$760 billion").id},`))!;
    expect(line).toContain(`,551612903225.807,,${74.25 / 102.3},${usdFigure.id},true,more than,`);
  });

  it("takes each pair's own stated amount, and converts the rest at the first pair's rate", () => {
    const text =
      "Exports were $10 billion (US$7 billion) in 2024. Imports were $20 billion (US$15 billion). " +
      "Aid of $5 billion and a range of $1 billion to $3 billion. Prices rose 4%.";
    const own = extractClaims(text, { articleId: "t", publishedAt: "2025-01-01", locale: "en-CA" }).claims;
    const quoted = (quote: string) => usdEquivalents(own).get(own.find((c) => c.quote === quote)!.id);
    const firstUsd = own.find((c) => c.quote === "US$7 billion")!.id;
    expect(quoted("$10 billion")).toEqual({
      value: 7e9,
      valueMax: null,
      rate: 0.7,
      rateSource: firstUsd,
      derived: false,
    });
    expect(quoted("$20 billion")).toMatchObject({ value: 15e9, rate: 0.75, derived: false });
    expect(quoted("$5 billion")).toEqual({
      value: 3.5e9,
      valueMax: null,
      rate: 0.7,
      rateSource: firstUsd,
      derived: true,
    });
    expect(quoted("$1 billion to $3 billion")).toMatchObject({ value: 7e8, valueMax: 2.1e9, derived: true });
    expect(quoted("4%")).toBeUndefined();
  });

  it("keeps a filtered view's equivalents when it is given the article's claims to read rates from", () => {
    const view = [byQuote("$760 billion")];
    expect(csvParse(claimsToCsv(view))[0]!.usdValue).toBe("");
    expect(csvParse(claimsToCsv(view, { ratesFrom: claims }))[0]!.usdValue).toBe("551612903225.807");
  });
});

describe("the CSV for Excel", () => {
  const plain = claimsToCsv(claims);
  const excel = claimsToExcelCsv(claims);

  it("is the plain file after one UTF-8 byte order mark, with CRLF line ends", () => {
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    expect(excel.slice(1)).toBe(plain);
    expect(new TextEncoder().encode(excel).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(excel.replaceAll("\r\n", "").includes("\n")).toBe(plain.replaceAll("\r\n", "").includes("\n"));
    expect(csvForExcel(excel)).toBe(excel);
  });

  it("reads back with papaparse to the same rows once the mark is skipped", () => {
    const read = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const withMark = read(excel);
    expect(withMark.errors).toEqual([]);
    // papaparse drops the mark itself, so the first header is "id", not "\uFEFFid".
    expect(withMark.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(withMark.data).toEqual(read(plain).data);
  });
});
