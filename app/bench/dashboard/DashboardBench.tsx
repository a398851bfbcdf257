"use client";

import { startTransition, useEffect, useLayoutEffect, useState } from "react";
import { chartLayouts } from "@/lib/chart/index";
import { impliedUsdRates } from "@/lib/chart/rates";
import { syntheticArticle, type SyntheticArticle } from "@/test/bench/synthetic";
import { DEFAULT_VIEW } from "@/lib/explore/view-state";
import { Dashboard } from "../../_components/Dashboard";
import type { ChartLayouts } from "../../_components/charts/types";

interface BenchData extends SyntheticArticle {
  charts: ChartLayouts;
  usdRates: ReadonlyMap<string, number>;
  generatedMs: number;
}

/**
 * Mounts the dashboard the way /analyze does: the article, its claims and its chart layouts arrive whole (there
 * from the worker, here generated first), then the dashboard renders in the browser. Marks "dashboard-mount" just
 * before that render and "dashboard-mounted" once it is committed, for test/bench/dashboard.ts.
 */
export function DashboardBench({ claims, chars, transition }: { claims: number; chars: number; transition: boolean }) {
  const [data, setData] = useState<BenchData | null>(null);

  useEffect(() => {
    const started = performance.now();
    const article = syntheticArticle({ claims, length: chars });
    const charts = chartLayouts(article.claims, article.text.length);
    const usdRates = impliedUsdRates(article.claims);
    const generatedMs = performance.now() - started;
    // A task of its own, so the generation (the worker's job in /analyze) is not counted in the mount's task.
    const timer = setTimeout(() => {
      performance.mark("dashboard-mount");
      // ?transition=1: mounted as a transition, which React renders in slices that yield to the browser.
      const show = () => setData({ ...article, charts, usdRates, generatedMs });
      if (transition) startTransition(show);
      else show();
    }, 0);
    return () => clearTimeout(timer);
  }, [claims, chars, transition]);

  useLayoutEffect(() => {
    if (data) performance.mark("dashboard-mounted");
  }, [data]);

  if (!data) return <p data-testid="bench-status">Generating the article…</p>;
  return (
    <>
      <p data-testid="bench-status" data-generated-ms={data.generatedMs.toFixed(0)}>
        {data.text.length.toLocaleString("en")} characters, {data.claims.length.toLocaleString("en")} claims, generated
        in {data.generatedMs.toFixed(0)} ms
      </p>
      <Dashboard
        articleId="synthetic"
        charts={data.charts}
        text={data.text}
        claims={data.claims}
        initialView={DEFAULT_VIEW}
        usdRates={data.usdRates}
      />
    </>
  );
}
