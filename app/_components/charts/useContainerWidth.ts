"use client";

import { type RefCallback, useCallback, useState } from "react";

/**
 * The width of the element the returned ref is attached to, kept current by a ResizeObserver. A callback ref (with
 * React 19's cleanup) rather than useEffect, so the observer starts whenever the element appears, e.g. after an
 * empty chart gets data. Before the first measurement (and on the server) the fallback is used.
 */
export function useContainerWidth<T extends HTMLElement>(fallback = 640): [RefCallback<T>, number] {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((element: T | null) => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
