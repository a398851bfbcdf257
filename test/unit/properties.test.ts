import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractClaims } from "../../lib/extract/index";
import { DatasetSchema, type Claim } from "../../lib/schema";

/** Invariants over arbitrary text: never throws, always valid, offsets exact, position-independent. */

const TOKENS = [
  "$",
  "US$",
  "C$",
  "€",
  "¥",
  "£",
  "12",
  "1,200",
  "3.5",
  ".5",
  "0",
  "2024",
  "bn",
  "billion",
  " million",
  "%",
  " per cent",
  " percentage points",
  "-",
  "–",
  " to ",
  " between ",
  " and ",
  "(",
  ")",
  ".",
  ". ",
  "\n",
  "\n\n",
  " ",
  "\u00a0",
  "U.S.",
  "Mr.",
  "Oct. 31",
  "March",
  "last year",
  "Q1",
  "first quarter",
  "tariff",
  "exports",
  "imports",
  "surplus",
  "deficit",
  "rose",
  "fell by",
  "more than",
  "about",
  "up to",
  "second-largest",
  "five-month",
  "60-year-old",
  "two sides",
  "G7",
  "Section 232",
  "COVID-19",
  "jobs",
  "tonnes",
  "10 out of 10",
  "'",
  '"',
  "“",
  "”",
  "é",
  "👍🏽",
  "e\u0301",
  "שלום",
  "٣",
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), tokenText);

function checkInvariants(text: string): void {
  const dataset = extractClaims(text, { publishedAt: "2025-05-06", locale: "en-CA" });
  expect(DatasetSchema.safeParse(dataset).success).toBe(true);
  for (const claim of dataset.claims) {
    expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
    expect(claim.sentence).toContain(claim.quote);
  }
  const ids = dataset.claims.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
}

const NEUTRAL_WORDS = [
  "the",
  "reporters",
  "said",
  "meeting",
  "leaders",
  "talks",
  "were",
  "long",
  "and",
  "friendly",
  "officials",
  "visit",
  "press",
  "conference",
  "spoke",
  "warmly",
  "about",
  "weather",
  "city",
  "quiet",
];
const neutralSentence = fc.array(fc.constantFrom(...NEUTRAL_WORDS), { minLength: 3, maxLength: 12 }).map((words) => {
  const sentence = words.join(" ");
  return sentence[0]!.toUpperCase() + sentence.slice(1) + ".";
});
const neutralParagraph = fc.array(neutralSentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(" "));

function withoutPosition(claim: Claim, shift: number, sentenceShift: number) {
  const { id: _id, links, ...rest } = claim;
  return {
    ...rest,
    start: rest.start - shift,
    end: rest.end - shift,
    sentenceIndex: rest.sentenceIndex - sentenceShift,
    links: links.map((l) => ({ ...l, id: "" })),
  };
}

describe("extractClaims invariants", () => {
  it("never throws, and every record passes the schema with exact offsets", () => {
    fc.assert(
      fc.property(anyText, (text) => checkInvariants(text)),
      { numRuns: 1500 },
    );
  });

  it("gives the same records when number-free paragraphs are added before and after, shifted by the added length", () => {
    const body = fc
      .array(
        fc.constantFrom(
          "Canada's merchandise trade surplus was $102.3 billion (US$74.25 billion) in 2024.",
          "Canadian exports to the US plunged by $3.7 billion, the second-largest drop on record.",
          "Trump in March imposed a 25 per cent tariff on all steel and aluminum imports.",
          "More than $760 billion in goods flowed between the two countries last year.",
          "The deficit narrowed by 12% to US$61.6 billion in March, while 3,400 jobs were lost.",
          "Exports rose between 10 and 25 per cent over two years.",
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((sentences) => sentences.join(" "));
    fc.assert(
      fc.property(neutralParagraph, body, neutralParagraph, (before, article, after) => {
        const plain = extractClaims(article, { articleId: "a", publishedAt: "2025-05-06", locale: "en-CA" }).claims;
        const prefix = `${before}\n\n`;
        const padded = extractClaims(`${prefix}${article}\n\n${after}`, {
          articleId: "a",
          publishedAt: "2025-05-06",
          locale: "en-CA",
        }).claims;
        const sentenceShift = padded[0] ? padded[0].sentenceIndex - (plain[0]?.sentenceIndex ?? 0) : 0;
        expect(padded.map((c) => withoutPosition(c, prefix.length, sentenceShift))).toEqual(
          plain.map((c) => withoutPosition(c, 0, 0)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic: ids are stable across runs", () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        expect(extractClaims(text).claims).toEqual(extractClaims(text).claims);
      }),
      { numRuns: 300 },
    );
  });
});
