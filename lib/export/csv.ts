/**
 * lib/export owns the files a dataset is downloaded as: claims as RFC 4180 CSV (csv.ts) and the Frictionless Data
 * Package that describes that CSV (datapackage.ts), both built from lib/schema so columns, types and enums cannot
 * drift from the records, and whether a download is small enough to build in a page (download-size.ts). The /data
 * routes and the /analyze page build the same files with it, so it never imports React, Next or lib/server; it may
 * import lib/schema, lib/enums and lib/sizes, and no other lib/ folder.
 */

import type { Claim } from "../schema";

/**
 * Claims as RFC 4180 CSV that is safe in every spreadsheet. Numbers stay numbers. A text cell is quoted when it holds
 * any delimiter a spreadsheet might split on (comma, semicolon, tab) or a quote or line break: d3-dsv and the RFC
 * quote only for commas, but a spreadsheet in a European locale splits on semicolons, and one that ignores quotes
 * splits anywhere. So a formula start (= + - @, their full-width and small forms, tab, CR) is neutralised with a
 * leading apostrophe both at the start of a cell and after any such delimiter or line break inside it: however the
 * cell is split, no piece of it runs as a formula.
 */

export const CSV_COLUMNS = [
  "id",
  "articleId",
  "sentenceIndex",
  "start",
  "end",
  "quote",
  "kind",
  "value",
  "valueMax",
  "unit",
  "currencyBasis",
  "per",
  "change",
  "metric",
  "subject",
  "period",
  "periodBasis",
  "modality",
  "links",
  "warnings",
  "rule",
  "sentence",
] as const satisfies ReadonlyArray<keyof Claim>;

/** The characters a spreadsheet reads as the start of a formula, ASCII, full-width (U+FF0B, FF0D, FF1D, FF20) and small. */
const FORMULA_START = "=+\\-@\\t\\r\\uFF0B\\uFF0D\\uFF1D\\uFF20\\uFE62\\uFE63\\uFE66\\uFE6B";
/**
 * Where a spreadsheet (or a naive splitter) may begin a cell: the start, or after a delimiter or line break; blanks and
 * quotes may come before the formula character (a split cell can begin with the quote that opened the field).
 */
const CELL_STARTS = new RegExp(`(^|[,;\\t\\n\\r])([ \\u00A0"]*)(?=[${FORMULA_START}])`, "g");
const NEEDS_QUOTES = /[",;\t\n\r]/;

export function neutraliseFormula(text: string): string {
  return text.replace(CELL_STARTS, "$1$2'");
}

/** RFC 4180 field: quoted (inner quotes doubled) when it holds a delimiter, a quote or a line break. */
function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cell(claim: Claim, column: (typeof CSV_COLUMNS)[number]): string {
  const value = claim[column];
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (column === "links")
    return field(claim.links.map((l) => `${l.relation}:${l.id}${l.rate === null ? "" : `@${l.rate}`}`).join(" "));
  if (column === "warnings") return field(neutraliseFormula(claim.warnings.join("; ")));
  return field(neutraliseFormula(String(value)));
}

export const CSV_HEADER = CSV_COLUMNS.join(",");

/** One record's line, without its line end. */
export function claimCsvRow(claim: Claim): string {
  return CSV_COLUMNS.map((column) => cell(claim, column)).join(",");
}

/** RFC 4180 wants CRLF between records; line breaks inside quoted cells are kept as they are. */
export function claimsToCsv(claims: readonly Claim[]): string {
  const lines = [CSV_HEADER];
  for (const claim of claims) lines.push(claimCsvRow(claim));
  return lines.join("\r\n") + "\r\n";
}
