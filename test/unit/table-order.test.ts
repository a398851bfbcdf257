import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { loadSeeds } from "../../lib/server/seeds";
import { syntheticClaims } from "../bench/synthetic";
import { SortKeys } from "../../lib/explore/sort-keys";
import { impliedUsdRates } from "../../lib/chart/rates";
import type { Claim } from "../../lib/schema";

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe("SortKeys", () => {
  const claims = extractArticle(loadSeeds()[0]!).claims.filter((c) => c.kind !== "date");
  const keys = new SortKeys(claims);

  it("orders values within their kind and unit, money by its US-dollar equivalent, either way, ties stable", () => {
    const rated = new SortKeys(claims, impliedUsdRates(claims));
    const desc = [...rated.order(all(claims.length), [{ id: "value", desc: true }])].map((i) => claims[i]!);
    // Kinds stay together (never 100 %, then "60 years", then 25 %), and each kind's unit.
    const groups = desc.map((c) => `${c.kind}:${c.kind === "money" ? "" : (c.unit ?? "")}`);
    expect(groups.filter((g, i) => g !== groups[i - 1])).toEqual([...new Set(groups)]);
    const percents = desc.filter((c) => c.kind === "percent").map((c) => c.value);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    // CAD at the article's own rate: the $760 billion (≈ US$552 billion) above the US$74.25 billion.
    const money = desc.filter((c) => c.kind === "money").map((c) => c.quote);
    expect(money.indexOf("$760 billion")).toBeLessThan(money.indexOf("US$74.25 billion"));
    // Ties (same kind, unit and value) keep the article's order.
    const asc = [...keys.order(all(claims.length), [{ id: "value", desc: false }])];
    const tie = (i: number) => `${claims[i]!.kind}:${claims[i]!.unit ?? ""}:${claims[i]!.value}`;
    for (let k = 1; k < asc.length; k++)
      if (tie(asc[k]!) === tie(asc[k - 1]!)) expect(asc[k]!).toBeGreaterThan(asc[k - 1]!);
  });

  it("orders metrics as the schema lists them, and by a second column on ties; empty text last", () => {
    const order = [
      ...keys.order(all(claims.length), [
        { id: "metric", desc: false },
        { id: "value", desc: true },
      ]),
    ].map((i) => claims[i]!);
    expect(order.map((c) => c.metric).filter((m, i, a) => a.indexOf(m) === i)).toEqual([
      "trade_balance",
      "trade_volume",
      "exports",
      "tariff_rate",
      "other",
    ]);
    expect(order.filter((c) => c.metric === "tariff_rate").map((c) => c.value)).toEqual([100, 25, 25]);
    const subjects = [...keys.order(all(claims.length), [{ id: "subject", desc: false }])].map(
      (i) => claims[i]!.subject ?? "",
    );
    expect(subjects.at(-1)).toBe("");
  });

  it("sorts only the indices it is given", () => {
    expect([...keys.order(Int32Array.from([3, 1]), [{ id: "value", desc: true }])].sort()).toEqual([1, 3]);
  });

  it("matches a plain sort on 100,000 generated rows", () => {
    const many = syntheticClaims(100_000);
    const order = new SortKeys(many).order(all(many.length), [{ id: "value", desc: true }]);
    const group = (c: Claim) => `${c.kind}:${c.unit ?? ""}`;
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [many[order[i - 1]!]!, many[order[i]!]!];
      if (group(a) === group(b)) expect(a.value >= b.value).toBe(true);
    }
    // Each kind and unit is one run.
    const runs = [...order].map((i) => group(many[i]!)).filter((g, i, a) => g !== a[i - 1]);
    expect(runs).toEqual([...new Set(runs)]);
  });
});

describe("SortKeys preparation steps", () => {
  it("runs in many short steps on a long text column, after which every order is what a cold sort gives", () => {
    const many = syntheticClaims(20_000);
    const columns = ["value", "sentence", "quote", "metric"] as const;
    const warm = new SortKeys(many);
    let steps = 0;
    for (const _ of warm.preparation(columns)) steps++;
    // 20,000 distinct sentences sort as 10 runs merged in 4 rounds: far more steps than one per column and direction.
    expect(steps).toBeGreaterThan(columns.length * 3 + 10);
    for (const id of columns) {
      for (const desc of [false, true]) {
        expect([...warm.order(all(many.length), [{ id, desc }])]).toEqual([
          ...new SortKeys(many).order(all(many.length), [{ id, desc }]),
        ]);
      }
    }
  });
});

describe("SortKeys text keys in runs", () => {
  it("rank text exactly as one stable collator sort would, with ties under the collator spread across runs", () => {
    const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
    // About 9,000 distinct quotes over five runs; "Exports 12" and "exports 12" are equal to the collator.
    const claims = syntheticClaims(9_000).map((c, i) => ({
      ...c,
      quote: `${i % 2 ? "Exports" : "exports"} ${i % 4_001}${i % 3 ? "" : " bn"}`,
    }));
    const distinct = [...new Set(claims.map((c) => c.quote))].sort(collator.compare);
    expect(distinct.length).toBeGreaterThan(2 * 2_048);
    const rank = new Map(distinct.map((t, i) => [t, i]));
    expect([...new SortKeys(claims).keys("quote")]).toEqual(claims.map((c) => rank.get(c.quote)));
  });
});

describe("SortKeys single-column fast path", () => {
  it("gives the same order as a comparator sort for any subset, column and direction", () => {
    const many = syntheticClaims(2_000);
    const keys = new SortKeys(many);
    const subset = Int32Array.from({ length: 700 }, (_, i) => (i * 7919) % many.length);
    for (const id of ["value", "quote", "metric", "period", "subject"] as const) {
      for (const desc of [false, true]) {
        const fast = [...keys.order(subset, [{ id, desc }])];
        const k = keys.keys(id);
        const slow = [...subset].sort((a, b) => (k[a]! - k[b]!) * (desc ? -1 : 1) || a - b);
        expect(fast).toEqual(slow);
      }
    }
  });
});
