"use client";

import { useCallback, useMemo, useRef } from "react";
import { claimsToCsv } from "@/lib/csv";
import type { Claim } from "@/lib/schema";
import { searchableText } from "@/lib/search";
import { claimMatchesView, type SortEntry, type ViewState } from "@/lib/view-state";
import { ClaimsTable } from "./ClaimsTable";
import { TableToolbar } from "./TableToolbar";

interface FiguresPanelProps {
  fileStem: string;
  claims: Claim[];
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
  onSelect: (id: string) => void;
}

function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The toolbar and the table over one set of claims; "Download shown rows" writes exactly the rows in view, in order. */
export function FiguresPanel({ fileStem, claims, view, onChange, onSelect }: FiguresPanelProps) {
  const shownRows = useRef<Claim[]>([]);
  const searchText = useMemo(() => new Map(claims.map((c) => [c.id, searchableText(c)])), [claims]);
  const filtered = useMemo(() => claims.filter((c) => claimMatchesView(c, view, searchText.get(c.id))), [claims, view, searchText]);
  const sortBy = useCallback((sort: SortEntry[]) => onChange({ sort }), [onChange]);
  const rememberOrder = useCallback((rows: Claim[]) => { shownRows.current = rows; }, []);
  const download = () => downloadText(`${fileStem}-claims-view.csv`, claimsToCsv(shownRows.current), "text/csv;charset=utf-8");

  return (
    <>
      <TableToolbar view={view} onChange={onChange} shown={filtered.length} total={claims.length} onDownload={download} />
      <ClaimsTable claims={filtered} sort={view.sort} onSortChange={sortBy} selectedId={view.claim} onSelect={onSelect} onOrderChange={rememberOrder} />
    </>
  );
}
