import securityHeaders from "./security-headers.json";

/**
 * The security headers, in one place. The static ones live in security-headers.json because next.config.mjs, which
 * Node loads without a TypeScript step, sends them on every response (with RESOURCE_CSP); proxy.ts replaces that
 * CSP on pages with the per-request policy below. Pure, so the tests read the same values the server sends.
 */

export interface Header {
  key: string;
  value: string;
}

/**
 * On every response, whatever it is: pages, route handlers, static chunks, 404s. nosniff, a Referrer-Policy that
 * sends only the origin cross-site, and X-Frame-Options DENY for browsers that predate CSP frame-ancestors.
 */
export const STATIC_SECURITY_HEADERS: readonly Header[] = securityHeaders.static;

/**
 * For responses that are not HTML pages (JSON, CSV, SVG, scripts): nothing in them may load anything, except that a
 * script started as a Web Worker runs under its own response's policy and loads the site's chunks with importScripts,
 * so 'self' scripts stay allowed (a CSP on a script that a page loads is ignored).
 */
export const RESOURCE_CSP: string = securityHeaders.resourceCsp;

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for an HTML page, from its template in security-headers.json (which app/_server/static-pages.mjs reads
 * too), with the sources that allow its scripts in place of `{scripts}`: 'strict-dynamic' lets the scripts so allowed
 * load the chunks they import. Styles allow 'unsafe-inline': React style attributes and the CSS Next inlines need it,
 * and a nonce or hash in style-src would switch 'unsafe-inline' off. No upgrade-insecure-requests: Chromium exempts
 * loopback, so tests would not notice, but `npm start` reached over plain HTTP on a LAN address would have every
 * script request upgraded to an HTTPS port that does not exist; TLS (and HSTS) belong to whatever terminates it.
 */
function pagePolicy(scripts: string): string {
  return securityHeaders.pageCsp.map((directive) => directive.replace("{scripts}", scripts)).join("; ");
}

/** A page rendered per request (/analyze, 404s): its scripts carry the request's nonce. */
export function pageCsp(nonce: string, { development = false } = {}): string {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error("a CSP nonce must be base64");
  // `next dev` only: React rebuilds server error stacks in the browser with eval.
  return pagePolicy(`'nonce-${nonce}'${development ? " 'unsafe-eval'" : ""}`);
}

const HASH_SOURCE = /^'sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/**
 * A page prerendered at build time, served as a file: no request, so no nonce. Its inline scripts are allowed by
 * the SHA-256 of their text and its script files by the hash in their `integrity` attribute, as computed after the
 * build by app/_server/static-pages.mjs; nothing else runs, and there is still no 'unsafe-inline'.
 */
export function staticPageCsp(hashes: readonly string[]): string {
  for (const hash of hashes) if (!HASH_SOURCE.test(hash)) throw new Error(`not a CSP hash source: ${hash}`);
  return pagePolicy(hashes.join(" "));
}

/** The Cache-Control of prerendered pages and the /data files: a CDN keeps them, a browser asks again (with ETag). */
export const STATIC_CACHE_CONTROL: string = securityHeaders.staticCacheControl;

/** The file, in the build's folder, where app/_server/static-pages.mjs writes each prerendered page's policy. */
export const STATIC_PAGES_FILE: string = securityHeaders.staticPages;

/**
 * The pages another site may frame: /embed/<article>/<chart>, and only those. Their policy allows any frame ancestor
 * and they go without X-Frame-Options; every other page keeps frame-ancestors 'none' and DENY.
 */
export const EMBED_PREFIX: string = securityHeaders.embedPrefix;

export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith(EMBED_PREFIX);
}

/** A page policy made frameable: its frame-ancestors directive replaced by the embed pages' one. */
export function embedPolicy(csp: string): string {
  return csp.replace(/frame-ancestors [^;]+/, securityHeaders.embedFrameAncestors);
}
