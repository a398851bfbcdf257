import { csvParse } from "d3-dsv";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, changeFromCsvWord, claimsToCsv, neutraliseFormula } from "../../lib/export/csv";
import { downloadChars, downloadSizeProblem } from "../../lib/export/download-size";
import { extractArticle } from "../../lib/extract/article";
import { extractClaims } from "../../lib/extract/index";
import { loadSeeds } from "../../lib/server/seeds";

describe("claimsToCsv", () => {
  const text =
    '=HYPERLINK("x") said exports rose 4% to $3 billion, "a record", in 2024.\n+Imports of 1,200 tonnes; -2 @ noon.';
  const { claims } = extractClaims(text, { articleId: "t", publishedAt: "2025-01-01" });
  const csv = claimsToCsv(claims);

  it("writes a header of the record's fields and CRLF line ends", () => {
    expect(csv.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("parses back with a real CSV parser to the same values: numbers as numbers, text quoted", () => {
    const rows = csvParse(csv);
    expect(rows).toHaveLength(claims.length);
    rows.forEach((row, i) => {
      const claim = claims[i]!;
      expect(Number(row.value)).toBe(claim.value);
      expect(Number(row.start)).toBe(claim.start);
      expect(row.quote).toBe(neutraliseFormula(claim.quote));
      expect(row.sentence).toBe(neutraliseFormula(claim.sentence));
    });
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const rows = csvParse(csv);
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(r.sentence!))).toBe(true);
    expect(rows[0]!.sentence!.startsWith("'=HYPERLINK")).toBe(true);
    // Our own codes are words ("level", "more than"), so none of them needs an apostrophe.
    expect(rows.map((r) => changeFromCsvWord(r.change!))).toEqual(claims.map((c) => c.change));
    expect(["=1+1", "+1", "-1", "@SUM", "\tx", "\rx", "ok"].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM",
      "'\tx",
      "'\rx",
      "ok",
    ]);
  });

  it("writes only a header for no claims", () => {
    expect(claimsToCsv([])).toBe(CSV_COLUMNS.join(",") + "\r\n");
  });
});

describe("claimsToCsv in any spreadsheet", () => {
  const FORMULA = /^[=+\-@\t\r\uFF0B\uFF0D\uFF1D\uFF20\uFE62\uFE63\uFE66\uFE6B]/;
  const hostile = fc.constantFrom(
    ...[",", ";", "\t", "\n", '"', " ", "=1+1", "+1", "-2", "@SUM(2)", "＝1", "＋1", "－1", "＠A1", "﹦1"],
    ...["exports rose 6%", " in 2018", "tariffs of 25%", "$3 billion", "HYPERLINK(x)", "cmd|' /C calc'!A0"],
  );
  const article = fc.array(hostile, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(""));
  /** A piece a spreadsheet would run: after white space and quotes, a formula character, and not just a number. */
  const runs = (piece: string) => {
    const start = piece.replace(/^[\s"]+/, "");
    return FORMULA.test(start) && !Number.isFinite(Number(start));
  };

  it("reads back cell for cell with a real CSV parser, and no piece of any cell runs as a formula", () => {
    fc.assert(
      fc.property(article, (text) => {
        const { claims } = extractClaims(text, { articleId: "t", publishedAt: "2025-01-01" });
        const csv = claimsToCsv(claims);
        const parsed = Papa.parse<string[]>(csv, { delimiter: ",", newline: "\r\n", skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data).toHaveLength(claims.length + 1);
        claims.forEach((claim, i) => {
          const row = parsed.data[i + 1]!;
          expect(row).toHaveLength(CSV_COLUMNS.length);
          expect(row[CSV_COLUMNS.indexOf("sentence")]).toBe(neutraliseFormula(claim.sentence));
          expect(row[CSV_COLUMNS.indexOf("quote")]).toBe(neutraliseFormula(claim.quote));
          expect(Number(row[CSV_COLUMNS.indexOf("value")])).toBe(claim.value);
          expect(changeFromCsvWord(row[CSV_COLUMNS.indexOf("change")]!)).toBe(claim.change);
        });
        // A spreadsheet that splits on ; or tab (quoted or not), or a naive split on any delimiter or line break.
        for (const delimiter of [";", "\t"]) {
          const cells = Papa.parse<string[]>(csv, { delimiter, newline: "\r\n" }).data.flat();
          expect(cells.filter(runs)).toEqual([]);
        }
        expect(csv.split(/[,;\t\r\n]/).filter(runs)).toEqual([]);
      }),
      { numRuns: 300, seed: 20251202 },
    );
  });

  it("quotes a cell that holds a semicolon or a tab, not only a comma", () => {
    const { claims } = extractClaims("Exports rose 6%;=1+1;@SUM(2);in 2018.", { articleId: "t" });
    const row = claimsToCsv(claims).split("\r\n")[1]!;
    expect(row).toContain(`"Exports rose 6%;'=1+1;'@SUM(2);in 2018."`);
    expect(neutraliseFormula("a\t＝1, －2")).toBe("a\t'＝1, '－2");
  });
});

describe("whether a download can be built in the page", () => {
  const { claims } = extractArticle(loadSeeds()[0]!);

  it("lets the seed article's figures through, even 2,000 copies of them", () => {
    const many = Array.from({ length: 2_000 }, () => claims).flat();
    expect(downloadSizeProblem(many)).toBeNull();
    expect(downloadChars(many)).toBeGreaterThan(claimsToCsv(many).length);
    expect(downloadChars(many)).toBeGreaterThan(JSON.stringify({ articleId: "a", claims: many }, null, 2).length);
  });

  it("refuses, in one sentence, 34,000 figures that each repeat a 1,000,000-character sentence", () => {
    const sentence = "x".repeat(1_000_000);
    const flat = Array.from({ length: 34_000 }, () => ({ ...claims[0]!, sentence }));
    expect(downloadSizeProblem(flat)).toBe(
      "This file would be about 31.7 GB, because each of its 34,000 figures repeats its sentence (the longest is " +
        "1,000,000 characters): more than this browser can build, so nothing was downloaded.",
    );
    expect(downloadSizeProblem(flat.slice(0, 100), { textChars: 300 * 1024 * 1024, what: "The export" })).toMatch(
      /^The export would be about 395 MB, because each of its 100 figures/,
    );
  });
});
