"use client";

import { useCallback, useEffect, useState } from "react";
import type { Claim } from "@/lib/schema";
import { serializeViewState, type ViewState } from "@/lib/explore/view-state";
import { MoneyChart } from "./charts/MoneyChart";
import { PositionChart } from "./charts/PositionChart";
import { TariffChart } from "./charts/TariffChart";
import type { ChartLayouts } from "./charts/types";
import { SourceView } from "./SourceView";
import { FiguresPanel } from "./table/FiguresPanel";

interface DashboardProps {
  articleId: string;
  charts: ChartLayouts;
  text: string;
  claims: Claim[];
  initialView: ViewState;
  /** Parameters of the page itself (e.g. which stored article), kept in the URL beside the view. */
  pageParams?: Record<string, string>;
}

/**
 * Owns what the reader is looking at: the view (filters, sort, search) and the selected claim, mirrored in the
 * URL. Charts, table and source all read the same claims and select through the same callback.
 */
export function Dashboard({ articleId, charts, text, claims, initialView, pageParams }: DashboardProps) {
  const [view, setView] = useState<ViewState>(initialView);
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  const select = useCallback((id: string) => update({ claim: id }), [update]);

  // "/#claim-<id>" is only visible in the browser: select it once on arrival.
  useEffect(() => {
    const fromHash = /^#claim-(.+)$/.exec(window.location.hash)?.[1];
    if (fromHash) update({ claim: decodeURIComponent(fromHash) });
  }, [update]);

  useEffect(() => {
    const params = new URLSearchParams(pageParams);
    for (const [key, value] of serializeViewState(view)) params.set(key, value);
    const query = params.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash.startsWith("#claim-") ? "" : window.location.hash}`;
    window.history.replaceState(window.history.state, "", url);
  }, [view, pageParams]);

  return (
    <>
      <section className="charts" aria-label="Charts">
        <MoneyChart layout={charts.money} selectedId={view.claim} onSelect={select} />
        <TariffChart layout={charts.tariffs} selectedId={view.claim} onSelect={select} />
        <PositionChart layout={charts.positions} selectedId={view.claim} onSelect={select} claims={claims} />
      </section>
      <div className="columns">
        <section className="figures" aria-labelledby="figures-heading">
          <h2 id="figures-heading">Figures</h2>
          <FiguresPanel fileStem={articleId} claims={claims} view={view} onChange={update} onSelect={select} />
        </section>
        <section className="source-panel" aria-labelledby="source-heading">
          <h2 id="source-heading">Source</h2>
          <SourceView text={text} claims={claims} selectedId={view.claim} onSelect={select} />
        </section>
      </div>
    </>
  );
}
