"use client";

import { KINDS, METRICS } from "@/lib/enums";
import type { Kind, Metric } from "@/lib/schema";
import { METRIC_STYLE } from "@/lib/display/palette";
import type { ViewState } from "@/lib/explore/view-state";
import { FacetFilter } from "./FacetFilter";

interface TableToolbarProps {
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
  shown: number;
  total: number;
  onDownload: () => void;
}

const metricLabel = (m: Metric) => METRIC_STYLE[m].label;
const kindLabel = (k: Kind) => k.replace("_", " ");

function numberOrNull(raw: string): number | null {
  const n = Number(raw);
  return raw.trim() === "" || !Number.isFinite(n) ? null : n;
}

/** Search, facet filters and a value range over the figures table; everything it sets lives in the URL. */
export function TableToolbar({ view, onChange, shown, total, onDownload }: TableToolbarProps) {
  return (
    <div className="toolbar">
      <label className="search">
        <span className="visually-hidden">Search figures</span>
        <input
          type="search"
          aria-label="Search figures"
          placeholder="Search: 760, billion, 25%, steel…"
          value={view.q}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </label>
      <FacetFilter
        testId="metric-filter"
        legend="Metric"
        options={METRICS}
        label={metricLabel}
        selected={view.metrics}
        onChange={(metrics) => onChange({ metrics })}
      />
      <FacetFilter
        testId="kind-filter"
        legend="Kind"
        options={KINDS}
        label={kindLabel}
        selected={view.kinds}
        onChange={(kinds) => onChange({ kinds })}
      />
      <fieldset className="range">
        <legend>Value</legend>
        <label>
          <span className="visually-hidden">Minimum value</span>
          <input
            type="number"
            inputMode="decimal"
            aria-label="Minimum value"
            placeholder="min"
            defaultValue={view.min ?? ""}
            onChange={(e) => onChange({ min: numberOrNull(e.target.value) })}
          />
        </label>
        <span aria-hidden="true">–</span>
        <label>
          <span className="visually-hidden">Maximum value</span>
          <input
            type="number"
            inputMode="decimal"
            aria-label="Maximum value"
            placeholder="max"
            defaultValue={view.max ?? ""}
            onChange={(e) => onChange({ max: numberOrNull(e.target.value) })}
          />
        </label>
      </fieldset>
      <p className="row-count" data-testid="row-count" aria-live="polite">
        Showing {shown} of {total}
      </p>
      <button type="button" className="download" onClick={onDownload} disabled={shown === 0}>
        Download shown rows (CSV)
      </button>
    </div>
  );
}
