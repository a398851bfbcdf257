import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { createNonce, pageCsp, RESOURCE_CSP, STATIC_SECURITY_HEADERS } from "../../lib/server/security-headers";

/** "a b; c d" → { a: ["b"], c: ["d"] }, failing on a directive given twice (browsers ignore the second). */
function directives(policy: string): Record<string, string[]> {
  const parsed: Record<string, string[]> = {};
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(parsed, `directive ${name} given twice`).not.toHaveProperty(name);
    parsed[name] = sources;
  }
  return parsed;
}

describe("the page policy", () => {
  const nonce = createNonce();
  const policy = directives(pageCsp(nonce));

  it("runs only scripts carrying the request's nonce, and what they load", () => {
    expect(policy["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(pageCsp(nonce)).not.toMatch(/unsafe-eval|unsafe-hashes/);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("allows inline styles without a nonce (a nonce would switch 'unsafe-inline' off)", () => {
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("forbids framing, plugins, base and form retargeting, and foreign connections", () => {
    expect(policy).toMatchObject({
      "default-src": ["'self'"],
      "frame-ancestors": ["'none'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "connect-src": ["'self'"],
      "worker-src": ["'self'", "blob:"],
      "img-src": ["'self'", "blob:", "data:"],
      "font-src": ["'self'"],
    });
    expect(policy).not.toHaveProperty("upgrade-insecure-requests");
  });

  it("adds 'unsafe-eval' only for next dev", () => {
    expect(directives(pageCsp(nonce, { development: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("refuses a nonce that could smuggle in another source", () => {
    expect(() => pageCsp("abc' 'unsafe-inline")).toThrow(/base64/);
    expect(() => pageCsp("abc; script-src *")).toThrow(/base64/);
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = Array.from({ length: 1_000 }, createNonce);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe("the static headers", () => {
  it("are nosniff, a Referrer-Policy and X-Frame-Options DENY, with a resource policy that allows nothing", () => {
    expect(Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]))).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(directives(RESOURCE_CSP)).toEqual({
      "default-src": ["'none'"],
      "script-src": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("are what next.config.mjs sends on every path, beside its other settings", async () => {
    // Imported by URL: the config is plain JavaScript without type declarations.
    const configUrl = new URL("../../next.config.mjs", import.meta.url).href;
    const { default: nextConfig } = (await import(configUrl)) as { default: NextConfig };
    const csp = { key: "Content-Security-Policy", value: RESOURCE_CSP };
    expect(await nextConfig.headers?.()).toEqual([
      { source: "/:path((?!embed/).*)", headers: [...STATIC_SECURITY_HEADERS, csp] },
      // Only /embed/* may be framed: no X-Frame-Options DENY there.
      {
        source: "/embed/:path*",
        headers: [...STATIC_SECURITY_HEADERS.filter((h) => h.key !== "X-Frame-Options"), csp],
      },
    ]);
    expect(nextConfig.experimental?.inlineCss).toBe(true);
  });
});

describe("proxy", () => {
  it("gives each page request its own nonce, in the response policy and in the policy Next renders with", () => {
    const policies = [0, 1].map(() => {
      const response = proxy(new NextRequest("http://127.0.0.1/articles/x"));
      const sent = response.headers.get("content-security-policy") ?? "";
      // NextResponse.next({ request }) hands the rewritten request headers to the renderer this way.
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(sent);
      return sent;
    });
    const nonces = policies.map((policy) => /'nonce-([^']+)'/.exec(policy)?.[1]);
    for (const [i, policy] of policies.entries()) expect(policy).toBe(pageCsp(nonces[i]!));
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
