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
  staticPageCsp,
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

interface StaticBuild {
  /** The policy of each page prerendered at build time, by path. */
  policies: Map<string, string>;
  /** The ETag of each file route prerendered at build time (/data/*), by path. */
  etags: Map<string, string>;
}

/**
 * What app/_server/static-pages.mjs wrote into the build folder after `next build` (serve.mjs says where; `next start`
 * runs in the project, with the default folder): each prerendered page's script hashes, each file's ETag. Read once.
 */
let build: StaticBuild | null = null;
function staticBuild(): StaticBuild {
  if (build) return build;
  build = { policies: new Map(), etags: new Map() };
  const file = process.env.TRADEFIGURES_STATIC_PAGES ?? join(process.cwd(), ".next", STATIC_PAGES_FILE);
  try {
    const read = JSON.parse(readFileSync(file, "utf8")) as {
      pages: Record<string, string[]>;
      etags: Record<string, string>;
    };
    for (const [path, hashes] of Object.entries(read.pages)) build.policies.set(path, staticPageCsp(hashes));
    for (const [path, etag] of Object.entries(read.etags)) build.etags.set(path, etag);
  } catch (error) {
    // Without it the prerendered pages' scripts are refused (they carry no nonce): say so once, plainly.
    console.error(`proxy: no script hashes for the prerendered pages (${file}): run \`npm run build\`. ${error}`);
  }
  return build;
}

/** Whether an If-None-Match header names this ETag (RFC 9110: a weak comparison, or "*"). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** 304 for a repeat of a prerendered file, with the headers its 200 carries but the body. */
function notModified(etag: string): NextResponse {
  const response = new NextResponse(null, { status: 304 });
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", RESOURCE_CSP);
  response.headers.set("ETag", etag);
  response.headers.set("Cache-Control", STATIC_CACHE_CONTROL);
  return response;
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
  const { policies, etags } = staticBuild();
  const etag = etags.get(url.pathname);
  if (etag !== undefined) {
    const method = request.method;
    if ((method === "GET" || method === "HEAD") && matches(request.headers.get("if-none-match"), etag))
      return notModified(etag);
    // The file itself, with the nothing-allowed policy next.config.mjs gives every resource.
    return NextResponse.next();
  }
  const prerendered = policies.get(url.pathname);
  if (prerendered) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", prerendered);
    response.headers.set("Cache-Control", STATIC_CACHE_CONTROL);
    return response;
  }
  const csp = pageCsp(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Every path that may render HTML, 404s anywhere included, and the prerendered /data files (for their 304); not
  // static chunks, nor the routes that answer JSON or SVG per request (a route added later without a line here gets
  // the page policy: still strict, only less tight). Those routes with a trailing slash do come here, for their
  // redirect.
  matcher: ["/((?!_next/static/|_next/image/|api/extract$|icon\\.svg$|favicon\\.ico$).*)"],
};
