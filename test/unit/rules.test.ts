import { describe, expect, it } from "vitest";
import { NOT_QUANTITY_RULES, UNIT_RULES } from "../../lib/enums";
import { extractClaims } from "../../lib/extract/index";
import { readModalityRule } from "../../lib/extract/modality";
import { findKeywords } from "../../lib/extract/classify";
import { QUANTITY_RULES } from "../../lib/extract/rules/index";
import { KEYWORD_RULES } from "../../lib/extract/rules/keywords";
import { MODALITY_AFTER_RULES, MODALITY_CUE_RULES } from "../../lib/extract/rules/modality";

/** The rule registries are data: each rule is named once, and each name says what the rule does. */
describe("rule registries", () => {
  it("name every unit rule with a name the record's rule enum or the dropped-rule list knows", () => {
    const names = QUANTITY_RULES.map((r) => r.name);
    // Two rules are asked twice under one name: once before the suffix rules, for a number no unit can follow.
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual(["not.named", "number.bare"]);
    const known = new Set<string>([...UNIT_RULES, ...NOT_QUANTITY_RULES]);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
  });

  it("give each modality one cue rule and the after rules distinct names", () => {
    expect(MODALITY_CUE_RULES.map((r) => r.resolve).sort()).toEqual([
      "announced",
      "forecast",
      "proposed",
      "threatened",
    ]);
    const names = [...MODALITY_CUE_RULES, ...MODALITY_AFTER_RULES].map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  // One sentence per modality rule: the rule that reads it is the one named, and a figure with no rule is in force.
  const MODALITY_CASES: Array<[string, string, string | null, string]> = [
    ["The president vowed to impose a 35% duty on lumber.", "35%", "modality.threatened", "threatened"],
    ["Ottawa is weighing a 15% surtax on aluminium.", "15%", "modality.proposed", "proposed"],
    ["The ministry unveiled a 20% levy on steel.", "20%", "modality.announced", "announced"],
    ["Analysts see growth likely to reach 2.1% next year.", "2.1%", "modality.forecast", "forecast"],
    ["Output came in at 3.1%, against 2.9% anticipated.", "2.9%", "modality.expected-after", "forecast"],
    ["A 40% tariff on boats was announced on Monday.", "40%", "modality.passive-after", "announced"],
    ["Output came in at 3.1%, against 2.9% anticipated.", "3.1%", null, "in_force"],
    ["The tariff on boats was 40% last year.", "40%", null, "in_force"],
  ];
  it.each(MODALITY_CASES)("reads %j: %s by %s", (sentence, figure, rule, modality) => {
    const start = sentence.indexOf(figure);
    const reading = readModalityRule(sentence, 0, sentence.length, start, start + figure.length);
    expect([reading.rule, reading.modality]).toEqual([rule, modality]);
    expect(extractClaims(sentence).claims.find((c) => c.quote.includes(figure))?.modality).toBe(modality);
  });

  it("resolve a keyword by its neighbours: budget deficits, retail sales and import prices measure no trade flow", () => {
    const families = (sentence: string) =>
      findKeywords(sentence, 0).map((k) => [sentence.slice(k.start, k.end), k.family]);
    expect(families("The trade deficit widened while the budget deficit narrowed.")).toEqual([
      ["trade deficit", "trade_balance"],
      ["budget", "other"],
      ["deficit", "other"],
    ]);
    expect(families("Retail sales rose, and soybean sales to China fell.")).toEqual([
      ["sales", "other"],
      ["sales", "exports"],
    ]);
    expect(families("Import prices rose as imports fell.")).toEqual([
      ["Import", "other"],
      ["prices", "other"],
      ["imports", "imports"],
    ]);
    expect(KEYWORD_RULES.map((r) => r.name)).toEqual(KEYWORD_RULES.map((r) => `keyword.${r.family}`));
  });
});
