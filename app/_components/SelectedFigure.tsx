"use client";

import { useEffect } from "react";
import { CHANGE_LABEL, formatClaimValue, MODALITY_LABEL, shownSentence } from "@/lib/display/format";
import { METRIC_STYLE } from "@/lib/display/palette";
import type { Claim } from "@/lib/schema";

interface SelectedFigureProps {
  /** The article's text, to place the quote in its sentence by offset (a sentence may hold the same quote twice). */
  text: string;
  claim: Claim | null;
  onClose: () => void;
}

/**
 * The selected figure and its sentence, pinned where the reader is: in a corner of a wide screen, as a sheet at the
 * bottom of a phone's. Selecting never scrolls the page or moves focus; Escape (or Close)
 * puts the page back as it was.
 */
export function SelectedFigure({ text, claim, onClose }: SelectedFigureProps) {
  useEffect(() => {
    if (!claim) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [claim, onClose]);
  if (!claim) return null;

  const sentence = claim.sentence;
  const start = text.lastIndexOf(sentence, claim.start);
  const quoteAt =
    start >= 0 && text.slice(claim.start, claim.end) === claim.quote
      ? claim.start - start
      : sentence.indexOf(claim.quote);
  const change = claim.change === "=" ? "" : `${CHANGE_LABEL[claim.change]} `;
  const notes = [
    claim.currencyBasis === "inferred" ? "currency inferred from the article's convention" : null,
    claim.periodBasis === "resolved" ? "period resolved against the publication date" : null,
    claim.periodBasis === "context" ? "period taken from the previous sentence" : null,
    claim.change === ">" ? "a lower bound" : claim.change === "<" ? "an upper bound" : null,
    MODALITY_LABEL[claim.modality] ? `${MODALITY_LABEL[claim.modality]}, not in force` : null,
  ].filter((n): n is string => n !== null);

  return (
    <aside className="selected-figure" aria-label="Selected figure" data-testid="selected-figure">
      <div className="selected-head">
        <span className={`metric metric-${claim.metric}`}>{METRIC_STYLE[claim.metric].label}</span>
        <strong className="selected-value">
          {change}
          {formatClaimValue(claim)}
        </strong>
        {claim.subject ? <span className="selected-what">{claim.subject}</span> : null}
        {claim.period ? <span className="selected-period">{claim.period}</span> : null}
        <button type="button" className="close" onClick={onClose} aria-label="Close the selected figure (Escape)">
          Close
        </button>
      </div>
      <blockquote className="selected-sentence" data-testid="pinned-sentence">
        {quoteAt >= 0 ? (
          <>
            {shownSentence(sentence.slice(0, quoteAt))}
            <mark className={`claim metric-${claim.metric}`}>{claim.quote}</mark>
            {shownSentence(sentence.slice(quoteAt + claim.quote.length))}
          </>
        ) : (
          shownSentence(sentence)
        )}
      </blockquote>
      {notes.length ? <p className="selected-notes">{notes.join(" · ")}</p> : null}
    </aside>
  );
}
