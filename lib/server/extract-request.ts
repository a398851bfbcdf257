import { z } from "zod";
import { DEFAULT_LOCALE, todayUtc } from "../defaults";
import { MB } from "../sizes";
import { ExtractPool, type JobOutcome } from "./extract-pool";
import { ArticleOptionsSchema, ArticleTextSchema } from "../schema";

/**
 * POST /api/extract: a JSON article in, its dataset out. Web-standard Request/Response only, so the route handler
 * stays a one-liner and the tests call this with real Request objects. The request is checked here, on the main
 * thread; extraction and the dataset's JSON run in a worker of lib/server/extract-pool.ts.
 */

/** The body limit, counted on the bytes received, not on a Content-Length the client may leave out. */
export const MAX_BODY_BYTES = 2 * MB;

// Defaults when the client leaves a field out come from lib/defaults, as in the CLI and the /analyze form; todayUtc
// is re-exported because the API's tests state the default date through this module.
export { todayUtc };

/** The article's fields are the ones every way in accepts (lib/schema.ts); only the defaults are the API's. */
export const ExtractRequestSchema = z.strictObject({
  text: ArticleTextSchema,
  // Accepted so a client can send its whole form; the dataset does not carry a title.
  title: z.string().optional(),
  publishedAt: ArticleOptionsSchema.shape.publishedAt.default(todayUtc),
  locale: ArticleOptionsSchema.shape.locale.default(DEFAULT_LOCALE),
});

export type ExtractRequest = z.infer<typeof ExtractRequestSchema>;

const MAX_MESSAGE_CHARS = 200;

/** One short line: a key or a JSON error may quote the client's own bytes, newlines and all. */
function oneLine(text: string): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]+/gu, " ").trim();
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS - 1)}…` : flat;
}

function errorResponse(status: number, message: string): Response {
  return Response.json({ error: oneLine(message) }, { status });
}

/** When a client refused for a full queue should try again: a few typical jobs' time, well under the budget. */
export const RETRY_AFTER_SECONDS = 5;

/** The chunks the worker sent, in order, each let go once written. */
function chunkStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

/** Only a finished job is answered 200, so a client never gets part of a dataset under a success status. */
function outcomeResponse(outcome: JobOutcome): Response {
  switch (outcome.kind) {
    case "done":
      // The same body and content type as Response.json(dataset), without ever holding it in one string.
      return new Response(chunkStream(outcome.chunks), { headers: { "content-type": "application/json" } });
    case "queue-full": {
      const response = errorResponse(503, "the server is busy extracting other articles; try again shortly");
      response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return response;
    }
    case "timed-out":
      // No Retry-After: the same text would take as long again.
      return errorResponse(
        503,
        `extraction was stopped after ${outcome.budgetMs / 1000} s; send a shorter text or split the article`,
      );
    case "too-large":
      return errorResponse(
        413,
        `the text gives too many figures: its dataset would be over the ${outcome.maxBytes}-byte response limit`,
      );
    case "abandoned":
      // The client is gone; this answer is for the log only.
      return errorResponse(503, "the request was abandoned before its extraction finished");
    case "failed":
      console.error("POST /api/extract: the extraction worker failed:", outcome.reason);
      return errorResponse(500, "internal error");
  }
}

/** `application/json`, optionally with `charset=utf-8`: a body in another charset would be decoded wrongly. */
function contentTypeProblem(header: string | null): string | null {
  if (header === null) return "content-type must be application/json";
  const [mediaType = "", ...parameters] = header.split(";");
  if (mediaType.trim().toLowerCase() !== "application/json") return "content-type must be application/json";
  for (const parameter of parameters) {
    const equals = parameter.indexOf("=");
    if (equals === -1) continue;
    const name = parameter.slice(0, equals).trim().toLowerCase();
    const value = parameter
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    if (name === "charset" && value !== "utf-8" && value !== "utf8") return "charset must be utf-8";
  }
  return null;
}

/**
 * Past the limit, up to this many more bytes are read and thrown away before the stream is cancelled. Cancelling
 * makes Node reset the socket, and a client still writing its body then gets EPIPE instead of the 413 (about half
 * the time for a 3 MB chunked upload on loopback); a body that ends within the allowance is read out, so the 413
 * arrives. Nothing past the limit is kept, and anything longer is still cut off.
 */
export const DISCARD_ALLOWANCE_BYTES = 2 * MB;

type Body = { bytes: Uint8Array } | { tooLarge: true; cancelled: boolean } | { unreadable: true };

/** Keeps at most `limit` bytes; a longer body is read out up to the allowance, then cancelled. */
async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Body> {
  if (body === null) return { bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let pulled = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away or sent a broken stream: nothing to extract, and nobody may be listening.
      return { unreadable: true };
    }
    if (chunk.done) break;
    // A request body yields bytes; anything else is a broken platform contract, not a client error.
    if (!(chunk.value instanceof Uint8Array)) throw new TypeError("request body chunk is not bytes");
    pulled += chunk.value.byteLength;
    if (pulled > limit + DISCARD_ALLOWANCE_BYTES) {
      await reader.cancel("request body over the size limit");
      return { tooLarge: true, cancelled: true };
    }
    if (pulled <= limit) chunks.push(chunk.value);
  }
  if (pulled > limit) return { tooLarge: true, cancelled: false };
  const bytes = new Uint8Array(pulled);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function issueLine(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid request";
  const path = issue.path.map(String).join(".") || "(root)";
  return `${path}: ${issue.message}`;
}

async function respond(request: Request, pool: ExtractPool): Promise<Response> {
  const typeProblem = contentTypeProblem(request.headers.get("content-type"));
  if (typeProblem) return errorResponse(415, typeProblem);

  const tooLarge = `request body is over the ${MAX_BODY_BYTES}-byte limit`;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) return errorResponse(413, tooLarge);

  const body = await readLimited(request.body, MAX_BODY_BYTES);
  if ("tooLarge" in body) {
    const response = errorResponse(413, tooLarge);
    // A cancelled body makes Node drop the socket after this answer: say so, or a keep-alive client sends its
    // next request down a connection that is about to be reset.
    if (body.cancelled) response.headers.set("Connection", "close");
    return response;
  }
  if ("unreadable" in body) return errorResponse(400, "request body could not be read");

  let source: string;
  try {
    source = utf8.decode(body.bytes);
  } catch {
    return errorResponse(400, "request body is not valid UTF-8");
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return errorResponse(400, `request body is not valid JSON (${(error as Error).message})`);
  }
  const parsed = ExtractRequestSchema.safeParse(json);
  if (!parsed.success) return errorResponse(422, issueLine(parsed.error));

  const { text, publishedAt, locale } = parsed.data;
  return outcomeResponse(await pool.run({ text, publishedAt, locale }, request.signal));
}

let sharedPool: ExtractPool | undefined;

/** One pool for the server process, made by the first request: `next build` loads this module too. */
function serverPool(): ExtractPool {
  return (sharedPool ??= new ExtractPool());
}

/** Every outcome is JSON: the dataset, or `{ error }` with one line a client can show. */
export async function handleExtractRequest(request: Request, pool: ExtractPool = serverPool()): Promise<Response> {
  try {
    return await respond(request, pool);
  } catch (error) {
    // Unexpected means a bug on our side: the log gets the details, the client only the status.
    console.error("POST /api/extract failed:", error);
    return errorResponse(500, "internal error");
  }
}
