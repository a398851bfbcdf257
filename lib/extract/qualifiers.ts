import type { Change, ListRule, QuantityRule, UnitRule } from "../schema";
import {
  ABOUT_WORDS,
  BY_FILLERS,
  CHANGE_FILLERS,
  FALL_NOUNS,
  FALL_VERBS,
  LESS_THAN_WORDS,
  MORE_THAN_WORDS,
  RISE_NOUNS,
  RISE_VERBS,
  UP_TO_VERBS,
} from "./lexicon";
import { alternatives, wordStarts, words } from "./patterns";
import type { Quantity } from "./units";

/**
 * `change` and ranges, per the annotation guide: a bound or approximation ("more than", "about"), the size of a
 * change ("plunged by", "up 4%", "a 3% decline"), or a level ("rose to", "down from"). Direction follows the
 * magnitude of the named quantity: a deficit that "widened" is up, a surplus that "narrowed" is down.
 */

const UP_VERBS = alternatives(RISE_VERBS);
const DOWN_VERBS = alternatives(FALL_VERBS);
const UP_NOUNS = words(RISE_NOUNS);
const DOWN_NOUNS = words(FALL_NOUNS);

const DIRECT_VERB = new RegExp(
  // Not the end of a hyphenated word: "Runner-up $1.7 million" is no rise.
  String.raw`\b(?<!-)(?:(${UP_VERBS})|(${DOWN_VERBS}))(?:\s+(?:by|of))?(?:\s+(?:${words(CHANGE_FILLERS)}))*\s*$`,
  "i",
);
const NOUN_OF = new RegExp(
  `\\b(?:(${UP_NOUNS})|(${DOWN_NOUNS}))\\s+of(?:\\s+(?:about|around|roughly|nearly|almost|more than|over|at least|less than|up to|some))?\\s*$`,
  "i",
);
const BY_AT_END = new RegExp(String.raw`\bby(?:\s+(?:${words(BY_FILLERS)}))*\s*$`, "i");
// Before "by", "lower" is a verb too ("lower tariffs by 115 points"), not the adjective of "a lower 10% levy".
const CLAUSE_DOWN = `${DOWN_VERBS}|lower|lowers`;
// "raised tariffs by 10 points" is a change; "raised $18.5 million" is an amount raised, a level.
const CLAUSE_UP = `${UP_VERBS}|raised|raise|raises|raising`;
const CLAUSE_VERB = new RegExp(
  `\\b(?:(${CLAUSE_UP})|(${CLAUSE_DOWN}))\\b(?![^,;:()]*\\b(?:${CLAUSE_UP}|${CLAUSE_DOWN})\\b)[^,;:()]*$`,
  "i",
);
// "a 3% decline", "a 2.5% annual rise", "5% higher"; a comparative must follow the figure directly ("from more than" is not one).
const NOUN_AFTER = new RegExp(
  `^\\s+(?:(?!(?:from|to|of|in|on|at|by|for|with|than|and|or)\\b)[A-Za-z-]+\\s+)?(?:(${UP_NOUNS})|(${DOWN_NOUNS}))\\b|^\\s+(?:(higher|more)|(lower|less))\\b`,
  "i",
);
const ABOUT = new RegExp(String.raw`(?:${wordStarts(ABOUT_WORDS)}|~)\s*$`, "i");
const MORE_THAN = new RegExp(String.raw`(?:${wordStarts(MORE_THAN_WORDS)})\s*$`, "i");
const LESS_THAN = new RegExp(
  String.raw`(?:${wordStarts(LESS_THAN_WORDS)})(?:\s+(?:a|an)\s+(?:quota|cap|ceiling|limit|maximum|total)\s+of)?\s*$`,
  "i",
);
const LEVEL_FROM_TO = /(?:\bfrom|(?<!\bup\s)\bto)\s*$/i;

const TOP_AT_END = /\btop\s*$/i;
const TRAILING_BOUND =
  /^[\s\u00a0]+or[\s\u00a0]+(?:(less|fewer|lower|below|under|smaller|shorter)|more|higher|above|over|greater|larger|bigger|longer)\b/i;
const TRAILING_ABOUT = /^[\s\u00a0]+or[\s\u00a0]+so\b/i;
const MARK_AFTER = /^[\s\u00a0]+(?:mark|milestone|threshold|barrier|level)\b/i;
const CROSSED_BEFORE =
  /\b(?:passed|passes|crossed|crosses|surpassed|broke|breached|topped|exceeded|cleared|hit)[\s\u00a0]+the[\s\u00a0]*$/i;
/** "3.4% above the average", "8% below the 2022 peak": the size of a difference, up or down. */
const DIFFERENCE_AFTER =
  /^[\s\u00a0]+(?:(above|higher than|more than)|(below|lower than|less than))[\s\u00a0]+(?:the|its|a|an|last|their|this|that|his|her|our|pre-)/i;
const OVER_AT_END = /\bover\s*$/i;
const DETERMINER_AT_END = /(?:^|\b(?:a|an|the|its|their|his|her|this|that|per|with))\s*$|^$/i;
const BETWEEN_BEFORE = /\bbetween[\s\u00a0]+$/i;
const FROM_BEFORE = /\bfrom[\s\u00a0]+$/i;
/** "range from 12 to 28 percent", "ranging from 10% to 15%": a range, not two levels. */
const RANGING_FROM = /\brang(?:e|es|ed|ing)[\s\u00a0]+from[\s\u00a0]+$/i;
const TO_WORD = /\bto\b/;

function direction(match: RegExpExecArray | null): Change | null {
  if (!match) return null;
  return match[1] || match[3] ? "up" : "down";
}

/** "no less than 58%" is a lower bound, "not more than" an upper one. */
const NEGATED_COMPARISON = /\b(?:no|not)\s+(?:(less|fewer|lower)|more|greater|higher)\s+than\s*$/i;
/** "ticked up to 34.5", "shot up to 6.9 percent", "added up to $21 billion": a level reached or a total, no bound. */
const UP_TO_LEVEL = new RegExp(String.raw`\b(?:${alternatives(UP_TO_VERBS)})\s+up\s+to\s*$`, "i");
const GLUED_PLUS = /\d\+(?![\d])/;
const ODD_AFTER = /^-(?:odd|something|ish)\b/i;

export function readChange(text: string, q: Quantity, sentenceStart: number): Change {
  // "rose +0.4%", "Payrolls +190K": an explicit plus is read past, and alone says the figure is a rise.
  const plus = text[q.start - 1] === "+";
  const left = text.slice(Math.max(sentenceStart, q.start - 120), plus ? q.start - 1 : q.start);
  const read = changeOf(text, q, left);
  return plus && read === "=" ? "up" : read;
}

/** What a change rule sees: the figure, and the text of its sentence before it (up to 120 characters) and after it. */
interface ChangeScan {
  text: string;
  q: Quantity;
  left: string;
  right: string;
  /** A lower-bound word ends `left` ("more than", "over"), read once for the rules that ask. */
  moreThan: boolean;
}

/** A phrase rule for `change`: `find` looks at the words around a figure, `resolve` says what they make of it. */
interface ChangeRule<M = unknown> {
  name: string;
  find(scan: ChangeScan): M | null;
  resolve(scan: ChangeScan, match: M): Change;
}

const changeRule = <M>(rule: ChangeRule<M>) => rule as ChangeRule;
/** A rule whose pattern alone decides. */
const when = (name: string, find: (scan: ChangeScan) => boolean, change: Change) =>
  changeRule({ name, find: (scan) => (find(scan) ? true : null), resolve: () => change });
const isDuringDuration = ({ q, left, moreThan }: ChangeScan) =>
  moreThan && q.kind === "duration" && OVER_AT_END.test(left);

/**
 * The change rules, in the one order they are asked; the first that finds something decides, and a figure no rule
 * speaks for is a level ("="). The word nearest the figure decides first: "cut about 6,000 jobs" is approximate,
 * "cut 6,000 jobs" a decrease.
 */
const CHANGE_RULES: readonly ChangeRule[] = [
  when("level.from-to", ({ left }) => LEVEL_FROM_TO.test(left), "="),
  // A headline's "Top $100 Billion" is "topped": a lower bound, for amounts and rates (not "the top 10").
  when("bound.top", ({ q, left }) => (q.kind === "money" || q.kind === "percent") && TOP_AT_END.test(left), ">"),
  changeRule({
    name: "bound.negated",
    find: ({ left }) => NEGATED_COMPARISON.exec(left),
    resolve: (_, negated) => (negated[1] ? ">" : "<"),
  }),
  when("level.up-to", ({ left }) => UP_TO_LEVEL.test(left), "="),
  when("bound.less-than", ({ left }) => LESS_THAN.test(left), "<"),
  // "over two years" is during them: not a bound, and no word after it is read either (see "level.during").
  when("bound.more-than", (scan) => scan.moreThan && !isDuringDuration(scan), ">"),
  when("bound.about", (scan) => !scan.moreThan && ABOUT.test(scan.left), "~"),
  changeRule({
    name: "change.verb",
    find: ({ left }) => direction(DIRECT_VERB.exec(left)) ?? direction(NOUN_OF.exec(left)),
    resolve: (_, verb) => verb,
  }),
  changeRule({
    name: "change.by",
    find: ({ left }) => (BY_AT_END.test(left) ? direction(CLAUSE_VERB.exec(left.replace(BY_AT_END, ""))) : null),
    resolve: (_, verb) => verb,
  }),
  // "20-odd", "40-something": about that many.
  when("bound.odd", ({ right }) => ODD_AFTER.test(right), "~"),
  // "$800 or less", "50 or more": a bound written after the figure.
  changeRule({
    name: "bound.trailing",
    find: ({ right }) => TRAILING_BOUND.exec(right),
    resolve: (_, trailing) => (trailing[1] ? "<" : ">"),
  }),
  when("bound.or-so", ({ right }) => TRAILING_ABOUT.test(right), "~"),
  // "passed the 9 million mark", "crossed the $100 threshold": a threshold crossed is a lower bound.
  when("bound.mark", ({ left, right }) => MARK_AFTER.test(right) && CROSSED_BEFORE.test(left), ">"),
  // "300+ hotels", "ages 18+": a lower bound.
  when("bound.plus", ({ text, q, right }) => right[0] === "+" || GLUED_PLUS.test(text.slice(q.start, q.end)), ">"),
  changeRule({
    name: "change.difference",
    find: ({ q, right }) =>
      q.kind === "percent" || q.kind === "percentage_point" || q.kind === "money" ? DIFFERENCE_AFTER.exec(right) : null,
    resolve: (_, difference) => (difference[1] ? "up" : "down"),
  }),
  // Only "over two years" gets here with a bound word: "over" a duration means during it.
  when("level.during", isDuringDuration, "="),
  changeRule({
    name: "change.noun-after",
    find: ({ q, left, right }) => {
      const after = direction(NOUN_AFTER.exec(right));
      return after && (DETERMINER_AT_END.test(left.trimEnd()) || q.kind !== "count") ? after : null;
    },
    resolve: (_, after) => after,
  }),
];

function changeOf(text: string, q: Quantity, left: string): Change {
  const scan: ChangeScan = { text, q, left, right: text.slice(q.end, q.end + 40), moreThan: MORE_THAN.test(left) };
  for (const rule of CHANGE_RULES) {
    const match = rule.find(scan);
    if (match !== null) return rule.resolve(scan, match);
  }
  return "=";
}

const RANGE_JOIN = /^[\s\u00a0]*(?:-|–|—|to)[\s\u00a0]*$/;
const AND_JOIN = /^[\s\u00a0]+and[\s\u00a0]+$/;

function compatible(a: Quantity, b: Quantity): boolean {
  if (a.kind === b.kind) return a.unit === b.unit || a.unit === null || b.unit === null;
  return (a.kind === "other" && a.bare) || (a.kind === "money" && b.kind === "other" && b.bare);
}

/** Copies a quantity with some fields changed and a new rule, field by field (V8 is slow on `{ ...q, extra }`). */
function ranged<R extends QuantityRule>(q: Quantity, f: Partial<Quantity> & { rule: R }): Quantity<R> {
  return {
    start: f.start ?? q.start,
    end: f.end ?? q.end,
    kind: f.kind ?? q.kind,
    value: f.value ?? q.value,
    valueMax: f.valueMax ?? null,
    scale: f.scale ?? q.scale,
    unit: f.unit !== undefined ? f.unit : q.unit,
    currencyBasis: f.currencyBasis !== undefined ? f.currencyBasis : q.currencyBasis,
    ambiguousSymbol: q.ambiguousSymbol,
    noun: f.noun !== undefined ? f.noun : q.noun,
    rule: f.rule,
    bare: f.bare ?? q.bare,
    basisPoints: f.basisPoints ?? q.basisPoints,
    listRule: null,
  };
}

/** Joins "10%-15%", "USD 3-5 bn", "between 10 and 25 per cent", "5 to 7 per cent"; leaves "from 5% to 7%" as two. */
export function joinRanges(text: string, quantities: Quantity<UnitRule | ListRule>[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < quantities.length; i++) {
    const a = quantities[i]!;
    const b = quantities[i + 1];
    if (b && compatible(a, b) && b.value >= a.value * Math.max(1, b.scale / Math.max(1, a.scale))) {
      const gap = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 12), a.start);
      const between = AND_JOIN.test(gap) && BETWEEN_BEFORE.test(before);
      const dashed =
        RANGE_JOIN.test(gap) &&
        (!FROM_BEFORE.test(before) || RANGING_FROM.test(text.slice(Math.max(0, a.start - 24), a.start))) &&
        !(TO_WORD.test(gap) && DIRECT_VERB.test(text.slice(Math.max(0, a.start - 40), a.start)));
      if (between || dashed) {
        const money = a.kind === "money" ? a : b.kind === "money" ? b : null;
        const shared = a.scale === 1 && b.scale > 1 ? b.scale : 1;
        const startAt = between ? a.start - BETWEEN_BEFORE.exec(before)![0].length : a.start;
        out.push(
          ranged(money ?? b, {
            start: startAt,
            end: b.end,
            kind: money ? "money" : b.kind,
            unit: money ? money.unit : b.unit,
            value: a.value * shared,
            valueMax: b.value,
            rule: `${b.rule}+range`,
            scale: b.scale,
            noun: b.noun,
          }),
        );
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

const LIST_JOIN = /^(?:,|,?[\s\u00a0]+(?:and|or))[\s\u00a0]+$/;

/** "tariffs of 80.5, 218 and 12 per cent": bare numbers in a list take the unit written after the last. */
export function shareListUnits(text: string, quantities: Quantity<UnitRule>[]): Quantity<UnitRule | ListRule>[] {
  const out: Quantity<UnitRule | ListRule>[] = quantities.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const last = out[i]!;
    // Only a rate a unit stage made has a list rule: not a number that took one from a list already.
    if (last.listRule === null) continue;
    for (let j = i - 1; j >= 0; j--) {
      const q = out[j]!;
      if (!q.bare || !LIST_JOIN.test(text.slice(q.end, out[j + 1]!.start))) break;
      out[j] = ranged(q, {
        kind: last.kind,
        unit: last.unit,
        value: last.basisPoints ? q.value / 100 : q.value,
        rule: last.listRule,
        bare: false,
        basisPoints: last.basisPoints,
        currencyBasis: last.currencyBasis,
        noun: last.noun,
      });
    }
  }
  return out;
}
