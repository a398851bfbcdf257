import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { ArticleOptionsSchema, ArticleTextSchema } from "../../lib/schema";
import { handleExtractRequest } from "../../lib/server/extract-request";

/**
 * One validation everywhere: the API, the CLI (test/unit/cli.test.ts) and /analyze's worker accept and refuse the
 * same dates, locales and texts, because all three ask lib/schema.ts; and a locale's region is read by Intl.Locale,
 * so subtags that are not regions decide nothing.
 */

function post(body: unknown): Request {
  return new Request("http://localhost/api/extract", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("ArticleOptionsSchema", () => {
  it.each([
    ["2025-02-30", "a day that does not exist"],
    ["2023-02-29", "29 February outside a leap year"],
    ["0000-01-01", "year 0"],
    ["2500-01-01", "a year far ahead"],
    ["2025-5-6", "no zero padding"],
    ["", "nothing"],
  ])("refuses publishedAt %j (%s)", (publishedAt) => {
    expect(ArticleOptionsSchema.safeParse({ publishedAt, locale: "en-US" }).success).toBe(false);
  });

  it.each(["", "xx-INVALID-@@", "not a locale!", "en_US", "x".repeat(65)])("refuses locale %j", (locale) => {
    expect(ArticleOptionsSchema.safeParse({ publishedAt: "2025-05-06", locale }).success).toBe(false);
  });

  it("keeps a locale in the form Intl canonicalises it to, and accepts leap days", () => {
    expect(ArticleOptionsSchema.parse({ publishedAt: "2024-02-29", locale: "EN-ca" })).toEqual({
      publishedAt: "2024-02-29",
      locale: "en-CA",
    });
  });
});

describe("ArticleTextSchema", () => {
  it.each([
    ["", "empty"],
    [" \n\t", "only white space"],
    ["Exports rose 5%.\u0000", "a NUL"],
    ["Exports rose 5%. \uD800 and more", "a lone high surrogate"],
    ["\uDC00 Exports rose 5%.", "a lone low surrogate"],
  ])("refuses %j (%s)", (text) => {
    expect(ArticleTextSchema.safeParse(text).success).toBe(false);
  });

  it("accepts astral characters, whose surrogates come in pairs", () => {
    expect(ArticleTextSchema.safeParse("Exports 🚢 rose 5%.").success).toBe(true);
  });
});

describe("POST /api/extract refuses what the CLI and /analyze refuse", () => {
  it.each([
    [{ text: "Exports rose 5%.", publishedAt: "0000-01-01" }, /^publishedAt: .*from 1800 to 2100/],
    [{ text: "Exports rose 5%.", publishedAt: "2025-02-30" }, /^publishedAt: .*calendar date/],
    [{ text: "Exports rose 5%.", locale: "" }, /^locale: .*BCP 47/],
    [{ text: "Exports rose 5%.\u0000" }, /^text: .*NUL/],
    [{ text: "Exports rose 5%. \uD800" }, /^text: .*lone surrogate/],
  ])("%j", async (body, message) => {
    const response = await handleExtractRequest(post(body));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it("answers with the canonical locale's reading: EN-ca is Canadian", async () => {
    const response = await handleExtractRequest(post({ text: "Exports rose to $5 billion.", locale: "EN-ca" }));
    expect(response.status).toBe(200);
    const { claims } = (await response.json()) as { claims: { unit: string }[] };
    expect(claims[0]!.unit).toBe("CAD");
  });
});

describe("the currency of a bare $ comes from the locale's region, as Intl.Locale reads it", () => {
  const unitFor = (locale: string) =>
    extractArticle({ id: "t", text: "Exports rose to $5 billion.", publishedAt: "2025-05-06", locale }).claims[0]!.unit;

  it.each([
    ["en-CA", "CAD"],
    ["fr-CA", "CAD"],
    ["en-AU", "AUD"],
    ["en-Latn-NZ", "NZD"],
    ["en-US", "USD"],
    ["en", "USD"],
    // Not regions: a calendar extension and a private-use subtag.
    ["en-u-ca-gregory", "USD"],
    ["en-x-au", "USD"],
    ["en-US-u-rg-cazzzz", "USD"],
  ])("%s gives %s", (locale, unit) => {
    expect(unitFor(locale)).toBe(unit);
  });
});
