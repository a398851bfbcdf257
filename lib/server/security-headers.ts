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
 * The policy for an HTML page. Scripts need the request's nonce ('strict-dynamic' lets Next's own chunks load the
 * chunks they import). Styles allow 'unsafe-inline': React style attributes and the CSS Next inlines need it, and a
 * nonce in style-src would switch 'unsafe-inline' off. No upgrade-insecure-requests: Chromium exempts loopback, so
 * tests would not notice, but `npm start` reached over plain HTTP on a LAN address would have every script request
 * upgraded to an HTTPS port that does not exist; TLS (and HSTS) belong to whatever terminates it.
 */
export function pageCsp(nonce: string, { development = false } = {}): string {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error("a CSP nonce must be base64");
  // `next dev` only: React rebuilds server error stacks in the browser with eval.
  const evalInDevelopment = development ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalInDevelopment}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
