import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, claimsToCsv, neutraliseFormula } from "../../lib/export/csv";
import { extractClaims } from "../../lib/extract/index";

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
