import { afterEach, describe, expect, it, vi } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { textId } from "../../lib/extract/ids";
import {
  DISCARD_ALLOWANCE_BYTES,
  handleExtractRequest,
  MAX_BODY_BYTES,
  todayUtc,
} from "../../lib/server/extract-request";
import { DatasetSchema, type Dataset } from "../../lib/schema";
import { loadSeeds } from "../../lib/server/seeds";

const URL_ = "http://127.0.0.1/api/extract";
const JSON_TYPE = "application/json";
const CHUNK_BYTES = 64 * 1024;

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": JSON_TYPE }): Request {
  // duplex is required by Node's Request for a stream body; the DOM typings do not know it yet.
  return new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

function postJson(value: unknown, contentType = JSON_TYPE): Request {
  return post(JSON.stringify(value), { "content-type": contentType });
}

async function errorOf(response: Response): Promise<string> {
  expect(response.headers.get("content-type")).toBe(JSON_TYPE);
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error).toBe("string");
  const message = body.error as string;
  expect(message).not.toMatch(/[\r\n]/);
  return message;
}

async function datasetOf(response: Response): Promise<Dataset> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(JSON_TYPE);
  const body: unknown = await response.json();
  const dataset = DatasetSchema.parse(body);
  // Exactly the dataset: no extra top-level fields.
  expect(Object.keys(body as object).sort()).toEqual(["articleId", "claims"]);
  return dataset;
}

/** A body of `total` zero bytes (or fewer, if cancelled) handed out in 64 KB chunks, counting what the reader took. */
function countingStream(total: number): {
  stream: ReadableStream<Uint8Array>;
  pulled: () => number;
  cancelled: () => boolean;
} {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(CHUNK_BYTES, total - pulled);
        pulled += size;
        controller.enqueue(new Uint8Array(size));
        if (pulled >= total) controller.close();
      },
      cancel() {
        cancelled = true;
      },
      // No read-ahead of its own: a chunk is produced only when someone reads.
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /api/extract: success", () => {
  const seed = loadSeeds()[0]!;

  it("gives the seed article's dataset, the same as extractArticle, under the text's stable id", async () => {
    const request = { text: seed.text, title: seed.title, publishedAt: seed.publishedAt, locale: seed.locale };
    const dataset = await datasetOf(await handleExtractRequest(postJson(request)));
    const expected = extractArticle({
      id: textId(seed.text),
      text: seed.text,
      publishedAt: seed.publishedAt,
      locale: seed.locale,
    });
    expect(dataset.articleId).toBe(textId(seed.text));
    expect(dataset).toEqual(expected);
    expect(dataset.claims.length).toBeGreaterThan(20);
    // The same text again gives the same ids.
    expect(await datasetOf(await handleExtractRequest(postJson(request)))).toEqual(dataset);
  });

  it("defaults publishedAt to today's UTC date and locale to en-US", async () => {
    const text = "Canada's exports fell $3.7 billion last year.";
    const dataset = await datasetOf(await handleExtractRequest(postJson({ text })));
    expect(dataset).toEqual(extractArticle({ id: textId(text), text, publishedAt: todayUtc(), locale: "en-US" }));
    const money = dataset.claims.find((c) => c.kind === "money");
    expect(money).toMatchObject({
      unit: "USD",
      currencyBasis: "inferred",
      period: String(Number(todayUtc().slice(0, 4)) - 1),
    });
    // The locale is not ignored: a Canadian outlet's bare $ is CAD.
    const canadian = await datasetOf(await handleExtractRequest(postJson({ text, locale: "en-CA" })));
    expect(canadian.claims.find((c) => c.kind === "money")?.unit).toBe("CAD");
  });

  it("keeps offsets right around emoji, flags and right-to-left text", async () => {
    const text = [
      "🚢🇨🇦 Trade update 👩🏽‍💼",
      "‏صادرات كندا‎ Canada's exports fell 🙁 by $3.7 billion in March 2025.",
      "עברית 🎉 Imports rose 12 per cent to 4,000 tonnes in 2024, מאוד.",
      "The 25% tariff 🇺🇸 covers $760 billion in two-way trade.",
    ].join("\n");
    const { claims } = await datasetOf(
      await handleExtractRequest(postJson({ text, publishedAt: "2025-05-06", locale: "en-CA" })),
    );
    expect(claims.map((c) => c.quote)).toEqual(
      expect.arrayContaining(["$3.7 billion", "12 per cent", "4,000 tonnes", "25%", "$760 billion"]),
    );
    for (const claim of claims) expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
  });

  it("accepts a charset=utf-8 parameter, any case, and a body of exactly the limit", async () => {
    for (const type of [
      "application/json; charset=utf-8",
      'Application/JSON;charset="UTF-8"',
      "application/json; charset=utf8",
    ]) {
      expect((await handleExtractRequest(postJson({ text: "Exports rose 5%." }, type))).status).toBe(200);
    }
    const head = '{"text":"Exports rose 5% in 2024.';
    const tail = '"}';
    const body = head + " ".repeat(MAX_BODY_BYTES - head.length - tail.length) + tail;
    expect(new TextEncoder().encode(body).length).toBe(MAX_BODY_BYTES);
    const dataset = await datasetOf(await handleExtractRequest(post(body)));
    expect(dataset.claims.map((c) => c.quote)).toEqual(["5%", "2024"]);
  });
});

describe("POST /api/extract: 415 for anything but JSON in UTF-8", () => {
  it.each([
    ["no content type", {}],
    ["text/plain", { "content-type": "text/plain" }],
    ["form data", { "content-type": "application/x-www-form-urlencoded" }],
    ["a JSON suffix type", { "content-type": "application/vnd.api+json" }],
    ["another charset", { "content-type": "application/json; charset=iso-8859-1" }],
    ["UTF-16", { "content-type": "application/json; charset=utf-16" }],
  ])("%s", async (_, headers: Record<string, string>) => {
    const response = await handleExtractRequest(post(JSON.stringify({ text: "Exports rose 5%." }), headers));
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toMatch(/content-type must be application\/json|charset must be utf-8/);
  });
});

describe("POST /api/extract: 413 past 2 MB", () => {
  it("answers a declared Content-Length over the limit without reading the body", async () => {
    const body = countingStream(10 * 1024 * 1024);
    const response = await handleExtractRequest(
      post(body.stream, { "content-type": JSON_TYPE, "content-length": String(MAX_BODY_BYTES + 1) }),
    );
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatch(/over the 2097152-byte limit/);
    expect(body.pulled()).toBe(0);
    expect(body.stream.locked).toBe(false);
  });

  it("stops reading a 10 MB streamed body without Content-Length soon after the limit, and cancels it", async () => {
    const body = countingStream(10 * 1024 * 1024);
    const response = await handleExtractRequest(post(body.stream));
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatch(/over the 2097152-byte limit/);
    // The limit, the allowance read out and thrown away, and the chunk that crossed it: never the rest of the 10 MB.
    expect(body.pulled()).toBeGreaterThan(MAX_BODY_BYTES + DISCARD_ALLOWANCE_BYTES);
    expect(body.pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES + DISCARD_ALLOWANCE_BYTES + CHUNK_BYTES);
    expect(body.cancelled()).toBe(true);
    // Node drops a socket whose request body was cancelled: the client must not reuse it.
    expect(response.headers.get("connection")).toBe("close");
  });

  it("reads a 3 MB streamed body to its end without keeping it, so the 413 reaches a client still sending", async () => {
    const body = countingStream(3 * 1024 * 1024);
    const response = await handleExtractRequest(post(body.stream));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBe(3 * 1024 * 1024);
    expect(body.cancelled()).toBe(false);
    expect(response.headers.get("connection")).toBeNull();
  });

  it("counts bytes, not characters: one byte over is too much", async () => {
    const head = '{"text":"é'; // é is two bytes in UTF-8
    const tail = '"}';
    const body = head + " ".repeat(MAX_BODY_BYTES - (head.length + 1) - tail.length + 1) + tail;
    expect(new TextEncoder().encode(body).length).toBe(MAX_BODY_BYTES + 1);
    expect((await handleExtractRequest(post(body))).status).toBe(413);
  });
});

describe("POST /api/extract: 400 for bytes that are not JSON text", () => {
  it.each([
    [
      "invalid UTF-8",
      new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      /not valid UTF-8/,
    ],
    ["a lone continuation byte", new Uint8Array([0x22, 0x80, 0x22]), /not valid UTF-8/],
    ["malformed JSON", '{"text": "Exports rose 5%.",}', /not valid JSON/],
    ["truncated JSON", '{"text": "Exports ro', /not valid JSON/],
    ["an empty body", "", /not valid JSON/],
  ])("%s", async (_, body: string | Uint8Array<ArrayBuffer>, message: RegExp) => {
    const response = await handleExtractRequest(post(body));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatch(message);
  });

  it("answers no body at all with 400", async () => {
    const response = await handleExtractRequest(post(null));
    expect(response.status).toBe(400);
  });
});

describe("POST /api/extract: 422 for JSON of the wrong shape, naming the field", () => {
  it.each([
    ["an array", [], /^\(root\): .*expected object/],
    ["a string", "Exports rose 5%.", /^\(root\): .*expected object/],
    ["null", null, /^\(root\): .*expected object/],
    ["no text", {}, /^text: .*expected string/],
    ["text as a number", { text: 5 }, /^text: .*expected string/],
    ["an empty text", { text: "" }, /^text: text is empty or only white space$/],
    ["a white-space text", { text: " \n\t\u00a0\u3000" }, /^text: text is empty or only white space$/],
    ["title as a number", { text: "x", title: 1 }, /^title: /],
    ["a date in another format", { text: "x", publishedAt: "06/05/2025" }, /^publishedAt: /],
    ["a date that does not exist", { text: "x", publishedAt: "2025-02-30" }, /^publishedAt: /],
    ["publishedAt null", { text: "x", publishedAt: null }, /^publishedAt: /],
    [
      "a locale that is not a language tag",
      { text: "x", locale: "not a locale!" },
      /^locale: locale must be a BCP 47 language tag/,
    ],
    ["an unknown key", { text: "x", author: "me" }, /^\(root\): Unrecognized key: "author"$/],
  ])("%s", async (_, value: unknown, message: RegExp) => {
    const response = await handleExtractRequest(postJson(value));
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatch(message);
  });

  it("keeps the message to one short line when the client's key is long and has newlines", async () => {
    const response = await handleExtractRequest(postJson({ text: "x", [`evil\nkey\r\n${"k".repeat(5_000)}`]: 1 }));
    expect(response.status).toBe(422);
    const message = await errorOf(response);
    expect(message.length).toBeLessThanOrEqual(200);
    expect(message).toMatch(/^\(root\): Unrecognized key: "evil key/);
  });
});

describe("POST /api/extract: 500 for the unexpected", () => {
  it("answers a body stream that breaks its contract (chunks that are not bytes) with a bare 500, and logs it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const stream = new ReadableStream<unknown>({
      start(controller) {
        controller.enqueue("a string, not a Uint8Array");
        controller.close();
      },
    });
    const response = await handleExtractRequest(post(stream as ReadableStream<Uint8Array>));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal error" });
    expect(logged).toHaveBeenCalledOnce();
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/not bytes/);
  });
});
