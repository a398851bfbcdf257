/**
 * lib/extract owns one step: article text -> Dataset, every numeric claim in the text with its offsets, as records
 * of lib/schema.ts. This file is the pipeline: STAGES, one literal array of named stages, each a function from the
 * run's context to the next context; the other files are the stages, their rules (rules/) and their word lists
 * (lexicon.ts). It may import only lib/schema.ts, lib/enums.ts and its own files: nothing from lib/input, lib/store,
 * lib/explore, lib/server, lib/display, lib/chart or lib/export, and no React, Next or Node built-ins, so the same
 * code runs in a page, a worker, the API and the CLI.
 */
import type { Change, Claim, Dataset, ListRule, UnitRule } from "../schema";
import { findKeywords, type Keyword } from "./classify";
import { readConvention, type CurrencyConvention } from "./currency";
import { findDates, publicationOf, type DateMention } from "./dates";
import { draftFigure, type Draft, type SentenceContext } from "./draft";
import { claimId, textId } from "./ids";
import { decimalMarkOf, findNumbers, type NumberToken } from "./numbers";
import { relateNeighbours } from "./neighbours";
import { joinRanges, readChange, shareListUnits } from "./qualifiers";
import { segmentSentences, type Sentence } from "./segment";
import { progressReporter, type AtPosition } from "./progress";
import { describeRowFigures, findTables, inColumnUnit, rowAt, type ColumnUnit, type TableRow } from "./tables";
import { pointsInContext, readQuantity, type Quantity } from "./units";

export interface ExtractOptions {
  articleId?: string;
  /** YYYY-MM-DD; relative periods ("last year") resolve against it. */
  publishedAt?: string;
  /** BCP 47, e.g. "en-CA": decides what a bare "$" means, and the decimal mark ("1,5" in "de-DE"). */
  locale?: string;
  /**
   * Called with growing fractions of [0, 1] as the run goes: 0 first, exactly 1 last, a few dozen times in all
   * on a long text. For a worker's progress bar; the records do not depend on it.
   */
  onProgress?: (fraction: number) => void;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A quantity that reached over the next number ("10 out of 10") keeps it. */
function withoutOverlaps<T extends { start: number; end: number }>(figures: T[]): T[] {
  let reach = -1;
  return figures.filter((figure) => {
    if (figure.start < reach) return false;
    reach = figure.end;
    return true;
  });
}

/** Drops figures that lie inside a date ("4" in "March 4"); both lists are in text order. */
function withoutDates<T extends { start: number; end: number }>(figures: T[], dates: DateMention[]): T[] {
  let d = 0;
  return figures.filter((figure) => {
    while (d < dates.length && dates[d]!.end <= figure.start) d++;
    for (let k = d; k < dates.length && dates[k]!.start < figure.end; k++)
      if (overlaps(dates[k]!, figure)) return false;
    return true;
  });
}

/** Groups items by the sentence they fall in, dropping any that would span two ("5\njobs"); both lists are in text order. */
/**
 * Most sentences have no figure: they share one frozen empty list instead of each holding its own, which on 10 MB of
 * text is half a million arrays fewer for the collector to trace (and kept the run linear in the text's length).
 */
const NONE: readonly never[] = Object.freeze([]);
const none = <T>(): T[] => NONE as unknown as T[];

function bySentence<T extends { start: number; end: number }>(sentences: Sentence[], items: T[]): T[][] {
  const groups: T[][] = new Array<T[]>(sentences.length).fill(none<T>());
  let s = 0;
  for (const item of items) {
    while (s < sentences.length - 1 && item.start >= sentences[s]!.end) s++;
    if (sentences[s] && item.start >= sentences[s]!.start && item.end <= sentences[s]!.end) {
      if (groups[s]!.length === 0) groups[s] = [];
      groups[s]!.push(item);
    }
  }
  return groups;
}

function toClaim(text: string, articleId: string, sentence: Sentence, d: Draft): Claim {
  return {
    id: claimId(articleId, d.start, d.end),
    articleId,
    sentenceIndex: sentence.index,
    sentence: text.slice(sentence.start, sentence.end),
    start: d.start,
    end: d.end,
    quote: text.slice(d.start, d.end),
    kind: d.kind,
    value: d.value,
    valueMax: d.valueMax,
    unit: d.unit,
    currencyBasis: d.kind === "money" ? d.currencyBasis : null,
    per: d.per,
    change: d.change,
    metric: d.metric,
    subject: d.subject,
    period: d.period,
    periodBasis: d.periodBasis,
    modality: d.modality,
    links: d.links,
    warnings: d.warnings,
    rule: d.rule,
  };
}

function dateClaim(text: string, articleId: string, sentence: Sentence, d: DateMention): Claim {
  return {
    id: claimId(articleId, d.start, d.end),
    articleId,
    sentenceIndex: sentence.index,
    sentence: text.slice(sentence.start, sentence.end),
    start: d.start,
    end: d.end,
    quote: text.slice(d.start, d.end),
    kind: "date",
    value: d.year,
    valueMax: null,
    unit: null,
    currencyBasis: null,
    per: null,
    change: "=",
    metric: "other",
    subject: null,
    period: d.period,
    periodBasis: d.period ? d.basis : null,
    modality: "in_force",
    links: [],
    warnings: [],
    rule: d.rule,
  };
}

/**
 * What a run knows after each stage. A stage returns a new context with its own field filled in and leaves the
 * fields before it as they were, except `cells` and `link`, which complete the drafts `classify` made for this run.
 */
export interface RunContext {
  text: string;
  articleId: string;
  options: ExtractOptions;
  /** Reports how far through the text the current stage is. */
  at: AtPosition;
  convention: CurrencyConvention;
  sentences: Sentence[];
  /** The rows of tables and lists in the text, in text order. */
  rows: TableRow[];
  dates: DateMention[];
  /** Every number, before any rule has read it. */
  tokens: NumberToken[];
  /** What each number measures, without those inside a date or another quantity. */
  quantities: Quantity<UnitRule>[];
  /** Per sentence: its dates. */
  sentenceDates: DateMention[][];
  /** Per sentence: its quantities once lists have shared their units and ranges are joined. */
  figures: Quantity[][];
  /** Per sentence, parallel to `figures`: each figure's change. */
  changes: Change[][];
  /** Per sentence: each figure with its currency, metric, subject, period and modality. */
  drafts: Draft[][];
  claims: Claim[];
}

export interface Stage {
  name: string;
  /** The fraction of the run done when the stage ends, by its share of the run time on 10 MB of news. */
  until: number;
  run(context: RunContext): RunContext;
}

/** The article's currency convention, read from its text and locale ("C$" in a Canadian paper). */
function convention(context: RunContext): RunContext {
  return { ...context, convention: readConvention(context.text, context.options.locale) };
}

function segment(context: RunContext): RunContext {
  return { ...context, sentences: segmentSentences(context.text, context.at) };
}

function tables(context: RunContext): RunContext {
  return { ...context, rows: findTables(context.text) };
}

function dates(context: RunContext): RunContext {
  const { text, sentences, options, at } = context;
  return { ...context, dates: findDates(text, sentences, publicationOf(options.publishedAt), at) };
}

function numbers(context: RunContext): RunContext {
  return { ...context, tokens: findNumbers(context.text, decimalMarkOf(context.options.locale), context.at) };
}

function units(context: RunContext): RunContext {
  const { text, tokens, at } = context;
  const read: Quantity<UnitRule>[] = [];
  for (const token of tokens) {
    at(token.start);
    // Digits beyond a double's range read as Infinity: no claim, and no record the schema would reject.
    const quantity = readQuantity(text, token);
    if (quantity) read.push(quantity);
  }
  return { ...context, quantities: withoutDates(withoutOverlaps(read), context.dates) };
}

/** Lists share a unit ("80.5, 218 and 12 per cent"), bare points become percentage points, ranges join. */
function refine(context: RunContext): RunContext {
  const { text, sentences, at } = context;
  const units = new Map<number, ColumnUnit | null>();
  const figures = bySentence(sentences, context.quantities).map((quantities, s) => {
    if (quantities.length === 0) return none<Quantity>();
    at(sentences[s]!.start);
    const sentence = sentences[s]!;
    const listed: Quantity<UnitRule | ListRule>[] = shareListUnits(text, quantities);
    const joined = joinRanges(text, pointsInContext(text.slice(sentence.start, sentence.end), listed));
    const row = context.rows.length > 0 ? rowAt(context.rows, sentence.start) : null;
    // A range whose upper end overflows is dropped before neighbours are linked, so no link points at nothing.
    return (row ? joined.map((q) => inColumnUnit(text, row, q, units)) : joined).filter(
      (q) => Number.isFinite(q.value) && (q.valueMax === null || Number.isFinite(q.valueMax)),
    );
  });
  return { ...context, figures, sentenceDates: bySentence(sentences, context.dates) };
}

/** Up, down, a bound or an approximation, from the words around each figure; a fuzzy quantity is approximate. */
function change(context: RunContext): RunContext {
  const { text, sentences, at } = context;
  const changes = context.figures.map((figures, s) =>
    figures.length === 0
      ? none<Change>()
      : figures.map((q) => {
          at(q.start);
          // A rank is not what changed, nor a rating ("one in three firms cut jobs"), though it may be a bound.
          let read = q.kind === "rank" ? "=" : readChange(text, q, sentences[s]!.start);
          if (q.rule === "rating" && (read === "up" || read === "down")) read = "=";
          return q.fuzzy && read === "=" ? "~" : read;
        }),
  );
  return { ...context, changes };
}

/** The currency, metric, subject, period and modality of each figure, from its sentence and the one before. */
function classify(context: RunContext): RunContext {
  const { text, sentences, sentenceDates, figures, changes, convention, at } = context;
  // Keywords are read only for sentences with figures, and for the sentence before one when a rate needs context;
  // sentences come in order, so the last two read are all that is kept.
  let last = -1;
  let lastKeywords: Keyword[] = [];
  let previous = -1;
  let previousKeywords: Keyword[] = [];
  const keywordsOf = (s: number): Keyword[] => {
    const sentence = sentences[s];
    if (!sentence) return [];
    if (s === last) return lastKeywords;
    if (s === previous) return previousKeywords;
    const found = findKeywords(text.slice(sentence.start, sentence.end), sentence.start);
    previous = last;
    previousKeywords = lastKeywords;
    last = s;
    lastKeywords = found;
    return found;
  };
  const drafts = figures.map((quantities, s) => {
    if (quantities.length === 0) return none<Draft>();
    const sentence = sentences[s]!;
    at(sentence.start);
    const sentenceContext: SentenceContext = {
      text,
      sentence,
      dates: sentenceDates[s]!,
      previousDates: sentenceDates[s - 1] ?? [],
      keywords: keywordsOf(s),
      previousKeywords: () => keywordsOf(s - 1),
      convention,
    };
    return quantities.map((q, i) => draftFigure(q, changes[s]![i]!, sentenceContext));
  });
  return { ...context, drafts };
}

/**
 * A figure in a table row is about the row's label, measures what its column header (or else the caption) names,
 * in the header's period; a signed figure in a change column is the size of a rise or a fall (tables.ts).
 */
function cells(context: RunContext): RunContext {
  const { text, rows, sentences, dates, at } = context;
  if (rows.length === 0) return context;
  context.drafts.forEach((drafts, s) => {
    if (drafts.length === 0) return;
    const row = rowAt(rows, sentences[s]!.start);
    if (!row) return;
    at(row.start);
    describeRowFigures(text, row, drafts, dates);
  });
  return context;
}

/** Figures that lean on the one before them: a currency equivalent, a restatement, a coordinated change. */
function link(context: RunContext): RunContext {
  for (const drafts of context.drafts) if (drafts.length > 1) relateNeighbours(context.text, context.articleId, drafts);
  return context;
}

function records(context: RunContext): RunContext {
  const { text, articleId, sentences, sentenceDates, drafts, at } = context;
  const claims: Claim[] = [];
  sentences.forEach((sentence, s) => {
    at(sentence.start);
    if (sentenceDates[s]!.length === 0) {
      for (const d of drafts[s]!) claims.push(toClaim(text, articleId, sentence, d));
      return;
    }
    const merged = [
      ...drafts[s]!.map((d) => toClaim(text, articleId, sentence, d)),
      ...sentenceDates[s]!.map((d) => dateClaim(text, articleId, sentence, d)),
    ];
    if (drafts[s]!.length > 0) merged.sort((a, b) => a.start - b.start);
    // One at a time: spreading an unbounded array into a call overflows the stack (~120,000 arguments).
    for (const claim of merged) claims.push(claim);
  });
  return { ...context, claims };
}

/** The pipeline, in order. */
export const STAGES: readonly Stage[] = [
  { name: "convention", until: 0.02, run: convention },
  { name: "segment", until: 0.12, run: segment },
  { name: "tables", until: 0.13, run: tables },
  { name: "dates", until: 0.27, run: dates },
  { name: "numbers", until: 0.45, run: numbers },
  { name: "units", until: 0.55, run: units },
  { name: "refine", until: 0.6, run: refine },
  { name: "change", until: 0.7, run: change },
  { name: "classify", until: 0.94, run: classify },
  { name: "cells", until: 0.95, run: cells },
  { name: "link", until: 0.97, run: link },
  { name: "records", until: 1, run: records },
];

function startOf(text: string, options: ExtractOptions): RunContext {
  return {
    text,
    articleId: options.articleId ?? textId(text),
    options,
    at: () => {},
    convention: readConvention("", options.locale),
    sentences: [],
    rows: [],
    dates: [],
    tokens: [],
    quantities: [],
    sentenceDates: [],
    figures: [],
    changes: [],
    drafts: [],
    claims: [],
  };
}

/** Runs the stages over `text`, calling `after` with each stage's context as it ends (for --trace). */
export function runStages(
  text: string,
  options: ExtractOptions = {},
  after?: (stage: Stage, context: RunContext) => void,
): RunContext {
  const progress = progressReporter(options.onProgress, text.length);
  let context = startOf(text, options);
  for (const stage of STAGES) {
    context = stage.run({ ...context, at: progress.stage(stage.until) });
    after?.(stage, context);
  }
  progress.done();
  return context;
}

/** Article text → every numeric claim in it, in text order. Pure: the same input always gives the same records. */
export function extractClaims(text: string, options: ExtractOptions = {}): Dataset {
  const { articleId, claims } = runStages(text, options);
  return { articleId, claims };
}
