import type { ReactTable, TableState } from "@tanstack/react-table";
import type { Claim } from "@/lib/schema";
import type { ClaimTableFeatures } from "./features";

/** Previous / next page, shown only when the rows do not fit one page. */
export function TablePager({
  table,
}: {
  table: ReactTable<ClaimTableFeatures, Claim, TableState<ClaimTableFeatures>>;
}) {
  const pages = table.getPageCount();
  if (pages <= 1) return null;
  const { pageIndex } = table.state.pagination;
  return (
    <nav className="pager" aria-label="Table pages">
      <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
        Previous
      </button>
      <span>
        Page {pageIndex + 1} of {pages}
      </span>
      <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
        Next
      </button>
    </nav>
  );
}
