/**
 * lib/export owns the files a dataset is downloaded as: claims as RFC 4180 CSV (csv.ts) and the Frictionless Data
 * Package that describes that CSV (datapackage.ts), both built from lib/schema so columns, types and enums cannot
 * drift from the records, and whether a download is small enough to build in a page (download-size.ts). The /data
 * routes and the /analyze page build the same files with it, so it never imports React, Next or lib/server; it may
 * import lib/schema, lib/enums, lib/sizes and d3-dsv, and no other lib/ folder.
 */

import { csvFormatRow } from "d3-dsv";
import type { Claim } from "../schema";

/**
 * Claims as RFC 4180 CSV (d3-dsv quotes and escapes). Numbers stay numbers; text cells that a spreadsheet would
 * read as a formula (= + - @ tab CR) get a leading apostrophe.
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
  "change",
  "metric",
  "subject",
  "period",
  "periodBasis",
  "links",
  "warnings",
  "rule",
  "sentence",
] as const satisfies ReadonlyArray<keyof Claim>;

export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(claim: Claim, column: (typeof CSV_COLUMNS)[number]): string {
  const value = claim[column];
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (column === "links")
    return claim.links.map((l) => `${l.relation}:${l.id}${l.rate === null ? "" : `@${l.rate}`}`).join(" ");
  if (column === "warnings") return neutraliseFormula(claim.warnings.join("; "));
  return neutraliseFormula(String(value));
}

/** RFC 4180 wants CRLF between records; line breaks inside quoted cells are kept as they are. */
export function claimsToCsv(claims: readonly Claim[]): string {
  const rows = [[...CSV_COLUMNS], ...claims.map((claim) => CSV_COLUMNS.map((column) => cell(claim, column)))];
  return rows.map((row) => csvFormatRow(row)).join("\r\n") + "\r\n";
}
