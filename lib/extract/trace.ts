/**
 * The trace of one run, for `extract --trace`: every number the numbers stage found, and what became of it. A number
 * that became a record is listed with the stages and rules that shaped it (the unit rule, a list or range join, the
 * change, the metric, the period and the modality); one that did not is listed with the stage, and the rule, that
 * dropped it. It runs the same STAGES as extractClaims and reads what each one left, so it explains a run without
 * changing one.
 */
import type { Claim } from "../schema";
import { runStages, type ExtractOptions } from "./index";
import { readModalityRule } from "./modality";
import { readNumber } from "./rules/index";

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
  const { sentences, tokens, dates, quantities, figures, claims } = runStages(text, options);
  const records = claims.filter((c) => c.kind !== "date");
  const refined = figures.flat();
  const lines: TraceLine[] = [];
  for (const token of tokens) {
    const number = text.slice(token.start, token.end);
    const steps = [`numbers: ${token.form} ${token.value}${token.valueMax !== null ? `-${token.valueMax}` : ""}`];
    const reading = readNumber(text, token);
    const claim = records.find((c) => overlaps(c, token)) ?? null;
    if (claim) {
      const read = reading.quantity;
      steps.push(`units: ${reading.rule}${read ? ` → ${read.kind}${read.unit ? ` ${read.unit}` : ""}` : ""}`);
      if (claim.rule !== reading.rule)
        steps.push(`refine: ${claim.rule} → ${claim.kind}${claim.unit ? ` ${claim.unit}` : ""}`);
      steps.push(`record: ${claim.kind}${claim.unit ? ` ${claim.unit}` : ""}, quote ${JSON.stringify(claim.quote)}`);
      steps.push(
        `change: ${claim.change}`,
        `classify: ${claim.metric}${claim.subject ? `, subject "${claim.subject}"` : ""}`,
      );
      if (claim.period) steps.push(`period: ${claim.period} (${claim.periodBasis})`);
      const sentence = sentences[claim.sentenceIndex];
      const modality = sentence ? readModalityRule(text, sentence.start, sentence.end, claim.start, claim.end) : null;
      const cue = modality?.rule ? ` (rule ${modality.rule}, ${JSON.stringify(modality.cue)})` : "";
      steps.push(`modality: ${claim.modality}${modality?.modality === claim.modality ? cue : ""}`);
      for (const link of claim.links) steps.push(`link: ${link.relation} ${link.id}`);
      for (const warning of claim.warnings) steps.push(`warning: ${warning}`);
    } else if (dates.some((d) => overlaps(d, token))) {
      steps.push("dropped by dates: the number is part of a date or year");
    } else if (!reading.quantity) {
      steps.push(`dropped by units: rule ${reading.rule} (not a quantity: a name, code, time of day, score or year)`);
    } else if (!Number.isFinite(reading.quantity.value)) {
      steps.push("dropped by units: beyond a double's range");
    } else if (!quantities.some((q) => overlaps(q, token))) {
      steps.push("dropped by units: inside a longer quantity before it");
    } else if (!refined.some((q) => overlaps(q, token))) {
      steps.push("dropped by refine: a range whose end is beyond a double's range");
    } else {
      steps.push("dropped by records: no record overlaps it");
    }
    lines.push({ start: token.start, end: token.end, number, claim, steps });
  }
  return lines;
}
