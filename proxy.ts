import { NextResponse, type NextRequest } from "next/server";
import { createNonce, pageCsp } from "./lib/server/security-headers";

/**
 * Pages get a Content-Security-Policy with a fresh nonce per request. Next reads the nonce from the request's CSP
 * header and puts it on its own scripts; the response carries the same policy, replacing next.config.mjs's
 * nonce-less one. Everything else (static files, route handlers) keeps that baseline.
 */
export function proxy(request: NextRequest): NextResponse {
  const csp = pageCsp(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Every path that may render HTML, 404s anywhere included; not static chunks, nor the routes that answer JSON,
  // CSV or SVG (a route added later without a line here gets the page policy: still strict, only less tight).
  matcher: [
    "/((?!_next/static/|_next/image/|api/extract$|data/claims\\.csv$|data/claims\\.json$|data/datapackage\\.json$|icon\\.svg$).*)",
  ],
};
