/**
 * The modality rules: whether a figure is in force, or only announced, threatened, proposed or forecast, as data.
 * Two families, asked in this order:
 * - cue rules read the figure's own clause before it: `find` is the rule's cue words (regex sources from the
 *   lexicon), compiled with every other cue rule into one scan per sentence; the nearest cue before the figure wins.
 * - after rules read the words right after the figure ("$68.9 billion expected", "a 40% tariff … was announced"),
 *   when no cue stands before it; the first whose `find` matches decides.
 * A figure no rule speaks for is "in_force".
 */
import type { Modality } from "../../schema";
import { MODALITY_CUES } from "../lexicon";

export interface ModalityCueRule {
  name: `modality.${Exclude<Modality, "in_force">}`;
  find: readonly string[];
  resolve: Modality;
}

export interface ModalityAfterRule {
  name: "modality.expected-after" | "modality.passive-after";
  find: RegExp;
  resolve(match: RegExpExecArray): Modality;
}

export const MODALITY_CUE_RULES: readonly ModalityCueRule[] = (
  Object.keys(MODALITY_CUES) as Array<keyof typeof MODALITY_CUES>
).map((kind) => ({ name: `modality.${kind}`, find: MODALITY_CUES[kind], resolve: kind }));

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

export const MODALITY_AFTER_RULES: readonly ModalityAfterRule[] = [
  {
    // "$71.5 billion versus $68.9 billion expected", "than economists had predicted": a participle right after.
    name: "modality.expected-after",
    find: new RegExp(
      String.raw`^[\s\u00a0]+(?:(?:[\p{L}'’]+[\s\u00a0]+){1,3}had[\s\u00a0]+(?:been[\s\u00a0]+)?)?` +
        String.raw`(?:expected|forecast|estimated|projected|anticipated|predicted|pencill?ed[\s\u00a0]+in)\b` +
        String.raw`(?![\s\u00a0]+(?:to|by|that)\b)`,
      "iu",
    ),
    resolve: () => "forecast",
  },
  {
    // "A 40% tariff … was announced", "a duty that is being considered": the passive names the modality.
    name: "modality.passive-after",
    find: new RegExp(
      String.raw`^[^;.!?]{0,60}?\b(?:was|were|is|are|has been|have been|had been|being|be)[\s\u00a0]+` +
        String.raw`(${Object.keys(PASSIVE_KIND).join("|")})\b`,
      "i",
    ),
    resolve: (match) => PASSIVE_KIND[match[1]!.toLowerCase()]!,
  },
];
