/**
 * The record's enumerations as plain constants. lib/schema.ts builds its zod enums from these, so there is still
 * one list each; browser code imports them from here, which keeps zod (about 40 kB) out of the page's JavaScript.
 */
export const KINDS = ["money", "percent", "percentage_point", "count", "rank", "duration", "date", "other"] as const;
export const CHANGES = ["=", "~", ">", "<", "up", "down"] as const;
export const METRICS = ["trade_balance", "trade_volume", "exports", "imports", "tariff_rate", "other"] as const;
/** The metrics of trade: a figure of one of these is a trade figure, the ones a page leads with. */
export const TRADE_METRICS = ["trade_balance", "trade_volume", "exports", "imports", "tariff_rate"] as const;
export const CURRENCY_BASES = ["explicit", "inferred"] as const;
export const PERIOD_BASES = ["explicit", "resolved", "context"] as const;
export const LINK_RELATIONS = ["currency_equivalent"] as const;
/**
 * Whether a figure is in force (or stated as a fact) or only announced, threatened, proposed or forecast: "said he
 * would put a 100 per cent tariff" is threatened; "economists expect 2.1% growth" is a forecast.
 */
export const MODALITIES = ["in_force", "announced", "threatened", "proposed", "forecast"] as const;

// The extraction rules, for the record's `rule` field: which rule made it. A name is a label for tracing a record
// back, never a switch: code that must know something of a quantity reads a field its rule set (lib/extract/rules/).
/** Rates (lib/extract/rules/percent.ts) whose unit bare numbers listed before them take ("80.5, 218 and 12 per cent"). */
export const RATE_RULES = ["percent.share", "percent", "points", "points.basis"] as const;
/** What a number measures (lib/extract/rules/index.ts registers a rule for each). */
export const UNIT_RULES = [
  ...RATE_RULES,
  "rank.ordinal",
  "rank.number",
  "money.symbol",
  "money.prefix",
  "money.code-after",
  "money.word",
  "duration.aged",
  "duration.age-apposition",
  "duration",
  "duration.age",
  "rating",
  "count.noun",
  "count.compound",
  "unit.physical",
  "number.bare",
  "points.context",
] as const;
/** Rules that drop a number as no quantity (lib/extract/rules/names.ts): a name, a code, a time, a score, a year. */
export const NOT_QUANTITY_RULES = [
  "not.group-of",
  "not.clock",
  "not.part-number",
  "not.old-year",
  "not.score",
  "not.name-word",
  "not.glued-name",
  "not.code",
  "not.hyphenated-name",
  "not.after-name",
  "not.ordinal-name",
  "not.time",
  "not.ordinal",
  "not.year",
  "not.named",
  "not.before-name",
] as const;
/** A bare number in a list, with the unit of the rate after it (lib/extract/qualifiers.ts). */
/** Rules whose unit bare numbers listed before them take: rates, physical units and counted nouns ("104, 107 and 103 degrees"). */
export const LISTED_RULES = [...RATE_RULES, "unit.physical", "count.noun"] as const;
export const LIST_RULES = suffixed(LISTED_RULES, "+list");
/** A range ("10%-15%", "between 10 and 25 per cent"), named for the rule of its upper end (lib/extract/qualifiers.ts). */
export const RANGE_RULES = suffixed([...UNIT_RULES, ...LIST_RULES], "+range");
/** A bare number in a table cell, in the unit its column header or the table's caption gives (lib/extract/tables.ts). */
export const TABLE_RULES = ["table.column"] as const;
/** Dates and periods (lib/extract/dates.ts). */
export const DATE_RULES = [
  "date.month-day",
  "date.day-month",
  "date.part-of-month",
  "date.month-year",
  "date.month",
  "date.month-quarter",
  "date.quarter",
  "date.quarter-word",
  "date.half",
  "date.fiscal-year",
  "date.decade",
  "date.iso",
  "date.year-range",
  "date.relative-year",
  "date.relative-month",
  "date.relative-quarter",
  "date.year",
] as const;
export const RULES = [...UNIT_RULES, ...LIST_RULES, ...RANGE_RULES, ...TABLE_RULES, ...DATE_RULES] as const;

function suffixed<R extends string, S extends string>(rules: readonly R[], suffix: S): readonly `${R}${S}`[] {
  return rules.map((rule) => `${rule}${suffix}` as const);
}
