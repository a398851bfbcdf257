import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FiguresPanel } from "../../app/_components/table/FiguresPanel";
import { extractArticle } from "../../lib/extract/article";
import { loadSeeds } from "../../lib/server/seeds";
import { syntheticClaims } from "../bench/synthetic";
import { DEFAULT_VIEW, type SortEntry } from "../../lib/explore/view-state";
import { SENTENCE_SHOWN_CHARS } from "../../lib/display/format";
import { oneSentenceArticle } from "./one-sentence";
import { impliedUsdRates } from "../../lib/chart/rates";

const { claims } = extractArticle(loadSeeds()[0]!);
const figures = claims.filter((c) => c.kind !== "date");
const noop = () => {};

function rowIds(html: string): string[] {
  return [...html.matchAll(/<tr[^>]*data-claim-id="([^"]+)"/g)].map((m) => m[1]!);
}

function render(sort: SortEntry[], rows = figures, selectedId: string | null = null): string {
  return renderToStaticMarkup(
    <FiguresPanel
      fileStem="t"
      claims={rows}
      view={{ ...DEFAULT_VIEW, sort, claim: selectedId }}
      onChange={noop}
      onSelect={noop}
    />,
  );
}

describe("FiguresPanel: sorting and paging", () => {
  it("sorts the value column within each kind and unit, descending, and says so with aria-sort", () => {
    const html = render([{ id: "value", desc: true }]);
    const rows = rowIds(html).map((id) => figures.find((c) => c.id === id)!);
    const percents = rows.filter((c) => c.kind === "percent").map((c) => c.value);
    expect(percents).toEqual([100, 25, 25]);
    // One run per kind: the percents are together, not split by "60 years".
    const kinds = rows.map((c) => c.kind).filter((k, i, a) => k !== a[i - 1]);
    expect(kinds).toEqual([...new Set(kinds)]);
    expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*>.*?Value/);
    expect(html.match(/aria-sort="none"/g)).toHaveLength(7);
  });

  it("sorts by several columns: metric (in the schema's order), then value", () => {
    const ids = rowIds(
      render([
        { id: "metric", desc: false },
        { id: "value", desc: true },
      ]),
    );
    const rows = ids.map((id) => figures.find((c) => c.id === id)!);
    expect(rows.map((r) => r.metric).slice(0, 4)).toEqual([
      "trade_balance",
      "trade_balance",
      "trade_volume",
      "exports",
    ]);
    const tariffs = rows.filter((r) => r.metric === "tariff_rate").map((r) => r.value);
    expect(tariffs).toEqual([100, 25, 25]);
  });

  it("opens on the trade figures, by metric and then largest first, and shows every number when asked", () => {
    const trade = (all: boolean) =>
      renderToStaticMarkup(
        <FiguresPanel
          fileStem="t"
          claims={figures}
          view={{ ...DEFAULT_VIEW, all }}
          onChange={noop}
          onSelect={noop}
          tradeOnly={!all}
          tradeCount={figures.filter((c) => c.metric !== "other").length}
          usdRates={impliedUsdRates(figures)}
        />,
      );
    const rows = rowIds(trade(false)).map((id) => figures.find((c) => c.id === id)!);
    expect(rows.map((r) => r.metric)).toEqual([
      "trade_balance",
      "trade_balance",
      "trade_volume",
      "exports",
      "tariff_rate",
      "tariff_rate",
      "tariff_rate",
    ]);
    expect(trade(false)).toContain("Showing 7 of 7 trade figures, by metric, then largest first");
    expect(rowIds(trade(true))).toHaveLength(figures.length);
    expect(trade(true)).toMatch(/aria-pressed="true"[^>]*>Every number \(\d+\)/);
  });

  it("shows formatted values, marks inferred currencies and the selected row", () => {
    const selected = figures.find((c) => c.quote === "$760 billion")!;
    const html = render([], figures, selected.id);
    expect(html).toContain("CAD\u00a0760B");
    expect(html).toMatch(/<sup aria-label="inferred">\*<\/sup>/);
    expect(html).toMatch(new RegExp(`data-claim-id="${selected.id}" aria-selected="true"`));
  });

  it("pages 100,000 rows fifty at a time", () => {
    const html = render([{ id: "value", desc: false }], syntheticClaims(100_000));
    expect(rowIds(html)).toHaveLength(50);
    expect(html).toContain("Page 1 of 2000");
  });
});

describe("FiguresPanel: filters and search", () => {
  it("filters to tariff rates and counts what it shows", () => {
    const html = renderToStaticMarkup(
      <FiguresPanel
        fileStem="t"
        claims={claims}
        view={{ ...DEFAULT_VIEW, metrics: ["tariff_rate"] }}
        onChange={noop}
        onSelect={noop}
      />,
    );
    expect(rowIds(html).map((id) => claims.find((c) => c.id === id)!.quote)).toEqual([
      "25 per cent",
      "25 per cent",
      "100 per cent",
    ]);
    expect(html.replace(/<!-- -->/g, "")).toContain(`Showing 3 of ${claims.length}`);
  });

  it("searches numbers: 760 finds the $760 billion", () => {
    const html = renderToStaticMarkup(
      <FiguresPanel
        fileStem="t"
        claims={claims}
        view={{ ...DEFAULT_VIEW, q: "760" }}
        onChange={noop}
        onSelect={noop}
      />,
    );
    expect(rowIds(html).map((id) => claims.find((c) => c.id === id)!.quote)).toEqual(["$760 billion"]);
  });
});

describe("FiguresPanel on one sentence of 300,000 characters", () => {
  const { text, claims: flat } = oneSentenceArticle(5_000);

  it("shows each row's sentence up to a paragraph, so the page lays out a page of rows, not 50 copies of it", () => {
    const html = render([], flat, flat[0]!.id);
    const cells = [...html.matchAll(/<span class="sentence-cell">([^<]*)<\/span>/g)].map((m) => m[1]!);
    expect(cells).toHaveLength(50);
    for (const cell of cells) {
      expect(cell.length).toBeLessThanOrEqual(SENTENCE_SHOWN_CHARS);
      expect(cell.endsWith("…")).toBe(true);
      expect(text.startsWith(cell.slice(0, -1))).toBe(true);
    }
    expect(html.length).toBeLessThan(200_000);
  });
});
