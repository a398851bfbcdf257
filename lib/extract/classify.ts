import type { Claim, Metric } from "../schema";
import type { DateMention } from "./dates";
import {
  CAUSE_WORDS,
  COMPARISON_WORDS,
  DATED_FIGURE_NOUNS,
  FLOW_PHRASE_STOP_WORDS,
  GOODS_UNIT_NOUNS,
  MEASURE_WORDS,
  OBJECT_END_WORDS,
  ORIGIN_PARTICIPLES,
  SUBJECT_STOP_WORDS,
} from "./lexicon";
import { alternatives, words } from "./patterns";
import { KEYWORD_RULES, type KeywordFamily, type KeywordScan } from "./rules/keywords";
import type { Quantity } from "./units";

/** `metric` and `subject`: which trade flow a figure measures, read from the nearest keyword in its sentence. */

export interface Keyword {
  family: KeywordFamily;
  start: number;
  end: number;
}

// Every keyword rule in one scan, a named group per rule: which rule matched is the group that took part.
const KEYWORD_PATTERN = new RegExp(
  `(?<![A-Za-z0-9])(?=[A-Za-z])(?:${KEYWORD_RULES.map((r, i) => `(?<k${i}>(?:${r.find})\\b)`).join("|")})`,
  "gi",
);
const GROUPS = KEYWORD_RULES.map((_, i) => `k${i}`);
const SCAN: KeywordScan = { sentence: "", index: 0, length: 0 };
const GOODS_UNITS = new RegExp(String.raw`^(?:${words(GOODS_UNIT_NOUNS)})$`, "i");
/** Money "of American goods" in a sentence about tariffs or countermeasures: the goods they hit, imports. */
const TARGETED_GOODS =
  /^[\s\u00a0]+(?:worth[\s\u00a0]+)?of[\s\u00a0]+(?!the\b|its\b|their\b|his\b|her\b|our\b|this\b|that\b|GDP\b|output\b|revenue)\p{L}/u;
/** "$33 billion of Canada's exports", "73 per cent of its imports": a share of a named flow. */
const ATTACHED_FLOW = new RegExp(
  String.raw`^[\s\u00a0]+(?:worth[\s\u00a0]+)?(?:of|in)[\s\u00a0]+` +
    String.raw`(?:(?!(?:${words(FLOW_PHRASE_STOP_WORDS)}|the[\s\u00a0]+\p{Lu})\b)(?:(?:\p{Lu}\.){2,}|[\p{L}'’-]+)[\s\u00a0]+){0,3}?` +
    String.raw`(exports|imports)\b`,
  "iu",
);
/** A tariff or countermeasure aimed at what follows: "tariffs on", "retaliation against", "measures that target". */
const TARGETING_BEFORE = new RegExp(
  String.raw`\b(?:(?:tariffs?|duties|duty|levies|levy|surtax(?:es)?|counter-?tariffs?|countermeasures?|retaliat\w*|measures)\b` +
    String.raw`[^.;]{0,40}?\b(?:on|against)|target(?:s|ed|ing)?)` +
    String.raw`(?:[\s\u00a0]+(?:about|some|nearly|roughly|around|an additional|another|more than|over|up to))?[\s\u00a0]+$`,
  "i",
);
const GOODS_WORTH_BEFORE =
  /\b(?:goods|products|items|merchandise)[\s\u00a0]+(?:worth|valued at)[\s\u00a0]+(?:about|some|nearly|more than|over|roughly|up to)?[\s\u00a0]*$/i;
const MEASURES_GLOBAL = new RegExp(String.raw`\b(?:${alternatives(MEASURE_WORDS)})\b`, "gi");
/** Text between a change and a keyword after it that shows the keyword is a cause, not the thing measured. */
const ATTACHED =
  /^[\s\u00a0]+(?:in|of|worth of|off|from|to)[\s\u00a0]+(?:[A-Za-z\u00C0-\u024F.'’-]+[\s\u00a0]+){0,3}$/i;
const PAST_PARTICIPLE = /ed$/i;
const CAUSE_BETWEEN = new RegExp(
  String.raw`\bto[\s\u00a0]+[A-Za-z\u00C0-\u024F]+[\s\u00a0]+(?:the|a|an|its|their)\b|\b(?:${words(CAUSE_WORDS)})\b|[,;:()]`,
  "i",
);

const SENDING = /^sen[dt]/i;
/** "sent $30 billion worth of steel": money sent as goods is an export after all. */
const WORTH_OF_AFTER = /^[\s\u00a0]+worth[\s\u00a0]+of\b/i;
const VALUE_WORDS = /^(?:valued|thresholds?|exemptions?|prices?|costs?)$/i;
const CLAUSE_BREAK = /[,;]|\b(?:while|whereas|but)\b/;
/** "levies on Chinese imports": the keyword is the object of "on" (checked cheaply before the pattern runs). */
function onGoodsBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return before.includes("on") && ON_GOODS_BEFORE.test(before);
}
const ON_GOODS_BEFORE = /\bon[\s\u00a0]+(?:[\p{L}.'’-]+[\s\u00a0]+){0,3}$/u;
const DATE_OF_FIGURE = new RegExp(
  String.raw`^[\s\u00a0]+(?:(?:${words(DATED_FIGURE_NOUNS)})[\s\u00a0]+)?(?:(?:per|a|an|each)[\s\u00a0]+(?:day|week|month|year)[\s\u00a0]+)?` +
    String.raw`(?:in|during|for|as of|through|by|at end-?|at the end of)(?:[\s\u00a0]+the)?[\s\u00a0]+$`,
  "i",
);

export function findKeywords(sentence: string, offset: number): Keyword[] {
  const keywords: Keyword[] = [];
  // exec in a loop, not matchAll: matchAll clones the pattern on every call, four times the cost on short sentences.
  KEYWORD_PATTERN.lastIndex = 0;
  for (let m = KEYWORD_PATTERN.exec(sentence); m; m = KEYWORD_PATTERN.exec(sentence)) {
    const rule = KEYWORD_RULES[GROUPS.findIndex((g) => m.groups![g] !== undefined)]!;
    SCAN.sentence = sentence;
    SCAN.index = m.index;
    SCAN.length = m[0].length;
    const family = rule.resolve(SCAN);
    keywords.push({ family, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return keywords;
}

/**
 * How far from a figure a keyword or date may stand to describe it: far longer than any real sentence (the
 * longest in the fixtures is 255 characters), so it only matters in text with no sentence breaks at all, where
 * reading every keyword of a 1 MB "sentence" for every figure in it made extraction quadratic.
 */
export const REACH = 500;

/** The items (in text order, not overlapping) that end at most REACH before `start` and begin at most REACH after `end`. */
export function nearby<T extends { start: number; end: number }>(items: T[], start: number, end: number): T[] {
  if (items.length === 0 || (items[0]!.end >= start - REACH && items[items.length - 1]!.start <= end + REACH))
    return items;
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid]!.end < start - REACH) low = mid + 1;
    else high = mid;
  }
  let stop = low;
  while (stop < items.length && items[stop]!.start <= end + REACH) stop++;
  return items.slice(low, stop);
}

function distance(k: Keyword, start: number, end: number): number {
  if (k.end <= start) return start - k.end;
  if (k.start >= end) return k.start - end;
  return 0;
}

/**
 * The weights by which a keyword competes to say what a figure measures: its distance in characters, changed by
 * these. Lower wins.
 */
export const METRIC_SCORES = {
  /** A tariff word is the likeliest thing a rate measures... */
  tariffWordForRate: 0.7,
  /** ...and a poor one for an amount, which it rarely measures ("tariffs on $200 billion of goods" are imports). */
  tariffWordForAmount: 25,
  /** A keyword of no trade flow ("prices", "revenue") next to an amount. */
  otherWordForAmount: 4,
  /** A cause between figure and keyword after it ("as imports slumped"). */
  causeBetween: 40,
  /** A clause break between a keyword before the figure and the figure. */
  clauseBreakBefore: 15,
  /** A flow a rate applies to ("levies on Chinese imports to 145%"), not what the rate measures. */
  flowRateAppliesTo: 30,
  /** A keyword after a change that is not attached to it: a change is told of the thing before it. */
  keywordAfterChange: 25,
  /** A keyword attached right after the figure ("73 per cent of its exports", "$5 billion in exports"). */
  attachedToRate: 0.1,
  attachedToAmount: 0.5,
} as const;

export interface Classified {
  metric: Metric;
  keyword: Keyword | null;
}

/** What classifying reads of a draft: where it is, what it measures, and whether it changed. */
type Figure = Pick<Quantity, "start" | "end" | "kind" | "unit"> & Pick<Claim, "change">;

/**
 * "countermeasures targeting €21 billion of U.S. goods", "tariffs on $200 billion of Chinese products": money
 * "of" goods after a measure that hits them is the measuring country's imports. The measure word stands as an
 * imports keyword and competes with the others by distance.
 */
function targetingMeasure(text: string, sentenceStart: number, figure: Figure, keywords: Keyword[]): Keyword[] {
  if (keywords.some((k) => k.family === "trade_volume")) return [];
  // "US products worth €72 billion that could face counter-tariffs": the goods come first, the measure anywhere.
  const flowBefore = keywords.some((k) => (k.family === "exports" || k.family === "imports") && k.end <= figure.start);
  if (!flowBefore && GOODS_WORTH_BEFORE.test(text.slice(Math.max(sentenceStart, figure.start - 40), figure.start))) {
    const measure = keywords.find((k) => k.family === "tariff_rate");
    if (measure) return [{ family: "imports", start: figure.start, end: figure.start }];
  }
  if (!TARGETED_GOODS.test(text.slice(figure.end, figure.end + 60))) return [];
  let measure: RegExpExecArray | null = null;
  const before = text.slice(Math.max(sentenceStart, figure.start - REACH), figure.start);
  MEASURES_GLOBAL.lastIndex = 0;
  for (let m = MEASURES_GLOBAL.exec(before); m; m = MEASURES_GLOBAL.exec(before)) measure = m;
  if (!measure) return [];
  const start = figure.start - before.length + measure.index;
  return [{ family: "imports", start, end: start + measure[0].length }];
}

export function classifyMetric(
  text: string,
  sentenceStart: number,
  figure: Figure,
  sentenceKeywords: Keyword[],
  previousKeywords: () => Keyword[],
): Classified {
  const { kind, unit, start, end, change } = figure;
  const keywords = nearby(sentenceKeywords, start, end);
  if (kind === "date" || kind === "rank" || kind === "duration" || kind === "other")
    return { metric: "other", keyword: null };
  const rate = kind === "percent" || kind === "percentage_point";
  if (kind === "count" && !(unit !== null && GOODS_UNITS.test(unit.split(" per ")[0]!)))
    return { metric: "other", keyword: null };
  const attachedFlow = ATTACHED_FLOW.exec(text.slice(end, end + 60));
  if (attachedFlow) {
    // "tariffs on C$16.2 billion in U.S. exports": goods a country's tariffs target are its imports.
    const exports = attachedFlow[1]!.toLowerCase().startsWith("ex");
    const targeted = exports && TARGETING_BEFORE.test(text.slice(Math.max(sentenceStart, start - 80), start));
    return { metric: exports && !targeted ? "exports" : "imports", keyword: null };
  }
  const candidates =
    kind === "money" ? [...keywords, ...targetingMeasure(text, sentenceStart, figure, keywords)] : keywords;
  let best: Keyword | null = null;
  let bestScore = Infinity;
  for (const k of candidates) {
    // Sending money is not exporting ("will send half a billion dollars to farmers").
    if (
      kind === "money" &&
      k.family === "exports" &&
      SENDING.test(text.slice(k.start, k.end)) &&
      !WORTH_OF_AFTER.test(text.slice(end, end + 12))
    )
      continue;
    // Goods counted in tonnes or vehicles are flows, never a balance or a rate.
    if (kind === "count" && (k.family === "trade_balance" || k.family === "tariff_rate")) continue;
    // A count of goods is not measured by a price or a value threshold near it.
    if (kind === "count" && k.family === "other" && VALUE_WORDS.test(text.slice(k.start, k.end))) continue;
    let score = distance(k, start, end);
    const after = k.start >= end;
    const between = after ? text.slice(end, k.start) : text.slice(k.end, start);
    // Attached means the keyword heads the phrase after the figure ("of Canada's exports"), not a verb in it ("of the goods it pledged").
    const attached =
      after &&
      ATTACHED.test(between) &&
      !CAUSE_BETWEEN.test(between) &&
      !PAST_PARTICIPLE.test(text.slice(k.start, k.end));
    if (k.family === "tariff_rate")
      score = rate ? score * METRIC_SCORES.tariffWordForRate : score + METRIC_SCORES.tariffWordForAmount;
    if (k.family === "other" && !rate) score += METRIC_SCORES.otherWordForAmount;
    // The thing measured comes before its figure or right after it ("$5 billion in exports", "25% tariff");
    // a keyword beyond a clause break or a cause ("as imports slumped") is about something else.
    if (after && CAUSE_BETWEEN.test(between)) score += METRIC_SCORES.causeBetween;
    if (!after && CLAUSE_BREAK.test(between)) score += METRIC_SCORES.clauseBreakBefore;
    // "levies on Chinese imports to 145%", "10% on imported toys": the flow is what a rate applies to, not the figure.
    if (rate && k.family !== "tariff_rate" && k.family !== "other" && onGoodsBefore(text, k.start))
      score += METRIC_SCORES.flowRateAppliesTo;
    // A change is told of the thing before it; a keyword after it is rarely what changed.
    if (after && (change === "up" || change === "down") && !attached) score += METRIC_SCORES.keywordAfterChange;
    // "73 per cent of Australia's iron ore exports", "$5 billion in exports": the keyword the figure is attached to.
    if (attached && k.family !== "tariff_rate")
      score *= rate ? METRIC_SCORES.attachedToRate : METRIC_SCORES.attachedToAmount;
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  if (!best) {
    // "Some rates reach 49%." after a sentence on tariffs: the rates are tariff rates.
    const tariff = rate ? previousKeywords().find((k) => k.family === "tariff_rate") : undefined;
    return tariff ? { metric: "tariff_rate", keyword: null } : { metric: "other", keyword: null };
  }
  let metric = best.family as Metric;
  // Money next to a tariff word is the value of the goods it hits ("tariffs on $200 billion of goods"): imports.
  if (metric === "tariff_rate" && !rate)
    metric = /\bon[\s\u00a0]+(?:about|some|nearly|more than|over|roughly|an additional|another)?[\s\u00a0]*$/i.test(
      text.slice(Math.max(0, start - 30), start),
    )
      ? "imports"
      : "other";
  if (
    metric === "tariff_rate" &&
    /\btariff (?:revenue|income|collections?)/i.test(text.slice(best.start, best.end + 20))
  )
    metric = "other";
  return { metric, keyword: best };
}

const HAS_LETTER = /\p{L}/u;
const STOP_LEFT = new RegExp(String.raw`^(?:${alternatives(SUBJECT_STOP_WORDS)})$`, "i");
/** A capitalised word of a name: "Canada", "U.S.", "O'Neill". */
const NAME_WORD = String.raw`[\p{Lu}][\p{L}.'’-]*`;
const RIGHT_TAIL = new RegExp(
  String.raw`^(?:[\s\u00a0]+(?:to|with|from|between|into|of)[\s\u00a0]+(?:the[\s\u00a0]+)?` +
    String.raw`(?:two[\s\u00a0]+countries|${NAME_WORD}(?:[\s\u00a0]+${NAME_WORD}){0,2}))`,
  "u",
);
const OBJECT_AFTER_PREPOSITION = new RegExp(
  String.raw`^[\s\u00a0]+(?:the[\s\u00a0]+)?(?:two[\s\u00a0]+(?:countries|nations|neighbou?rs|economies)|` +
    String.raw`${NAME_WORD}(?:[\s\u00a0]+(?:and[\s\u00a0]+)?${NAME_WORD}){0,3})`,
  "u",
);
const FIGURE_OF =
  /^(?:[A-Z]{0,3}[$€£¥]|\d)[^\s]*(?:[\s\u00a0]+(?:million|billion|trillion|bn|m))?[\s\u00a0]+(?:worth[\s\u00a0]+)?of[\s\u00a0]+/i;
const LAST_TWO_WORDS = /(?:^|[\s\u00a0])((?:[\p{L}-]+[\s\u00a0]+){0,2})$/u;
const DATE_START = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|\d)/;
const COMPARISON_BEFORE = new RegExp(
  String.raw`\b(?:${alternatives(COMPARISON_WORDS)}|same (?:period|month|quarter|time|stretch)(?:[\s\u00a0]+(?:of|in))?)` +
    String.raw`(?:[\s\u00a0]+(?:in|early|late|mid))?[\s\u00a0]+$`,
  "i",
);
/** "up 51 per cent on 2023": a year after "on" is what the figure is compared with. */
const FROM_BEFORE_DATE = /\bfrom[\s\u00a0]+$/i;
const ON_BEFORE = /\bon[\s\u00a0]+$/i;
/** "made in China", "imported from Mexico": an end word after an origin participle stays inside the phrase. */
const NOT_AFTER_ORIGIN = String.raw`(?<!\b(?:${words(ORIGIN_PARTICIPLES)}))`;
/** An object phrase, up to punctuation, a full stop that ends the sentence, or a word in `ends` that starts a new phrase. */
function objectUntil(ends: string): string {
  return String.raw`(?:(?![,;:()—–]|\.(?:[\s\u00a0]|$)(?![\s\u00a0]*\p{Ll})|${NOT_AFTER_ORIGIN}[\s\u00a0]+(?:${ends})\b).)+`;
}
const OBJECT_AFTER_OF = new RegExp(
  String.raw`^[\s\u00a0]+(?:worth[\s\u00a0]+)?of[\s\u00a0]+(${objectUntil(`${words(OBJECT_END_WORDS)}|over`)})`,
  "iu",
);
// "tariffs on steel and $30 billion of …": an "and" before a figure ends the object too.
const OBJECT_AFTER_ON = new RegExp(
  String.raw`^[\s\u00a0]*(?:\bon|\bagainst|\b(?:appl(?:y|ies|ied)|levied|imposed|charged)[\s\u00a0]+(?:to|on))` +
    String.raw`[\s\u00a0]+(?:all[\s\u00a0]+|most[\s\u00a0]+|some[\s\u00a0]+)?` +
    String.raw`(${objectUntil(String.raw`${words(OBJECT_END_WORDS)}|and(?=[\s\u00a0]+[\d$€£¥])`)})`,
  "iu",
);

const OWNED_RATE_BEFORE = new RegExp(
  String.raw`(\p{Lu}[\p{L}\d.&-]*(?:[ \u00a0]\p{Lu}[\p{L}\d.&-]*){0,3})['’]s[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,2}` +
    String.raw`(?:rate|tariff|duty|levy|surcharge)s?[ \u00a0]+(?:(?:of|at)[ \u00a0]+)?(?:(?:about|around|just|only)[ \u00a0]+)?$`,
  "u",
);

/** What the figure is about: "Canada's merchandise trade surplus", "steel and aluminum imports". */
export function readSubject(
  text: string,
  sentenceStart: number,
  sentenceEnd: number,
  metric: Metric,
  keyword: Keyword | null,
  quoteEnd: number,
  noun: string | null,
  quoteStart = quoteEnd,
): string | null {
  if (noun) return noun.replace(/^[\d.,\s\u00a0]+/, "").trim() || null;
  // "Tesla's rate of 7.8%", "BYD's individual duty of 17%": the owner of the rate is what it is about.
  if (metric === "tariff_rate") {
    const owner = OWNED_RATE_BEFORE.exec(text.slice(Math.max(sentenceStart, quoteStart - 60), quoteStart))?.[1];
    if (owner) return owner;
  }
  // "$30 billion of U.S. goods": the goods named after the figure.
  const goods =
    metric === "imports" || metric === "exports"
      ? OBJECT_AFTER_OF.exec(text.slice(quoteEnd, Math.min(sentenceEnd, quoteEnd + 120)))?.[1]
          ?.trim()
          .replace(/\.$/, "")
      : undefined;
  if (goods && !DATE_START.test(goods)) return goods;
  if (!keyword) return null;
  if (metric === "tariff_rate") {
    // "tariffs on Chinese goods to 20%": the goods right after the tariff word, else after the figure.
    const objectAt = (from: number) => OBJECT_AFTER_ON.exec(text.slice(from, Math.min(sentenceEnd, from + 120)))?.[1];
    const from = Math.min(Math.max(keyword.end, quoteEnd), sentenceEnd);
    const object =
      (keyword.end < quoteEnd ? objectAt(keyword.end) : undefined) ?? objectAt(from)?.trim().replace(/\.$/, "");
    // "rise to 50% on June 4": a date is when, not what.
    // "tariffs on C$30 billion of U.S. goods": the goods, not their value.
    const goodsOnly = object?.replace(FIGURE_OF, "");
    if (goodsOnly && !DATE_START.test(goodsOnly)) return goodsOnly;
    // Otherwise the words before the tariff word, but never the figure's own ("a 25-per-cent tariff").
    const leftEdge = Math.max(sentenceStart, keyword.start - 40, quoteEnd <= keyword.start ? quoteEnd : 0);
    const left = LAST_TWO_WORDS.exec(text.slice(leftEdge, keyword.start))?.[1]?.trim();
    const words = (left ?? "").split(/[\s\u00a0]+/).filter((w) => w && !STOP_LEFT.test(w) && !/\d/.test(w));
    return `${words.join(" ")} ${text.slice(keyword.start, keyword.end)}`.trim();
  }
  // Walk left over modifiers and a possessive ("Canada's merchandise trade surplus").
  // The figure's own words are never part of its subject ("€1.6 trillion trade relationship").
  const leftEdge = Math.max(sentenceStart, keyword.start - 60, quoteEnd <= keyword.start ? quoteEnd : 0);
  const before = text.slice(leftEdge, keyword.start);
  const words = before.split(/(?<=[\s\u00a0])/);
  let phrase = "";
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!.trim();
    // A subject is words: an emoji or a stray mark before it ends the walk like punctuation does.
    if (
      !word ||
      STOP_LEFT.test(word) ||
      /[,;:()"“”\d$%]/.test(word) ||
      !HAS_LETTER.test(word) ||
      phrase.split(" ").length > 4
    )
      break;
    phrase = `${word} ${phrase}`;
  }
  const rest = text.slice(keyword.end, Math.min(sentenceEnd, keyword.end + 60));
  // A keyword that ends in its preposition ("flowed between") takes its object directly.
  const tail =
    (/(?:between|with|to|from)$/i.test(text.slice(keyword.start, keyword.end))
      ? OBJECT_AFTER_PREPOSITION.exec(rest)
      : RIGHT_TAIL.exec(rest))?.[0] ?? "";
  const subject = `${phrase}${text.slice(keyword.start, keyword.end)}${tail}`.replace(/[\s\u00a0]+/g, " ").trim();
  return subject || null;
}

/** The date nearest the figure in its sentence lends it its period. */
export function nearestDate(
  text: string,
  sentenceDates: DateMention[],
  start: number,
  end: number,
  isChange = false,
): DateMention | null {
  let best: DateMention | null = null;
  let bestDistance = Infinity;
  // The previous sentence's dates are asked for with start = end = MAX_SAFE_INTEGER: all of them count.
  const dates = start === Number.MAX_SAFE_INTEGER ? sentenceDates : nearby(sentenceDates, start, end);
  for (const d of dates) {
    // "the lowest since 2009", "than in 2019": a date of comparison is not the figure's period.
    const before = text.slice(Math.max(0, d.start - 24), d.start);
    if (d.period === null || d.dateline || COMPARISON_BEFORE.test(before) || (d.bareYear && ON_BEFORE.test(before)))
      continue;
    // "down $3 billion from fiscal 2025": after a change, "from" names the base it is measured against.
    if (isChange && d.start >= end && FROM_BEFORE_DATE.test(before)) continue;
    let gap = d.end <= start ? start - d.end : d.start >= end ? d.start - end : 0;
    // "$172 billion in 2024": a date right after the figure belongs to it.
    if (d.start >= end && d.start - end < 36 && DATE_OF_FIGURE.test(text.slice(end, d.start))) gap = -1;
    if (gap < bestDistance) {
      bestDistance = gap;
      best = d;
    }
  }
  return best;
}
