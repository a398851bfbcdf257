import type { Draft } from "./draft";
import { claimId } from "./ids";
import { COORDINATION_STOP_WORDS, LEVEL_ADJECTIVES } from "./lexicon";
import { alternatives, words } from "./patterns";

/**
 * Figures that lean on the figure before them in the same sentence:
 * - "$102.3 billion (US$74.25 billion)": the same figure in two currencies, linked, with the rate they imply;
 * - "rose 14.8 per cent, or $2.2 billion": a restatement shares the change, metric, subject and period;
 * - "rose 0.1% in May and 2.4% year-on-year": a coordinated figure shares the direction of the change;
 * - "widened to $26.4 billion from $21.9 billion": a previous level measures the same thing as the level before it;
 * - "widened by $800 million to a record $10.7 billion": the level a change reached measures what changed.
 */

// "$30 billion of U.S. goods (US$21 billion)": the bracket may follow a short "of …" phrase.
const BRACKETED =
  /^(?:[\s\u00a0]+(?:of|in|worth of)[\s\u00a0]+[^()]{1,40}?)?[\s\u00a0]*\([\s\u00a0]*(?:or|about|roughly|approximately|around|some|~)?[\s\u00a0]*$/i;
const RESTATED = /^[\s\u00a0]*(?:,|\(|—|–)?[\s\u00a0]*or[\s\u00a0]*$/i;
// "rose 0.1% in May and 2.4% year-on-year", "fell 3.1%, vehicles 7.4% and pharmaceuticals 12.5%".
const COORDINATED = new RegExp(
  String.raw`^(?:(?:[\s\u00a0]+(?:in|on|during|for|at)[\s\u00a0]+[\p{L}\d .-]{1,25}?)?,?[\s\u00a0]+(?:and|or|but)[\s\u00a0]+|` +
    // ", vehicles ", " and pharmaceuticals ": one or two lower-case words, not a function word, say what is measured.
    String.raw`(?:,[\s\u00a0]+(?:and[\s\u00a0]+)?|[\s\u00a0]+and[\s\u00a0]+)` +
    String.raw`(?:(?!(?:${words(COORDINATION_STOP_WORDS)})\b)\p{Ll}[\p{L}-]*[\s\u00a0]+){1,2})$`,
  "u",
);
const PREVIOUS_LEVEL = /\bfrom[\s\u00a0]*$/i;
const LEVEL_REACHED = new RegExp(
  String.raw`^[\s\u00a0]+to[\s\u00a0]+(?:(?:a|an|the)[\s\u00a0]+(?:${alternatives(LEVEL_ADJECTIVES)})?` +
    String.raw`[\s\u00a0]*(?:high|low)?[\s\u00a0]*(?:of[\s\u00a0]+)?)?$`,
  "i",
);

function shareWhat(from: Draft, to: Draft): void {
  Object.assign(to, { metric: from.metric, subject: from.subject, period: from.period, periodBasis: from.periodBasis });
}

export function relateNeighbours(text: string, articleId: string, drafts: Draft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const a = drafts[i - 1]!;
    const b = drafts[i]!;
    const between = text.slice(a.end, b.start);
    if (a.kind === "money" && b.kind === "money" && a.unit && b.unit && a.unit !== b.unit && BRACKETED.test(between)) {
      const rate = (x: number, y: number) => Number((x / y).toPrecision(6));
      a.links.push({
        id: claimId(articleId, b.start, b.end),
        relation: "currency_equivalent",
        rate: rate(a.value, b.value),
      });
      b.links.push({
        id: claimId(articleId, a.start, a.end),
        relation: "currency_equivalent",
        rate: rate(b.value, a.value),
      });
      if (b.change === "=") b.change = a.change;
      shareWhat(a, b);
    } else if (RESTATED.test(between)) {
      if (b.change === "=") b.change = a.change;
      shareWhat(a, b);
    } else if (
      b.change === "=" &&
      (a.change === "up" || a.change === "down") &&
      a.kind === b.kind &&
      COORDINATED.test(between)
    ) {
      b.change = a.change;
    } else if (
      (a.change === "up" || a.change === "down") &&
      a.kind === b.kind &&
      a.unit === b.unit &&
      LEVEL_REACHED.test(between)
    ) {
      Object.assign(b, { metric: a.metric, subject: a.subject });
    }
    if (PREVIOUS_LEVEL.test(text.slice(Math.max(0, b.start - 8), b.start))) {
      // The nearest earlier figure of the same kind and unit, walked back without copying the list.
      for (let j = i - 1; j >= 0; j--) {
        const level = drafts[j]!;
        if (level.kind === b.kind && level.unit === b.unit) {
          Object.assign(b, { metric: level.metric, subject: level.subject });
          break;
        }
      }
    }
  }
}
