import type { Change, Claim, Metric, PeriodBasis } from "../schema";
import { classifyMetric, nearestDate, readSubject, type Keyword } from "./classify";
import { resolveCurrency, type CurrencyConvention } from "./currency";
import type { DateMention } from "./dates";
import { readModality } from "./modality";
import { denominatorAfter } from "./rules/physical";
import type { Sentence } from "./segment";
import type { Quantity } from "./units";

/**
 * A quantity with what its sentence says of it: the currency resolved, the change, the metric and subject, the
 * period. Neighbouring drafts then lend each other these (neighbours.ts) before each becomes a Claim. What only
 * the list and range joins read of a quantity is left behind.
 */
export type Draft = Omit<Quantity, "bare" | "basisPoints" | "listRule"> &
  Pick<Claim, "per" | "change" | "metric" | "subject" | "period" | "periodBasis" | "modality" | "links" | "warnings">;

export interface SentenceContext {
  text: string;
  sentence: Sentence;
  dates: DateMention[];
  previousDates: DateMention[];
  keywords: Keyword[];
  previousKeywords: () => Keyword[];
  convention: CurrencyConvention;
}

const TRADE_FLOWS = new Set<Metric>(["trade_balance", "trade_volume", "exports", "imports"]);

/** A quantity with its change read (the change stage), and what its sentence says of it (the classify stage). */
export function draftFigure(q: Quantity, change: Change, context: SentenceContext): Draft {
  const { text, sentence, dates, previousDates, keywords, convention } = context;
  const warnings: string[] = [];
  const money = resolveCurrency(q, convention);
  if (money.warning) warnings.push(money.warning);
  // Field by field: V8 (Node 20) is slow on `{ ...q, extra }`. What classifying reads (the resolved unit, the
  // change) is set here; what it finds is filled in below.
  const draft: Draft = {
    start: q.start,
    end: q.end,
    kind: q.kind,
    value: q.value,
    valueMax: q.valueMax,
    scale: q.scale,
    unit: money.unit,
    currencyBasis: money.currencyBasis,
    // "$58.24 per barrel": the unit stays the currency, and the denominator is kept beside it.
    per: q.kind === "money" ? (denominatorAfter(text.slice(q.end, q.end + 40))?.per ?? null) : null,
    ambiguousSymbol: q.ambiguousSymbol,
    noun: q.noun,
    rule: q.rule,
    change,
    metric: "other",
    subject: null,
    period: null,
    periodBasis: null,
    modality: readModality(text, sentence.start, sentence.end, q.start, q.end),
    links: [],
    warnings,
  };
  const { metric, keyword } = classifyMetric(text, sentence.start, draft, keywords, context.previousKeywords);
  const dated = q.kind !== "duration" && q.kind !== "rank";
  let date = dated ? nearestDate(text, dates, q.start, q.end, change === "up" || change === "down") : null;
  let periodBasis: PeriodBasis | null = date?.basis ?? null;
  if (!date && dated && TRADE_FLOWS.has(metric) && previousDates.length > 0) {
    date = nearestDate(text, previousDates, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if (date) {
      periodBasis = "context";
      warnings.push(`period ${date.period} taken from the previous sentence ("${text.slice(date.start, date.end)}")`);
    }
  } else if (date?.basis === "resolved") {
    warnings.push(
      `period ${date.period} resolved from "${text.slice(date.start, date.end)}" against the publication date`,
    );
  }
  draft.metric = metric;
  // A balance is a magnitude; whether it is a surplus or a deficit is the metric's and the subject's to say.
  if (metric === "trade_balance" && draft.value < 0) {
    draft.value = -draft.value;
    warnings.push("a signed balance is recorded as its magnitude");
  }
  draft.subject = readSubject(text, sentence.start, sentence.end, metric, keyword, q.end, q.noun, q.start);
  draft.period = date?.period ?? null;
  draft.periodBasis = date ? periodBasis : null;
  return draft;
}
