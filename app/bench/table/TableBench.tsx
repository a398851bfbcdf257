"use client";

import { useCallback, useMemo, useState } from "react";
import { syntheticClaims } from "@/test/bench/synthetic";
import { DEFAULT_VIEW, type ViewState } from "@/lib/explore/view-state";
import { FiguresPanel } from "../../_components/table/FiguresPanel";

/** Rows are generated in the browser, so the page itself stays small. */
export function TableBench({ rows }: { rows: number }) {
  const claims = useMemo(() => syntheticClaims(rows), [rows]);
  const [view, setView] = useState<ViewState>(DEFAULT_VIEW);
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  const select = useCallback((id: string) => update({ claim: id }), [update]);
  return <FiguresPanel fileStem="synthetic" claims={claims} view={view} onChange={update} onSelect={select} />;
}
