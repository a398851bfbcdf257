// Timing inside the page, shared by the browser benchmarks: from a click to the frame that shows its result, with no
// DevTools round trip in the figure.
import type { Locator } from "playwright-core";

/** The selected claim's highlight, inside its highlighted sentence in the source view. */
export const selectedInSource = (id: string) =>
  `[data-testid="selected-sentence"] mark[data-claim-id="${id}"][data-selected="true"]`;

export interface Timing {
  dom: number;
  frame: number;
}

/**
 * Clicks `target` inside the page and waits until `done(source)` holds for the source view; times the DOM change
 * and the next animation frame after it. `done` is a selector that must match inside the source panel.
 */
export function timeClick(target: Locator, doneSelector: string, timeoutMs: number): Promise<Timing> {
  return target.evaluate(
    (element, [selector, timeoutMs]) =>
      new Promise<Timing>((resolve, reject) => {
        const panel = document.querySelector(".source-panel");
        if (!panel) throw new Error("no source panel");
        if (panel.querySelector(selector)) throw new Error(`${selector} already shown before the click`);
        let start = 0;
        const observer = new MutationObserver(() => {
          if (!panel.querySelector(selector)) return;
          const dom = performance.now() - start;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve({ dom, frame: performance.now() - start }));
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${selector} did not appear within ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe(panel, { subtree: true, childList: true, attributes: true, characterData: true });
        start = performance.now();
        (element as HTMLElement | SVGElement).dispatchEvent(
          new MouseEvent("click", { bubbles: true, cancelable: true, view: window }),
        );
      }),
    [doneSelector, timeoutMs] as const,
  );
}
