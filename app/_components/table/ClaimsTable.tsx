"use client";

import { FlexRender, type ReactTable, type TableState } from "@tanstack/react-table";
import type { KeyboardEvent } from "react";
import type { Claim } from "@/lib/schema";
import type { SortableColumn } from "@/lib/explore/view-state";
import type { ClaimTableFeatures } from "./features";
import { COLUMN_LABELS } from "./columns";
import { TablePager } from "./TablePager";

interface ClaimsTableProps {
  table: ReactTable<ClaimTableFeatures, Claim, TableState<ClaimTableFeatures>>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** The markup of the figures table: sortable headers with aria-sort, selectable rows, a pager. */
export function ClaimsTable({ table, selectedId, onSelect }: ClaimsTableProps) {
  const sortCount = table.state.sorting.length;
  const onRowKey = (event: KeyboardEvent, id: string) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(id);
    }
  };
  const rows = table.getRowModel().rows;

  return (
    <div className="table-wrap">
      <div className="scroll" tabIndex={0} role="region" aria-label="Figures table">
        <table data-testid="claims-table" className="claims">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={`col-${header.column.id}`}
                      aria-sort={sorted ? ARIA_SORT[sorted] : "none"}
                    >
                      <button
                        type="button"
                        className="sort"
                        onClick={header.column.getToggleSortingHandler()}
                        title="Sort (shift-click to add a second sort)"
                      >
                        <FlexRender header={header} />
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                        {sorted && sortCount > 1 ? (
                          <span className="sort-order">{header.column.getSortIndex() + 1}</span>
                        ) : null}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                data-claim-id={row.id}
                aria-selected={row.id === selectedId}
                tabIndex={0}
                onClick={() => onSelect(row.id)}
                onKeyDown={(e) => onRowKey(e, row.id)}
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`col-${cell.column.id as SortableColumn}`}
                    data-label={COLUMN_LABELS[cell.column.id as SortableColumn]}
                  >
                    <FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="empty">No figures match these filters.</p> : null}
      <TablePager table={table} />
    </div>
  );
}
