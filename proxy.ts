import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import {
  createNonce,
  pageCsp,
  RESOURCE_CSP,
  STATIC_CACHE_CONTROL,
  STATIC_PAGES_FILE,
  STATIC_SECURITY_HEADERS,
} from "./lib/server/security-headers";

/**
 * /analyze/ -> /analyze, as Next would (308, the query kept), but with the security headers, which Next's own
 * redirect left out (next.config.mjs turns it off with skipTrailingSlashRedirect). A redirect is not a page: it
 * gets the nothing-allowed policy.
 */
function withoutTrailingSlash(url: URL): NextResponse {
  // A plain URL: NextURL remembers the trailing slash and would write it back.
  url.pathname = url.pathname.replace(/\/+$/, "");
  const response = NextResponse.redirect(url, 308);
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", RESOURCE_CSP);
  return response;
}

/**
 * The policy of each page prerendered at build time, by path, as app/_server/static-pages.mjs wrote it into the build
 * folder after `next build` (serve.mjs says where; `next start` runs in the project, with the default folder). Read
 * once. serve.mjs answers those pages from memory itself; this is for what Next still serves of them (the RSC payload
 * of a client navigation) and for `next start`.
 */
let staticPolicies: Map<string, string> | null = null;
function staticPolicy(pathname: string): string | undefined {
  if (!staticPolicies) {
    staticPolicies = new Map();
    const file = process.env.TRADEFIGURES_STATIC_PAGES ?? join(process.cwd(), ".next", STATIC_PAGES_FILE);
    try {
      const { pages } = JSON.parse(readFileSync(file, "utf8")) as { pages: Record<string, { csp: string }> };
      for (const [path, { csp }] of Object.entries(pages)) staticPolicies.set(path, csp);
    } catch (error) {
      // Without it the prerendered pages' scripts are refused (they carry no nonce): say so once, plainly.
      console.error(`proxy: no script hashes for the prerendered pages (${file}): run \`npm run build\`. ${error}`);
    }
  }
  return staticPolicies.get(pathname);
}

/**
 * A page prerendered at build time is served as a file under the policy of its own script hashes. Other pages get a
 * Content-Security-Policy with a fresh nonce per request. Next reads the nonce from the request's CSP
 * header and puts it on its own scripts; the response carries the same policy, replacing next.config.mjs's
 * nonce-less one. Everything else (static files, route handlers) keeps that baseline.
 */
export function proxy(request: NextRequest): NextResponse {
  const url = new URL(request.url);
  if (url.pathname !== "/" && url.pathname.endsWith("/")) return withoutTrailingSlash(url);
  const prerendered = staticPolicy(url.pathname);
  if (prerendered) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", prerendered);
    response.headers.set("Cache-Control", STATIC_CACHE_CONTROL);
    return response;
  }
  // An /embed/ path that is not a prerendered embed (a 404): framed or not, it keeps frame-ancestors 'none'.
  const csp = pageCsp(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Every path that may render HTML, 404s anywhere included; not static chunks, nor the routes that answer JSON,
  // CSV or SVG (a route added later without a line here gets the page policy: still strict, only less tight). Those
  // routes with a trailing slash do come here, for their redirect.
  matcher: ["/((?!_next/static/|_next/image/|api/extract$|icon\\.svg$|favicon\\.ico$).*)"],
};
