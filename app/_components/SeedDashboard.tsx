"use client";

import { useMemo } from "react";
import { unpackLayouts, type PackedChartLayouts } from "@/lib/chart/transport";
import { unpackClaims, type PackedClaims } from "@/lib/explore/transport";
import { DEFAULT_VIEW } from "@/lib/explore/view-state";
import { Dashboard } from "./Dashboard";

interface SeedDashboardProps {
  text: string;
  title: string;
  source: string;
  publishedAt: string;
  fileStem: string;
  /** impliedUsdRates of the claims, as pairs: a Map does not cross to the browser. */
  usdRates: Array<[string, number]>;
  claims: PackedClaims;
  charts: PackedChartLayouts;
}

/**
 * The dashboard of a prerendered seed page. Its props cross in the page's RSC payload, so they come packed (each
 * claim without the article id and sentence it shares with others, each chart mark without its copy of its claim)
 * and are unpacked once here; the view is the URL's, read in the browser.
 */
export function SeedDashboard({
  text,
  title,
  source,
  publishedAt,
  fileStem,
  usdRates,
  claims,
  charts,
}: SeedDashboardProps) {
  const rates = useMemo(() => new Map(usdRates), [usdRates]);
  const records = useMemo(() => unpackClaims(claims), [claims]);
  const layouts = useMemo(() => unpackLayouts(charts, records), [charts, records]);
  return (
    <Dashboard
      articleId={claims.articleId}
      charts={layouts}
      text={text}
      claims={records}
      initialView={DEFAULT_VIEW}
      viewFromUrl
      embed={{ id: claims.articleId, title }}
      about={{ source, publishedAt, fileStem }}
      usdRates={rates}
    />
  );
}
