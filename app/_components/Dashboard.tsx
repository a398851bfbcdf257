"use client";

import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useState } from "react";
import type { Claim } from "@/lib/schema";
import {
  DASHBOARD_READY_ATTRIBUTE,
  isTradeClaim,
  parseViewState,
  serializeViewState,
  showsTradeOnly,
  VIEW_PENDING_ATTRIBUTE,
  type ViewState,
} from "@/lib/explore/view-state";
import { MoneyChart } from "./charts/MoneyChart";
import { PositionChart } from "./charts/PositionChart";
import { TariffChart } from "./charts/TariffChart";
import type { ChartLayouts } from "./charts/types";
import { ChartArticleContext } from "./charts/ChartContext";
// Its code loads after the page's (it draws nothing until a figure is selected): not first-load JavaScript.
const SelectedFigure = lazy(() => import("./SelectedFigure").then((m) => ({ default: m.SelectedFigure })));
const Share = lazy(() => import("./Share").then((m) => ({ default: m.Share })));
import { SourceView } from "./SourceView";
import { FiguresPanel } from "./table/FiguresPanel";

interface DashboardProps {
  articleId: string;
  charts: ChartLayouts;
  text: string;
  claims: Claim[];
  initialView: ViewState;
  /**
   * A prerendered page renders the default view and reads the reader's view from the URL in the browser, in the
   * first commit after hydration (before the revealed parts paint: see VIEW_PENDING_SCRIPT).
   */
  viewFromUrl?: boolean;
  /** US$ per unit of each currency the article gives a rate for (impliedUsdRates), computed where the claims are. */
  usdRates: ReadonlyMap<string, number>;
  /** A seed article, which other sites can embed: its id and title. */
  embed?: { id: string; title: string };
  /** Who published the article and when, and its file stem (articleFileStem): chart downloads' source line and names. */
  about?: { source: string; publishedAt: string; fileStem: string };
  /** Parameters of the page itself (e.g. which stored article), kept in the URL beside the view. */
  pageParams?: Record<string, string>;
}

/**
 * Owns what the reader is looking at: the view (filters, sort, search) and the selected claim, mirrored in the
 * URL. Charts, table and source all read the same claims and select through the same callback.
 */
export function Dashboard({
  articleId,
  charts,
  text,
  claims,
  initialView,
  viewFromUrl,
  pageParams,
  embed,
  about,
  usdRates,
}: DashboardProps) {
  const [view, setView] = useState<ViewState>(initialView);
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  const select = useCallback((id: string) => update({ claim: id }), [update]);
  const tradeCount = useMemo(() => claims.filter(isTradeClaim).length, [claims]);
  const tradeOnly = showsTradeOnly(view, claims);
  // One element for the life of the page: a view change then leaves its boundary alone (an update to a boundary
  // still waiting for its code would redraw it from its empty fallback, a layout shift).
  const shareBar = useMemo(
    () => (
      <Suspense fallback={<div className="share" />}>
        <Share embed={embed} />
      </Suspense>
    ),
    [embed],
  );
  const chartArticle = useMemo(
    () =>
      about
        ? {
            claims,
            publisher: about.source,
            publishedAt: about.publishedAt,
            fileStem: about.fileStem,
          }
        : null,
    [about, claims],
  );
  const deselect = useCallback(() => update({ claim: null }), [update]);
  const selected = useMemo(
    () => (view.claim ? (claims.find((c) => c.id === view.claim) ?? null) : null),
    [claims, view.claim],
  );

  // The URL's view, and "#claim-<id>", which only the browser sees: applied once on arrival, before paint. On a
  // prerendered page that is the whole view; elsewhere the server read the query already and only the hash is new.
  useLayoutEffect(() => {
    const fromUrl = parseViewState(
      new URLSearchParams(viewFromUrl ? window.location.search : ""),
      window.location.hash,
    );
    // A URL without a view leaves the default one as it is: no second render of the whole dashboard on arrival.
    if (viewFromUrl && serializeViewState(fromUrl).size > 0) setView(fromUrl);
    else if (fromUrl.claim) update({ claim: fromUrl.claim });
  }, [update, viewFromUrl]);

  // A link to "#claim-<id>" (a key-figure card, a shared link followed on this page) selects that figure.
  useEffect(() => {
    const onHash = () => {
      const { claim } = parseViewState(new URLSearchParams(), window.location.hash);
      if (claim) update({ claim });
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [update]);

  // Revealed after the commit that applied the URL's view; and marked as answering input from here on.
  useEffect(() => {
    document.documentElement.removeAttribute(VIEW_PENDING_ATTRIBUTE);
    document.documentElement.setAttribute(DASHBOARD_READY_ATTRIBUTE, "");
  }, []);

  useEffect(() => {
    const params = new URLSearchParams(pageParams);
    for (const [key, value] of serializeViewState(view)) params.set(key, value);
    const query = params.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash.startsWith("#claim-") ? "" : window.location.hash}`;
    window.history.replaceState(window.history.state, "", url);
  }, [view, pageParams]);

  return (
    <>
      {shareBar}
      <p className="charts-note" id="charts">
        The charts show every figure in the article; the filters below apply to the table.
      </p>
      <ChartArticleContext value={chartArticle}>
        <section className="charts" aria-label="Charts">
          <MoneyChart layout={charts.money} selectedId={view.claim} onSelect={select} />
          <TariffChart layout={charts.tariffs} selectedId={view.claim} onSelect={select} />
          <PositionChart layout={charts.positions} selectedId={view.claim} onSelect={select} claims={claims} />
        </section>
      </ChartArticleContext>
      <div className="columns">
        <section className="figures" aria-labelledby="figures-heading" id="figures" tabIndex={-1}>
          <h2 id="figures-heading">Figures</h2>
          <FiguresPanel
            fileStem={chartArticle?.fileStem ?? articleId}
            claims={claims}
            view={view}
            onChange={update}
            onSelect={select}
            tradeOnly={tradeOnly}
            tradeCount={tradeCount}
            usdRates={usdRates}
          />
        </section>
        <section className="source-panel" aria-labelledby="source-heading">
          <h2 id="source-heading">Source</h2>
          <Suspense fallback={null}>
            <SelectedFigure text={text} claim={selected} onClose={deselect} />
          </Suspense>
          <SourceView text={text} claims={claims} selectedId={view.claim} onSelect={select} />
        </section>
      </div>
    </>
  );
}
