import { createPaginatedRowModel, createSortedRowModel, rowPaginationFeature, rowSortingFeature, sortFn_alphanumeric, sortFn_text, tableFeatures } from "@tanstack/react-table";

/** The table's features: client sorting (multi-sort with shift) and pagination. Filtering happens before the table. */
export const claimTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
});

export type ClaimTableFeatures = typeof claimTableFeatures;

export const PAGE_SIZE = 50;
