import { CHANGE_LABEL } from "./format";
import { METRIC_STYLE } from "./palette";
import type { Claim } from "./schema";
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
  metric: (c) => METRIC_STYLE[c.metric].label,
  subject: (c) => c.subject ?? "",
  period: (c) => c.period ?? "",
  sentence: (c) => c.sentence,
};

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export class SortKeys {
  private readonly cache = new Map<SortableColumn, Float64Array>();
  private readonly orders = new Map<string, Int32Array>();

  constructor(private readonly claims: readonly Claim[]) {}

  /** One number per claim that orders the column ascending; empty text sorts last. */
  keys(column: SortableColumn): Float64Array {
    let keys = this.cache.get(column);
    if (keys) return keys;
    keys = new Float64Array(this.claims.length);
    if (column === "value") {
      this.claims.forEach((c, i) => { keys![i] = c.value; });
    } else {
      const text = this.claims.map(TEXT_OF[column]);
      const distinct = [...new Set(text)].sort(collator.compare);
      const rank = new Map(distinct.map((t, i) => [t, t === "" ? Number.MAX_SAFE_INTEGER : i]));
      text.forEach((t, i) => { keys![i] = rank.get(t)!; });
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
      order = Int32Array.from({ length: this.claims.length }, (_, i) => i).sort((a, b) => (keys[a]! - keys[b]!) * sign || a - b);
      this.orders.set(cacheKey, order);
    }
    return order;
  }

  /**
   * The work of computing every column's keys and orders ahead of time, as small steps (keys, then each direction's
   * order), so the table can run them one idle period at a time and never hold the page for long.
   */
  preparationSteps(columns: readonly SortableColumn[]): Array<() => void> {
    return columns.flatMap((column) => [() => void this.keys(column), () => void this.fullOrder(column, false), () => void this.fullOrder(column, true)]);
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
