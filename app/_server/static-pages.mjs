// After `next build`: makes the prerendered pages safe to serve as files under a strict CSP without nonces. A static
// page has no request to take a nonce from, so its policy lists hashes instead (lib/server/security-headers.ts,
// staticPageCsp). For each prerendered HTML page of the build, this
// - replaces the page's <script src async> tags (and their preloads) with one inline loader that inserts the same
//   scripts after the first paint: 'strict-dynamic' trusts what a hashed script inserts, and a script without an
//   `integrity` attribute is compiled off the main thread while it downloads (Chromium compiles one with `integrity`
//   on the main thread, after checking it: about 12 ms a page here, 50 ms with Lighthouse's mobile CPU);
// - gives any other <script src> and script preload that lacks one an `integrity` attribute with the SHA-256 of its
//   file (Next's experimental.sri leaves the page's own chunks out), so 'strict-dynamic' can allow it by that hash;
// - takes the SHA-256 of the text of every inline script (Next's bootstrap and RSC payload, our view script);
// - writes each page's policy (the page template of lib/server/security-headers.json with those hashes, as
//   staticPageCsp builds it) to <distDir>/static-pages.json, { pages: { "/path": { html, csp } } }, with each
//   prerendered file route (/data/*) and the headers it was built with, { files: { "/path": { body, headers } } }.
//   serve.mjs serves them all from memory (prerendered.mjs); proxy.ts sends a page's policy when Next serves it.
// Plain JavaScript, like serve.mjs, run by `npm run build`. Usage: node app/_server/static-pages.mjs [--dir DIR]
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const security = JSON.parse(readFileSync(new URL("../../lib/server/security-headers.json", import.meta.url), "utf8"));
const { values } = parseArgs({ options: { dir: { type: "string", default: "." } } });
const dir = resolve(values.dir);
const { default: config } = await import(pathToFileURL(join(dir, "next.config.mjs")).href);
const dist = join(dir, config.distDir ?? ".next");

/** @param {string | Buffer} content */
const sha256 = (content) => `sha256-${createHash("sha256").update(content).digest("base64")}`;

/** The file a /_next/static/ URL names in the build folder. @param {string} src */
function staticFile(src) {
  const path = decodeURIComponent(src.split(/[?#]/)[0] ?? "");
  if (!path.startsWith("/_next/static/") || path.includes(".."))
    throw new Error(`a script outside /_next/static/: ${src}`);
  return join(dist, "static", path.slice("/_next/static/".length));
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script")([^>]*?)\/?>/gi;
const SRC = /\b(?:src|href)="([^"]+)"/;
const INTEGRITY = /\bintegrity="([^"]+)"/;

const ASYNC_SCRIPT = /<script\b(?=[^>]*\basync\b)(?![^>]*\bnomodule\b)[^>]*\bsrc="([^"]+)"[^>]*><\/script>/gi;

/**
 * The page with its async script files loaded by one inline script at the end of the body instead of by tags: the
 * same files, all async as before, in the same order, requested once the first frame has painted, so the page's
 * text is laid out and painted before its scripts take the network and the main thread. Their preloads go too (a
 * preload is neither hashed nor inserted by a trusted script, so the policy would refuse it).
 * @param {string} html
 */
export function loadScriptsInline(html) {
  const marker = "\u0000scripts\u0000";
  /** @type {string[]} */
  const sources = [];
  const without = html.replace(ASYNC_SCRIPT, (tag, src) => {
    const first = sources.length === 0;
    const url = src.replaceAll("&amp;", "&");
    if (!sources.includes(url)) sources.push(url);
    return first ? marker : "";
  });
  if (sources.length === 0) return html;
  const kept = without.replace(SCRIPT_PRELOAD, (tag, attributes) =>
    sources.includes((SRC.exec(attributes)?.[1] ?? "").replaceAll("&amp;", "&")) ? "" : tag,
  );
  const list = JSON.stringify(sources).replaceAll("<", "\\u003c");
  // After the first frame has painted (a timer stands in where frames do not run, as in a background tab).
  const loader =
    `<script>{let done=false;const load=()=>{if(done)return;done=true;for(const src of ${list}){` +
    `const s=document.createElement("script");s.src=src;s.async=true;document.head.appendChild(s)}};` +
    `requestAnimationFrame(()=>setTimeout(load));setTimeout(load,250)}</script>`;
  const end = kept.lastIndexOf("</body>");
  const body = kept.replace(marker, "");
  return `${body.slice(0, end - marker.length)}${loader}${body.slice(end - marker.length)}`;
}

/**
 * The page with its async scripts loaded inline (loadScriptsInline), an integrity attribute on each other script file
 * and preload, and the hash sources its policy needs.
 * @param {string} html
 */
export function hashPage(html) {
  /** @type {Set<string>} */
  const hashes = new Set();
  /** @param {string} tag @param {string} attributes */
  const withIntegrity = (tag, attributes) => {
    const existing = INTEGRITY.exec(attributes)?.[1];
    if (existing) {
      for (const value of existing.split(/\s+/)) hashes.add(`'${value}'`);
      return tag;
    }
    const src = SRC.exec(attributes)?.[1];
    if (!src) throw new Error(`a script tag without a source: ${tag.slice(0, 80)}`);
    const integrity = sha256(readFileSync(staticFile(src)));
    hashes.add(`'${integrity}'`);
    return tag.replace(/^<(script|link)\b/i, `<$1 integrity="${integrity}"`);
  };
  const out = loadScriptsInline(html)
    .replace(SCRIPT, (tag, attributes, body) => {
      if (/\bsrc=/.test(attributes)) return withIntegrity(tag, attributes);
      if (body !== "") hashes.add(`'${sha256(body)}'`);
      return tag;
    })
    .replace(SCRIPT_PRELOAD, (tag, attributes) => withIntegrity(tag, attributes));
  return { html: out, hashes: [...hashes].sort() };
}

/** Every route the build prerendered, but Next's own error shells, which are rendered per request. */
function prerenderedRoutes() {
  const manifest = JSON.parse(readFileSync(join(dist, "prerender-manifest.json"), "utf8"));
  return Object.keys(manifest.routes)
    .filter((route) => !route.startsWith("/_"))
    .map((route) => ({ route, base: join(dist, "server", "app", route === "/" ? "/index" : route) }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  /** @type {Record<string, { html: string; csp: string; hashes: string[]; frameable: boolean }>} */
  const pages = {};
  /** @type {Record<string, { body: string; headers: Record<string, string> }>} */
  const files = {};
  for (const { route, base } of prerenderedRoutes()) {
    if (existsSync(`${base}.html`)) {
      const { html, hashes } = hashPage(readFileSync(`${base}.html`, "utf8"));
      writeFileSync(`${base}.html`, html);
      const policy = security.pageCsp
        .map((/** @type {string} */ d) => d.replace("{scripts}", hashes.join(" ")))
        .join("; ");
      // An /embed/ page may be framed by any site (and goes without X-Frame-Options: prerendered.mjs, next.config.mjs).
      const frameable = route.startsWith(security.embedPrefix);
      const csp = frameable ? policy.replace(/frame-ancestors [^;]+/, security.embedFrameAncestors) : policy;
      pages[route] = { html: relative(dist, `${base}.html`), csp, hashes, frameable };
    } else if (existsSync(`${base}.body`) && existsSync(`${base}.meta`)) {
      const meta = JSON.parse(readFileSync(`${base}.meta`, "utf8"));
      if (meta.status === undefined || meta.status === 200)
        files[route] = { body: relative(dist, `${base}.body`), headers: meta.headers ?? {} };
    }
  }
  writeFileSync(join(dist, security.staticPages), `${JSON.stringify({ pages, files }, null, 2)}\n`);
  const count = Object.values(pages).reduce((sum, page) => sum + page.hashes.length, 0);
  console.log(
    `static-pages: ${Object.keys(pages).length} prerendered pages, ${count} script hashes; ` +
      `${Object.keys(files).length} prerendered files`,
  );
}
