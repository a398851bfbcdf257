// POST /api/extract over real HTTP against the production server (app/_server/serve.mjs): every status code, the streamed size cap, and a fuzz run of
// random and malformed requests after which the server must still serve. Run with `npm run test:e2e`.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { extractArticle } from "../../lib/extract/article.ts";
import { textId } from "../../lib/extract/ids.ts";
import { MAX_BODY_BYTES } from "../../lib/server/extract-request.ts";
import { ArticleTextSchema, DatasetSchema, type Dataset } from "../../lib/schema.ts";
import { loadSeeds } from "../../lib/server/seeds.ts";
import { baseUrlFromEnv } from "./browser.ts";

const baseUrl = baseUrlFromEnv();
const endpoint = new URL("/api/extract", baseUrl).href;
const seed = loadSeeds()[0]!;
const JSON_TYPE = "application/json";
const CHUNK_BYTES = 64 * 1024;
const MB = 1024 * 1024;
const encoder = new TextEncoder();

/** Fixed so a failure replays; FUZZ_SEED=<n> replays another run. */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20250506);
const FUZZ_RUNS = 1_000;

interface Sent {
  body: Uint8Array<ArrayBuffer> | null;
  contentType: string | null;
  /** Sent chunked, without Content-Length. */
  streamed?: boolean;
}

/** `bytes` handed out in 64 KB chunks on demand (chunked transfer, no Content-Length), counting what was taken. */
function chunkedBody(bytes: Uint8Array<ArrayBuffer>): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= bytes.length) return controller.close();
        const chunk = bytes.subarray(pulled, pulled + CHUNK_BYTES);
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

async function send({ body, contentType, streamed = false }: Sent): Promise<Response> {
  const headers: Record<string, string> = contentType === null ? {} : { "content-type": contentType };
  const payload = body !== null && streamed ? chunkedBody(body).stream : body;
  // duplex is required by Node's fetch for a stream body; the DOM typings do not know it yet.
  return fetch(endpoint, { method: "POST", headers, body: payload, duplex: "half" } as RequestInit);
}

function jsonBody(value: unknown): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(value));
}

async function errorOf(response: Response): Promise<string> {
  expect(response.headers.get("content-type")).toBe(JSON_TYPE);
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toEqual(expect.any(String));
  expect(body.error).not.toMatch(/[\r\n]/);
  return body.error as string;
}

async function datasetOf(response: Response, text: string): Promise<Dataset> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(JSON_TYPE);
  const dataset = DatasetSchema.parse(await response.json());
  expect(dataset.articleId).toBe(textId(text));
  for (const claim of dataset.claims) expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
  return dataset;
}

describe("POST /api/extract over HTTP", () => {
  test("200: the seed article's dataset, as extractArticle gives it", async () => {
    const { text, publishedAt, locale } = seed;
    const response = await send({
      body: jsonBody({ text, publishedAt, locale, title: seed.title }),
      contentType: JSON_TYPE,
    });
    expect(await datasetOf(response, text)).toEqual(extractArticle({ id: textId(text), text, publishedAt, locale }));
  });

  test("200: the same article sent chunked, without Content-Length", async () => {
    const { text, publishedAt, locale } = seed;
    const response = await send({
      body: jsonBody({ text, publishedAt, locale }),
      contentType: JSON_TYPE,
      streamed: true,
    });
    expect((await datasetOf(response, text)).claims.length).toBeGreaterThan(20);
  });

  test.each([
    ["malformed JSON", 400, encoder.encode('{"text": "Exports rose 5%.",}'), /not valid JSON/],
    [
      "invalid UTF-8",
      400,
      new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      /not valid UTF-8/,
    ],
    [
      "an unknown key",
      422,
      jsonBody({ text: "Exports rose 5%.", author: "me" }),
      /^\(root\): Unrecognized key: "author"$/,
    ],
    ["white space for text", 422, jsonBody({ text: "  \n " }), /^text: text is empty or only white space$/],
  ])("%s: %i", async (_, status, body, message) => {
    const response = await send({ body: body as Uint8Array<ArrayBuffer>, contentType: JSON_TYPE });
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toMatch(message);
  });

  test("200: a figure too large for a double in the text is not an internal error", async () => {
    const text = `Exports rose ${"9".repeat(400)}%.`;
    await datasetOf(await send({ body: jsonBody({ text }), contentType: JSON_TYPE }), text);
  });

  test("415: text/plain", async () => {
    const response = await send({ body: encoder.encode("Exports rose 5%."), contentType: "text/plain" });
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toBe("content-type must be application/json");
  });

  test("413: one byte over the limit, with Content-Length", async () => {
    const response = await send({ body: new Uint8Array(MAX_BODY_BYTES + 1).fill(0x20), contentType: JSON_TYPE });
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatch(/over the 2097152-byte limit/);
  });

  test("413: a 3 MB chunked upload without Content-Length", async () => {
    const body = chunkedBody(new Uint8Array(3 * MB).fill(0x20));
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": JSON_TYPE },
      body: body.stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    // Read out to its end (within the discard allowance), so the connection stays usable.
    expect(response.headers.get("connection")).not.toBe("close");
    expect(await errorOf(response)).toMatch(/over the 2097152-byte limit/);
  });

  test("a 64 MB chunked upload is cut off: the server stops reading soon after the limit", async () => {
    const body = chunkedBody(new Uint8Array(64 * MB).fill(0x20));
    let outcome: string;
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": JSON_TYPE },
        body: body.stream,
        duplex: "half",
      } as RequestInit);
      outcome = String(response.status);
      await response.arrayBuffer();
    } catch (error) {
      // Past the limit the server answers and closes; a client still writing sees the reset before the answer.
      outcome = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? String(error);
    }
    expect(["413", "ECONNRESET", "EPIPE"]).toContain(outcome);
    // What the client managed to push: what the server read (limit plus discard allowance) and what the sockets
    // buffer on the way, not the 64 MB.
    expect(body.pulled()).toBeLessThan(24 * MB);
  });

  test("405: GET, answered by Next", async () => {
    const response = await fetch(endpoint);
    expect(response.status).toBe(405);
  });
});

// ---- fuzz ----

/** Pieces of trade prose, so random text reaches deep into the extractor and not only its first rejection. */
const TEXT_PIECES = [
  "$",
  "US$",
  "C$",
  "€",
  "¥",
  "12",
  "1,200",
  "3.5",
  "0",
  "2024",
  "bn",
  " billion",
  " million",
  "%",
  " per cent",
  " percentage points",
  "-",
  " to ",
  " between ",
  " and ",
  ".",
  ". ",
  "\n",
  " ",
  "\u00a0",
  "last year",
  "Q1",
  "tariff",
  "exports",
  "imports",
  "surplus",
  "deficit",
  "rose",
  "fell by",
  "more than",
  "about",
  "jobs",
  "tonnes",
  "👍🏽",
  "🇨🇦",
  "שלום",
  "صادرات",
  "\u200f",
  "e\u0301",
  "99999999999999999999",
  "1e308",
  "\ud800",
  "\u0000",
];
const tradeText = fc
  .array(fc.constantFrom(...TEXT_PIECES), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.join(""));
const anyText = fc.oneof(tradeText, fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }));
const isoDay = fc
  .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const locale = fc.constantFrom("en-US", "en-CA", "en-AU", "fr-CA", "de-DE", "ja", "zh-Hant-TW", "es-419");

const validRequest = fc.record(
  {
    // Valid as the one schema says (no blank text, no NUL, no lone surrogate); the rest is refused below.
    text: anyText.filter((text) => ArticleTextSchema.safeParse(text).success),
    title: fc.string({ maxLength: 40 }),
    publishedAt: isoDay,
    locale,
  },
  { requiredKeys: ["text"] },
);

/** A JSON text that is not quite a request: wrong types, extra keys, odd shapes. */
const wrongShape: fc.Arbitrary<Uint8Array<ArrayBuffer>> = fc.oneof(
  fc.jsonValue().map(jsonBody),
  fc
    .record({ text: fc.jsonValue(), publishedAt: fc.jsonValue(), locale: fc.jsonValue() }, { requiredKeys: [] })
    .map(jsonBody),
  fc
    .tuple(validRequest, fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue())
    .map(([request, key, value]) => jsonBody({ ...request, [key]: value })),
  // Written out: keys JSON.stringify would not produce from an object literal, numbers it cannot print.
  fc
    .constantFrom(
      '{"text":"x","__proto__":{"polluted":true}}',
      '{"text":"x","constructor":{"prototype":{"polluted":true}}}',
      '{"text":1e999}',
      '{"text":"x","publishedAt":-1e999}',
      `{"text":"x","locale":${"9".repeat(400)}}`,
      '{"text":"x","text":5}',
    )
    .map((raw) => encoder.encode(raw)),
);

/** Requests whose outcome is known in advance, each with the statuses it may get. */
interface FuzzCase extends Sent {
  kind: string;
  statuses: number[];
  /** The text, when the request is a valid one and a dataset must come back for it. */
  text?: string;
}

const truncate = (bytes: Uint8Array<ArrayBuffer>, at: number) => bytes.slice(0, Math.min(at, bytes.length - 1));

const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  {
    weight: 5,
    arbitrary: validRequest.map((r): FuzzCase => ({
      kind: "valid",
      body: jsonBody(r),
      contentType: JSON_TYPE,
      statuses: [200],
      text: r.text,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(tradeText, fc.constantFrom("\u0000", "\ud800", "\udfff"), tradeText)
      .map(([before, broken, after]): FuzzCase => ({
        kind: "not text (NUL, lone surrogate)",
        body: jsonBody({ text: `${before}${broken}${after}` }),
        contentType: JSON_TYPE,
        statuses: [422],
      })),
  },
  {
    weight: 4,
    arbitrary: wrongShape.map((body): FuzzCase => ({
      kind: "wrong shape",
      body,
      contentType: JSON_TYPE,
      statuses: [200, 422],
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(validRequest, fc.nat()).map(([r, at]): FuzzCase => ({
      kind: "truncated JSON",
      body: truncate(jsonBody(r), at),
      contentType: JSON_TYPE,
      statuses: [400],
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        depth: fc.integer({ min: 1, max: 100_000 }),
        open: fc.constantFrom("[", '{"a":'),
        closed: fc.boolean(),
      })
      .map(({ depth, open, closed }): FuzzCase => ({
        kind: "deep nesting",
        body: encoder.encode(open.repeat(depth) + "1" + (closed ? (open === "[" ? "]" : "}").repeat(depth) : "")),
        contentType: JSON_TYPE,
        statuses: closed ? [422] : [400],
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        validRequest,
        fc.nat(),
        fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]),
      )
      .map(([r, at, bad]): FuzzCase => {
        const valid = jsonBody(r);
        // Inside the text value, so the bytes are otherwise good JSON.
        const cut = 9 + (at % Math.max(1, valid.length - 11));
        const body = new Uint8Array([...valid.subarray(0, cut), ...bad, ...valid.subarray(cut)]);
        return { kind: "invalid UTF-8", body, contentType: JSON_TYPE, statuses: [400] };
      }),
  },
  {
    weight: 2,
    arbitrary: fc.uint8Array({ maxLength: 4096 }).map((bytes): FuzzCase => ({
      kind: "random bytes",
      body: new Uint8Array(bytes),
      contentType: JSON_TYPE,
      statuses: [400, 422],
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        validRequest,
        fc.oneof(
          fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=latin1",
            "text/json",
            "",
            "*/*",
          ),
          fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
        ),
      )
      .filter(([, type]) => !/^\s*application\/json\s*(;|$)/i.test(type))
      .map(([r, type]): FuzzCase => ({
        kind: "wrong content type",
        body: jsonBody(r),
        contentType: type,
        statuses: [415],
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ extra: fc.integer({ min: 1, max: 512 * 1024 }), streamed: fc.boolean() })
      .map(({ extra, streamed }): FuzzCase => ({
        kind: "over the limit",
        body: encoder.encode(`{"text":"${"a".repeat(MAX_BODY_BYTES + extra - 11)}"}`),
        contentType: JSON_TYPE,
        streamed,
        statuses: [413],
      })),
  },
  {
    weight: 1,
    arbitrary: fc.constant<FuzzCase>({ kind: "no body", body: null, contentType: JSON_TYPE, statuses: [400] }),
  },
);

/** Whether a case goes out chunked: its own choice, else the coin's for small bodies. */
function chunked(request: FuzzCase, coin: boolean): boolean {
  return request.streamed ?? (request.body !== null && request.body.length < 64 * 1024 && coin);
}

function summary(request: FuzzCase | undefined, coin: boolean): string {
  if (!request) return "no counterexample";
  const head = request.body ? new TextDecoder().decode(request.body.subarray(0, 120)) : "(no body)";
  const how = chunked(request, coin) ? "chunked" : "with Content-Length";
  return `${request.kind}, ${request.body?.length ?? 0} bytes ${how}, content-type ${JSON.stringify(request.contentType)}, starting ${JSON.stringify(head)}`;
}

describe("POST /api/extract fuzz", () => {
  test(`${FUZZ_RUNS} random and malformed requests: never a 500, always JSON, and the server keeps serving`, async () => {
    console.log(`api fuzz: seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs (FUZZ_SEED=<n> replays another)`);
    const seen = new Map<string, number>();
    const details = await fc.check(
      fc.asyncProperty(fc.boolean(), fuzzCase, async (streamed, request) => {
        const response = await send({ ...request, streamed: chunked(request, streamed) });
        seen.set(`${request.kind} ${response.status}`, (seen.get(`${request.kind} ${response.status}`) ?? 0) + 1);
        expect(request.statuses, `${request.kind} answered ${response.status}`).toContain(response.status);
        if (response.status === 200)
          await datasetOf(response, request.text ?? JSON.parse(new TextDecoder().decode(request.body!)).text);
        else await errorOf(response);
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
    );
    if (details.failed) {
      // fast-check's own report would print every byte of a 2 MB body.
      const [coin, request] = details.counterexample ?? [false, undefined];
      throw new Error(
        `api fuzz failed (seed ${FUZZ_SEED}, path ${details.counterexamplePath}): ${summary(request, coin)}: ${String(details.errorInstance)}`,
      );
    }
    console.log(
      `api fuzz: ${[...seen]
        .sort()
        .map(([k, n]) => `${k} ×${n}`)
        .join(", ")}`,
    );

    // Still serving: the page and a valid request.
    const page = await fetch(new URL("/", baseUrl));
    expect(page.status).toBe(200);
    await page.arrayBuffer();
    const text = "Canada's exports fell $3.7 billion in March.";
    await datasetOf(await send({ body: jsonBody({ text }), contentType: JSON_TYPE }), text);
  }, 60_000);
});
