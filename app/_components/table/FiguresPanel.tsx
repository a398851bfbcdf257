"use client";

import { useCallback, useState } from "react";
import type { Claim } from "@/lib/schema";
import type { SortEntry, ViewState } from "@/lib/explore/view-state";
import { downloadText } from "../download";
import { ClaimsTable } from "./ClaimsTable";
import { TableToolbar } from "./TableToolbar";
import { useClaimsTable } from "./useClaimsTable";

interface FiguresPanelProps {
  fileStem: string;
  claims: Claim[];
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
  onSelect: (id: string) => void;
  /** Only the trade figures are shown (the default view of an article that has any). */
  tradeOnly?: boolean;
  tradeCount?: number;
  usdRates?: ReadonlyMap<string, number>;
}

const NO_RATES: ReadonlyMap<string, number> = new Map();

/** The toolbar and the table over one set of claims; "Download shown rows" writes exactly the rows in view, in order. */
export function FiguresPanel({
  fileStem,
  claims,
  view,
  onChange,
  onSelect,
  tradeOnly = false,
  tradeCount = 0,
  usdRates = NO_RATES,
}: FiguresPanelProps) {
  const sortBy = useCallback((sort: SortEntry[]) => onChange({ sort }), [onChange]);
  const { table, shown, total, shownRows, defaultOrder } = useClaimsTable(claims, view, sortBy, {
    tradeOnly,
    usdRates,
  });

  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);

  const download = async () => {
    const rows = shownRows();
    // Loaded on the first click, not with the page.
    const [{ downloadSizeProblem }, { claimsToCsv }] = await Promise.all([
      import("@/lib/export/download-size"),
      import("@/lib/export/csv"),
    ]);
    const problem = downloadSizeProblem(rows);
    setDownloadProblem(problem);
    if (problem) return;
    // The US$ columns take their rates from the whole article: a view without the US$ half of a pair keeps its rate.
    downloadText(`${fileStem}-claims-view.csv`, claimsToCsv(rows, { ratesFrom: claims }), "text/csv;charset=utf-8");
  };
  return (
    <>
      <TableToolbar
        view={view}
        onChange={onChange}
        shown={shown}
        total={total}
        onDownload={download}
        tradeOnly={tradeOnly}
        tradeCount={tradeCount}
        defaultOrder={defaultOrder}
      />
      {downloadProblem ? (
        <p className="notice warn" role="alert" data-testid="download-problem">
          {downloadProblem}
        </p>
      ) : null}
      <ClaimsTable table={table} selectedId={view.claim} onSelect={onSelect} />
    </>
  );
}
