/**
 * The record's enumerations as plain constants. lib/schema.ts builds its zod enums from these, so there is still
 * one list each; browser code imports them from here, which keeps zod (about 40 kB) out of the page's JavaScript.
 */
export const KINDS = ["money", "percent", "percentage_point", "count", "rank", "duration", "date", "other"] as const;
export const CHANGES = ["=", "~", ">", "<", "up", "down"] as const;
export const METRICS = ["trade_balance", "trade_volume", "exports", "imports", "tariff_rate", "other"] as const;
export const CURRENCY_BASES = ["explicit", "inferred"] as const;
export const PERIOD_BASES = ["explicit", "resolved", "context"] as const;
export const LINK_RELATIONS = ["currency_equivalent"] as const;
