/**
 * lib/explore owns how a reader explores a dataset: the view (sort, filters, search, selection) kept in the URL
 * (view-state.ts), number-aware search (search.ts), the table's sort keys (sort-keys.ts) and the parts the source
 * text is shown in (source-parts.ts). It runs in the page, so it never imports React, Next or lib/server, and keeps
 * zod out of the browser by taking its lists from lib/enums; it may import lib/schema (types), lib/enums,
 * lib/sentence-spans and lib/display.
 */

import { KINDS, METRICS } from "../enums";
import { isTradeFigure } from "../display/format";
import type { Claim, Kind, Metric } from "../schema";
import { compileSearch, searchableText } from "./search";

/**
 * What the reader is looking at (sort, filters, search, selection), kept in the URL so a view can be shared and
 * reloaded. Parsing is forgiving: anything unknown is dropped, never an error.
 */

export const SORTABLE_COLUMNS = [
  "quote",
  "value",
  "unit",
  "change",
  "metric",
  "subject",
  "period",
  "sentence",
] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

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
  /** Every number in the article, not only its trade figures (the table opens on those when there are any). */
  all: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  sort: [],
  metrics: [],
  kinds: [],
  q: "",
  min: null,
  max: null,
  claim: null,
  all: false,
};

/** The parts of a view that decide which claims are shown (not how they are sorted, nor which is selected). */
export type ViewFilter = Pick<ViewState, "metrics" | "kinds" | "q" | "min" | "max"> & {
  /** Only trade figures (a trade metric, not a date): the default view of an article that has any. */
  tradeOnly?: boolean;
};

/** A figure of a trade metric, not a date (lib/display's isTradeFigure, under the name the table uses). */
export const isTradeClaim = isTradeFigure;

/** Whether a view shows only trade figures: unless it asks for all, when the article has any. */
export function showsTradeOnly(
  view: Pick<ViewState, "all">,
  claims: readonly Pick<Claim, "metric" | "kind">[],
): boolean {
  return !view.all && claims.some(isTradeClaim);
}

/**
 * Which claims a view shows, compiled once per filter so 100,000 rows are a tight loop. An empty metric or kind list
 * means no filter on it, except that dates, which are shown in the source and on the position chart but are not
 * figures, join the table only when asked for.
 */
export function compileViewFilter(view: ViewFilter): (claim: Claim, text?: string) => boolean {
  const search = compileSearch(view.q);
  const metrics = new Set(view.metrics);
  const kinds = new Set(view.kinds);
  const tradeOnly = view.tradeOnly === true;
  return (claim, text) => {
    if (tradeOnly && !isTradeClaim(claim)) return false;
    if (metrics.size && !metrics.has(claim.metric)) return false;
    if (kinds.size ? !kinds.has(claim.kind) : claim.kind === "date") return false;
    if (view.min !== null && (claim.valueMax ?? claim.value) < view.min) return false;
    if (view.max !== null && claim.value > view.max) return false;
    return search(claim, text ?? searchableText(claim));
  };
}

/** The known values in a comma-separated list, once each (plain checks: this runs in the browser, without zod). */
function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  return [...new Set(raw.split(",").filter((part): part is T => (allowed as readonly string[]).includes(part)))];
}

function finite(raw: string | null): number | null {
  if (raw === null || raw.trim() === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** A server page's `searchParams` as URLSearchParams; repeated keys keep their first value, as the browser would. */
export function paramsFromRecord(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}

export function parseViewState(params: URLSearchParams, hash = ""): ViewState {
  const sort = (params.get("sort") ?? "").split(",").flatMap((part): SortEntry[] => {
    const [id, direction] = part.split(".");
    const [column] = list(id ?? null, SORTABLE_COLUMNS);
    return column ? [{ id: column, desc: direction === "desc" }] : [];
  });
  const fromHash = /^#claim-(.+)$/.exec(hash)?.[1];
  let hashClaim: string | null = null;
  try {
    hashClaim = fromHash ? decodeURIComponent(fromHash) : null;
  } catch {
    // "#claim-%E0": not a claim id any page links to; dropped, like any other unknown part of a view.
  }
  return {
    sort,
    metrics: list(params.get("metric"), METRICS),
    kinds: list(params.get("kind"), KINDS),
    q: params.get("q") ?? "",
    min: finite(params.get("min")),
    max: finite(params.get("max")),
    claim: params.get("claim") ?? hashClaim,
    all: params.get("all") === "1",
  };
}

/** Only what differs from the default view is written, so a plain link stays plain. */
export function serializeViewState(view: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (view.sort.length) params.set("sort", view.sort.map((s) => `${s.id}.${s.desc ? "desc" : "asc"}`).join(","));
  if (view.metrics.length) params.set("metric", view.metrics.join(","));
  if (view.kinds.length) params.set("kind", view.kinds.join(","));
  if (view.q) params.set("q", view.q);
  if (view.min !== null) params.set("min", String(view.min));
  if (view.max !== null) params.set("max", String(view.max));
  if (view.claim) params.set("claim", view.claim);
  if (view.all) params.set("all", "1");
  return params;
}

/** The query parameters a view is written in (serializeViewState). */
export const VIEW_PARAMS = ["sort", "metric", "kind", "q", "min", "max", "claim", "all"] as const;

/** The attribute the page's root carries while a shared view is still to be applied after hydration. */
export const VIEW_PENDING_ATTRIBUTE = "data-view-pending";

/** Set on <html> once the dashboard has hydrated and answers input (a prerendered page loads its scripts after it paints). */
export const DASHBOARD_READY_ATTRIBUTE = "data-dashboard-ready";

/**
 * The inline script a prerendered page runs before its dashboard is parsed: when the URL carries a view (a shared
 * link with a filter or a selected claim), it marks the root so the stylesheet keeps the view's parts hidden, their
 * space kept, until the dashboard has applied the URL's view in its first commit. The unfiltered view never flashes,
 * and nothing shifts. The page is static, so its policy allows this script by its hash, not a nonce.
 */
export const VIEW_PENDING_SCRIPT =
  `if(/[?&](?:${VIEW_PARAMS.join("|")})=/.test(location.search)||location.hash.indexOf("#claim-")===0)` +
  `document.documentElement.setAttribute("${VIEW_PENDING_ATTRIBUTE}","")`;
