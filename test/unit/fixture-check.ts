import { extractClaims } from "../../lib/extract/index";
import type { Claim } from "../../lib/schema";

/**
 * Fixture tables: each case is a sentence and the records it must give (test/fixtures/*.json). Every expected
 * record must match an extracted one by overlapping span, with the fields it lists; no non-date record may be
 * extra. Files named dates-* are strict about dates too.
 */

export interface Expected {
  quote: string;
  kind: Claim["kind"];
  value?: number;
  valueMax?: number | null;
  unit?: string | null;
  change?: Claim["change"];
  metric?: Claim["metric"];
  currencyBasis?: Claim["currencyBasis"];
  period?: string | null;
  modality?: Claim["modality"];
  per?: string | null;
  subject?: string;
}

export interface Case {
  input: string;
  publishedAt?: string;
  locale?: string;
  note?: string;
  expected: Expected[];
}

function trace(claims: Claim[]): string {
  return claims
    .map(
      (c) =>
        `  [${c.start},${c.end}) ${JSON.stringify(c.quote)} ${c.kind} ${c.value}${c.valueMax !== null ? `-${c.valueMax}` : ""} ${c.unit} ${c.change} ${c.metric} ${c.period ?? ""} ← ${c.rule}`,
    )
    .join("\n");
}

export function check(c: Case, strictDates: boolean): string[] {
  const { claims } = extractClaims(c.input, {
    publishedAt: c.publishedAt ?? "2025-05-06",
    locale: c.locale ?? "en-US",
  });
  const problems: string[] = [];
  const used = new Set<Claim>();
  let searchFrom = 0;
  for (const e of c.expected) {
    const start = c.input.indexOf(e.quote, searchFrom);
    const at = start === -1 ? c.input.indexOf(e.quote) : start;
    searchFrom = at + 1;
    const end = at + e.quote.length;
    const isDate = e.kind === "date";
    const match = claims.find((a) => !used.has(a) && (a.kind === "date") === isDate && a.start < end && at < a.end);
    if (!match) {
      problems.push(`missing ${JSON.stringify(e.quote)} (${e.kind})`);
      continue;
    }
    used.add(match);
    const differs = (field: string, want: unknown, got: unknown) =>
      problems.push(
        `${JSON.stringify(e.quote)}: ${field} expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
      );
    if (match.kind !== e.kind) differs("kind", e.kind, match.kind);
    if (isDate) {
      if (e.period !== undefined && match.period !== e.period) differs("period", e.period, match.period);
      continue;
    }
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    if (e.value !== undefined && !close(match.value, e.value)) differs("value", e.value, match.value);
    const wantMax = e.valueMax ?? null;
    if ((wantMax === null) !== (match.valueMax === null) || (wantMax !== null && !close(match.valueMax!, wantMax)))
      differs("valueMax", wantMax, match.valueMax);
    for (const field of ["unit", "change", "metric", "currencyBasis", "period", "modality", "per"] as const) {
      if (e[field] !== undefined && match[field] !== e[field]) differs(field, e[field], match[field]);
    }
    if (e.subject !== undefined && !(match.subject ?? "").toLowerCase().includes(e.subject.toLowerCase()))
      differs("subject", e.subject, match.subject);
  }
  for (const a of claims) {
    if (!used.has(a) && (a.kind !== "date" || strictDates))
      problems.push(`extra ${JSON.stringify(a.quote)} (${a.kind}, ${a.rule})`);
  }
  if (problems.length) problems.push(`extracted:\n${trace(claims)}`);
  return problems;
}
