"use client";

import { FlexRender, useTable, type PaginationState, type SortingState } from "@tanstack/react-table";
import { useEffect, useState, type KeyboardEvent } from "react";
import type { Claim } from "@/lib/schema";
import type { SortEntry, SortableColumn } from "@/lib/view-state";
import { claimColumns } from "./columns";
import { claimTableFeatures, PAGE_SIZE } from "./features";
import { TablePager } from "./TablePager";

interface ClaimsTableProps {
  /** The rows that pass the current filters, in data order; the table sorts and pages them. */
  claims: Claim[];
  sort: SortEntry[];
  onSortChange: (sort: SortEntry[]) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Called with the rows in the order shown, for "Download shown rows". */
  onOrderChange?: (rows: Claim[]) => void;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function ClaimsTable({ claims, sort, onSortChange, selectedId, onSelect, onOrderChange }: ClaimsTableProps) {
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE });
  const table = useTable({
    features: claimTableFeatures,
    columns: claimColumns,
    data: claims,
    getRowId: (row) => row.id,
    state: { sorting: sort, pagination },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sort as SortingState) : updater;
      onSortChange(next as SortEntry[]);
    },
    onPaginationChange: setPagination,
    enableMultiSort: true,
    enableSortingRemoval: true,
  });
  const ordered = table.getPrePaginatedRowModel().rows;

  useEffect(() => onOrderChange?.(ordered.map((r) => r.original)), [ordered, onOrderChange]);

  // A claim selected elsewhere (chart, source) brings its page into view.
  useEffect(() => {
    if (!selectedId) return;
    const index = ordered.findIndex((r) => r.id === selectedId);
    if (index >= 0) setPagination((p) => (Math.floor(index / p.pageSize) === p.pageIndex ? p : { ...p, pageIndex: Math.floor(index / p.pageSize) }));
  }, [selectedId, ordered]);

  const onRowKey = (event: KeyboardEvent, id: string) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(id);
    }
  };

  return (
    <div className="table-wrap">
      <div className="scroll" tabIndex={0} role="region" aria-label="Figures table">
        <table data-testid="claims-table" className="claims">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const order = header.column.getSortIndex();
                  return (
                    <th key={header.id} scope="col" className={`col-${header.column.id}`} aria-sort={sorted ? ARIA_SORT[sorted] : "none"}>
                      <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()} title="Sort (shift-click to add a second sort)">
                        <FlexRender header={header} />
                        <span aria-hidden="true" className="sort-mark">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        {sorted && sort.length > 1 ? <span className="sort-order">{order + 1}</span> : null}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-claim-id={row.id}
                aria-selected={row.id === selectedId}
                tabIndex={0}
                onClick={() => onSelect(row.id)}
                onKeyDown={(e) => onRowKey(e, row.id)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id as SortableColumn}`}>
                    <FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {claims.length === 0 ? <p className="empty">No figures match these filters.</p> : null}
      <TablePager table={table} />
    </div>
  );
}
