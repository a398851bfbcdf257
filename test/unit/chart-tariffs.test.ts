import { describe, expect, it } from "vitest";
import { chartLayouts } from "../../lib/chart/index";
import { MONEY_BARS_PER_KIND } from "../../lib/chart/money";
import { TARIFF_BAR_CAP, tariffChart } from "../../lib/chart/tariffs";
import { SENTENCE_SHOWN_CHARS } from "../../lib/display/format";
import { extractArticle } from "../../lib/extract/article";
import { loadSeeds } from "../../lib/server/seeds";
import { oneSentenceArticle } from "./one-sentence";

const claims = extractArticle(loadSeeds()[0]!).claims;

describe("tariffChart on the seed article", () => {
  const layout = tariffChart(claims, { width: 640 });

  it("draws the tariffs in force by product, highest first, equal rates in article order; a threat apart, after them", () => {
    expect(layout.bars.map((b) => [b.claim.subject, b.valueText])).toEqual([
      ["steel and aluminum imports", "25%"],
      ["cars and parts", "25%"],
      ["movies produced outside the US", "100% · threatened"],
    ]);
    expect(layout.bars[0]!.lines[0]!.text).toBe("Steel and aluminum imports, 2025-03");
  });

  it("draws a tariff that is only threatened as pending, and says so in its label; tariffs in force are solid", () => {
    expect(layout.bars.map((b) => [b.claim.subject, b.pending])).toEqual([
      ["steel and aluminum imports", false],
      ["cars and parts", false],
      ["movies produced outside the US", true],
    ]);
    expect(layout.bars[2]!.valueLabel.text).toBe("100% · threatened");
  });

  it("uses a 0–100 % scale: 25 % is a quarter of 100 %", () => {
    const [quarter, , hundred] = layout.bars;
    expect(quarter!.bar.width).toBeCloseTo(hundred!.bar.width / 4, 6);
    expect(layout.ticks[0]).toMatchObject({ value: 0, label: "0%" });
    expect(layout.ticks.at(-1)).toMatchObject({ value: 100, label: "100%" });
  });

  it("labels each bar directly, right of its end and inside the chart", () => {
    for (const bar of layout.bars) {
      expect(bar.valueLabel.x).toBeGreaterThan(bar.bar.x + bar.bar.width);
      expect(bar.valueLabel.x + bar.valueLabel.text.length * 8).toBeLessThanOrEqual(640);
    }
  });

  it("widens the scale past 100 % only when a rate does", () => {
    const big = { ...claims.find((c) => c.metric === "tariff_rate")!, id: "big", value: 245 };
    expect(tariffChart([big], { width: 640 }).ticks.at(-1)!.value).toBeGreaterThanOrEqual(245);
  });

  it("is empty for an article without tariff rates", () => {
    expect(
      tariffChart(
        claims.filter((c) => c.metric !== "tariff_rate"),
        { width: 360 },
      ),
    ).toMatchObject({ bars: [], height: 0 });
  });
});

describe("the chart layouts of one sentence of 300,000 characters with 10,000 claims", () => {
  const { text, claims: flat } = oneSentenceArticle(5_000);

  it("carry a few hundred characters of the sentence per mark, so they cross to the page in kilobytes", () => {
    const layouts = chartLayouts(flat, text.length);
    const marks = [...layouts.tariffs.bars, ...layouts.money.panels.flatMap((p) => p.bars)];
    expect(marks.length).toBe(TARIFF_BAR_CAP + MONEY_BARS_PER_KIND);
    for (const mark of marks) expect(mark.claim.sentence.length).toBeLessThanOrEqual(SENTENCE_SHOWN_CHARS);
    expect(JSON.stringify(layouts).length).toBeLessThan(100_000);
  });
});
