import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stackInLanes } from "../../lib/chart/lanes";
import { positionChart } from "../../lib/chart/positions";
import { extractArticle } from "../../lib/extract/article";
import { loadSeeds } from "../../lib/server/seeds";

const article = loadSeeds()[0]!;
const claims = extractArticle(article).claims;

describe("positionChart on the seed article", () => {
  const layout = positionChart([...claims].reverse(), { width: 640, textLength: article.text.length });

  it("has one mark per claim, dates included and hollow, ordered by offset", () => {
    expect(layout.marks).toHaveLength(claims.length);
    const starts = layout.marks.map((m) => m.claim.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(layout.marks.filter((m) => m.hollow).map((m) => m.claim.kind)).toEqual(
      claims.filter((c) => c.kind === "date").map(() => "date"),
    );
  });

  it("places marks left to right along the text", () => {
    const xs = layout.marks.map((m) => m.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(640);
  });

  it("stacks marks that would overlap into lanes, never two overlapping in one lane", () => {
    expect(Math.max(...layout.marks.map((m) => m.lane))).toBeGreaterThan(0);
    for (const a of layout.marks) {
      for (const b of layout.marks) {
        if (a !== b && a.lane === b.lane) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(a.r + b.r);
      }
    }
  });

  it("has a legend of the metrics present plus dates, wrapped inside the width", () => {
    expect(layout.legend.map((l) => l.label)).toEqual([
      "Trade balance",
      "Trade volume",
      "Exports",
      "Tariff rate",
      "Other",
      "Date",
    ]);
    const narrow = positionChart(claims, { width: 360, textLength: article.text.length });
    expect(new Set(narrow.legend.map((l) => l.y)).size).toBeGreaterThan(1);
  });
});

describe("stackInLanes", () => {
  /** The rule as first written: scan every lane for the first whose last dot is far enough behind. */
  function firstFreeLane(xs: readonly number[], spacing: number): number[] {
    const laneEnds: number[] = [];
    return xs.map((x) => {
      let lane = laneEnds.findIndex((end) => x - end >= spacing);
      if (lane === -1) lane = laneEnds.push(x) - 1;
      laneEnds[lane] = x;
      return lane;
    });
  }

  it("gives every dot the same lane as scanning all lanes would", () => {
    const sortedXs = fc
      .array(fc.integer({ min: 0, max: 400 }), { maxLength: 300 })
      .map((xs) => [...xs].sort((a, b) => a - b));
    // A boolean property, so a failure shrinks quickly to a short counterexample.
    fc.assert(
      fc.property(sortedXs, fc.integer({ min: 1, max: 40 }), (xs, spacing) => {
        const { lanes, laneCount } = stackInLanes(xs, spacing);
        return (
          lanes.join() === firstFreeLane(xs, spacing).join() &&
          laneCount === (lanes.length ? Math.max(...lanes) + 1 : 0)
        );
      }),
    );
  });
});
