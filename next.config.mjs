import { readFileSync } from "node:fs";

// One source for the header values, shared with lib/server/security-headers.ts (Node loads this file without TypeScript).
const security = JSON.parse(readFileSync(new URL("./lib/server/security-headers.json", import.meta.url), "utf8"));

// The benchmark pages (app/bench/*/page.bench.tsx) exist only in a build the benchmarks make for themselves, with
// TRADEFIGURES_BENCH=1, into its own folder: the build that `npm start` serves has no such route.
const bench = process.env.TRADEFIGURES_BENCH === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  pageExtensions: bench ? ["bench.tsx", "tsx", "ts"] : ["tsx", "ts"],
  distDir: bench ? ".next-bench" : ".next",
  // Next's own trailing-slash redirect (/analyze/ -> /analyze) answers before any header rule applies, so it went
  // out without the security headers; proxy.ts redirects instead, with them.
  skipTrailingSlashRedirect: true,
  // The stylesheet is small: inlined, it no longer blocks the first paint behind a second request.
  experimental: { inlineCss: true, sri: { algorithm: "sha256" } },
  // Chromium asks for /favicon.ico by itself on a page without an icon link (the 404 shell), and logged its 404 as a
  // console error: the one icon answers that path too.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  // The baseline on every response, 404s and static chunks included; proxy.ts swaps the CSP on pages for one with a nonce.
  async headers() {
    const csp = { key: "Content-Security-Policy", value: security.resourceCsp };
    return [
      // Everything but /embed/*, which other sites may frame: it goes without X-Frame-Options DENY.
      { source: "/:path((?!embed/).*)", headers: [...security.static, csp] },
      {
        source: "/embed/:path*",
        headers: [...security.static.filter((/** @type {{ key: string }} */ h) => h.key !== "X-Frame-Options"), csp],
      },
    ];
  },
};

export default nextConfig;
