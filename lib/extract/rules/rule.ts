/**
 * What a unit rule is. Each rule is data: a name (the record's `rule`, or a NOT_QUANTITY_RULES name for a rule that
 * drops the number), `find`, which looks at the text around one number and returns what it matched or null, and
 * `resolve`, which turns that match into the Quantity it measures, or null when the rule says it is no quantity at
 * all ("Section 232", "11:30", "won 2-1"). rules/index.ts registers every family's rules in one array; the first rule
 * whose `find` matches decides.
 */
import type { Claim, ListedRule, ListRule, NotQuantityRule, QuantityRule, UnitRule } from "../../schema";
import type { NumberToken } from "../numbers";

/**
 * What a number measures, as the units stage reads it; lists and ranges (qualifiers.ts) make refined copies, whose
 * rules `R` may then name. `valueMax` stays null until a range is joined, unless the number is fuzzy.
 */
export interface Quantity<R extends QuantityRule = QuantityRule> extends Pick<
  Claim,
  "start" | "end" | "kind" | "value" | "valueMax" | "unit" | "currencyBasis"
> {
  /** The number's own scale, for a range whose first end has none ("3-5 bn"). */
  scale: number;
  /** A "$" or "¥" whose currency the article's convention decides. */
  ambiguousSymbol: "$" | "¥" | null;
  /** The counted noun phrase, for counts. */
  noun: string | null;
  rule: R;
  /** Nothing written with the number says what it measures: a range or a list may lend it a unit. */
  bare: boolean;
  /** Written in basis points ("25 bps"): `value` is already in percentage points, a hundredth of the number. */
  basisPoints: boolean;
  /** The rule of bare numbers listed before this rate that take its unit ("80.5, 218 and 12 per cent"). */
  listRule: ListRule | null;
  /** A fuzzy quantity ("hundreds of"), read as the range `value`-`valueMax`: its change is "~". */
  fuzzy?: true;
}

/** One number and the text after it, as every rule sees it. */
export interface Scan {
  text: string;
  token: NumberToken;
  /** Up to 60 characters after the number, up to the end of its line. */
  after: string;
  /** Whether a unit may follow: a letter, a percent or degree sign, perhaps after a space or hyphen. */
  suffix: boolean;
}

export interface QuantityRuleSpec<M = unknown> {
  name: UnitRule | NotQuantityRule;
  find(scan: Scan): M | null;
  resolve(scan: Scan, match: M): Quantity<UnitRule> | null;
}

/** A rule for a number that is no quantity: what `find` matched is dropped. */
export function notQuantity(name: NotQuantityRule, find: (scan: Scan) => boolean): QuantityRuleSpec<true> {
  return { name, find: (scan) => (find(scan) ? true : null), resolve: () => null };
}

/** Keeps `find`'s match typed against its `resolve` inside a heterogeneous registry. */
export function rule<M>(spec: QuantityRuleSpec<M>): QuantityRuleSpec {
  return spec as QuantityRuleSpec;
}

/** A rate's, a physical unit's or a counted noun's rule comes with the rule of a list that takes its unit. */
type QuantityFields<R extends UnitRule> = Pick<Quantity, "start" | "end" | "kind" | "unit"> &
  Partial<Pick<Quantity, "value" | "currencyBasis" | "ambiguousSymbol" | "noun" | "bare" | "basisPoints">> & {
    rule: R;
  } & NoInfer<R extends ListedRule ? { listRule: `${R}+list` } : { listRule?: never }>;

/** Built field by field: V8 (Node 20) takes microseconds for `{ ...base, extra }`, which this path did per number. */
export function quantity<R extends UnitRule>(token: NumberToken, f: QuantityFields<R>): Quantity<UnitRule> {
  return {
    start: f.start,
    end: f.end,
    kind: f.kind,
    value: f.value ?? token.value,
    valueMax: token.valueMax,
    scale: token.scale,
    unit: f.unit,
    currencyBasis: f.currencyBasis ?? null,
    ambiguousSymbol: f.ambiguousSymbol ?? null,
    noun: f.noun ?? null,
    rule: f.rule,
    bare: f.bare ?? false,
    basisPoints: f.basisPoints ?? false,
    listRule: f.listRule ?? null,
    ...(token.valueMax !== null ? { fuzzy: true as const } : {}),
  };
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
export const isLetter = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);
export const isUpper = (ch: string | undefined) => ch !== undefined && UPPER.test(ch);
/** The `length` characters before `at`. */
export const before = (text: string, at: number, length: number) => text.slice(Math.max(0, at - length), at);
