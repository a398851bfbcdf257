/**
 * The modality stage: whether a figure is in force, or only announced, threatened, proposed or forecast. It asks the
 * rules of rules/modality.ts: the cue rules over the figure's own clause (back to the last clause break before it
 * within the sentence; the nearest cue there wins), then the rules for the words after the figure. Past trade figures
 * and levels stated as fact are "in_force".
 */
import type { Modality } from "../schema";
import { alternatives, factored } from "./patterns";
import { MODALITY_AFTER_RULES, MODALITY_CUE_RULES } from "./rules/modality";

// Read on the lower-cased sentence, case-sensitively, with the word start hoisted and the cues grouped by their first
// letter: a case-insensitive alternation of these lists cost 7% of the run time. Which rule a cue is, is asked only
// of the cues found.
const CUE = new RegExp(`\\b(?=[a-z])(?:${factored(MODALITY_CUE_RULES.flatMap((r) => r.find))})\\b`, "g");
const RULE_OF = MODALITY_CUE_RULES.map((r) => [r, new RegExp(`^(?:${alternatives(r.find)})$`)] as const);
/** How far back a cue may stand: a clause, not the whole sentence. */
const REACH = 120;
/** How far after the figure the after rules read. */
const AFTER = 90;
/** A clause break: a semicolon, a full stop inside a long sentence cut, or a dash or "but" that turns the clause. */
const CLAUSE_BREAK = /;|\s[–—]\s|\bbut\b|\bwhile\b|\bwhereas\b/gi;

/** The modality of a figure and the rule that said so; `rule` is null for a figure in force. */
export interface ModalityReading {
  modality: Modality;
  rule: (typeof MODALITY_CUE_RULES)[number]["name"] | (typeof MODALITY_AFTER_RULES)[number]["name"] | null;
  /** The words the rule read: the cue, or the text after the figure it matched. */
  cue: string | null;
}

interface SentenceCues {
  text: string;
  start: number;
  cues: Array<{ start: number; end: number; rule: (typeof MODALITY_CUE_RULES)[number] }>;
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
    const rule = RULE_OF.find(([, pattern]) => pattern.test(m[0]))?.[0];
    if (rule) cues.push({ start: sentenceStart + m.index, end: sentenceStart + m.index + m[0].length, rule });
  }
  const breaks: number[] = [];
  for (const m of sentence.matchAll(CLAUSE_BREAK)) breaks.push(sentenceStart + m.index + m[0].length);
  last = { text, start: sentenceStart, cues, breaks };
  return last;
}

// The one reading the hot path fills: readModality runs once a figure, and a fresh object each time showed in the
// profile. readModalityRule hands out a copy.
const reading: ModalityReading = { modality: "in_force", rule: null, cue: null };

function read(text: string, sentenceStart: number, sentenceEnd: number, figureStart: number, figureEnd: number): void {
  const { cues, breaks } = cuesOf(text, sentenceStart, sentenceEnd);
  let from = Math.max(sentenceStart, figureStart - REACH);
  for (const at of breaks) if (at <= figureStart && at > from) from = at;
  let found: SentenceCues["cues"][number] | null = null;
  for (const cue of cues) {
    if (cue.end > figureStart) break;
    if (cue.start >= from) found = cue;
  }
  if (found) {
    reading.modality = found.rule.resolve;
    reading.rule = found.rule.name;
    reading.cue = text.slice(found.start, found.end);
    return;
  }
  const after = text.slice(figureEnd, Math.min(sentenceEnd, figureEnd + AFTER));
  for (const rule of MODALITY_AFTER_RULES) {
    const match = rule.find.exec(after);
    if (match) {
      reading.modality = rule.resolve(match);
      reading.rule = rule.name;
      reading.cue = match[0].trim();
      return;
    }
  }
  reading.modality = "in_force";
  reading.rule = null;
  reading.cue = null;
}

/** The modality of a figure, and which rule said so (for --trace). */
export function readModalityRule(
  text: string,
  sentenceStart: number,
  sentenceEnd: number,
  figureStart: number,
  figureEnd = figureStart,
): ModalityReading {
  read(text, sentenceStart, sentenceEnd, figureStart, figureEnd);
  return { ...reading };
}

export function readModality(
  text: string,
  sentenceStart: number,
  sentenceEnd: number,
  figureStart: number,
  figureEnd = figureStart,
): Modality {
  read(text, sentenceStart, sentenceEnd, figureStart, figureEnd);
  return reading.modality;
}
