"use client";

import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  partIndexOf,
  partSentences,
  sourceIndex,
  type SourcePart,
  type SourceSentence,
} from "@/lib/explore/source-parts";
import { formatClaimValue, CHANGE_LABEL, MODALITY_LABEL } from "@/lib/display/format";
import { METRIC_STYLE } from "@/lib/display/palette";
import type { Claim } from "@/lib/schema";

interface SourceViewProps {
  text: string;
  claims: Claim[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const count = new Intl.NumberFormat("en");

function describe(c: Claim): string {
  const basis = c.currencyBasis === "inferred" ? ", currency inferred" : "";
  const period = c.period ? `, ${c.period}${c.periodBasis === "explicit" ? "" : ` (${c.periodBasis})`}` : "";
  const modality = MODALITY_LABEL[c.modality] ? ` · ${MODALITY_LABEL[c.modality]}` : "";
  return `${formatClaimValue(c)} · ${METRIC_STYLE[c.metric].label} · ${CHANGE_LABEL[c.change]}${basis}${period}${modality}`;
}

function ClaimMark({
  text,
  claim: c,
  selected,
  onSelect,
}: {
  text: string;
  claim: Claim;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const description = describe(c);
  return (
    <span className="claim-wrap">
      <mark
        data-claim-id={c.id}
        data-selected={selected ? "true" : undefined}
        className={`claim metric-${c.metric}${c.kind === "date" ? " date" : ""}`}
        tabIndex={0}
        role="button"
        aria-label={`${c.quote}: ${description}`}
        aria-pressed={selected}
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
      <span className="claim-card" role="tooltip">
        {description}
      </span>
    </span>
  );
}

function PartPager({
  part,
  parts,
  onGo,
}: {
  part: number;
  parts: readonly SourcePart[];
  onGo: (part: number) => void;
}) {
  const { start, end } = parts[part]!;
  return (
    <nav className="pager source-pager" aria-label="Article parts">
      <button type="button" onClick={() => onGo(part - 1)} disabled={part === 0}>
        Previous part
      </button>
      <span className="source-part" aria-live="polite" data-testid="source-part" data-part={part + 1}>
        Part {count.format(part + 1)} of {count.format(parts.length)} (characters {count.format(start + 1)}–
        {count.format(end)})
      </span>
      <button type="button" onClick={() => onGo(part + 1)} disabled={part === parts.length - 1}>
        Next part
      </button>
    </nav>
  );
}

/**
 * The article with every quote highlighted by metric; the selected claim's sentence is marked and scrolled to within
 * the text box (never the page).
 * A long article is shown one part at a time (lib/explore/source-parts.ts): selecting a claim anywhere opens its part.
 */
export const SourceView = memo(function SourceView({ text, claims, selectedId, onSelect }: SourceViewProps) {
  const index = useMemo(() => sourceIndex(text, claims), [text, claims]);
  const { parts } = index;
  const selected = useMemo(
    () => (selectedId === null ? null : (claims.find((c) => c.id === selectedId) ?? null)),
    [claims, selectedId],
  );
  const selectedPart = selected ? partIndexOf(parts, selected.start) : null;
  // The part follows the selection; the pager moves it without selecting. Adjusted while rendering, not in an
  // effect, so a selection draws its part in the same commit.
  const [shown, setShown] = useState({ selectedId, part: selectedPart ?? 0 });
  if (shown.selectedId !== selectedId) setShown({ selectedId, part: selectedPart ?? shown.part });
  const partIndex = Math.min(shown.part, parts.length - 1);
  const part = parts[partIndex]!;
  const sentences = useMemo(() => partSentences(index, part), [index, part]);
  const selectedRef = useRef<HTMLSpanElement>(null);
  const articleRef = useRef<HTMLElement>(null);

  // The selected sentence is brought into view inside the text box only: the page stays where the reader is.
  useEffect(() => {
    const box = articleRef.current;
    if (!box) return;
    const target = selectedRef.current;
    if (!target) {
      box.scrollTop = 0;
      return;
    }
    const offset = target.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTo({ top: Math.max(0, offset - box.clientHeight / 3), behavior: "smooth" });
  }, [selectedId, partIndex]);

  const sentence = (s: SourceSentence): ReactNode => {
    const out: ReactNode[] = [];
    let at = s.start;
    for (const c of s.claims) {
      if (c.start > at) out.push(text.slice(at, c.start));
      out.push(<ClaimMark key={c.id} text={text} claim={c} selected={c.id === selectedId} onSelect={onSelect} />);
      at = c.end;
    }
    if (at < s.end) out.push(text.slice(at, s.end));
    const isSelected = selected?.sentenceIndex === s.index;
    return (
      <span
        key={`s${s.index}`}
        className={isSelected ? "sentence selected" : "sentence"}
        data-sentence-index={s.index}
        data-testid={isSelected ? "selected-sentence" : undefined}
        ref={isSelected ? selectedRef : undefined}
      >
        {out}
      </span>
    );
  };

  const pieces: ReactNode[] = [];
  let at = part.start;
  for (const s of sentences) {
    if (s.start > at) pieces.push(text.slice(at, s.start));
    pieces.push(sentence(s));
    at = s.end;
  }
  if (at < part.end) pieces.push(text.slice(at, part.end));

  const article = (
    <article
      className="source"
      data-testid="source"
      aria-label="Article text with its figures highlighted"
      ref={articleRef}
    >
      {pieces}
    </article>
  );
  if (parts.length === 1) return article;
  return (
    <>
      <PartPager part={partIndex} parts={parts} onGo={(next) => setShown({ selectedId, part: next })} />
      {article}
    </>
  );
});
