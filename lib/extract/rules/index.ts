/**
 * Every unit rule, in the one order they are asked: the first whose `find` matches a number decides what it is.
 * Names and codes are ruled out first, then what stands before a number (a share, a rank, a currency), then ages,
 * then what follows it (percent, points, money, physical units, durations, ratings, counted nouns). A rule's name is
 * the record's `rule` (UNIT_RULES) or, for a rule that drops the number, one of NOT_QUANTITY_RULES.
 */
import type { NotQuantityRule, UnitRule } from "../../schema";
import type { NumberToken } from "../numbers";
import {
  BARE_BEFORE_SUFFIX,
  BARE_NUMBER,
  COUNT_COMPOUND,
  COUNT_NOUN,
  RANK_NUMBER,
  RANK_ORDINAL,
  RATING,
} from "./counts";
import { AGE_APPOSITION, AGED, DURATION } from "./durations";
import { MONEY_CODE_AFTER, MONEY_PREFIX, MONEY_SYMBOL, MONEY_WORD } from "./money";
import { NAME_RULES, NOT_BEFORE_CAPITALISED, NOT_NAMED, NOT_NAMED_BEFORE_SUFFIX, NOT_ORDINAL, NOT_YEAR } from "./names";
import { BASIS_POINTS, PERCENT, PERCENT_SHARE, POINTS } from "./percent";
import { PHYSICAL_UNIT } from "./physical";
import type { Quantity, QuantityRuleSpec, Scan } from "./rule";

export type { Quantity } from "./rule";

export const QUANTITY_RULES: readonly QuantityRuleSpec[] = [
  ...NAME_RULES,
  PERCENT_SHARE,
  RANK_ORDINAL,
  NOT_ORDINAL,
  RANK_NUMBER,
  MONEY_PREFIX,
  MONEY_SYMBOL,
  NOT_YEAR,
  AGED,
  AGE_APPOSITION,
  // Only a number with a letter or a sign after it can have a unit: the rest are settled here.
  NOT_NAMED_BEFORE_SUFFIX,
  BARE_BEFORE_SUFFIX,
  // Points first: "4.1 pct points" is points, though "pct" alone is percent.
  POINTS,
  BASIS_POINTS,
  PERCENT,
  MONEY_CODE_AFTER,
  MONEY_WORD,
  PHYSICAL_UNIT,
  DURATION,
  COUNT_COMPOUND,
  RATING,
  NOT_NAMED,
  COUNT_NOUN,
  NOT_BEFORE_CAPITALISED,
  BARE_NUMBER,
];

const SUFFIX_START = /^[\s\u00a0+-]{0,3}[%٪°ºA-Za-z\u00C0-\u024F]/;

export interface Reading {
  /** The rule that decided. */
  rule: UnitRule | NotQuantityRule;
  /** What it read, or null when the rule dropped the number (or no rule took it). */
  quantity: Quantity<UnitRule> | null;
}

/** What one number measures, and which rule said so. */
export function readNumber(text: string, token: NumberToken): Reading {
  // No unit, name or noun follows a number across a line break (a table's next row).
  const line = text.slice(token.end, token.end + 60);
  const lineEnd = line.indexOf("\n");
  const after = lineEnd === -1 ? line : line.slice(0, lineEnd);
  const scan: Scan = { text, token, after, suffix: SUFFIX_START.test(after) };
  for (const spec of QUANTITY_RULES) {
    const match = spec.find(scan);
    if (match !== null) return { rule: spec.name, quantity: spec.resolve(scan, match) };
  }
  return { rule: "number.bare", quantity: null };
}
