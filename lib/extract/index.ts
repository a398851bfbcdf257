/**
 * lib/extract owns one step: article text -> Dataset, every numeric claim in the text with its offsets, as records
 * of lib/schema.ts. This file runs the stages in order (sentences, dates, numbers, units, lists and ranges, drafts,
 * neighbours, claims); the other files are the stages and their word lists. It may import only lib/schema.ts,
 * lib/enums.ts and its own files: nothing from lib/input, lib/store, lib/explore, lib/server, lib/display,
 * lib/chart or lib/export, and no React, Next or Node built-ins, so the same code runs in a page, a worker, the
 * API and the CLI.
 */
import type { Claim, Dataset, UnitRule } from "../schema";
import { findKeywords, type Keyword } from "./classify";
import { readConvention } from "./currency";
import { findDates, publicationOf, type DateMention } from "./dates";
import { draftFigure, type Draft, type SentenceContext } from "./draft";
import { claimId, textId } from "./ids";
import { decimalMarkOf, findNumbers } from "./numbers";
import { relateNeighbours } from "./neighbours";
import { joinRanges, shareListUnits } from "./qualifiers";
import { segmentSentences, type Sentence } from "./segment";
import { progressReporter } from "./progress";
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
function bySentence<T extends { start: number; end: number }>(sentences: Sentence[], items: T[]): T[][] {
  const groups: T[][] = sentences.map(() => []);
  let s = 0;
  for (const item of items) {
    while (s < sentences.length - 1 && item.start >= sentences[s]!.end) s++;
    if (sentences[s] && item.start >= sentences[s]!.start && item.end <= sentences[s]!.end) groups[s]!.push(item);
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

/** Article text → every numeric claim in it, in text order. Pure: the same input always gives the same records. */
export function extractClaims(text: string, options: ExtractOptions = {}): Dataset {
  const articleId = options.articleId ?? textId(text);
  // Each stage ends at its share of the run time on a long text (measured on 10 MB of news).
  const progress = progressReporter(options.onProgress, text.length);
  progress.stage(0.02);
  const convention = readConvention(text, options.locale);
  const sentences = segmentSentences(text, progress.stage(0.12));
  const dates = findDates(text, sentences, publicationOf(options.publishedAt), progress.stage(0.27));
  const tokens = findNumbers(text, decimalMarkOf(options.locale), progress.stage(0.45));
  const reading = progress.stage(0.55);
  const read: Quantity<UnitRule>[] = [];
  for (const token of tokens) {
    reading(token.start);
    const quantity = readQuantity(text, token);
    // Digits beyond a double's range read as Infinity: no claim, and no record the schema would reject.
    if (quantity && Number.isFinite(quantity.value)) read.push(quantity);
  }
  const quantities = withoutDates(withoutOverlaps(read), dates);
  const datesBySentence = bySentence(sentences, dates);
  const quantitiesBySentence = bySentence(sentences, quantities);
  // Keywords are read only for sentences with figures, and for the sentence before one when a rate needs context.
  const keywordCache = new Map<number, Keyword[]>();
  const keywordsOf = (s: number): Keyword[] => {
    const sentence = sentences[s];
    if (!sentence) return [];
    let found = keywordCache.get(s);
    if (!found) keywordCache.set(s, (found = findKeywords(text.slice(sentence.start, sentence.end), sentence.start)));
    return found;
  };

  const claims: Claim[] = [];
  const classifying = progress.stage(1);
  sentences.forEach((sentence, s) => {
    classifying(sentence.start);
    const sentenceDates = datesBySentence[s]!;
    const sentenceQuantities = quantitiesBySentence[s]!;
    if (sentenceQuantities.length === 0) {
      for (const d of sentenceDates) claims.push(dateClaim(text, articleId, sentence, d));
      return;
    }
    const context: SentenceContext = {
      text,
      sentence,
      dates: sentenceDates,
      previousDates: datesBySentence[s - 1] ?? [],
      keywords: keywordsOf(s),
      previousKeywords: () => keywordsOf(s - 1),
      convention,
    };
    const quantities = pointsInContext(
      text.slice(sentence.start, sentence.end),
      shareListUnits(text, sentenceQuantities),
    );
    // A range whose upper end overflows is dropped before neighbours are linked, so no link points at nothing.
    const drafts = joinRanges(text, quantities)
      .filter((q) => Number.isFinite(q.value) && (q.valueMax === null || Number.isFinite(q.valueMax)))
      .map((q) => draftFigure(q, context));
    relateNeighbours(text, articleId, drafts);
    const merged = [
      ...drafts.map((d) => toClaim(text, articleId, sentence, d)),
      ...sentenceDates.map((d) => dateClaim(text, articleId, sentence, d)),
    ];
    merged.sort((a, b) => a.start - b.start);
    // One at a time: spreading an unbounded array into a call overflows the stack (~120,000 arguments).
    for (const claim of merged) claims.push(claim);
  });
  progress.done();
  return { articleId, claims };
}
