"use client";

import { useState } from "react";
import { KINDS, METRICS } from "@/lib/enums";
import type { Kind, Metric } from "@/lib/schema";
import { METRIC_STYLE } from "@/lib/display/palette";
import type { ViewState } from "@/lib/explore/view-state";
import { parseAmount } from "@/lib/explore/search";
import { FacetFilter } from "./FacetFilter";

interface TableToolbarProps {
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
  shown: number;
  total: number;
  onDownload: () => void;
  tradeOnly: boolean;
  tradeCount: number;
  /** The table is in its opening order (metric, then size), not one the reader chose. */
  defaultOrder: boolean;
}

const metricLabel = (m: Metric) => METRIC_STYLE[m].label;
const kindLabel = (k: Kind) => k.replace("_", " ");

/** A value-range box: "1bn", "25%", "1,000"; what it cannot read is marked and leaves the range as it was. */
function AmountInput({ label, placeholder, value, onChange }: AmountInputProps) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [invalid, setInvalid] = useState(false);
  return (
    <label>
      <span className="visually-hidden">{label}</span>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid || undefined}
        title="A number, with a scale or a percent sign if you like: 1bn, 250m, 25%"
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const amount = parseAmount(e.target.value);
          const empty = e.target.value.trim() === "";
          setInvalid(!empty && amount === null);
          if (empty || amount !== null) onChange(empty ? null : amount);
        }}
      />
    </label>
  );
}

interface AmountInputProps {
  label: string;
  placeholder: string;
  value: number | null;
  onChange: (value: number | null) => void;
}

/** Search, facet filters and a value range over the figures table; everything it sets lives in the URL. */
export function TableToolbar({
  view,
  onChange,
  shown,
  total,
  onDownload,
  tradeOnly,
  tradeCount,
  defaultOrder,
}: TableToolbarProps) {
  const metrics = tradeOnly ? METRICS.filter((m) => m !== "other") : METRICS;
  return (
    <div className="toolbar">
      {tradeCount > 0 ? (
        <div className="scope" role="group" aria-label="Which figures">
          <button
            type="button"
            aria-pressed={tradeOnly}
            onClick={() => onChange({ all: false })}
            data-testid="scope-trade"
          >
            Trade figures ({tradeCount})
          </button>
          <button
            type="button"
            aria-pressed={!tradeOnly}
            onClick={() => onChange({ all: true })}
            data-testid="scope-all"
          >
            Every number ({total})
          </button>
        </div>
      ) : null}
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
        options={metrics}
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
        <AmountInput label="Minimum value" placeholder="min" value={view.min} onChange={(min) => onChange({ min })} />
        <span aria-hidden="true">–</span>
        <AmountInput label="Maximum value" placeholder="max" value={view.max} onChange={(max) => onChange({ max })} />
      </fieldset>
      <p className="row-count" data-testid="row-count" aria-live="polite">
        Showing {shown} of {tradeOnly ? `${tradeCount} trade figures` : total}
        {defaultOrder ? ", by metric, then largest first" : ""}
      </p>
      <button type="button" className="download" onClick={onDownload} disabled={shown === 0}>
        Download shown rows (CSV)
      </button>
    </div>
  );
}
