import { describe, expect, it } from "vitest";
import { FONT_SIZE } from "../../lib/chart/shapes";
import { moneyChart } from "../../lib/chart/money";
import { impliedUsdRates } from "../../lib/chart/rates";
import { estimateTextWidth } from "../../lib/chart/text";
import { extractArticle } from "../../lib/extract/article";
import type { Claim } from "../../lib/schema";
import { loadSeeds } from "../../lib/server/seeds";

const claims = extractArticle(loadSeeds()[0]!).claims;
const idOf = (quote: string) => claims.find((c) => c.quote === quote)!.id;
const layout = moneyChart(claims, { width: 640 });
const bars = layout.panels.flatMap((p) => p.bars);
const barOf = (quote: string) => bars.find((b) => b.id === idOf(quote))!;
const panelOf = (quote: string) => layout.panels.find((p) => p.bars.some((b) => b.id === idOf(quote)))!;
const flat = (text: string) => text.replace(/\u00a0/g, " ");

describe("moneyChart on the seed article", () => {
  it("draws each money figure once, a figure stated in two currencies as one bar, levels apart from changes", () => {
    expect(layout.panels.map((p) => [p.title, p.kind, p.currency, p.labelOnly])).toEqual([
      ["Levels", "levels", "CAD", false],
      ["Changes", "changes", "CAD", true],
    ]);
    expect(panelOf("$102.3 billion").bars.map((b) => b.claim.quote)).toEqual(["$102.3 billion", "$760 billion"]);
    // The stated US$ equivalent is the pair's second label, and selecting it presses the same bar.
    expect(bars.some((b) => b.claim.quote === "US$74.25 billion")).toBe(false);
    expect(barOf("$102.3 billion").alsoIds).toEqual([idOf("US$74.25 billion")]);
    expect(panelOf("$3.7 billion").bars.map((b) => b.claim.quote)).toEqual(["$3.7 billion"]);
    expect(bars.every((b) => b.claim.kind === "money")).toBe(true);
  });

  it("derives the CAD rate from the article's own pair: US$74.25 billion / $102.3 billion", () => {
    expect(impliedUsdRates(claims).get("CAD")).toBeCloseTo(74.25 / 102.3, 6);
    expect(barOf("$102.3 billion").usdValue).toBe(74.25e9);
    expect(barOf("$102.3 billion").usdBasis).toBe("stated");
    expect(barOf("$760 billion").usdValue).toBeCloseTo(760e9 * (74.25 / 102.3), -3);
    expect(barOf("$760 billion").usdBasis).toBe("derived");
  });

  it("labels a pair with both amounts as stated, and a derived conversion as a note, never as the value", () => {
    const pair = barOf("$102.3 billion");
    expect(flat(pair.lines.find((l) => l.role === "value")!.text)).toContain("CAD 102.3B");
    expect(flat(pair.valueText)).toContain("= US$74.25B");
    expect(pair.lines.some((l) => l.text.includes("derived"))).toBe(false);
    const derived = barOf("$760 billion");
    const value = derived.lines
      .filter((l) => l.role === "value")
      .map((l) => flat(l.text))
      .join(" ");
    expect(value).toContain("more than CAD 760B");
    expect(value).not.toContain("US$");
    const note = derived.lines
      .filter((l) => l.role === "note")
      .map((l) => flat(l.text))
      .join(" ");
    expect(note).toContain("≈ US$551.61B, derived");
    expect(note).toContain("1 CAD ≈ 0.726 USD");
  });

  it("draws the amounts as stated: the bars keep the ratio of the article's own figures", () => {
    const ratio = barOf("$760 billion").bar.width / barOf("$102.3 billion").bar.width;
    expect(ratio).toBeCloseTo(760 / 102.3, 1);
    expect(panelOf("$102.3 billion").ticks.map((t) => t.label)).toContain("CAD 200B");
  });

  it("leaves “more than” open-ended: no stroke across its value end", () => {
    const more = barOf("$760 billion");
    expect(more.openEnded).toBe(true);
    expect(more.outline).not.toMatch(/Z$/);
    expect(flat(more.valueText)).toMatch(/^more than CAD 760B/);
    expect(barOf("$102.3 billion").openEnded).toBe(false);
  });

  it("shows a figure alone in its panel as a labelled value, without a bar or an axis to misread", () => {
    const changes = panelOf("$3.7 billion");
    expect(changes.labelOnly).toBe(true);
    expect(flat(barOf("$3.7 billion").valueText)).toMatch(/^decrease of CAD 3.7B/);
    expect(changes.subtitle.map((l) => l.text).join(" ")).toMatch(/One figure/);
  });

  it("marks inferred currencies", () => {
    expect(barOf("$102.3 billion").inferred).toBe(true);
    expect(flat(barOf("$102.3 billion").valueText)).toContain("(currency inferred)");
  });
});

describe("moneyChart edge cases", () => {
  const base = claims.find((c) => c.quote === "US$74.25 billion")!;
  const claim = (over: Partial<Claim>): Claim => ({
    ...base,
    links: [],
    warnings: [],
    currencyBasis: "explicit",
    ...over,
  });

  it("gives each stated currency its own panel and scale, and a decrease goes left of zero", () => {
    const euros = claim({ id: "eur", unit: "EUR", value: 5e9 });
    const result = moneyChart(
      [
        claim({ id: "usd" }),
        claim({ id: "usd2", value: 10e9 }),
        euros,
        claim({ id: "eur2", unit: "EUR", value: 2e9, change: "down" }),
        claim({ id: "eur3", unit: "EUR", value: 1e9, change: "down" }),
      ],
      { width: 640 },
    );
    const own = result.panels.find((p) => p.bars.some((b) => b.id === "eur"))!;
    expect(own.subtitle.map((l) => l.text).join(" ")).toContain("in euros");
    expect(own.bars.map((b) => b.id)).toEqual(["eur"]);
    expect(own.bars[0]!.usdValue).toBeNull();
    const down = result.panels.find((p) => p.bars.some((b) => b.id === "eur2"))!;
    const bar = down.bars.find((b) => b.id === "eur2")!;
    expect(bar.end.direction).toBe(-1);
    expect(bar.bar.x + bar.bar.width).toBeCloseTo(down.zeroX, 6);
    expect(down.ticks.some((t) => t.value < 0 && t.label.startsWith("−EUR "))).toBe(true);
    const dollars = result.panels.find((p) => p.bars.some((b) => b.id === "usd"))!;
    expect(dollars.ticks.map((t) => t.label)).toContain("$10B");
  });

  it("draws a range from value to valueMax, and marks “about”", () => {
    const result = moneyChart([claim({ id: "r", value: 10e9, valueMax: 20e9, change: "~" })], { width: 640 });
    const bar = result.panels[0]!.bars[0]!;
    expect(bar.range).toBe(true);
    expect(bar.approximate).toBe(true);
    expect(bar.bar.x).toBeGreaterThan(result.panels[0]!.zeroX);
    expect(bar.valueText).toMatch(/^about /);
  });

  it("keeps labels inside a 360 px chart", () => {
    const narrow = moneyChart(claims, { width: 360 });
    for (const bar of narrow.panels.flatMap((p) => p.bars)) {
      expect(bar.bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.bar.x + bar.bar.width).toBeLessThanOrEqual(360);
      for (const line of bar.lines)
        expect(estimateTextWidth(line.text, FONT_SIZE[line.role])).toBeLessThanOrEqual(360 - line.x);
    }
  });

  it("has no panels without money claims", () => {
    expect(
      moneyChart(
        claims.filter((c) => c.kind !== "money"),
        { width: 640 },
      ),
    ).toMatchObject({ panels: [], height: 0 });
  });
});
