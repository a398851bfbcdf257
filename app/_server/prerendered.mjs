// The build's prerendered pages (/, /articles/<id>) and files (/data/*), served from memory the way a static file
// server or a CDN would: read once at start-up with their headers, compressed once with Brotli and gzip, and answered
// without Next, with a strong ETag and 304 for a repeat that names it. Requests Next must answer still go to Next:
// the RSC payload of a client navigation, any other method, any other path (a trailing slash, %-escapes: Next
// redirects or 404s those). What is served is what app/_server/static-pages.mjs listed after `next build`.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * @typedef {{ headers: Array<[string, string]>; etag: string; identity: Buffer; br: Buffer; gzip: Buffer; frameable?: boolean }} Entry
 */

/** Next's own Vary for a page: the same URL answers the RSC payload to a client navigation. */
const PAGE_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
/** Request headers (and the query parameter) of a client navigation's RSC request: Next answers those. */
const RSC_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch"];
/** Headers Next keeps for itself in a prerendered file's metadata. */
const NEXT_INTERNAL = /^x-next(?:js)?-/;

/** @param {Buffer} body */
function entry(body, /** @type {Array<[string, string]>} */ headers) {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return { headers: [...headers, ["ETag", etag]], etag, identity: body, br, gzip: gzipSync(body, { level: 9 }) };
}

/**
 * Everything static-pages.mjs listed, ready to send; an empty map for a build without its list (the bare page of the
 * benchmarks), which Next then serves on its own.
 * @param {string} dist the build folder
 * @param {{ staticPages: string; staticCacheControl: string; resourceCsp: string }} security
 * @returns {Map<string, Entry>}
 */
export function loadPrerendered(dist, security) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  let list;
  try {
    list = JSON.parse(readFileSync(join(dist, security.staticPages), "utf8"));
  } catch {
    return entries;
  }
  for (const [path, page] of Object.entries(list.pages ?? {})) {
    const served = entry(readFileSync(join(dist, page.html)), [
      ["Content-Type", "text/html; charset=utf-8"],
      ["Content-Security-Policy", page.csp],
      ["Cache-Control", security.staticCacheControl],
      ["Vary", PAGE_VARY],
    ]);
    entries.set(path, page.frameable ? { ...served, frameable: true } : served);
  }
  for (const [path, file] of Object.entries(list.files ?? {})) {
    /** @type {Array<[string, string]>} */
    const headers = Object.entries(/** @type {Record<string, string>} */ (file.headers)).filter(
      ([key]) => !NEXT_INTERNAL.test(key) && key.toLowerCase() !== "etag",
    );
    if (!headers.some(([key]) => key.toLowerCase() === "cache-control"))
      headers.push(["Cache-Control", security.staticCacheControl]);
    headers.push(["Content-Security-Policy", security.resourceCsp], ["Vary", "Accept-Encoding"]);
    entries.set(path, entry(readFileSync(join(dist, file.body)), headers));
  }
  return entries;
}

/** Whether an If-None-Match header names this ETag (RFC 9110: a weak comparison, or "*"). */
function matches(/** @type {string | undefined} */ ifNoneMatch, /** @type {string} */ etag) {
  if (!ifNoneMatch) return false;
  const bare = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** The best encoding the client accepts: Brotli, then gzip, else none (q=0 refuses one). */
function encoding(/** @type {string | undefined} */ accept) {
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of (accept ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const accepts = (/** @type {string} */ name) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  return accepts("br") ? "br" : accepts("gzip") ? "gzip" : null;
}

/**
 * Answers the request from memory when it asks for a prerendered page or file; false when Next must answer it.
 * @param {Map<string, Entry>} entries
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
export function servePrerendered(entries, request, response) {
  if (entries.size === 0 || (request.method !== "GET" && request.method !== "HEAD")) return false;
  const target = request.url ?? "";
  const queryAt = target.indexOf("?");
  const found = entries.get(queryAt === -1 ? target : target.slice(0, queryAt));
  if (!found) return false;
  if (RSC_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  if (queryAt !== -1 && new URLSearchParams(target.slice(queryAt + 1)).has("_rsc")) return false;
  for (const [key, value] of found.headers) response.setHeader(key, value);
  // An embed page is meant to be framed: its policy names the ancestors, and DENY would overrule it in old browsers.
  if (found.frameable) response.removeHeader("X-Frame-Options");
  if (matches(request.headers["if-none-match"], found.etag)) {
    response.writeHead(304);
    response.end();
    return true;
  }
  const chosen = encoding(request.headers["accept-encoding"]);
  const body = chosen === null ? found.identity : found[chosen];
  if (chosen !== null) response.setHeader("Content-Encoding", chosen);
  response.setHeader("Content-Length", body.length);
  response.writeHead(200);
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}
