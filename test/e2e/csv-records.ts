// CSV read back with a real parser (papaparse) into the shape of a JSON record, to compare downloads with the data.
import Papa from "papaparse";
import { expect } from "vitest";
import { changeFromCsvWord, USD_CSV_COLUMNS, type UsdCsvColumn } from "../../lib/export/csv.ts";
import type { UsdEquivalent } from "../../lib/export/usd.ts";
import type { Claim } from "../../lib/schema.ts";

const NUMBER_FIELDS = new Set([
  "value",
  "start",
  "end",
  "sentenceIndex",
  "valueMax",
  "usdValue",
  "usdValueMax",
  "usdRate",
]);
export type CsvRecord = Record<string, string | number | boolean | null>;

function fromCell(field: string, cell: string): string | number | boolean | null {
  if (cell === "") return null;
  if (NUMBER_FIELDS.has(field)) return Number(cell);
  // The CSV writes `change` as a word ("more than"); the JSON keeps the schema's symbol (">").
  if (field === "change") return changeFromCsvWord(cell) ?? `not a change word: ${cell}`;
  if (field === "usdDerived") return cell === "true" ? true : cell === "false" ? false : `not a boolean: ${cell}`;
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const USD_FIELDS: Record<UsdCsvColumn, keyof UsdEquivalent> = {
  usdValue: "value",
  usdValueMax: "valueMax",
  usdRate: "rate",
  usdRateSource: "rateSource",
  usdDerived: "derived",
};

export function parseClaimsCsv(text: string): { fields: string[]; records: CsvRecord[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    dynamicTyping: false,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  const fields = parsed.meta.fields ?? [];
  const records = parsed.data.map((row) =>
    Object.fromEntries(fields.map((field) => [field, fromCell(field, row[field] ?? "")])),
  );
  return { fields, records };
}

/**
 * A claim as the CSV can carry it: links and warnings as text, and nothing to tell "" from null; its US-dollar
 * columns from `usd`, its entry of usdEquivalents(the claims the file was made from).
 */
export function asCsvRecord(claim: Claim, fields: readonly string[], usd?: UsdEquivalent): CsvRecord {
  const cell = (field: string): string | number | boolean | null => {
    if ((USD_CSV_COLUMNS as readonly string[]).includes(field)) return usd?.[USD_FIELDS[field as UsdCsvColumn]] ?? null;
    if (field === "links")
      return claim.links.map((l) => `${l.relation}:${l.id}${l.rate === null ? "" : `@${l.rate}`}`).join(" ") || null;
    if (field === "warnings") return claim.warnings.join("; ") || null;
    const value = claim[field as keyof Claim];
    if (value === null || value === "") return null;
    if (typeof value === "number" || typeof value === "string") return value;
    throw new Error(`CSV field ${field} is not a scalar in the JSON record`);
  };
  return Object.fromEntries(fields.map((field) => [field, cell(field)]));
}
