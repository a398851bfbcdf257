"use client";

import { useMemo, useState } from "react";
import { unpackLayouts, type PackedChartLayouts } from "@/lib/chart/transport";
import { unpackClaims, type PackedClaims } from "@/lib/explore/transport";
import { formatClaimValue } from "@/lib/display/format";
import { MoneyChart } from "./charts/MoneyChart";
import { PositionChart } from "./charts/PositionChart";
import { TariffChart } from "./charts/TariffChart";

/** The charts a page can embed (app/embed lists them for the server: a client module's values do not cross). */
export type EmbedChartName = "money" | "tariffs" | "positions";

interface EmbedChartProps {
  chart: EmbedChartName;
  claims: PackedClaims;
  charts: PackedChartLayouts;
  /** The article's page, where a figure's sentence is shown in the whole text. */
  articlePath: string;
}

/**
 * One chart of an article, for an <iframe> on another site: the chart itself, and for the mark a reader picks, its
 * sentence and a link to it in the article's page (a new tab: the host page stays where it is).
 */
export function EmbedChart({ chart, claims, charts, articlePath }: EmbedChartProps) {
  const records = useMemo(() => unpackClaims(claims), [claims]);
  const layouts = useMemo(() => unpackLayouts(charts, records), [charts, records]);
  const [selectedId, select] = useState<string | null>(null);
  const selected = selectedId ? records.find((c) => c.id === selectedId) : undefined;
  return (
    <>
      {chart === "money" ? <MoneyChart layout={layouts.money} selectedId={selectedId} onSelect={select} /> : null}
      {chart === "tariffs" ? <TariffChart layout={layouts.tariffs} selectedId={selectedId} onSelect={select} /> : null}
      {chart === "positions" ? (
        <PositionChart layout={layouts.positions} selectedId={selectedId} onSelect={select} claims={records} />
      ) : null}
      <p className="embed-selected" aria-live="polite" data-testid="embed-selected">
        {selected ? (
          <>
            <strong>{formatClaimValue(selected)}</strong> “{selected.sentence}”{" "}
            <a href={`${articlePath}?claim=${encodeURIComponent(selected.id)}`} target="_blank" rel="noopener">
              Source sentence
            </a>
          </>
        ) : (
          "Choose a bar or a dot to read its sentence."
        )}
      </p>
    </>
  );
}
