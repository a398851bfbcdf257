/**
 * Tables and lists inside an article: rows of cells split by "|", tabs or runs of spaces ("Steel | 25% | $12.4bn"),
 * and lists of "Label: figure" lines ("Laos: 40%", "- Steel: 25%"). Two or more such lines in a row make a table. The
 * header row, when there is one, says what each column measures and in what unit ("Tariff rate (%)", "Exports, C$
 * billion", "2024"); the line before the table (its caption, or the sentence that introduces a list) says it for
 * every column; the first cell of a row, or a list line's label, is the row's subject.
 */
import { findKeywords } from "./classify";
import type { DateMention } from "./dates";
import type { Draft } from "./draft";
import { CURRENCY_CODES } from "./lexicon";
import { findNumbers } from "./numbers";
import { readQuantity, type Quantity } from "./units";

export interface Span {
  start: number;
  end: number;
}

export interface TableRow extends Span {
  /** The row's first cell, or a list line's label: what its figures are about. */
  label: Span | null;
  /** Every cell after the label, in order; `column` indexes the table's `headers`. */
  cells: Array<Span & { column: number }>;
  table: Table;
}

export interface Table {
  /** The header cell above each column, where there is a header row; index 0 is the label column. */
  headers: Array<Span | null>;
  /** The lines before the table that say what it shows: a caption, or a list's introduction. */
  caption: Span | null;
}

type Separator = "pipe" | "tab" | "spaces" | "colon";

interface Line extends Span {
  separator: Separator | null;
  /** Cell spans, label first. */
  cells: Span[];
}

const SPACES = / {2,}|\t/g;
const PIPE = /\|/g;
/** Rows aligned by spaces are short; a longer line needs a pipe, tab or colon to be read as one. */
const SHORT_LINE = 160;
const ALIGNED = /\S {2,}\S/;
/**
 * "Laos: 40%", "- Steel: 25%", "• Passenger cars: 25% (from 2.5%)", "S&P 500: 5,120.33": a short label that starts
 * with a letter, a colon, then a figure.
 */
const LIST_LINE =
  /^([ \t]*(?:[-•*·–—][ \t]+)?)(\p{L}[^\n:]{0,59}?)[ \t]*:[ \t]+(?=[-+−~≈<>]?[ \t]?(?:[A-Z]{0,3}[$€£¥]|\d))/u;
const HAS_DIGIT = /\d/;
/** Years and periods in a cell are no figure: "2024", "Q3 24", "1Q25", "H1 2025", "FY26". */
const YEARS = /\b(?:(?:19|20)\d\d|Q[1-4][ ']?\d\d|[1-4]Q[ ']?\d\d|H[12][ ']?\d\d(?:\d\d)?|FY[ ']?\d\d(?:\d\d)?)\b/g;
const HAS_LETTER = /\p{L}/u;

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** `pattern` is a shared global pattern: its lastIndex is reset here. */
function splitCells(text: string, line: Span, pattern: RegExp): Span[] {
  const cells: Span[] = [];
  const body = text.slice(line.start, line.end);
  pattern.lastIndex = 0;
  let from = 0;
  for (let m = pattern.exec(body); ; m = pattern.exec(body)) {
    const to = m ? m.index : body.length;
    const cell = trimmed(text, line.start + from, line.start + to);
    if (cell) cells.push(cell);
    if (!m) break;
    from = m.index + m[0].length;
  }
  return cells;
}

/** Cells are short: prose with a colon or a double space after a full stop is no table. */
const MAX_WORDS: Record<Separator, number> = { pipe: 12, tab: 8, spaces: 6, colon: 10 };
const WORD = /\S+/g;
const SENTENCE_END = /\p{Ll}{2}[.!?]["'’”]?$/u;
function shortCell(text: string, cell: Span, separator: Separator): boolean {
  if (cell.end - cell.start > 80) return false;
  // "He left.  Exports rose 5%." is two sentences a double space apart.
  if (separator === "spaces" && SENTENCE_END.test(text.slice(cell.start, cell.end))) return false;
  return (text.slice(cell.start, cell.end).match(WORD)?.length ?? 0) <= MAX_WORDS[separator];
}
/** A Markdown table's rule under its header: "|---|:--:|". */
const RULE_LINE = /^[\s|:+-]+$/;

function readLine(text: string, start: number, end: number): Line {
  const line: Line = { start, end, separator: null, cells: [] };
  if (end - start > 400) return line;
  const body = text.slice(start, end);
  if (body.includes("|")) {
    line.separator = "pipe";
    line.cells = splitCells(text, line, PIPE);
  } else if (body.includes("\t") || (end - start <= SHORT_LINE && ALIGNED.test(body))) {
    line.separator = body.includes("\t") ? "tab" : "spaces";
    const from = trimmed(text, start, end);
    line.cells = from ? splitCells(text, from, SPACES) : [];
  } else if (body.includes(":")) {
    const m = LIST_LINE.exec(body);
    if (m) {
      const labelStart = start + m[1]!.length;
      const label = trimmed(text, labelStart, labelStart + m[2]!.length);
      const figure = trimmed(text, start + m[0].length, end);
      if (label && figure) {
        line.separator = "colon";
        line.cells = [label, figure];
      }
    }
  }
  if (line.cells.length < 2 || !line.cells.every((c) => shortCell(text, c, line.separator!))) line.separator = null;
  return line;
}

/** A figure in a cell: digits that are not a year ("Imports in 2024" heads a column). */
const hasFigure = (text: string, c: Span) => HAS_DIGIT.test(text.slice(c.start, c.end).replace(YEARS, ""));
const isRow = (text: string, line: Line) => line.cells.slice(1).some((c) => hasFigure(text, c));
/** A header: the same cells as the rows, words or years, no figure. */
const isHeader = (text: string, line: Line, separator: Separator, cells: number) =>
  line.separator === separator &&
  line.cells.length === cells &&
  line.cells.every((c) => !hasFigure(text, c)) &&
  line.cells.some((c) => HAS_LETTER.test(text.slice(c.start, c.end)) || HAS_DIGIT.test(text.slice(c.start, c.end)));

/** Every row of every table in the text, in text order. */
export function findTables(text: string): TableRow[] {
  // Cheap first: a text with no line that could be a row (most prose) is read no further.
  if (!text.includes("\n")) return [];
  const lines: Line[] = [];
  // Where the next "|", tab or ":" is: a long line before all of them is prose, read no further. (A search for a
  // double space is many times slower than for one character, so short lines, which may be aligned, are all read.)
  const marks = ["|", "\t", ":"];
  const next = marks.map((mark) => text.indexOf(mark));
  const nextMark = (from: number) => {
    let nearest = Infinity;
    for (let m = 0; m < marks.length; m++) {
      if (next[m] !== -1 && next[m]! < from) next[m] = text.indexOf(marks[m]!, from);
      if (next[m] !== -1 && next[m]! < nearest) nearest = next[m]!;
    }
    return nearest;
  };
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end > start)
      lines.push(
        end - start <= SHORT_LINE || nextMark(start) < end
          ? readLine(text, start, end)
          : { start, end, separator: null, cells: [] },
      );
    start = end + 1;
  }
  const rows: TableRow[] = [];
  for (let i = 0; i < lines.length;) {
    const first = lines[i]!;
    const separator = first.separator;
    if (!separator || !isRow(text, first)) {
      i++;
      continue;
    }
    // Colon lists may have any number of cells; column tables keep one count (a ragged line ends the table).
    let j = i + 1;
    while (
      j < lines.length &&
      lines[j]!.separator === separator &&
      isRow(text, lines[j]!) &&
      (separator === "colon" || lines[j]!.cells.length === first.cells.length)
    )
      j++;
    if (j - i < 2) {
      i++;
      continue;
    }
    const ruled = lines[i - 1] && RULE_LINE.test(text.slice(lines[i - 1]!.start, lines[i - 1]!.end)) ? 1 : 0;
    const before = lines[i - 1 - ruled];
    const header =
      before && separator !== "colon" && isHeader(text, before, separator, first.cells.length) ? before : null;
    const captionLine = lines[i - ruled - (header ? 2 : 1)];
    // A list's introduction may end in a colon ("Here is the list:") after the sentence that says what it lists.
    let caption: Span | null =
      captionLine && !captionLine.separator ? { start: captionLine.start, end: captionLine.end } : null;
    const previous = lines[i - ruled - (header ? 3 : 2)];
    if (caption && previous && !previous.separator && text.slice(caption.start, caption.end).trimEnd().endsWith(":"))
      caption = { start: previous.start, end: caption.end };
    const table: Table = { headers: header ? header.cells : [], caption };
    for (let k = i; k < j; k++) {
      const line = lines[k]!;
      const [label, ...cells] = line.cells;
      // A list line's label is the text before its colon, digits and all ("S&P 500"); a first cell is one when it starts
      // with a letter ("Boeing 737") or holds no figure.
      const hasLabel =
        label !== undefined &&
        HAS_LETTER.test(text.slice(label.start, label.end)) &&
        (separator === "colon" ||
          !HAS_DIGIT.test(text.slice(label.start, label.end)) ||
          HAS_LETTER.test(text[label.start]!));
      rows.push({
        start: line.start,
        end: line.end,
        label: hasLabel ? label! : null,
        cells: (hasLabel ? cells : line.cells).map((c, n) => ({ ...c, column: hasLabel ? n + 1 : n })),
        table,
      });
    }
    i = j;
  }
  return rows;
}

/** The row a figure stands in, by binary search over the rows (in text order). */
export function rowAt(rows: TableRow[], at: number): TableRow | null {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]!.end <= at) low = mid + 1;
    else high = mid;
  }
  const row = rows[low];
  return row && row.start <= at ? row : null;
}

/** The cell a figure is in. */
export function cellOf(row: TableRow, figure: Span): (Span & { column: number }) | null {
  return row.cells.find((c) => c.start <= figure.start && figure.start < c.end) ?? null;
}

/** The header cell above the cell a figure is in. */
export function headerOf(row: TableRow, figure: Span): Span | null {
  const cell = cellOf(row, figure);
  return cell ? (row.table.headers[cell.column] ?? null) : null;
}

/** A date written in a span (a column header "2024", a caption "Imports in 2024"), by binary search over the dates. */
export function dateIn(dates: DateMention[], span: Span | null): DateMention | null {
  if (!span) return null;
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (dates[mid]!.start < span.start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < dates.length && dates[i]!.start < span.end; i++)
    if (dates[i]!.end <= span.end && dates[i]!.period !== null) return dates[i]!;
  return null;
}

/** What a column header or caption says a bare number in the column is, read as if written with the number. */
export interface ColumnUnit {
  kind: Quantity["kind"];
  unit: string | null;
  /** The scale the header gives ("C$ billion": 1e9). */
  scale: number;
  ambiguousSymbol: Quantity["ambiguousSymbol"];
  currencyBasis: Quantity["currencyBasis"];
}

/** The pieces of a heading that may name a unit: between brackets, commas and semicolons, or after "in". */
const PIECES = /[^(),;:]+/g;
const IN_TAIL = /\b(?:in|of)[ \t]+(.{1,24})$/i;
const MARKER_FIRST = /^(?:[A-Z]{0,3}\$|\$[A-Z]{1,2}|[€£¥₹])/;
const CODE_FIRST = new RegExp(`^(?:${CURRENCY_CODES.join("|")})\\b`);
const PLURAL_SCALE = /^(billion|million|trillion|thousand)s[ \t]+of[ \t]+/i;

function readUnit(candidate: string): ColumnUnit | null {
  const c = candidate.trim().replace(PLURAL_SCALE, "$1 ");
  if (c === "" || HAS_DIGIT.test(c)) return null;
  const marker = MARKER_FIRST.exec(c)?.[0] ?? CODE_FIRST.exec(c)?.[0];
  const written = marker
    ? `${marker}${CODE_FIRST.test(marker) ? " " : ""}1${c.slice(marker.length)}`
    : c.startsWith("%")
      ? `1${c}`
      : `1 ${c}`;
  const token = findNumbers(written)[0];
  if (!token) return null;
  const q = readQuantity(written, token);
  if (!q || q.bare || q.end < written.length || !["money", "percent", "percentage_point", "count"].includes(q.kind))
    return null;
  // "1 jobs" is a count of a noun, not a unit a header gives: only units the rules name (tonnes, barrels) count.
  if (q.kind === "count" && q.rule !== "unit.physical") return null;
  return {
    kind: q.kind,
    unit: q.unit,
    scale: q.value,
    ambiguousSymbol: q.ambiguousSymbol,
    currencyBasis: q.currencyBasis,
  };
}

/** The unit a header or caption gives its column: "Tariff rate (%)", "Exports, C$ billion", "in tonnes", "$bn". */
export function columnUnit(text: string, span: Span | null): ColumnUnit | null {
  if (!span) return null;
  const written = text.slice(span.start, span.end);
  for (const [piece] of written.matchAll(PIECES)) {
    if (piece.length > 40) continue;
    const unit = readUnit(piece) ?? readUnit(IN_TAIL.exec(piece)?.[1] ?? "");
    if (unit) return unit;
  }
  return null;
}

const CELL_SCALE = /^[ \u00a0]([KMBT]|bn|mn|tn)$/;
const CELL_SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12, bn: 1e9, mn: 1e6, tn: 1e12 };

/** A bare number in a table cell takes the unit its column header, or else the table's caption, gives. */
export function inColumnUnit(
  text: string,
  row: TableRow,
  q: Quantity,
  cache: Map<number, ColumnUnit | null>,
): Quantity {
  if (!q.bare) return q;
  // "5.12 B" in a cell: a spaced single-letter scale, which prose never has, ends the cell.
  const cell = cellOf(row, q);
  const spacedScale = cell ? CELL_SCALE.exec(text.slice(q.end, cell.end)) : null;
  if (spacedScale) {
    const scale = CELL_SCALES[spacedScale[1]!.toLowerCase()]!;
    q = {
      ...q,
      end: q.end + spacedScale[0].length,
      value: q.value * scale,
      valueMax: q.valueMax === null ? null : q.valueMax * scale,
      scale,
    };
  }
  const unitOf = (span: Span | null) => {
    if (!span) return null;
    if (!cache.has(span.start)) cache.set(span.start, columnUnit(text, span));
    return cache.get(span.start)!;
  };
  const unit = unitOf(headerOf(row, q)) ?? unitOf(row.table.caption);
  if (!unit) return q;
  // A cell that wrote its own scale ("5.12 B" under "Revenue ($bn)") is not scaled twice.
  const factor = spacedScale ? 1 : unit.scale;
  return {
    start: q.start,
    end: q.end,
    kind: unit.kind,
    value: q.value * factor,
    valueMax: q.valueMax === null ? null : q.valueMax * factor,
    scale: spacedScale ? q.scale : unit.scale,
    unit: unit.unit,
    currencyBasis: unit.currencyBasis,
    ambiguousSymbol: unit.ambiguousSymbol,
    noun: null,
    rule: "table.column",
    bare: false,
    basisPoints: false,
    listRule: null,
  };
}

const CHANGE_HEADER = /\b(?:change|chg|growth|y\/y|yoy|m\/m|q\/q|vs\.?)\b|%[ \t]*(?:change|chg)/i;
const RATE_KINDS = new Set(["percent", "percentage_point"]);
const FLOW_FAMILIES = new Set(["trade_balance", "trade_volume", "exports", "imports"]);

/** The metric a header or caption names, for a figure of this kind; null when it names none that fits. */
function metricOfHeading(text: string, span: Span | null, kind: Draft["kind"]): Draft["metric"] | null {
  if (!span) return null;
  for (const k of findKeywords(text.slice(span.start, span.end), span.start)) {
    if (k.family === "tariff_rate" && RATE_KINDS.has(kind)) return "tariff_rate";
    if (FLOW_FAMILIES.has(k.family) && kind !== "rank" && kind !== "duration" && kind !== "other")
      return k.family as Draft["metric"];
  }
  return null;
}

/**
 * A table row's figures: each is about the row's label, measures what its column header (or else the caption) names,
 * in the header's period; a signed figure in a change column is the size of a rise or a fall. Completes the drafts.
 */
export function describeRowFigures(text: string, row: TableRow, drafts: Draft[], dates: DateMention[]): void {
  let before: Draft | null = null;
  for (const d of drafts) {
    const header = headerOf(row, d);
    const caption = row.table.caption;
    const changeColumn = header !== null && CHANGE_HEADER.test(text.slice(header.start, header.end));
    // "Exports: $4.2bn" labels the row with what it measures; "Laos: 40%" with what it is about.
    const labelMetric = metricOfHeading(text, row.label, d.kind);
    if (row.label && !labelMetric) d.subject = text.slice(row.label.start, row.label.end);
    // A change column measures the change of the column before it ("Surplus | Change").
    const metric =
      labelMetric ??
      metricOfHeading(text, header, d.kind) ??
      (changeColumn && before ? before.metric : null) ??
      metricOfHeading(text, caption, d.kind);
    if (metric) d.metric = metric;
    const date = dateIn(dates, header) ?? (d.period ? null : dateIn(dates, caption));
    if (date && d.kind !== "duration" && d.kind !== "rank") {
      d.period = date.period;
      d.periodBasis = date.basis;
    }
    if (changeColumn && d.change === "=") {
      const plus = text[d.start - 1] === "+";
      if (d.value < 0 || plus) {
        d.change = d.value < 0 ? "down" : "up";
        if (d.value < 0) {
          d.value = -d.value;
          d.warnings.push("a signed figure in a change column is recorded as the size of the fall");
        }
      }
    }
    before = d;
  }
}
