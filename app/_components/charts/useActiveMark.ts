"use client";

import { useCallback, useId, useState } from "react";

/** The mark whose tooltip is showing (hovered or focused) and where to anchor it, in the plot's pixels. */
export interface ActiveMark {
  id: string;
  x: number;
  y: number;
}

export interface MarkInteraction {
  selectedId: string | null;
  active: ActiveMark | null;
  tooltipId: string;
  /** The chart's one Tab stop: its mark of the selected claim, else its first mark. */
  entryId: string | null;
  onSelect: (id: string) => void;
  show: (mark: ActiveMark) => void;
  hide: (id: string) => void;
}

export function useActiveMark(
  selectedId: string | null,
  onSelect: (id: string) => void,
  markIds: readonly string[] = [],
): MarkInteraction {
  const [active, setActive] = useState<ActiveMark | null>(null);
  const tooltipId = useId();
  const show = useCallback((mark: ActiveMark) => setActive(mark), []);
  // Only the mark that opened the tooltip may close it: leaving one bar must not hide the next one's tooltip.
  const hide = useCallback((id: string) => setActive((current) => (current?.id === id ? null : current)), []);
  const entryId = selectedId !== null && markIds.includes(selectedId) ? selectedId : (markIds[0] ?? null);
  return { selectedId, active, tooltipId, entryId, onSelect, show, hide };
}
