import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MoneyChart } from "../../app/_components/charts/MoneyChart";
import { PositionChart } from "../../app/_components/charts/PositionChart";
import { TariffChart } from "../../app/_components/charts/TariffChart";
import { chartLayouts } from "../../lib/chart/index";
import { MONEY_BARS_PER_KIND, MONEY_CURRENCIES_MAX, moneyChart } from "../../lib/chart/money";
import { DENSITY_BINS, DOTS_MAX_CLAIMS, DOTS_MAX_LANES, positionChart } from "../../lib/chart/positions";
import { TARIFF_BAR_CAP } from "../../lib/chart/tariffs";
import { CHART_WIDTH } from "../../lib/chart/width";
import type { Claim } from "../../lib/schema";
import { syntheticArticle } from "../bench/synthetic";

// A reader's 10 MB article: 50,000 claims spread through the text.
const { text, claims } = syntheticArticle({ claims: 50_000, length: 10_000_000 });
const layouts = chartLayouts(claims, text.length);
const onSelect = () => {};
const money = claims.filter((c) => c.kind === "money");
const tariffs = claims.filter((c) => c.kind === "percent" && c.metric === "tariff_rate");
const decode = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/<!-- -->/g, "");

describe("chart layouts for 50,000 claims", () => {
  it("draws at most MONEY_BARS_PER_KIND money bars of each kind, and every panel says how many it leaves out", () => {
    const { panels } = layouts.money;
    expect(money.length).toBeGreaterThan(5_000);
    for (const kind of ["levels", "changes"] as const) {
      const bars = panels.filter((p) => p.kind === kind).flatMap((p) => p.bars);
      expect(bars).toHaveLength(MONEY_BARS_PER_KIND);
    }
    expect(layouts.money.total).toBe(money.length);
    for (const panel of panels) {
      const note = panel.subtitle.map((l) => l.text).join(" ");
      expect(note).toContain(
        `The ${panel.bars.length} largest of ${panel.total.toLocaleString("en")}; all are in the table.`,
      );
    }
  });

  it(`gives panels to at most ${MONEY_CURRENCIES_MAX} currencies, US$ first, then those with the most figures, and counts the rest`, () => {
    const { panels, note } = layouts.money;
    const currencies = [...new Set(panels.map((p) => p.currency))];
    expect(currencies).toHaveLength(MONEY_CURRENCIES_MAX);
    expect(currencies[0]).toBe("USD");
    const byUnit = new Map<string, number>();
    for (const c of money) if (c.unit !== "USD") byUnit.set(c.unit ?? "", (byUnit.get(c.unit ?? "") ?? 0) + 1);
    const most = [...byUnit]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MONEY_CURRENCIES_MAX - 1)
      .map(([unit]) => unit);
    expect(new Set(currencies.slice(1))).toEqual(new Set(most));
    const leftOut = money.filter((c) => !currencies.includes(c.unit)).length;
    expect(note.map((l) => l.text).join(" ")).toBe(
      `${leftOut.toLocaleString("en")} figures in ${byUnit.size - most.length} more currencies without a rate in the article: only in the table.`,
    );
    expect(panels[0]!.y).toBeGreaterThan(note.at(-1)!.y);
    expect(panels.reduce((sum, p) => sum + p.total, 0) + leftOut).toBe(money.length);
  });

  it("draws the TARIFF_BAR_CAP highest tariff rates, with a note above them", () => {
    const { bars, total, note, gridTop } = layouts.tariffs;
    expect(total).toBe(tariffs.length);
    expect(bars).toHaveLength(TARIFF_BAR_CAP);
    const highest = tariffs
      .map((c) => c.value)
      .sort((a, b) => b - a)
      .slice(0, TARIFF_BAR_CAP);
    expect(bars.map((b) => tariffs.find((c) => c.id === b.id)!.value)).toEqual(highest);
    expect(note.map((l) => l.text).join(" ")).toBe(
      `The ${TARIFF_BAR_CAP} highest of ${tariffs.length.toLocaleString("en")} tariff rates; all are in the table.`,
    );
    expect(gridTop).toBeGreaterThan(note.at(-1)!.y);
  });

  it("counts every claim once in the position chart's density bins, each bin selecting its first claim", () => {
    const { mode, bins, marks, total } = layouts.positions;
    expect(mode).toBe("density");
    expect(marks).toEqual([]);
    expect(total).toBe(claims.length);
    expect(bins.length).toBeLessThanOrEqual(DENSITY_BINS);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(claims.length);
    for (const bin of bins) {
      const inside = claims.filter((c) => c.start >= bin.start && c.start < bin.end);
      expect(inside).toHaveLength(bin.count);
      expect(bin.segments.reduce((sum, s) => sum + s.count, 0)).toBe(bin.count);
      expect(bin.firstId).toBe(inside.reduce((a, b) => (b.start < a.start ? b : a)).id);
      expect(bin.label).toMatch(/^[\d,]+ figures in characters [\d,]+–[\d,]+ \(\d+%–\d+%\)$/);
    }
    // Bins tile the text: each begins where the one before ends.
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.start).toBe(bins[i - 1]!.end);
    expect(bins[0]!.start).toBe(0);
    expect(bins.at(-1)!.end).toBe(text.length);
  });

  it("stacks a bin's metrics from the axis up, taller for more claims", () => {
    const { bins, axisY } = layouts.positions;
    for (const bin of bins) {
      let bottom = axisY - 1;
      for (const segment of bin.segments) {
        expect(segment.y + segment.height).toBeCloseTo(bottom, 1);
        bottom = segment.y;
      }
    }
    const height = (b: (typeof bins)[number]) => b.segments.reduce((sum, s) => sum + s.height, 0);
    const byCount = [...bins].sort((a, b) => a.count - b.count);
    expect(byCount[0]!.count).toBeLessThan(byCount.at(-1)!.count);
    expect(height(byCount[0]!)).toBeLessThan(height(byCount.at(-1)!));
  });

  it("keeps what crosses to the browser small: no whole records in the marks, under 150 kB of JSON for all three charts", () => {
    expect(JSON.stringify(layouts).length).toBeLessThan(150_000);
    const fields = ["id", "quote", "sentence", "kind", "metric", "subject", "period", "start"];
    for (const bar of [...layouts.money.panels.flatMap((p) => p.bars), ...layouts.tariffs.bars])
      expect(Object.keys(bar.claim).sort()).toEqual([...fields].sort());
  });
});

describe("which bars the money chart keeps", () => {
  const base = money.find((c) => c.unit === "USD" && c.change === "=")!;
  const claim = (i: number, over: Partial<Claim>): Claim => ({
    ...base,
    id: `m${i}`,
    start: i * 10,
    end: i * 10 + 3,
    change: "=",
    valueMax: null,
    ...over,
  });

  it("keeps the largest by US$ amount and draws them in article order", () => {
    const many = Array.from({ length: 100 }, (_, i) => claim(i, { value: ((i * 37) % 100) + 1 }));
    const [panel] = moneyChart(many, { width: CHART_WIDTH }).panels;
    const values = panel!.bars.map((b) => many.find((c) => c.id === b.id)!.value);
    expect([...values].sort((a, b) => a - b)).toEqual(
      Array.from({ length: MONEY_BARS_PER_KIND }, (_, i) => 100 - MONEY_BARS_PER_KIND + 1 + i),
    );
    expect(panel!.bars.map((b) => b.claim.start)).toEqual(
      [...panel!.bars.map((b) => b.claim.start)].sort((a, b) => a - b),
    );
  });

  it("lets panels without an exchange rate take turns, since their amounts cannot be ranked against US$", () => {
    const usd = Array.from({ length: 30 }, (_, i) => claim(i, { value: 1e9 + i }));
    const eur = Array.from({ length: 30 }, (_, i) => claim(100 + i, { unit: "EUR", value: 5 + i }));
    const { panels } = moneyChart([...usd, ...eur], { width: CHART_WIDTH });
    const half = MONEY_BARS_PER_KIND / 2;
    expect(panels.map((p) => [p.currency, p.bars.length, p.total])).toEqual([
      ["USD", half, 30],
      ["EUR", half, 30],
    ]);
    expect(Math.min(...panels[1]!.bars.map((b) => eur.find((c) => c.id === b.id)!.value))).toBe(5 + 30 - half);
  });

  it("leaves an article with no more than the cap untouched: no note", () => {
    const few = Array.from({ length: MONEY_BARS_PER_KIND }, (_, i) => claim(i, { value: i + 1 }));
    const [panel] = moneyChart(few, { width: CHART_WIDTH }).panels;
    expect(panel!.bars).toHaveLength(MONEY_BARS_PER_KIND);
    expect(panel!.subtitle.map((l) => l.text)).toEqual(["Amounts as stated, in US dollars"]);
  });
});

describe("when the position chart switches from dots to density", () => {
  const spread = (n: number) =>
    claims.slice(0, n).map((c, i) => ({ ...c, start: i * 400, end: i * 400 + c.quote.length }));

  it(`draws dots up to ${DOTS_MAX_CLAIMS} claims and densities beyond`, () => {
    expect(positionChart(spread(DOTS_MAX_CLAIMS), { width: CHART_WIDTH, textLength: DOTS_MAX_CLAIMS * 400 }).mode).toBe(
      "dots",
    );
    expect(
      positionChart(spread(DOTS_MAX_CLAIMS + 1), { width: CHART_WIDTH, textLength: (DOTS_MAX_CLAIMS + 1) * 400 }).mode,
    ).toBe("density");
  });

  it(`draws densities when dots would stack more than ${DOTS_MAX_LANES} deep`, () => {
    const pile = (n: number) => claims.slice(0, n).map((c) => ({ ...c, start: 500, end: 500 + c.quote.length }));
    expect(positionChart(pile(DOTS_MAX_LANES), { width: CHART_WIDTH, textLength: 10_000 }).mode).toBe("dots");
    expect(positionChart(pile(DOTS_MAX_LANES + 1), { width: CHART_WIDTH, textLength: 10_000 })).toMatchObject({
      mode: "density",
      bins: [{ count: DOTS_MAX_LANES + 1 }],
    });
  });
});

describe("the charts drawn for 50,000 claims", () => {
  const selected = claims[31_337]!;
  const html = {
    money: decode(
      renderToStaticMarkup(createElement(MoneyChart, { layout: layouts.money, selectedId: null, onSelect })),
    ),
    tariffs: decode(
      renderToStaticMarkup(createElement(TariffChart, { layout: layouts.tariffs, selectedId: null, onSelect })),
    ),
    positions: decode(
      renderToStaticMarkup(
        createElement(PositionChart, { layout: layouts.positions, selectedId: selected.id, onSelect, claims }),
      ),
    ),
  };

  const notes = (h: string) =>
    [...h.matchAll(/<text class="chart-label chart-label-note"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  const desc = (h: string) => /<desc>([^<]*)<\/desc>/.exec(h)?.[1] ?? "";

  it("shows each cap note in the chart itself, so an exported SVG or PNG says it too", () => {
    const usdLevels = layouts.money.panels[0]!;
    expect(notes(html.money)).toContain(
      `The ${usdLevels.bars.length} largest of ${usdLevels.total}; all are in the table.`,
    );
    expect(desc(html.money)).toMatch(
      new RegExp(
        `${2 * MONEY_BARS_PER_KIND} of ${money.length.toLocaleString("en")} money figures are drawn; all are in the table\\.$`,
      ),
    );
    expect(notes(html.money).slice(0, layouts.money.note.length)).toEqual(layouts.money.note.map((l) => l.text));
    expect(notes(html.tariffs).join(" ")).toBe(
      `The ${TARIFF_BAR_CAP} highest of ${tariffs.length.toLocaleString("en")} tariff rates; all are in the table.`,
    );
    expect(desc(html.tariffs)).toMatch(/tariff rates; all are in the table\.$/);
  });

  it("has a bounded number of focusable marks", () => {
    const marks = (h: string) => (h.match(/<g class="chart-mark"/g) ?? []).length;
    expect(marks(html.money)).toBe(2 * MONEY_BARS_PER_KIND);
    expect(marks(html.tariffs)).toBe(TARIFF_BAR_CAP);
    expect(marks(html.positions)).toBe(layouts.positions.bins.length);
  });

  it("makes each density bin a labelled button that selects its first claim, pressed when it holds the selection", () => {
    const bins = [
      ...html.positions.matchAll(
        /<g class="chart-mark" role="button" tabindex="(?:0|-1)" data-claim-id="([^"]+)" aria-label="([^"]+)" aria-pressed="(true|false)"/g,
      ),
    ];
    expect(bins.map((m) => m[1])).toEqual(layouts.positions.bins.map((b) => b.firstId));
    expect(bins.every((m) => /^[\d,]+ figures in characters [\d,]+–[\d,]+ \(\d+%–\d+%\): /.test(m[2]!))).toBe(true);
    const pressed = bins.filter((m) => m[3] === "true").map((m) => m[1]);
    const holding = layouts.positions.bins.find((b) => selected.start >= b.start && selected.start < b.end)!;
    expect(pressed).toEqual([holding.firstId]);
    expect(holding.firstId).not.toBe(selected.id);
  });

  it("without the claims, presses the bin whose first claim is selected", () => {
    const first = layouts.positions.bins[5]!.firstId;
    const out = renderToStaticMarkup(
      createElement(PositionChart, { layout: layouts.positions, selectedId: first, onSelect }),
    );
    expect(out.match(/aria-pressed="true"/g)).toHaveLength(1);
    expect(out).toMatch(new RegExp(`data-claim-id="${first}"[^>]*aria-pressed="true"`));
  });
});
