import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { extractClaims } from "../../lib/extract/index";
import { MAX_SENTENCE_LENGTH, segmentSentences } from "../../lib/extract/segment";
import { DatasetSchema, type Claim, type Dataset } from "../../lib/schema";

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
  // Tables and lists: cells, headers, captions and rates per unit.
  " | ",
  "|",
  "\t",
  "   ",
  ": ",
  "- ",
  "|---|",
  "Steel",
  "Tariff rate (%)",
  "Exports (US$ bn)",
  "Change",
  "+3.1%",
  "per barrel",
  " a tonne",
  "2025-03-04T10:00:00Z",
  "WASHINGTON, March 4 (Reuters) - ",
  "nine out of ten",
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

/**
 * Output linear in the input. A record is its fields, 350 to 500 bytes of JSON (id, offsets, quote, value, a subject,
 * links, warnings), plus its sentence, which segmentSentences caps at MAX_SENTENCE_LENGTH (1,000) characters; the
 * densest text gives one record per 2 characters ("1 2 3 …"). So a text gives at most about (500 + 1,000) / 2 = 750
 * bytes of JSON per byte, however long it is: k = 800 leaves room for a few escaped quotes. (Measured: 605 for
 * "1 2 3 …", 45 for the break-free tariff text below, 22 for news.) Before the cap a text without a sentence break
 * gave records × its length: 183 kB of the tariff text below made 1.1 GB.
 */
const MAX_OUTPUT_BYTES_PER_INPUT_BYTE = 800;
const BREAK_FREE_CLAUSE = "The tariff was 25 per cent and exports fell by $3.7 billion, ";

/** JSON bytes of the dataset, once its sentences alone are known to fit `limit`. */
function jsonBytes(dataset: Dataset, limit: number): number {
  // Counted before JSON.stringify: were sentences unbounded again, the JSON of a dense 30 kB text would be half a
  // gigabyte, and building it would take minutes instead of failing.
  expect(dataset.claims.reduce((chars, claim) => chars + claim.sentence.length, 0)).toBeLessThanOrEqual(limit);
  return Buffer.byteLength(JSON.stringify(dataset));
}

function extractSized(text: string): Dataset {
  return extractArticle({ id: "size", text, publishedAt: "2025-05-06", locale: "en-US" });
}

describe("extractArticle output size", () => {
  const RUN_ON = [
    BREAK_FREE_CLAUSE,
    "a 10 per cent duty on steel, ",
    "US$4.2 billion ",
    "3,700 jobs ",
    "1 2 3 4 5 6 7 8 9 ",
    "12 ",
    "4% ",
    ", ",
    "; ",
    " — ",
    " and ",
    "exports ",
    "tariff ",
    "x".repeat(400),
    "imports rose in 2024 ",
    " ",
    "“quoted” ",
    '"',
    "é",
    "👍",
  ];
  const BREAKS = [". ", "Exports fell 4%. ", "\n", "\n\n"];
  // size "max": by default fast-check builds about ten blocks, not tens of kB.
  const blocks = (choices: string[]) =>
    fc.array(fc.constantFrom(...choices), { maxLength: 1500, size: "max" }).map((parts) => parts.join(""));
  // The densest figures, near the bound k: a record every 2 or 3 characters.
  const DENSE = ["1 2 3 4 5 6 7 8 9 ", "4% ", "$5 ", " ", ", "];
  const sizedText = fc.oneof(blocks(RUN_ON), blocks([...RUN_ON, ...BREAKS]), blocks(DENSE));

  it(`is at most ${MAX_OUTPUT_BYTES_PER_INPUT_BYTE} bytes of JSON per input byte, with exact quotes inside exact sentences`, () => {
    fc.assert(
      fc.property(sizedText, (text) => {
        // The constant is the dataset's own wrapper, for texts of a few characters.
        const limit = MAX_OUTPUT_BYTES_PER_INPUT_BYTE * Buffer.byteLength(text) + 100;
        const dataset = extractSized(text);
        expect(jsonBytes(dataset, limit)).toBeLessThanOrEqual(limit);
        const sentences = segmentSentences(text);
        for (const claim of dataset.claims) {
          expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
          const sentence = sentences[claim.sentenceIndex]!;
          expect(text.slice(sentence.start, sentence.end)).toBe(claim.sentence);
          expect(sentence.start <= claim.start && claim.end <= sentence.end).toBe(true);
          expect(claim.sentence.length).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
        }
      }),
      // No shrinking: a failing text is tens of kB, and each step of shrinking it would extract it again.
      { numRuns: 30, endOnFailure: true },
    );
  });

  it(
    "grows linearly on break-free, figure-dense text: the same bytes per input byte at 60 kB, 250 kB and 1 MB",
    { timeout: 60_000 },
    () => {
      const perByte: number[] = [];
      for (const length of [60_000, 250_000, 1_000_000]) {
        const text = BREAK_FREE_CLAUSE.repeat(Math.ceil(length / BREAK_FREE_CLAUSE.length)).slice(0, length);
        const limit = MAX_OUTPUT_BYTES_PER_INPUT_BYTE * length;
        const bytes = jsonBytes(extractSized(text), limit);
        expect(bytes).toBeLessThanOrEqual(limit);
        perByte.push(bytes / length);
      }
      expect(Math.max(...perByte) / Math.min(...perByte)).toBeLessThan(1.5);
    },
  );
});
