import { rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/**
 * Sort and page state with their header and pager APIs; the rows themselves are filtered, sorted and sliced by
 * useClaimsTable, and the table runs in manual mode.
 */
export const claimTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });

export type ClaimTableFeatures = typeof claimTableFeatures;

export const PAGE_SIZE = 50;
