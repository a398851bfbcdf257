import { shownSentence } from "../display/format";
import type { Claim } from "../schema";
import { capitalise, charsThatFit, wrapText } from "./text";

/** Shapes shared by the chart builders: boxes, wrapped label lines and bar outlines, all in SVG pixels. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type LabelRole = "title" | "value" | "note";

export interface LabelLine {
  text: string;
  role: LabelRole;
  x: number;
  /** Baseline. */
  y: number;
}

export interface LabelSpec {
  text: string;
  role: LabelRole;
  capitalise?: boolean;
  suffix?: string;
}

export const FONT_SIZE: Record<LabelRole, number> = { title: 13, value: 13, note: 12 };
const LINE_HEIGHT: Record<LabelRole, number> = { title: 17, value: 17, note: 16 };
const MAX_LINES: Record<LabelRole, number> = { title: 2, value: 3, note: 2 };
/** Value lines are bold, whose glyphs run about 8 % wider. */
const WEIGHT_WIDTH: Record<LabelRole, number> = { title: 1, value: 1.08, note: 1 };

/** Stacks wrapped label lines from `top` down; the caller reads the last baseline to place what follows. */
export function layoutLabel(specs: readonly LabelSpec[], x: number, top: number, width: number): LabelLine[] {
  const lines: LabelLine[] = [];
  let baseline = top;
  for (const spec of specs) {
    const text = `${spec.capitalise ? capitalise(spec.text) : spec.text}${spec.suffix ?? ""}`;
    for (const line of wrapText(
      text,
      charsThatFit(width / WEIGHT_WIDTH[spec.role], FONT_SIZE[spec.role]),
      MAX_LINES[spec.role],
    )) {
      baseline += lines.length === 0 ? FONT_SIZE[spec.role] : LINE_HEIGHT[spec.role];
      lines.push({ text: line, role: spec.role, x, y: baseline });
    }
  }
  return lines;
}

/**
 * A bar's outline from its zero-side end `from` to its value end `to`. An open-ended bar ("more than") leaves the
 * value end unstroked, so the outline never draws a closed end the article did not state.
 */
export function barOutline(from: number, to: number, y: number, height: number, openEnded: boolean): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  return openEnded
    ? `M${r(to)},${r(y)}H${r(from)}V${r(y + height)}H${r(to)}`
    : `M${r(from)},${r(y)}H${r(to)}V${r(y + height)}H${r(from)}Z`;
}

/**
 * The part of a claim a mark needs (its button label, tooltip and data-table row). Layouts cross from the server or
 * the worker to the page, so a mark carries these few fields, not the whole record with its links and warnings, and
 * only as much of its sentence as the tooltip shows.
 */
export type MarkClaim = Pick<Claim, "id" | "quote" | "sentence" | "kind" | "metric" | "subject" | "period" | "start">;

export function markClaim({ id, quote, sentence, kind, metric, subject, period, start }: Claim): MarkClaim {
  return { id, quote, sentence: shownSentence(sentence), kind, metric, subject, period, start };
}

const count = new Intl.NumberFormat("en");

/** "The 40 largest of 1,234 money figures; all are in the table." Said wherever a chart draws only some of its claims. */
export function capNote(shown: number, total: number, which: string, what: string): string {
  return `The ${count.format(shown)} ${which} of ${count.format(total)}${what ? ` ${what}` : ""}; all are in the table.`;
}

/** What every bar shares, in the money and tariff charts alike. */
export interface ChartBar {
  id: string;
  claim: MarkClaim;
  /** Everything the value line says, on one line: for aria-label, tooltip and the data table. */
  valueText: string;
  lines: LabelLine[];
  bar: Box;
  outline: string;
  /** The end that carries the value: where an open-end fade or an approximate whisker goes. */
  end: { x: number; direction: 1 | -1 };
  hit: Box;
  openEnded: boolean;
  approximate: boolean;
  range: boolean;
}
