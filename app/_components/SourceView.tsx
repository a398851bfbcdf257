"use client";

import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { formatClaimValue, CHANGE_LABEL } from "@/lib/format";
import { METRIC_STYLE } from "@/lib/palette";
import type { Claim } from "@/lib/schema";

interface SourceViewProps {
  text: string;
  claims: Claim[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

interface SentenceRun {
  index: number;
  start: number;
  end: number;
}

/** Sentences as the extractor saw them (from the records), and the text between them as plain runs. */
function sentenceRuns(claims: Claim[]): SentenceRun[] {
  const byIndex = new Map<number, SentenceRun>();
  for (const c of claims) {
    if (byIndex.has(c.sentenceIndex)) continue;
    const start = c.start - c.sentence.indexOf(c.quote);
    byIndex.set(c.sentenceIndex, { index: c.sentenceIndex, start, end: start + c.sentence.length });
  }
  return [...byIndex.values()].sort((a, b) => a.start - b.start);
}

function describe(c: Claim): string {
  const basis = c.currencyBasis === "inferred" ? ", currency inferred" : "";
  const period = c.period ? `, ${c.period}${c.periodBasis === "explicit" ? "" : ` (${c.periodBasis})`}` : "";
  return `${formatClaimValue(c)} · ${METRIC_STYLE[c.metric].label} · ${CHANGE_LABEL[c.change]}${basis}${period}`;
}

/** The article with every quote highlighted by metric; the selected claim's sentence is marked and scrolled to. */
export function SourceView({ text, claims, selectedId, onSelect }: SourceViewProps) {
  const ordered = useMemo(() => [...claims].sort((a, b) => a.start - b.start), [claims]);
  const sentences = useMemo(() => sentenceRuns(ordered), [ordered]);
  const selected = ordered.find((c) => c.id === selectedId) ?? null;
  const selectedRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [selectedId]);

  const marks = (from: number, to: number): ReactNode[] => {
    const out: ReactNode[] = [];
    let at = from;
    for (const c of ordered) {
      if (c.start < at || c.end > to) continue;
      if (c.start > at) out.push(text.slice(at, c.start));
      out.push(
        <span key={c.id} className="claim-wrap">
        <mark
          data-claim-id={c.id}
          data-selected={c.id === selectedId ? "true" : undefined}
          className={`claim metric-${c.metric}${c.kind === "date" ? " date" : ""}`}
          tabIndex={0}
          role="button"
          aria-label={`${c.quote}: ${describe(c)}`}
          aria-pressed={c.id === selectedId}
          onClick={() => onSelect(c.id)}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              onSelect(c.id);
            }
          }}
        >
          {text.slice(c.start, c.end)}
        </mark>
        <span className="claim-card" role="tooltip">{describe(c)}</span>
        </span>,
      );
      at = c.end;
    }
    if (at < to) out.push(text.slice(at, to));
    return out;
  };

  const pieces: ReactNode[] = [];
  let at = 0;
  for (const s of sentences) {
    if (s.start > at) pieces.push(text.slice(at, s.start));
    const isSelected = selected?.sentenceIndex === s.index;
    pieces.push(
      <span key={`s${s.index}`} className={isSelected ? "sentence selected" : "sentence"} data-sentence-index={s.index} data-testid={isSelected ? "selected-sentence" : undefined} ref={isSelected ? selectedRef : undefined}>
        {marks(s.start, s.end)}
      </span>,
    );
    at = s.end;
  }
  if (at < text.length) pieces.push(text.slice(at));

  return (
    <article className="source" data-testid="source" aria-label="Article text with its figures highlighted">
      {pieces}
    </article>
  );
}
