import { z } from "zod";
import { KindSchema, MetricSchema, type Kind, type Metric } from "./schema";

/**
 * What the reader is looking at (sort, filters, search, selection), kept in the URL so a view can be shared and
 * reloaded. Parsing is forgiving: anything unknown is dropped, never an error.
 */

export const SORTABLE_COLUMNS = ["quote", "value", "unit", "change", "metric", "subject", "period", "sentence"] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];
const SortColumnSchema = z.enum(SORTABLE_COLUMNS);

export interface SortEntry {
  id: SortableColumn;
  desc: boolean;
}

export interface ViewState {
  sort: SortEntry[];
  metrics: Metric[];
  kinds: Kind[];
  q: string;
  min: number | null;
  max: number | null;
  claim: string | null;
}

/** Dates are shown in the source and on the position chart, but the table lists figures unless asked. */
export const DEFAULT_KINDS: Kind[] = KindSchema.options.filter((k) => k !== "date");

export const DEFAULT_VIEW: ViewState = { sort: [], metrics: [], kinds: DEFAULT_KINDS, q: "", min: null, max: null, claim: null };

function list<T extends string>(raw: string | null, schema: z.ZodEnum<Record<string, T>>): T[] {
  if (!raw) return [];
  return [...new Set(raw.split(",").flatMap((part) => {
    const parsed = schema.safeParse(part);
    return parsed.success ? [parsed.data as T] : [];
  }))];
}

function finite(raw: string | null): number | null {
  if (raw === null || raw.trim() === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

export function parseViewState(params: URLSearchParams, hash = ""): ViewState {
  const sort = (params.get("sort") ?? "").split(",").flatMap((part): SortEntry[] => {
    const [id, direction] = part.split(".");
    const column = SortColumnSchema.safeParse(id);
    return column.success ? [{ id: column.data, desc: direction === "desc" }] : [];
  });
  const kinds = list(params.get("kind"), KindSchema);
  const fromHash = /^#claim-(.+)$/.exec(hash)?.[1];
  return {
    sort,
    metrics: list(params.get("metric"), MetricSchema),
    kinds: kinds.length ? kinds : DEFAULT_KINDS,
    q: params.get("q") ?? "",
    min: finite(params.get("min")),
    max: finite(params.get("max")),
    claim: params.get("claim") ?? (fromHash ? decodeURIComponent(fromHash) : null),
  };
}

/** Only what differs from the default view is written, so a plain link stays plain. */
export function serializeViewState(view: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (view.sort.length) params.set("sort", view.sort.map((s) => `${s.id}.${s.desc ? "desc" : "asc"}`).join(","));
  if (view.metrics.length) params.set("metric", view.metrics.join(","));
  const defaultKinds = view.kinds.length === DEFAULT_KINDS.length && DEFAULT_KINDS.every((k) => view.kinds.includes(k));
  if (!defaultKinds) params.set("kind", view.kinds.join(","));
  if (view.q) params.set("q", view.q);
  if (view.min !== null) params.set("min", String(view.min));
  if (view.max !== null) params.set("max", String(view.max));
  if (view.claim) params.set("claim", view.claim);
  return params;
}
