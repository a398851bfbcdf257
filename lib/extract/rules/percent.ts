/**
 * Rates: a share written as a fraction ("a third of"), percent ("18%", "18 per cent", "18pc"), percentage points
 * ("0.5 percentage points", "3pp") and basis points ("25 bps", stored in percentage points). Each names the rule a
 * list of bare numbers before it takes ("80.5, 218 and 12 per cent").
 */
import { quantity, rule } from "./rule";

// "٪" is the Arabic percent sign, written after Latin digits too.
const PERCENT_AFTER =
  /^(?:[\s\u00a0]?[%٪]|[\s\u00a0-]per[\s\u00a0-]?cent\b|[\s\u00a0-]percent\b|[\s\u00a0]?pct\b|[\s\u00a0]?pc\b(?!\.\w))/i;
const POINTS_AFTER =
  /^(?:(?:[\s\u00a0-]+of[\s\u00a0]+a)?[\s\u00a0-]+(?:percentage|pct\.?|per[\s-]?cent(?:age)?)[\s\u00a0-]+points?\b|[\s\u00a0]?(?:pp|ppts?)\b)/i;
const BASIS_POINTS_AFTER = /^(?:[\s\u00a0-]+basis[\s\u00a0-]+points?\b|[\s\u00a0-]?bps?\b)/i;

/** "a third of", "three-quarters", "half": numbers.ts reads the fraction; it is a share. */
export const PERCENT_SHARE = rule({
  name: "percent.share",
  find: ({ token }) => (token.form === "share" ? true : null),
  resolve: ({ token }) =>
    quantity(token, {
      start: token.start,
      end: token.end,
      kind: "percent",
      unit: "%",
      rule: "percent.share",
      listRule: "percent.share+list",
    }),
});

export const PERCENT = rule({
  name: "percent",
  find: ({ after }) => PERCENT_AFTER.exec(after),
  resolve: ({ token }, percent) =>
    quantity(token, {
      start: token.start,
      end: token.end + percent[0].length,
      kind: "percent",
      unit: "%",
      rule: "percent",
      listRule: "percent+list",
    }),
});

export const POINTS = rule({
  name: "points",
  find: ({ after }) => POINTS_AFTER.exec(after),
  resolve: ({ token }, points) =>
    quantity(token, {
      start: token.start,
      end: token.end + points[0].length,
      kind: "percentage_point",
      unit: "pp",
      rule: "points",
      listRule: "points+list",
    }),
});

export const BASIS_POINTS = rule({
  name: "points.basis",
  find: ({ after }) => BASIS_POINTS_AFTER.exec(after),
  resolve: ({ token }, basisPoints) =>
    quantity(token, {
      value: token.value / 100,
      start: token.start,
      end: token.end + basisPoints[0].length,
      kind: "percentage_point",
      unit: "pp",
      rule: "points.basis",
      basisPoints: true,
      listRule: "points.basis+list",
    }),
});
