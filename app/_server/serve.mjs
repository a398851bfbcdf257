// The production server that `npm start` runs: Next's own request handler behind a Node HTTP server that puts the
// security headers on every response before Next writes it. `next start` alone cannot: Next answers some requests
// before any header rule or proxy.ts runs (the 308 for repeated slashes or a backslash, `//analyze` or `\analyze`),
// and those went out bare. Next's header rules and proxy.ts still set the real values (a page's nonce CSP replaces
// the nothing-allowed baseline set here); this only makes sure no response leaves without them.
//
// Plain JavaScript, like next.config.mjs, so Node runs it as it is. In app/_server/: it is Next glue, and a private
// folder (leading underscore) is never a route. Usage: node app/_server/serve.mjs [--dir DIR] [-H HOST] [-p PORT]
// (PORT and HOSTNAME in the environment too; 3000 on every interface by default, as `next start`).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadPrerendered, servePrerendered } from "./prerendered.mjs";

// As `next start` does, before Next or React is loaded: their production builds, not the development ones.
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const security = JSON.parse(readFileSync(new URL("../../lib/server/security-headers.json", import.meta.url), "utf8"));
/** @type {ReadonlyArray<readonly [string, string]>} */
const BASELINE = [
  ...security.static.map((/** @type {{ key: string; value: string }} */ h) => [h.key, h.value]),
  ["Content-Security-Policy", security.resourceCsp],
];

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "." },
    hostname: { type: "string", short: "H", default: process.env.HOSTNAME },
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: the port must be a whole number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const hostname = values.hostname || undefined;
const dir = resolve(values.dir);

// The build folder the project's next.config.mjs names, where app/_server/static-pages.mjs listed the prerendered
// pages and files: served from memory here, and their policies read by proxy.ts for what Next serves of them.
const { default: config } = await import(pathToFileURL(join(dir, "next.config.mjs")).href);
const dist = join(dir, config.distDir ?? ".next");
process.env.TRADEFIGURES_STATIC_PAGES ??= join(dist, security.staticPages);
const prerendered = loadPrerendered(dist, security);

const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  for (const [key, value] of BASELINE) response.setHeader(key, value);
  if (servePrerendered(prerendered, request, response)) return;
  handle(request, response).catch((error) => {
    // Next answers its own errors; this is only for one thrown past it, so the socket is not left hanging.
    console.error(error);
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    response.end("Internal server error\n");
  });
});
// A request Node's parser refuses (a target that is not a path, a malformed header) never reaches Next: Node would
// answer a bare 400. Answer it here, with the same headers.
const BAD_REQUEST = [
  "HTTP/1.1 400 Bad Request",
  ...BASELINE.map(([key, value]) => `${key}: ${value}`),
  "Content-Type: text/plain; charset=utf-8",
  "Content-Length: 12",
  "Connection: close",
  "",
  "Bad request\n",
].join("\r\n");
server.on("clientError", (error, socket) => {
  if (socket.writable && !(/** @type {{ code?: string }} */ (error).code === "ECONNRESET")) socket.end(BAD_REQUEST);
  else socket.destroy();
});
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${hostname ?? "localhost"}:${address.port}` : String(address);
  console.log(`Tradefigures serving http://${shown}`);
});

/** SIGTERM or Ctrl-C: stop taking connections, let Next close, then leave. */
function shutDown() {
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
}
process.once("SIGTERM", shutDown);
process.once("SIGINT", shutDown);
