import { METRIC_STYLE } from "../display/palette";
import type { Claim } from "../schema";

/**
 * The table's search box. Words match the quote, subject, unit, metric, kind and period; numbers match figures:
 * "760" finds "$760 billion", "25%" finds percent figures of 25, "3.7bn" finds 3,700,000,000.
 */

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
};
const NUMBER_TOKEN = /^[$€£¥]?(\d[\d,]*(?:\.\d+)?|\.\d+)(%|k|m|mn|b|bn|t|tn)?$/i;

interface NumberQuery {
  digits: string;
  value: number;
  percent: boolean;
  scaled: boolean;
}

function parseNumber(token: string): NumberQuery | null {
  const m = NUMBER_TOKEN.exec(token);
  if (!m) return null;
  const digits = m[1]!.replace(/,/g, "");
  const suffix = m[2]?.toLowerCase();
  const scale = suffix && suffix !== "%" ? SCALE[suffix]! : 1;
  return { digits, value: Number(digits) * scale, percent: suffix === "%", scaled: scale !== 1 };
}

/**
 * An amount as a reader types it in a value range: "1bn", "$3.7 billion" without the space ("3.7bn"), "25%",
 * "1,000". Null when it is not one.
 */
export function parseAmount(raw: string): number | null {
  const token = raw.trim().replace(/\s+(?=(?:k|m|mn|b|bn|t|tn|%)$)/i, "");
  if (token === "") return null;
  const n = parseNumber(token.startsWith("-") ? token.slice(1) : token);
  if (!n || !Number.isFinite(n.value)) return null;
  return token.startsWith("-") ? -n.value : n.value;
}

function matchesNumber(claim: Claim, n: NumberQuery): boolean {
  if (n.percent)
    return (
      (claim.kind === "percent" || claim.kind === "percentage_point") &&
      (claim.value === n.value || claim.valueMax === n.value)
    );
  if (n.scaled)
    return (
      Math.abs(claim.value - n.value) <= 1e-9 * n.value ||
      (claim.valueMax !== null && Math.abs(claim.valueMax - n.value) <= 1e-9 * n.value)
    );
  // Plain digits: the figure as written ("760" in "$760 billion") or its value.
  return claim.quote.replace(/,/g, "").includes(n.digits) || claim.value === n.value;
}

/** The figure's own words; not its sentence, which would make "billion" find every figure near one. */
export function searchableText(claim: Claim): string {
  return [
    claim.quote,
    claim.subject ?? "",
    claim.unit ?? "",
    METRIC_STYLE[claim.metric].label,
    claim.kind,
    claim.period ?? "",
  ]
    .join(" ")
    .toLowerCase();
}

/** Parses a query once into a test for many claims: every token must match; an empty query matches everything. */
export function compileSearch(query: string): (claim: Claim, text: string) => boolean {
  const tokens = query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => ({ token, number: parseNumber(token) }));
  if (tokens.length === 0) return () => true;
  return (claim, text) =>
    tokens.every(({ token, number }) => (number ? matchesNumber(claim, number) : text.includes(token)));
}
