import { useRef, type RefObject } from "react";
import type { PageMetadata } from "@/lib/input/page-metadata";
import { runAnalysis } from "./runAnalysis";

/** The form's fields a saved page can fill in. */
type PrefillField = "title" | "publishedAt";
const FIELDS: readonly PrefillField[] = ["title", "publishedAt"];
/** The form's title input takes no more. */
const TITLE_MAX_CHARS = 300;

export interface PagePrefill {
  /** Reads a chosen page's title and date in a worker; null for no file or not a page. Returns the cancel. */
  fromFile: (file: File | null) => () => void;
  /** The reader typed into the field: nothing fills it in any more. */
  edited: (field: PrefillField) => void;
  /** Resolves once the current page's fields are filled in (or there is nothing to fill). */
  settled: () => Promise<void>;
}

/**
 * A saved page's own title and publication date, put into the form's fields that the reader has not typed into.
 * The page is read in a worker, as the analysis reads it (the form's thread never parses it). Choosing another file,
 * or none, puts back what it filled in, unless the reader has changed it since.
 */
export function usePagePrefill(
  inputs: Record<PrefillField, RefObject<HTMLInputElement | null>>,
  defaults: Record<PrefillField, string>,
): PagePrefill {
  const latestDefaults = useRef(defaults);
  latestDefaults.current = defaults;
  const prefill = useRef<PagePrefill | null>(null);
  if (prefill.current) return prefill.current;

  const edited = new Set<PrefillField>();
  let filled: Partial<Record<PrefillField, string>> = {};
  let pending: Promise<void> = Promise.resolve();

  const apply = (metadata: PageMetadata) => {
    for (const field of FIELDS) {
      const value = field === "title" ? metadata.title?.slice(0, TITLE_MAX_CHARS) : metadata.publishedAt;
      const input = inputs[field].current;
      if (!value || !input || edited.has(field)) continue;
      input.value = value;
      filled[field] = value;
    }
  };

  const putBack = () => {
    for (const field of FIELDS) {
      const input = inputs[field].current;
      if (input && !edited.has(field) && filled[field] !== undefined && input.value === filled[field])
        input.value = latestDefaults.current[field];
    }
    filled = {};
  };

  prefill.current = {
    fromFile(file) {
      putBack();
      if (!file) {
        pending = Promise.resolve();
        return () => {};
      }
      const job = runAnalysis({ type: "inspect", file });
      pending = job.result.then(
        (result) => {
          if (result.type === "inspected") apply(result.metadata);
        },
        // Nothing to fill in: a file that cannot be read is the analysis's to report, in its one message.
        () => undefined,
      );
      return job.cancel;
    },
    edited(field) {
      edited.add(field);
    },
    settled: () => pending,
  };
  return prefill.current;
}
