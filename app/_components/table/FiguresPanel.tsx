"use client";

import { useCallback } from "react";
import { claimsToCsv } from "@/lib/export/csv";
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
}

/** The toolbar and the table over one set of claims; "Download shown rows" writes exactly the rows in view, in order. */
export function FiguresPanel({ fileStem, claims, view, onChange, onSelect }: FiguresPanelProps) {
  const sortBy = useCallback((sort: SortEntry[]) => onChange({ sort }), [onChange]);
  const { table, shown, total, shownRows } = useClaimsTable(claims, view, sortBy);

  const download = () =>
    downloadText(`${fileStem}-claims-view.csv`, claimsToCsv(shownRows()), "text/csv;charset=utf-8");
  return (
    <>
      <TableToolbar view={view} onChange={onChange} shown={shown} total={total} onDownload={download} />
      <ClaimsTable table={table} selectedId={view.claim} onSelect={onSelect} />
    </>
  );
}
