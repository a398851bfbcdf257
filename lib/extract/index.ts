import type { Claim, ClaimLink, Dataset, Metric, PeriodBasis } from "../schema";
import { classifyMetric, findKeywords, nearestDate, readSubject, type Keyword } from "./classify";
import { findDates, publicationOf, type DateMention } from "./dates";
import { resolveCurrency, type CurrencyConvention, readConvention } from "./currency";
import { findNumbers } from "./numbers";
import { joinRanges, readChange, type RangedQuantity } from "./qualifiers";
import { segmentSentences, type Sentence } from "./segment";
import { readQuantity } from "./units";

export interface ExtractOptions {
  articleId?: string;
  /** YYYY-MM-DD; relative periods ("last year") resolve against it. */
  publishedAt?: string;
  /** BCP 47, e.g. "en-CA": decides what a bare "$" means. */
  locale?: string;
}

const TRADE_FLOWS = new Set<Metric>(["trade_balance", "trade_volume", "exports", "imports"]);

/** A short, stable id for a text without one (FNV-1a). */
export function textId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
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
    for (let k = d; k < dates.length && dates[k]!.start < figure.end; k++) if (overlaps(dates[k]!, figure)) return false;
    return true;
  });
}

/** Groups items by the sentence their start falls in; both lists are in text order. */
function bySentence<T extends { start: number }>(sentences: Sentence[], items: T[]): T[][] {
  const groups: T[][] = sentences.map(() => []);
  let s = 0;
  for (const item of items) {
    while (s < sentences.length - 1 && item.start >= sentences[s]!.end) s++;
    groups[s]!.push(item);
  }
  return groups;
}

interface Draft extends RangedQuantity {
  sentence: Sentence;
  change: Claim["change"];
  metric: Metric;
  subject: string | null;
  period: string | null;
  periodBasis: PeriodBasis | null;
  links: ClaimLink[];
  warnings: string[];
}

/** "$102.3 billion (US$74.25 billion)": the same figure in two currencies, linked, with the rate they imply. */
function linkCurrencyPairs(text: string, drafts: Draft[]): void {
  for (let i = 0; i + 1 < drafts.length; i++) {
    const a = drafts[i]!;
    const b = drafts[i + 1]!;
    if (a.kind !== "money" || b.kind !== "money" || !a.unit || !b.unit || a.unit === b.unit) continue;
    if (!/^[\s\u00a0]*\([\s\u00a0]*(?:or|about|roughly|approximately|around|some|~)?[\s\u00a0]*$/i.test(text.slice(a.end, b.start))) continue;
    const rate = (x: number, y: number) => Number((x / y).toPrecision(6));
    a.links.push({ id: "", relation: "currency_equivalent", rate: rate(a.value, b.value) });
    b.links.push({ id: "", relation: "currency_equivalent", rate: rate(b.value, a.value) });
    if (b.change === "=") b.change = a.change;
    Object.assign(b, { metric: a.metric, subject: a.subject, period: a.period, periodBasis: a.periodBasis });
    (a.links.at(-1) as { pair?: Draft }).pair = b;
    (b.links.at(-1) as { pair?: Draft }).pair = a;
  }
}

function claimId(articleId: string, start: number, end: number): string {
  return `${articleId.slice(0, 12)}-${start}-${end}`;
}

function dateClaim(articleId: string, text: string, sentence: Sentence, d: DateMention): Claim {
  return {
    id: claimId(articleId, d.start, d.end), articleId, sentenceIndex: sentence.index, sentence: text.slice(sentence.start, sentence.end),
    start: d.start, end: d.end, quote: text.slice(d.start, d.end), kind: "date", value: d.year, valueMax: null, unit: null,
    currencyBasis: null, change: "=", metric: "other", subject: null, period: d.period, periodBasis: d.period ? d.basis : null,
    links: [], warnings: [], rule: d.rule,
  };
}

interface SentenceContext {
  dates: DateMention[];
  previousDates: DateMention[];
  previousKeywords: Keyword[];
  convention: CurrencyConvention;
}

function draftFigures(text: string, sentence: Sentence, quantities: RangedQuantity[], context: SentenceContext): { drafts: Draft[]; keywords: Keyword[] } {
  const { dates, previousDates, previousKeywords, convention } = context;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const keywords = findKeywords(sentenceText, sentence.start);
  const drafts = quantities.map((q): Draft => {
    const warnings: string[] = [];
    const money = resolveCurrency(q, convention);
    if (money.warning) warnings.push(money.warning);
    const change = q.kind === "rank" ? "=" : readChange(text, q, sentence.start);
    const { metric, keyword } = classifyMetric(text, sentenceText, { kind: q.kind, unit: money.unit, start: q.start, end: q.end, change }, keywords, previousKeywords);
    const dated = q.kind !== "duration" && q.kind !== "rank";
    let date = dated ? nearestDate(text, dates, q.start, q.end) : null;
    let periodBasis: PeriodBasis | null = date?.basis ?? null;
    if (!date && dated && TRADE_FLOWS.has(metric) && previousDates.length > 0) {
      date = nearestDate(text, previousDates, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      if (date) {
        periodBasis = "context";
        warnings.push(`period ${date.period} taken from the previous sentence ("${text.slice(date.start, date.end)}")`);
      }
    } else if (date?.basis === "resolved") {
      warnings.push(`period ${date.period} resolved from "${text.slice(date.start, date.end)}" against the publication date`);
    }
    return {
      ...q, ...money, sentence, change, metric,
      subject: readSubject(text, sentence.start, sentence.end, metric, keyword, q.end, q.noun),
      period: date?.period ?? null, periodBasis: date ? periodBasis : null, links: [], warnings,
    };
  });
  linkCurrencyPairs(text, drafts);
  return { drafts, keywords };
}

/** Article text → every numeric claim in it, in text order. Pure: the same input always gives the same records. */
export function extractClaims(text: string, options: ExtractOptions = {}): Dataset {
  const articleId = options.articleId ?? textId(text);
  const pub = publicationOf(options.publishedAt);
  const convention = readConvention(text, options.locale);
  const sentences = segmentSentences(text);
  const dates = sentences.flatMap((s) => findDates(text.slice(s.start, s.end), s.start, pub));
  const quantities = withoutDates(withoutOverlaps(findNumbers(text).flatMap((token) => readQuantity(text, token) ?? [])), dates);
  const datesBySentence = bySentence(sentences, dates);
  const quantitiesBySentence = bySentence(sentences, quantities);

  const claims: Claim[] = [];
  let previousKeywords: Keyword[] = [];
  sentences.forEach((sentence, s) => {
    const sentenceDates = datesBySentence[s]!;
    const ranged = joinRanges(text, quantitiesBySentence[s]!);
    const context = { dates: sentenceDates, previousDates: s > 0 ? datesBySentence[s - 1]! : [], previousKeywords, convention };
    const { drafts, keywords } = draftFigures(text, sentence, ranged, context);
    previousKeywords = keywords;
    const sentenceText = text.slice(sentence.start, sentence.end);
    const figureClaims = drafts.map((d): Claim & { draft: Draft } => ({
      id: claimId(articleId, d.start, d.end), articleId, sentenceIndex: sentence.index, sentence: sentenceText,
      start: d.start, end: d.end, quote: text.slice(d.start, d.end), kind: d.kind, value: d.value, valueMax: d.valueMax,
      unit: d.unit, currencyBasis: d.kind === "money" ? d.currencyBasis : null, change: d.change, metric: d.metric,
      subject: d.subject, period: d.period, periodBasis: d.periodBasis, links: d.links, warnings: d.warnings, rule: d.rule,
      draft: d,
    }));
    for (const c of figureClaims) {
      c.links = c.links.map((link) => {
        const pair = (link as { pair?: Draft }).pair!;
        return { id: claimId(articleId, pair.start, pair.end), relation: link.relation, rate: link.rate };
      });
    }
    const merged: Claim[] = [...figureClaims.map(({ draft: _draft, ...claim }) => claim), ...sentenceDates.map((d) => dateClaim(articleId, text, sentence, d))];
    merged.sort((a, b) => a.start - b.start);
    claims.push(...merged);
  });
  return { articleId, claims };
}
