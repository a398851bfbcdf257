import type { Claim } from "../schema";
import type { ChartLayouts } from "./index";
import { markClaim, type MarkClaim } from "./shapes";

/**
 * Layouts as they cross to the page: each mark names its claim by `id` only. A mark's claim (quote, sentence,
 * metric…) is what the page holds anyway in its claims, so sending it in the layout too sent it twice; the page puts
 * it back from its claims (unpackLayouts) before it draws.
 */
type Unclaimed<T> = T extends { id: string; claim: MarkClaim }
  ? { [K in Exclude<keyof T, "claim">]: Unclaimed<T[K]> }
  : T extends readonly (infer U)[]
    ? Unclaimed<U>[]
    : T extends object
      ? { [K in keyof T]: Unclaimed<T[K]> }
      : T;

export type PackedChartLayouts = Unclaimed<ChartLayouts>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** SVG pixel positions and sizes: a hundredth of a pixel is finer than any screen draws. */
const GEOMETRY = new Set(["x", "y", "width", "height", "r", "zeroX", "axisY", "gridTop"]);
const hundredths = (n: number) => Math.round(n * 100) / 100;

function walk(
  value: unknown,
  visit: (mark: Record<string, unknown>) => Record<string, unknown>,
  round: boolean,
): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, visit, round));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[key] =
      key === "claim"
        ? item
        : round && typeof item === "number" && GEOMETRY.has(key)
          ? hundredths(item)
          : walk(item, visit, round);
  return typeof out.id === "string" ? visit(out) : out;
}

/**
 * The layouts without each mark's copy of its claim, and with positions rounded to a hundredth of a pixel (the
 * page draws from these, so its HTML is as short as its payload).
 */
export function packLayouts(layouts: ChartLayouts): PackedChartLayouts {
  return walk(layouts, ({ claim: _claim, ...mark }) => mark, true) as PackedChartLayouts;
}

/** The layouts with each mark's claim put back from the claims it was drawn from; a mark whose claim is missing throws. */
export function unpackLayouts(packed: PackedChartLayouts, claims: readonly Claim[]): ChartLayouts {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return walk(
    packed,
    (mark) => {
      const claim = byId.get(mark.id as string);
      if (!claim) throw new Error(`a chart mark names a claim the page does not hold: ${String(mark.id)}`);
      return { ...mark, claim: markClaim(claim) };
    },
    false,
  ) as ChartLayouts;
}
