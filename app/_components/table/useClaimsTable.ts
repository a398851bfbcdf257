"use client";

import { useTable, type PaginationState, type SortingState } from "@tanstack/react-table";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Claim } from "@/lib/schema";
import { searchableText } from "@/lib/explore/search";
import { SortKeys } from "@/lib/explore/sort-keys";
import { compileViewFilter, SORTABLE_COLUMNS, type SortEntry, type ViewState } from "@/lib/explore/view-state";
import { claimColumns } from "./columns";
import { claimTableFeatures, PAGE_SIZE } from "./features";

const TRADE_ORDER: SortEntry[] = [
  { id: "metric", desc: false },
  { id: "value", desc: true },
];

/**
 * The figures table's model. Filtering and sorting run over row indices (lib/explore/sort-keys), and the table library
 * receives only the page on screen, in manual mode: it owns the sort and page state and the header semantics, not
 * the work on 100,000 rows.
 */
export function useClaimsTable(
  claims: Claim[],
  view: ViewState,
  onSortChange: (sort: SortEntry[]) => void,
  { tradeOnly, usdRates }: { tradeOnly: boolean; usdRates: ReadonlyMap<string, number> },
) {
  const selectedId = view.claim;
  const searchText = useMemo(() => claims.map(searchableText), [claims]);
  const sortKeys = useMemo(() => new SortKeys(claims, usdRates), [claims, usdRates]);
  const { metrics, kinds, q, min, max } = view;
  // The trade figures open ordered by metric, then largest first; a sort the reader chose replaces that.
  const sort = view.sort.length || !tradeOnly ? view.sort : TRADE_ORDER;

  const filtered = useMemo(() => {
    const keep = compileViewFilter({ metrics, kinds, q, min, max, tradeOnly });
    const indices = new Int32Array(claims.length);
    let n = 0;
    for (let i = 0; i < claims.length; i++) if (keep(claims[i]!, searchText[i])) indices[n++] = i;
    return indices.subarray(0, n);
  }, [claims, searchText, metrics, kinds, q, min, max, tradeOnly]);
  const ordered = useMemo(() => sortKeys.order(filtered, sort), [sortKeys, filtered, sort]);

  // Sort orders for every column are computed while the browser is idle, a few short steps per idle period, so a
  // click on any header only has to walk a ready order.
  useEffect(() => {
    if (typeof requestIdleCallback !== "function") return;
    const steps = sortKeys.preparation(SORTABLE_COLUMNS);
    let handle = 0;
    const next = (deadline: IdleDeadline) => {
      let done = false;
      do done = steps.next().done === true;
      while (!done && deadline.timeRemaining() > 10);
      if (!done) handle = requestIdleCallback(next);
    };
    handle = requestIdleCallback(next);
    return () => cancelIdleCallback(handle);
  }, [sortKeys]);

  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(ordered.length / pagination.pageSize));
  const pageIndex = Math.min(pagination.pageIndex, pageCount - 1);
  const page = useMemo(() => {
    const from = pageIndex * pagination.pageSize;
    return Array.from(ordered.subarray(from, from + pagination.pageSize), (i) => claims[i]!);
  }, [claims, ordered, pageIndex, pagination.pageSize]);

  // New filters or a new sort start again at the first page.
  useEffect(() => setPagination((p) => (p.pageIndex === 0 ? p : { ...p, pageIndex: 0 })), [filtered, sort]);

  const table = useTable({
    features: claimTableFeatures,
    columns: claimColumns,
    data: page,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: ordered.length,
    state: { sorting: view.sort, pagination: { pageIndex, pageSize: pagination.pageSize } },
    onSortingChange: (updater) =>
      onSortChange((typeof updater === "function" ? updater(view.sort as SortingState) : updater) as SortEntry[]),
    onPaginationChange: setPagination,
    enableMultiSort: true,
    enableSortingRemoval: true,
  });

  // A claim selected elsewhere (chart, source) brings its page into view; a new sort or filter does not chase it.
  const orderedRef = useRef(ordered);
  orderedRef.current = ordered;
  useEffect(() => {
    if (!selectedId) return;
    const at = claims.findIndex((c) => c.id === selectedId);
    const position = at < 0 ? -1 : orderedRef.current.indexOf(at);
    if (position >= 0) setPagination((p) => ({ ...p, pageIndex: Math.floor(position / p.pageSize) }));
  }, [claims, selectedId]);

  const shownRows = () => Array.from(ordered, (i) => claims[i]!);
  return { table, shown: ordered.length, total: claims.length, shownRows, defaultOrder: sort === TRADE_ORDER };
}
