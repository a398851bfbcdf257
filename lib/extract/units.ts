/**
 * The units stage: what each number measures, read by the rules of rules/ (the first whose pattern matches decides),
 * and bare "points" that a sentence about rates shows to be percentage points.
 */
import type { ListRule, UnitRule } from "../schema";
import type { NumberToken } from "./numbers";
import { POINTS_ELSEWHERE_WORDS, POLL_WORDS } from "./lexicon";
import { alternatives } from "./patterns";
import { readNumber, type Quantity } from "./rules/index";

export type { Quantity } from "./rules/index";

/** What a number measures; null for one that is no quantity ("Section 232", "11:30") or beyond a double's range. */
export function readQuantity(text: string, token: NumberToken): Quantity<UnitRule> | null {
  const { quantity } = readNumber(text, token);
  return quantity && Number.isFinite(quantity.value) ? quantity : null;
}

const RATE_CONTEXT = /%|\bper ?cent\b|\bpct\b|\b(?:rates?|share|levy|levies|tariffs?|dut(?:y|ies)|yields?|margins?)\b/i;
/** A poll's lead or margin in points is percentage points: "ahead by 4 points", "a 6-point lead". */
const POLL_CONTEXT = new RegExp(String.raw`\b(?:${alternatives(POLL_WORDS)})\b`, "i");
/** Points of an index or a game: not percentage points. */
const POINTS_ELSEWHERE = new RegExp(String.raw`\b(?:${alternatives(POINTS_ELSEWHERE_WORDS)})\b`, "i");

/**
 * "The share of US imports fell 4 points to 9.6%", "the levy would rise by 4.8 points": bare points in a sentence
 * about rates are percentage points. Index, sports and poll points stay counts.
 */
export function pointsInContext(
  sentence: string,
  quantities: Quantity<UnitRule | ListRule>[],
): Quantity<UnitRule | ListRule>[] {
  if (
    !quantities.some((q) => q.kind === "count" && q.unit === "point") ||
    !(RATE_CONTEXT.test(sentence) || POLL_CONTEXT.test(sentence)) ||
    POINTS_ELSEWHERE.test(sentence)
  )
    return quantities;
  return quantities.map((q) =>
    q.kind === "count" && q.unit === "point"
      ? {
          start: q.start,
          end: q.end,
          kind: "percentage_point",
          value: q.value,
          valueMax: q.valueMax,
          scale: q.scale,
          unit: "pp",
          currencyBasis: null,
          ambiguousSymbol: null,
          noun: null,
          rule: "points.context",
          bare: false,
          basisPoints: false,
          listRule: null,
        }
      : q,
  );
}
