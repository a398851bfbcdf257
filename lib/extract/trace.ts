/**
 * The trace of one run, for `extract --trace`: every number the numbers stage found, and what became of it. A number
 * that became a record is listed with the stages that shaped it (the unit rule, a list or range join, the change, the
 * metric, the period and the modality); one that did not is listed with the stage that dropped it and why. It re-reads
 * the text with the same stages as extractClaims, so it explains a run without changing one.
 */
import type { Claim } from "../schema";
import { findDates, publicationOf } from "./dates";
import { segmentSentences } from "./segment";
import { extractClaims, type ExtractOptions } from "./index";
import { decimalMarkOf, findNumbers } from "./numbers";
import { readQuantity } from "./units";

export interface TraceLine {
  start: number;
  end: number;
  /** The text of the number as the numbers stage found it. */
  number: string;
  /** The record it became, or null when a stage dropped it. */
  claim: Claim | null;
  /** What each stage did, in order. */
  steps: string[];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function traceClaims(text: string, options: ExtractOptions = {}): TraceLine[] {
  const { claims } = extractClaims(text, options);
  const figures = claims.filter((c) => c.kind !== "date");
  const dates = findDates(text, segmentSentences(text), publicationOf(options.publishedAt));
  const lines: TraceLine[] = [];
  for (const token of findNumbers(text, decimalMarkOf(options.locale))) {
    const number = text.slice(token.start, token.end);
    const steps = [`numbers: ${token.form} ${token.value}${token.valueMax !== null ? `-${token.valueMax}` : ""}`];
    const claim = figures.find((c) => overlaps(c, token)) ?? null;
    if (claim) {
      steps.push(
        `units: ${claim.rule} → ${claim.kind}${claim.unit ? ` ${claim.unit}` : ""}, quote ${JSON.stringify(claim.quote)}`,
      );
      steps.push(
        `change: ${claim.change}`,
        `classify: ${claim.metric}${claim.subject ? `, subject "${claim.subject}"` : ""}`,
      );
      if (claim.period) steps.push(`period: ${claim.period} (${claim.periodBasis})`);
      steps.push(`modality: ${claim.modality}`);
      for (const warning of claim.warnings) steps.push(`warning: ${warning}`);
    } else if (claims.some((c) => c.kind === "date" && overlaps(c, token)) || dates.some((d) => overlaps(d, token))) {
      steps.push("dropped by dates: the number is part of a date or year");
    } else {
      const quantity = readQuantity(text, token);
      if (!quantity)
        steps.push("dropped by units: not a quantity (a name, code, time of day, score, year or bare word)");
      else if (!Number.isFinite(quantity.value)) steps.push("dropped by units: beyond a double's range");
      else steps.push("dropped by ranges and lists: joined into a neighbouring quantity or overlapped by a longer one");
    }
    lines.push({ start: token.start, end: token.end, number, claim, steps });
  }
  return lines;
}
