import { CHANGES, KINDS, METRICS } from "../../lib/enums";
import type { Claim } from "../../lib/schema";

/**
 * Deterministic made-up claims for the benchmarks (/bench/table, /bench/dashboard) and the scale tests: realistic
 * field shapes, no meaning. A small linear-congruential generator keeps every run identical.
 */

function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const UNITS = ["USD", "CAD", "EUR", "%", "pp", "job", "tonne"];
const SUBJECTS = [
  "steel imports",
  "cars and parts",
  "Canada's merchandise trade surplus",
  "soybean exports",
  "two-way trade",
  "lumber",
];

/** One claim's fields other than where it sits: drawn from `next` in a fixed order, so a seed gives the same claims. */
function syntheticFields(next: () => number, i: number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const value = Math.round(next() * 1e6) * 10 ** Math.floor(next() * 6);
  return {
    value,
    quote: `$${value}`,
    kind: pick(KINDS.filter((k) => k !== "date")),
    unit: pick(UNITS),
    change: pick(CHANGES),
    metric: pick(METRICS),
    subject: pick(SUBJECTS),
    period: String(2000 + (i % 26)),
  };
}

export function syntheticClaims(count: number): Claim[] {
  const next = generator(42);
  const claims: Claim[] = [];
  for (let i = 0; i < count; i++) {
    const { value, quote, kind, unit, change, metric, subject, period } = syntheticFields(next, i);
    const sentence = `Synthetic sentence ${i} says the figure was ${quote} in ${period}.`;
    const start = i * 80;
    claims.push({
      id: `syn-${i}`,
      articleId: "synthetic",
      sentenceIndex: i,
      sentence,
      start,
      end: start + quote.length,
      quote,
      kind,
      value,
      valueMax: null,
      unit,
      currencyBasis: null,
      per: null,
      change,
      metric,
      subject,
      period,
      periodBasis: "explicit",
      modality: "in_force",
      links: [],
      warnings: [],
      rule: "number.bare",
    });
  }
  return claims;
}

export interface SyntheticArticle {
  text: string;
  claims: Claim[];
}

const FILLER = [
  "Officials gave no further detail on the talks this week.",
  "Analysts said the outlook for the sector remained uncertain.",
  "The ministry is expected to publish revised estimates next month.",
  "Industry groups have asked for more time to adjust their supply chains.",
];

/** Money in a currency rather than in tonnes, one currency per other unit, so an article has several. */
const CURRENCY_FOR: Record<string, string> = { "%": "JPY", pp: "GBP", job: "CHF", tonne: "MXN" };

/** Values a chart can show: money in currencies, percentages under 100 written as such, other figures as dollars. */
function plausible<F extends ReturnType<typeof syntheticFields>>(fields: F): F {
  if (fields.kind === "money") return { ...fields, unit: CURRENCY_FOR[fields.unit] ?? fields.unit };
  if (fields.kind !== "percent" && fields.kind !== "percentage_point") return fields;
  const value = (fields.value % 1000) / 10;
  return {
    ...fields,
    value,
    quote: fields.kind === "percent" ? `${value}%` : `${value} points`,
    unit: fields.kind === "percent" ? "%" : "pp",
  };
}

/**
 * An article of about `length` characters whose claims really are in it: every quote is `text.slice(start, end)`
 * and every sentence is where its offsets say. Paragraphs of five claim sentences, each followed by filler
 * sentences that bring the text up to length, so claims are spread evenly through it.
 */
export function syntheticArticle({ claims: count, length }: { claims: number; length: number }): SyntheticArticle {
  const next = generator(7);
  const perClaim = Math.max(1, Math.floor(length / Math.max(1, count)));
  const parts: string[] = [];
  const claims: Claim[] = [];
  let at = 0;
  let sentenceIndex = 0;
  const write = (piece: string) => {
    parts.push(piece);
    at += piece.length;
  };
  for (let i = 0; i < count; i++) {
    const fields = plausible(syntheticFields(next, i));
    const lead = `Figure ${i + 1} came to `;
    const sentence = `${lead}${fields.quote} for ${fields.subject} in ${fields.period}.`;
    const start = at + lead.length;
    claims.push({
      id: `syn-${i}`,
      articleId: "synthetic",
      sentenceIndex,
      sentence,
      start,
      end: start + fields.quote.length,
      quote: fields.quote,
      kind: fields.kind,
      value: fields.value,
      valueMax: null,
      unit: fields.unit,
      currencyBasis: null,
      per: null,
      change: fields.change,
      metric: fields.metric,
      subject: fields.subject,
      period: fields.period,
      periodBasis: "explicit",
      modality: "in_force",
      links: [],
      warnings: [],
      rule: "number.bare",
    });
    const blockEnd = (i + 1) * perClaim;
    write(sentence);
    sentenceIndex++;
    for (let f = i; at + FILLER[f % FILLER.length]!.length + 1 < blockEnd; f++) {
      write(` ${FILLER[f % FILLER.length]!}`);
      sentenceIndex++;
    }
    write(i % 5 === 4 ? "\n\n" : " ");
  }
  return { text: parts.join(""), claims };
}
