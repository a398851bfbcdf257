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
  it("draws every money claim once, in panels that separate levels from changes", () => {
    expect(layout.panels.map((p) => [p.title, p.kind, p.currency])).toEqual([
      ["Levels", "levels", "USD"],
      ["Changes", "changes", "USD"],
    ]);
    expect(panelOf("$102.3 billion").bars.map((b) => b.claim.quote)).toEqual([
      "$102.3 billion",
      "US$74.25 billion",
      "$760 billion",
    ]);
    expect(panelOf("$3.7 billion").bars.map((b) => b.claim.quote)).toEqual(["$3.7 billion"]);
    expect(bars.every((b) => b.claim.kind === "money")).toBe(true);
  });

  it("derives the CAD rate from the article's own pair: US$74.25 billion / $102.3 billion", () => {
    expect(impliedUsdRates(claims).get("CAD")).toBeCloseTo(74.25 / 102.3, 6);
    expect(barOf("$102.3 billion").usdValue).toBeCloseTo(74.25e9, -3);
    expect(barOf("$760 billion").usdValue).toBeCloseTo(760e9 * (74.25 / 102.3), -3);
    expect(barOf("US$74.25 billion").usdValue).toBe(74.25e9);
  });

  it("labels converted bars with both currencies and where the rate came from", () => {
    const label = barOf("$102.3 billion")
      .lines.map((l) => flat(l.text))
      .join(" ");
    expect(label).toContain("CAD 102.3B");
    expect(label).toContain("≈ US$74.25B");
    expect(label).toContain("rate implied by the article (1 CAD ≈ 0.726 USD)");
    expect(barOf("US$74.25 billion").lines.some((l) => l.text.includes("rate implied"))).toBe(false);
  });

  it("puts a figure and its stated equivalent on one scale: equal bars", () => {
    expect(barOf("$102.3 billion").bar.width).toBeCloseTo(barOf("US$74.25 billion").bar.width, 3);
  });

  it("leaves “more than” open-ended: no stroke across its value end", () => {
    const more = barOf("$760 billion");
    expect(more.openEnded).toBe(true);
    expect(more.outline).not.toMatch(/Z$/);
    expect(flat(more.valueText)).toMatch(/^more than CAD 760B/);
    expect(barOf("$102.3 billion").openEnded).toBe(false);
  });

  it("draws a decrease from zero to the left", () => {
    const down = barOf("$3.7 billion");
    const zero = panelOf("$3.7 billion").zeroX;
    expect(down.end.direction).toBe(-1);
    expect(down.bar.x).toBeLessThan(zero);
    expect(down.bar.x + down.bar.width).toBeCloseTo(zero, 6);
    expect(panelOf("$3.7 billion").ticks.some((t) => t.value < 0 && t.label.startsWith("−$"))).toBe(true);
  });

  it("marks inferred currencies", () => {
    expect(barOf("$102.3 billion").inferred).toBe(true);
    expect(flat(barOf("$102.3 billion").valueText)).toContain("(currency inferred)");
    expect(barOf("US$74.25 billion").inferred).toBe(false);
  });

  it("formats axis ticks as money, billions with B", () => {
    expect(panelOf("$102.3 billion").ticks.map((t) => t.label)).toContain("$200B");
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

  it("gives a currency without an implied rate its own panel and scale", () => {
    const euros = claim({ id: "eur", unit: "EUR", value: 5e9 });
    const result = moneyChart([claim({ id: "usd" }), euros], { width: 640 });
    const own = result.panels.find((p) => p.bars.some((b) => b.id === "eur"))!;
    expect(own.title).toBe("No exchange rate in the article");
    expect(own.bars.map((b) => b.id)).toEqual(["eur"]);
    expect(own.bars[0]!.usdValue).toBeNull();
    expect(own.ticks.at(-1)!.label).toMatch(/^EUR /);
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
