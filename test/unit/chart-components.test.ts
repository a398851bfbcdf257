import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MoneyChart } from "../../app/_components/charts/MoneyChart";
import { PositionChart } from "../../app/_components/charts/PositionChart";
import { TariffChart } from "../../app/_components/charts/TariffChart";
import { chartLayouts } from "../../lib/chart/index";
import { extractArticle } from "../../lib/extract/article";
import { loadSeeds } from "../../lib/server/seeds";

const article = loadSeeds()[0]!;
const claims = extractArticle(article).claims;
const layouts = chartLayouts(claims, article.text.length);
const selectedId = claims.find((c) => c.quote === "$760 billion")!.id;
const onSelect = () => {};

/** The rendered <svg>, one tag a line, numbers to 1 decimal and React ids renumbered, so a diff reads as a chart change. */
function normalisedSvg(html: string): string {
  const svg = /<svg[\s\S]*<\/svg>/.exec(html)?.[0] ?? "";
  const ids = new Map<string, string>();
  return `${svg
    .replace(
      /«[^»]+»|_R_[A-Za-z0-9]+_|:r[0-9a-z]+:/g,
      (id) => ids.get(id) ?? (ids.set(id, `id${ids.size}`), `id${ids.size - 1}`),
    )
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, ">\n<")}\n`;
}

const rendered = {
  money: renderToStaticMarkup(createElement(MoneyChart, { layout: layouts.money, selectedId, onSelect })),
  tariffs: renderToStaticMarkup(createElement(TariffChart, { layout: layouts.tariffs, selectedId, onSelect })),
  positions: renderToStaticMarkup(createElement(PositionChart, { layout: layouts.positions, selectedId, onSelect })),
};

describe.each(Object.entries(rendered))("the %s chart", (name, html) => {
  it("is a figure with its test id, a caption, a title and description, and a data table", () => {
    expect(html).toMatch(new RegExp(`^<figure class="chart" data-testid="chart-${name}">`));
    expect(html).toContain("<figcaption>");
    expect(html).toMatch(/<svg[^>]*><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
    expect(html).toContain("<summary>Data</summary>");
    expect(html).toContain(">Download SVG</button>");
    expect(html).toContain(">Download PNG</button>");
    expect(html).not.toMatch(/role="img"/);
  });

  it("makes every mark a labelled, focusable toggle button, with one Tab stop per chart and a unique name", () => {
    const marks = html.match(/<g class="chart-mark"[^>]*>/g) ?? [];
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(mark).toMatch(
        /role="button" tabindex="(0|-1)" data-claim-id="[^"]+" aria-label="“[^"]+”, [^"]+" aria-pressed="(true|false)"/,
      );
    }
    expect(marks.filter((m) => m.includes('tabindex="0"'))).toHaveLength(1);
    const names = marks.map((m) => /aria-label="([^"]+)"/.exec(m)![1]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("matches its golden SVG", async () => {
    await expect(normalisedSvg(html)).toMatchFileSnapshot(`../golden/chart-${name}.svg`);
  });
});

describe("chart marks and states", () => {
  it("presses only the selected mark", () => {
    expect(rendered.money.match(/aria-pressed="true"/g)).toHaveLength(1);
    expect(rendered.money).toMatch(new RegExp(`data-claim-id="${selectedId}"[^>]*aria-pressed="true"`));
    expect(rendered.tariffs).not.toContain('aria-pressed="true"');
  });

  it("labels a mark with its quote, formatted value and metric", () => {
    expect(rendered.tariffs).toContain(
      'aria-label="“100 per cent”, 100% · threatened, Tariff rate, movies produced outside the US"',
    );
    expect(rendered.tariffs).toContain('class="chart-fill chart-pending"');
    expect(rendered.positions).toMatch(/aria-label="“April 28”, 2025-04-28, date, at character [\d,]+"/);
  });

  it("shows a short note, still under its test id, when there is nothing to draw", () => {
    const empty = renderToStaticMarkup(
      createElement(MoneyChart, { layout: chartLayouts([], 0).money, selectedId: null, onSelect }),
    );
    expect(empty).toContain('data-testid="chart-money"');
    expect(empty).toContain("No money figures in this article.");
    expect(empty).not.toContain("<svg");
  });
});
