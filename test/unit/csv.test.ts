import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, claimsToCsv, neutraliseFormula } from "../../lib/export/csv";
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
      expect(row.quote).toBe(claim.quote);
      expect(row.sentence).toBe(neutraliseFormula(claim.sentence));
    });
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const rows = csvParse(csv);
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(r.sentence!))).toBe(true);
    expect(rows[0]!.sentence!.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows.every((r) => r.change === "'=" || !/^[=]/.test(r.change!))).toBe(true);
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
