/**
 * The modality stage: whether a figure is in force, or only announced, threatened, proposed or forecast. It reads the
 * figure's own clause, back to the last clause break before it within the sentence, and the nearest cue there wins.
 * Past trade figures and levels stated as fact are "in_force".
 */
import type { Modality } from "../schema";
import { MODALITY_CUES } from "./lexicon";
import { alternatives } from "./patterns";

const KINDS = Object.keys(MODALITY_CUES) as Array<keyof typeof MODALITY_CUES>;
const CUE = new RegExp(
  KINDS.map((kind) => `(?<${kind}>\\b(?:${alternatives(MODALITY_CUES[kind])})\\b)`).join("|"),
  "gi",
);
/** How far back a cue may stand: a clause, not the whole sentence. */
const REACH = 120;
/** A clause break: a semicolon, a full stop inside a long sentence cut, or a dash or "but" that turns the clause. */
const CLAUSE_BREAK = /;|\s[–—]\s|\bbut\b|\bwhile\b|\bwhereas\b/gi;

export function readModality(text: string, sentenceStart: number, figureStart: number): Modality {
  let from = Math.max(sentenceStart, figureStart - REACH);
  const window = text.slice(from, figureStart);
  let cut = -1;
  for (const m of window.matchAll(CLAUSE_BREAK)) cut = m.index + m[0].length;
  const clause = cut === -1 ? window : window.slice(cut);
  if (cut !== -1) from += cut;
  let found: Modality = "in_force";
  for (const m of clause.matchAll(CUE)) {
    const groups = m.groups!;
    found = KINDS.find((kind) => groups[kind] !== undefined) ?? found;
  }
  return found;
}
