import { KINDS, METRICS } from "../enums";
import { CHANGE_LABEL } from "../display/format";
import type { Claim } from "../schema";
import type { SortEntry, SortableColumn } from "./view-state";

/**
 * Sorting for the figures table, done here rather than in the table library so that 100,000 rows sort in tens of
 * milliseconds: each column becomes one numeric key per claim (numbers as they are, text as its rank in the
 * column's sorted distinct values), computed once per dataset and column, and rows are sorted as indices.
 */

const TEXT_OF: Record<Exclude<SortableColumn, "value">, (c: Claim) => string> = {
  quote: (c) => c.quote,
  unit: (c) => c.unit ?? "",
  change: (c) => CHANGE_LABEL[c.change],
  // In the schema's order (balance, volume, exports, imports, tariffs, other), as the key figures are.
  metric: (c) => String(METRICS.indexOf(c.metric)),
  subject: (c) => c.subject ?? "",
  period: (c) => c.period ?? "",
  sentence: (c) => c.sentence,
};

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
/** Distinct values sorted per step before merging: about 10 ms of collator work. */
const RUN = 2_048;

/** Two collator-sorted runs as one; on ties the left run's value comes first, so merging keeps a sort stable. */
function mergeSorted(left: readonly string[], right: readonly string[]): string[] {
  const out = new Array<string>(left.length + right.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length)
    out[k++] = collator.compare(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!;
  while (i < left.length) out[k++] = left[i++]!;
  while (j < right.length) out[k++] = right[j++]!;
  return out;
}

/** A claim's value group ("0:money:USD", "1:percent:") and its amount within it: kinds in their schema order. */
function valueGroup(claim: Claim, usdPerUnit: ReadonlyMap<string, number>): { key: string; amount: number } {
  const kind = KINDS.indexOf(claim.kind);
  if (claim.kind === "money") {
    const rate = claim.unit === "USD" ? 1 : claim.unit ? usdPerUnit.get(claim.unit) : undefined;
    if (rate !== undefined) return { key: `${kind}:money:USD`, amount: claim.value * rate };
  }
  return { key: `${kind}:${claim.kind}:${claim.unit ?? ""}`, amount: claim.value };
}

export class SortKeys {
  private readonly cache = new Map<SortableColumn, Float64Array>();
  private readonly orders = new Map<string, Int32Array>();

  /**
   * `usdPerUnit`: US$ per unit of a currency, as the article implies it, so that money sorts by its US-dollar
   * equivalent where one is known.
   */
  constructor(
    private readonly claims: readonly Claim[],
    private readonly usdPerUnit: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** One number per claim that orders the column ascending; empty text sorts last. */
  keys(column: SortableColumn): Float64Array {
    const steps = this.computeKeys(column);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * The keys of a column, yielding between steps of bounded work: text is ranked by sorting its distinct values in
   * runs of RUN and merging the runs pairwise (stable, so the result is exactly one collator sort's), because one
   * collator sort of 50,000 distinct quotes takes a quarter of a second.
   */
  private *computeKeys(column: SortableColumn): Generator<void, Float64Array> {
    const cached = this.cache.get(column);
    if (cached) return cached;
    const keys = new Float64Array(this.claims.length);
    if (column === "value") {
      // Values sort within their kind and unit (money by its US-dollar equivalent where the article implies one):
      // 100 %, "60 years" and 25 % are not one scale. The key is each claim's rank in that order.
      const group = this.claims.map((c) => valueGroup(c, this.usdPerUnit));
      const groups = [...new Set(group.map((g) => g.key))].sort(collator.compare);
      const groupRank = new Map(groups.map((g, i) => [g, i]));
      const order = Int32Array.from({ length: this.claims.length }, (_, i) => i).sort(
        (a, b) =>
          groupRank.get(group[a]!.key)! - groupRank.get(group[b]!.key)! || group[a]!.amount - group[b]!.amount || a - b,
      );
      order.forEach((claim, rank) => {
        keys[claim] = rank;
      });
    } else {
      const text = this.claims.map(TEXT_OF[column]);
      const distinct = [...new Set(text)];
      let runs: string[][] = [];
      for (let i = 0; i < distinct.length; i += RUN) {
        yield;
        runs.push(distinct.slice(i, i + RUN).sort(collator.compare));
      }
      while (runs.length > 1) {
        const merged: string[][] = [];
        for (let i = 0; i < runs.length; i += 2) {
          yield;
          merged.push(i + 1 < runs.length ? mergeSorted(runs[i]!, runs[i + 1]!) : runs[i]!);
        }
        runs = merged;
      }
      yield;
      const rank = new Map((runs[0] ?? []).map((t, i) => [t, t === "" ? Number.MAX_SAFE_INTEGER : i]));
      text.forEach((t, i) => {
        keys[i] = rank.get(t)!;
      });
    }
    this.cache.set(column, keys);
    return keys;
  }

  /** Every row index ordered by one column, ties in original order; cached, so re-sorting a column is linear. */
  private fullOrder(column: SortableColumn, desc: boolean): Int32Array {
    const cacheKey = `${column}.${desc}`;
    let order = this.orders.get(cacheKey);
    if (!order) {
      const keys = this.keys(column);
      const sign = desc ? -1 : 1;
      order = Int32Array.from({ length: this.claims.length }, (_, i) => i).sort(
        (a, b) => (keys[a]! - keys[b]!) * sign || a - b,
      );
      this.orders.set(cacheKey, order);
    }
    return order;
  }

  /**
   * The work of computing every column's keys and orders ahead of time, as small steps (a run of a column's text
   * sorted or merged, each direction's order), so the table can run them a few at a time while the browser is idle
   * and never hold the page for long. Each `next()` does one step; the generator is done when all are.
   */
  *preparation(columns: readonly SortableColumn[]): Generator<void, void> {
    for (const column of columns) {
      yield* this.computeKeys(column);
      yield;
      this.fullOrder(column, false);
      yield;
      this.fullOrder(column, true);
    }
  }

  /** The given row indices in the order of `sort` (first entry first); ties keep their original order. */
  order(indices: Int32Array, sort: readonly SortEntry[]): Int32Array {
    if (sort.length === 0) return indices.slice();
    if (sort.length === 1) {
      // One column: walk its cached full order and keep the rows asked for, in linear time.
      const keep = new Uint8Array(this.claims.length);
      for (const i of indices) keep[i] = 1;
      const out = new Int32Array(indices.length);
      let n = 0;
      for (const i of this.fullOrder(sort[0]!.id, sort[0]!.desc)) if (keep[i]) out[n++] = i;
      return out;
    }
    const sorted = indices.slice();
    const columns = sort.map((s) => ({ keys: this.keys(s.id), sign: s.desc ? -1 : 1 }));
    sorted.sort((a, b) => {
      for (const { keys, sign } of columns) {
        const d = keys[a]! - keys[b]!;
        if (d !== 0) return d * sign;
      }
      return a - b;
    });
    return sorted;
  }
}
