/**
 * The modality stage: whether a figure is in force, or only announced, threatened, proposed or forecast. It reads the
 * figure's own clause, back to the last clause break before it within the sentence, and the nearest cue there wins.
 * Past trade figures and levels stated as fact are "in_force".
 */
import type { Modality } from "../schema";
import { MODALITY_CUES } from "./lexicon";
import { alternatives, factored } from "./patterns";

const KINDS = Object.keys(MODALITY_CUES) as Array<keyof typeof MODALITY_CUES>;
// Read on the lower-cased sentence, case-sensitively, with the word start hoisted and the cues grouped by their first
// letter: a case-insensitive alternation of these lists cost 7% of the run time. Which kind a cue is, is asked only
// of the cues found.
const CUE = new RegExp(`\\b(?=[a-z])(?:${factored(KINDS.flatMap((kind) => MODALITY_CUES[kind]))})\\b`, "g");
const KIND_OF = KINDS.map((kind) => [kind, new RegExp(`^(?:${alternatives(MODALITY_CUES[kind])})$`)] as const);
/** How far back a cue may stand: a clause, not the whole sentence. */
const REACH = 120;
/** A clause break: a semicolon, a full stop inside a long sentence cut, or a dash or "but" that turns the clause. */
const CLAUSE_BREAK = /;|\s[–—]\s|\bbut\b|\bwhile\b|\bwhereas\b/gi;

interface SentenceCues {
  text: string;
  start: number;
  cues: Array<{ start: number; end: number; kind: Modality }>;
  breaks: number[];
}

// The cues of the last sentence read: a sentence's figures come one after another, so each sentence is scanned once.
let last: SentenceCues | null = null;

function cuesOf(text: string, sentenceStart: number, sentenceEnd: number): SentenceCues {
  if (last && last.text === text && last.start === sentenceStart) return last;
  // Lower case keeps the offsets of every ASCII letter, which is all the cues are written in.
  const sentence = text.slice(sentenceStart, sentenceEnd);
  const lower = sentence.toLowerCase();
  const cues: SentenceCues["cues"] = [];
  for (const m of (lower.length === sentence.length ? lower : sentence).matchAll(CUE)) {
    const kind = KIND_OF.find(([, pattern]) => pattern.test(m[0]))?.[0];
    if (kind) cues.push({ start: sentenceStart + m.index, end: sentenceStart + m.index + m[0].length, kind });
  }
  const breaks: number[] = [];
  for (const m of sentence.matchAll(CLAUSE_BREAK)) breaks.push(sentenceStart + m.index + m[0].length);
  last = { text, start: sentenceStart, cues, breaks };
  return last;
}

/** "A 40% tariff … was announced", "a duty that is being considered": the passive names the modality after the figure. */
const PASSIVE_AFTER = new RegExp(
  String.raw`^[^;.!?]{0,60}?\b(?:was|were|is|are|has been|have been|had been|being|be)[\s\u00a0]+` +
    String.raw`(announced|unveiled|proposed|floated|threatened|planned|considered|forecast|expected|projected)\b`,
  "i",
);
const EXPECTED_AFTER = new RegExp(
  String.raw`^[\s\u00a0]+(?:(?:[\p{L}'’]+[\s\u00a0]+){1,3}had[\s\u00a0]+(?:been[\s\u00a0]+)?)?` +
    String.raw`(?:expected|forecast|estimated|projected|anticipated|predicted|pencill?ed[\s\u00a0]+in)\b(?![\s\u00a0]+(?:to|by|that)\b)`,
  "iu",
);
const PASSIVE_KIND: Record<string, Modality> = {
  announced: "announced",
  unveiled: "announced",
  proposed: "proposed",
  floated: "proposed",
  planned: "proposed",
  considered: "proposed",
  threatened: "threatened",
  forecast: "forecast",
  expected: "forecast",
  projected: "forecast",
};

export function readModality(
  text: string,
  sentenceStart: number,
  sentenceEnd: number,
  figureStart: number,
  figureEnd = figureStart,
): Modality {
  const found = cueBefore(text, sentenceStart, sentenceEnd, figureStart);
  if (found !== "in_force") return found;
  const after = text.slice(figureEnd, Math.min(sentenceEnd, figureEnd + 90));
  // "$71.5 billion versus $68.9 billion expected": a participle right after the figure.
  const participle = EXPECTED_AFTER.exec(after);
  if (participle) return "forecast";
  const passive = PASSIVE_AFTER.exec(after);
  return passive ? PASSIVE_KIND[passive[1]!.toLowerCase()]! : found;
}

function cueBefore(text: string, sentenceStart: number, sentenceEnd: number, figureStart: number): Modality {
  const { cues, breaks } = cuesOf(text, sentenceStart, sentenceEnd);
  let from = Math.max(sentenceStart, figureStart - REACH);
  for (const at of breaks) if (at <= figureStart && at > from) from = at;
  let found: Modality = "in_force";
  for (const cue of cues) {
    if (cue.end > figureStart) break;
    if (cue.start >= from) found = cue.kind;
  }
  return found;
}
