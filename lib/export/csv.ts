/**
 * lib/export owns the files a dataset is downloaded as: claims as RFC 4180 CSV, plain or for Excel (csv.ts), each
 * money figure's US$ equivalent (usd.ts), the CSV of one chart's marks (chart-csv.ts), file names after the article
 * (file-name.ts) and the Frictionless Data Package that describes the CSV (datapackage.ts), all built from lib/schema
 * so columns, types and enums cannot drift from the records, and whether a download is small enough to build in a
 * page (download-size.ts). The /data routes and the /analyze page build the same files with it, so it never imports
 * React, Next or lib/server; it may import lib/schema, lib/enums, lib/sizes and lib/chart (the rates the money chart
 * converts with, and the chart layouts), and no other lib/ folder.
 */

import type { Change, Claim } from "../schema";
import { type UsdEquivalent, usdEquivalents } from "./usd";

/**
 * Claims as RFC 4180 CSV that is safe in every spreadsheet. Numbers stay numbers. A text cell is quoted when it holds
 * any delimiter a spreadsheet might split on (comma, semicolon, tab) or a quote or line break: d3-dsv and the RFC
 * quote only for commas, but a spreadsheet in a European locale splits on semicolons, and one that ignores quotes
 * splits anywhere. So a formula start (= + - @, their full-width and small forms, tab, CR) is neutralised with a
 * leading apostrophe both at the start of a cell and after any such delimiter or line break inside it: however the
 * cell is split, no piece of it runs as a formula. Our own codes never need it: `change` is written as a word.
 */

/** The CSV's word for each `change` (the JSON keeps the schema's symbols): no code of ours starts like a formula. */
export const CSV_CHANGE_WORDS = {
  "=": "level",
  "~": "about",
  ">": "more than",
  "<": "less than",
  up: "up",
  down: "down",
} as const satisfies Record<Change, string>;

export type CsvChangeWord = (typeof CSV_CHANGE_WORDS)[Change];

/** The schema's `change` for a word of the CSV, or undefined for any other text. */
export function changeFromCsvWord(word: string): Change | undefined {
  return (Object.keys(CSV_CHANGE_WORDS) as Change[]).find((change) => CSV_CHANGE_WORDS[change] === word);
}

/** The US-dollar columns, from usd.ts: empty for a figure with no rate in the article. */
export const USD_CSV_COLUMNS = ["usdValue", "usdValueMax", "usdRate", "usdRateSource", "usdDerived"] as const;
export type UsdCsvColumn = (typeof USD_CSV_COLUMNS)[number];

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
  ...USD_CSV_COLUMNS,
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
] as const satisfies ReadonlyArray<keyof Claim | UsdCsvColumn>;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

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

/** One cell: empty for null, a number as written by JavaScript, true/false, or text neutralised and quoted as needed. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return field(neutraliseFormula(value));
}

function usdCell(usd: UsdEquivalent | undefined, column: UsdCsvColumn): string {
  if (!usd) return "";
  if (column === "usdValue") return csvCell(usd.value);
  if (column === "usdValueMax") return csvCell(usd.valueMax);
  if (column === "usdRate") return csvCell(usd.rate);
  if (column === "usdRateSource") return csvCell(usd.rateSource);
  return csvCell(usd.derived);
}

const isUsdColumn = (column: CsvColumn): column is UsdCsvColumn =>
  (USD_CSV_COLUMNS as readonly string[]).includes(column);

function cell(claim: Claim, column: CsvColumn, usd: UsdEquivalent | undefined): string {
  if (isUsdColumn(column)) return usdCell(usd, column);
  if (column === "change") return CSV_CHANGE_WORDS[claim.change];
  if (column === "links")
    return field(claim.links.map((l) => `${l.relation}:${l.id}${l.rate === null ? "" : `@${l.rate}`}`).join(" "));
  if (column === "warnings") return csvCell(claim.warnings.join("; "));
  return csvCell(claim[column]);
}

export const CSV_HEADER = CSV_COLUMNS.join(",");

/** One record's line, without its line end; `usd` is its entry of usdEquivalents(the article's claims). */
export function claimCsvRow(claim: Claim, usd?: UsdEquivalent): string {
  return CSV_COLUMNS.map((column) => cell(claim, column, usd)).join(",");
}

export interface ClaimsCsvOptions {
  /**
   * The claims the article's exchange rates are read from: all of the article's when `claims` is a filtered view,
   * so a row keeps its US$ equivalent when the figure stating the rate is filtered out. By default, `claims`.
   */
  ratesFrom?: readonly Claim[];
}

/** RFC 4180 wants CRLF between records; line breaks inside quoted cells are kept as they are. */
export function claimsToCsv(claims: readonly Claim[], { ratesFrom = claims }: ClaimsCsvOptions = {}): string {
  const usd = usdEquivalents(ratesFrom);
  const lines = [CSV_HEADER];
  for (const claim of claims) lines.push(claimCsvRow(claim, usd.get(claim.id)));
  return lines.join("\r\n") + "\r\n";
}

/**
 * The same CSV for Excel, as Datawrapper offers it beside the plain file: a UTF-8 byte order mark first, without which
 * Excel reads the file in the machine's legacy code page ("Carney’s" becomes "Carneyâ€™s"), and CRLF line ends.
 */
export function csvForExcel(csv: string): string {
  return `\uFEFF${csv.replace(/^\uFEFF/, "")}`;
}

export function claimsToExcelCsv(claims: readonly Claim[], options?: ClaimsCsvOptions): string {
  return csvForExcel(claimsToCsv(claims, options));
}
