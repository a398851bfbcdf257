import { createHash } from "node:crypto";
import { STATIC_CACHE_CONTROL } from "./security-headers";

/** A Content-Disposition value with the file name quoted, and an RFC 5987 copy for non-ASCII names. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A /data file, made once at build time: cacheable by a CDN, with a strong ETag of its bytes, so a browser's or a
 * CDN's repeat with If-None-Match is answered 304 (proxy.ts compares; the ETag is in the build's prerendered headers).
 */
export function dataFile(body: string, headers: Record<string, string>): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return new Response(body, { headers: { ...headers, ETag: etag, "Cache-Control": STATIC_CACHE_CONTROL } });
}

/** A CSV download named for the reader's folder (lib/export/file-name.ts), with the same ETag and caching. */
export function csvFile(body: string, fileName: string): Response {
  return dataFile(body, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(fileName) });
}
