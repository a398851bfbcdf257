import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractClaims } from "../../lib/extract/index";
import { decimalMarkOf, findNumbers, type DecimalMark } from "../../lib/extract/numbers";
import { MAX_SENTENCE_LENGTH } from "../../lib/extract/segment";
import { loadSeed } from "../../lib/server/seeds";
import { DatasetSchema, type Claim, type Dataset } from "../../lib/schema";
import { join } from "node:path";

/**
 * Input the extractor was not written for: nothing at all, 10 MB, one endless line, right-to-left scripts,
 * emoji and combining marks, odd digit separators. It must finish, stay valid and keep its offsets exact.
 * (How fast it finishes is for `npm run bench:extract`, not for a unit test.)
 */

const SEED = loadSeed(join(import.meta.dirname, "..", "..", "seeds", "000_094eb4bc1889a6c2.txt"));
const OPTIONS = { publishedAt: SEED.publishedAt, locale: SEED.locale };

function repeated(copies: number): string {
  return Array.from({ length: copies }, () => SEED.text).join("\n\n");
}

function copiesFor(chars: number): number {
  return Math.ceil(chars / (SEED.text.length + 2));
}

/** The same length of text with no line break and no sentence end: "2024. The" → "2024; The". */
function withoutBreaks(text: string): string {
  return text.replace(/\n/g, " ").replace(/[.!?…](?=["'”’)\]]*\s)/g, ";");
}

/** Schema-valid, and every quote is exactly the text at its offsets. */
function expectValid(text: string, dataset: Dataset): void {
  expect(DatasetSchema.safeParse(dataset).success).toBe(true);
  for (const claim of dataset.claims) {
    if (text.slice(claim.start, claim.end) !== claim.quote)
      expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
  }
}

const figuresOf = (claims: Claim[]) =>
  claims.map((c) => [c.start, c.end, c.quote, c.kind, c.value, c.valueMax, c.unit]);

describe("progress for long inputs", { timeout: 60_000 }, () => {
  it("reports a 2 MB text at least ten times, growing from 0 to exactly 1, without changing the records", () => {
    const text = repeated(copiesFor(2_000_000));
    const fractions: number[] = [];
    const withProgress = extractClaims(text, { ...OPTIONS, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThanOrEqual(10);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    // Progress inside the loops, not only between stages: fractions spread over the range.
    expect(new Set(fractions.map((f) => Math.floor(f * 10))).size).toBeGreaterThanOrEqual(8);
    expect(withProgress).toEqual(extractClaims(text, OPTIONS));
  });

  it("reports inside the loops even when the text has no line or sentence breaks", () => {
    const text = withoutBreaks(repeated(copiesFor(2_000_000)));
    const fractions: number[] = [];
    extractClaims(text, { ...OPTIONS, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThanOrEqual(10);
    expect(fractions.at(-1)).toBe(1);
  });

  it.each([
    ["an empty text", ""],
    ["one short sentence", "Exports rose 4%."],
  ])("starts at 0 and ends at 1 for %s", (_name, text) => {
    const fractions: number[] = [];
    extractClaims(text, { onProgress: (f) => fractions.push(f) });
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

describe("empty and white-space-only text", () => {
  it.each([
    ["empty", ""],
    ["spaces", "     "],
    ["line breaks and tabs", "\n\n\t\r\n \n"],
    ["Unicode spaces", "\u00a0\u202f\u2009\u3000\u2028\u2029\ufeff"],
    ["punctuation only", ". , ; ! ? … — “ ”"],
  ])("%s gives a valid dataset with no claims", (_name, text) => {
    const dataset = extractClaims(text, OPTIONS);
    expect(dataset.claims).toEqual([]);
    expectValid(text, dataset);
  });
});

describe("very long input", { timeout: 60_000 }, () => {
  it("finishes 10 MB with every record valid, and as many records as its copies of the article give", () => {
    const copies = copiesFor(10_000_000);
    const text = repeated(copies);
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const one = extractClaims(SEED.text, OPTIONS).claims.length;
    const dataset = extractClaims(text, OPTIONS);
    expect(dataset.claims.length).toBe(one * copies);
    expectValid(text, dataset);
  });

  it("reads 1 MB on a single line (no line break at all) as it reads the same text in lines", () => {
    const lines = repeated(copiesFor(1_000_000));
    // Same length, so the offsets must agree too.
    const oneLine = lines.replace(/\n/g, " ");
    const a = extractClaims(lines, OPTIONS);
    const b = extractClaims(oneLine, OPTIONS);
    expectValid(oneLine, b);
    expect(figuresOf(b.claims)).toEqual(figuresOf(a.claims));
  });

  it("reads 1 MB with no line or sentence break at all: pieces of at most MAX_SENTENCE_LENGTH, the same figures", () => {
    const lines = repeated(copiesFor(1_000_000));
    const noBreaks = withoutBreaks(lines);
    const a = extractClaims(lines, OPTIONS);
    const b = extractClaims(noBreaks, OPTIONS);
    expectValid(noBreaks, b);
    expect(Math.max(...b.claims.map((c) => c.sentence.length))).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
    expect(new Set(b.claims.map((c) => c.sentenceIndex)).size).toBeGreaterThan(1000);
    const figures = (claims: Claim[]) => figuresOf(claims.filter((c) => c.kind !== "date"));
    expect(figures(b.claims)).toEqual(figures(a.claims));
  });
});

/**
 * Right-to-left words, emoji (surrogate pairs, skin tones, ZWJ sequences, flags), combining marks and bidi
 * controls placed between the words of a trade sentence must not move, lose or invent a figure: the figures
 * are the same as with plain ASCII filler, at the same place in their token.
 */
describe("scripts, emoji and combining characters around the figures", () => {
  const FIGURES = [
    "12%",
    "$5 billion",
    "US$74.25 billion",
    "3,400 jobs",
    "25 per cent",
    "1.5 million tonnes",
    "between 8 and 12 per cent",
    "C$102.3 billion",
  ];
  const ASCII = [
    "the",
    "reporters",
    "said",
    "meeting",
    "talks",
    "were",
    "friendly",
    "officials",
    "visit",
    "press",
    "conference",
    "weather",
    "city",
    "quiet",
  ];
  const OTHER = [
    "الصادرات",
    "ارتفعت",
    "بنسبة",
    "שלום",
    "היצוא",
    "עלה",
    "📈",
    "👍🏽",
    "👨‍👩‍👧",
    "🇨🇦",
    "🇩🇪",
    "🏳️‍🌈",
    "Qu\u0301ebec",
    "Montre\u0301al",
    "e\u0301\u0301",
    "\u200f",
    "\u200e",
    "\u202bשלום\u202c",
    "\u2067عربى\u2069",
    "“📈”",
    "«שלום»",
    "٣٤٥",
    "Ж",
    "日本",
  ];

  type Token = { figure: boolean; text: string };
  const sentence = (fillers: string[]) =>
    fc.array(
      fc.oneof(
        fc.constantFrom(...FIGURES).map((text) => ({ figure: true, text })),
        fc.constantFrom(...fillers).map((text) => ({ figure: false, text })),
      ),
      { minLength: 1, maxLength: 14 },
    );

  /** Where each figure token starts, and the text: tokens joined by spaces, ending in a full stop. */
  function layout(tokens: Token[]): { text: string; starts: number[] } {
    const starts: number[] = [];
    let text = "";
    for (const token of tokens) {
      if (text) text += " ";
      starts.push(text.length);
      text += token.text;
    }
    return { text: `${text}.`, starts };
  }

  /** Each figure claim as (token index, offset inside it, quote, kind, value, valueMax, unit). */
  function figuresByToken(tokens: Token[]): unknown[] {
    const { text, starts } = layout(tokens);
    const dataset = extractClaims(text, { publishedAt: "2025-05-06", locale: "en-CA" });
    expectValid(text, dataset);
    return dataset.claims.map((c) => {
      let t = starts.length - 1;
      while (t > 0 && starts[t]! > c.start) t--;
      return [t, c.start - starts[t]!, c.quote, c.kind, c.value, c.valueMax, c.unit];
    });
  }

  it("finds the same figures at the same places whatever the filler words are", () => {
    fc.assert(
      fc.property(
        sentence(ASCII),
        fc.array(fc.constantFrom(...OTHER), { minLength: 1, maxLength: 14 }),
        (tokens, others) => {
          let k = 0;
          const mixed = tokens.map((t) => (t.figure ? t : { figure: false, text: others[k++ % others.length]! }));
          expect(figuresByToken(mixed)).toEqual(figuresByToken(tokens));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("keeps every record of a real paragraph, shifted, when emoji and RTL text come before it", () => {
    const paragraph =
      "Canada's merchandise trade surplus with the U.S. was $102.3 billion (US$74.25 billion) in 2024. “Exports plunged by $3.7 billion,” the agency said.";
    const plain = extractClaims(paragraph, { articleId: "a", publishedAt: "2025-05-06", locale: "en-CA" }).claims;
    for (const prefix of [
      "📈🇨🇦👨‍👩‍👧 ",
      "שלום עולם.\n",
      "مرحبا بالعالم.\n",
      "Qu\u0301ebec\u0301\u0301.\n",
      "\u200f\u202b\u202c ",
    ]) {
      const shifted = extractClaims(prefix + paragraph, {
        articleId: "a",
        publishedAt: "2025-05-06",
        locale: "en-CA",
      }).claims;
      // The prefix may join the first sentence: its text and index may change, nothing else.
      const strip = (c: Claim, by: number) => ({
        ...c,
        id: "",
        start: c.start - by,
        end: c.end - by,
        sentence: "",
        sentenceIndex: 0,
        links: c.links.map((l) => l.relation),
      });
      expect(shifted.map((c) => strip(c, prefix.length))).toEqual(plain.map((c) => strip(c, 0)));
    }
  });

  it.each([
    [
      "an Arabic sentence with Latin digits, % and $",
      "ارتفعت الصادرات بنسبة 12% إلى $5 billion في 2024.",
      [
        ["12%", "percent", 12],
        ["$5 billion", "money", 5e9],
        ["2024", "date", 2024],
      ],
    ],
    [
      "the Arabic percent sign after Latin digits",
      "ارتفعت الصادرات بنسبة 12٪ في عام 2024",
      [
        ["12٪", "percent", 12],
        ["2024", "date", 2024],
      ],
    ],
    [
      "a Hebrew preposition glued to a figure with a hyphen",
      "היצוא עלה ב-12% והגיע ל-$5 billion.",
      [
        ["12%", "percent", 12],
        ["$5 billion", "money", 5e9],
      ],
    ],
    ["Arabic-Indic digits, which are not read as numbers", "ارتفعت الصادرات بنسبة ١٢٪ في ٢٠٢٤ و ۳۴۵ طن", []],
    [
      "emoji glued to a figure",
      "Exports rose 12%📈 to 📈$5 billion 🇨🇦.",
      [
        ["12%", "percent", 12],
        ["$5 billion", "money", 5e9],
      ],
    ],
    [
      "a decomposed accent before a figure",
      "Qu\u0301ebec's exports rose 4% to C$12 billion.",
      [
        ["4%", "percent", 4],
        ["C$12 billion", "money", 12e9],
      ],
    ],
    [
      "a lone surrogate next to a figure",
      "Exports \ud83d rose 4%\udc4d to $5 billion.",
      [
        ["4%", "percent", 4],
        ["$5 billion", "money", 5e9],
      ],
    ],
  ])("%s", (_name, text, expected) => {
    const dataset = extractClaims(text, { publishedAt: "2025-05-06", locale: "en-US" });
    expectValid(text, dataset);
    expect(dataset.claims.map((c) => [c.quote, c.kind, c.value])).toEqual(expected);
  });
});

describe("numbers with unusual separators", () => {
  it.each([
    ["de-DE", ","],
    ["de-AT", ","],
    ["fr-FR", ","],
    ["fr-CA", ","],
    ["es-ES", ","],
    ["it-IT", ","],
    ["pt-BR", ","],
    ["nl-NL", ","],
    ["ru-RU", ","],
    ["de_DE", ","],
    ["de-CH", "."],
    ["es-MX", "."],
    ["en-US", "."],
    ["en-DE", "."],
    ["en-ZA", "."],
    ["en-IN", "."],
    ["ja-JP", "."],
    ["he-IL", "."],
    ["xx-YY", "."],
    ["", "."],
    ["not a locale!", "."],
    [undefined, "."],
  ] as const)("%s writes %s as its decimal mark", (locale, mark) => {
    expect(decimalMarkOf(locale)).toBe(mark);
  });

  it.each([
    [".", "1,234,567.89", 1234567.89],
    [".", "1 234 567,89", 1234567.89],
    [".", "1\u202f234\u202f567", 1234567],
    [".", "12’345.5", 12345.5],
    [".", "1'234'567", 1234567],
    [".", "12,34,567", 1234567],
    [".", "1,00,000.50", 100000.5],
    [".", "1.234", 1.234],
    [".", "0.125", 0.125],
    [",", "1.234.567,89", 1234567.89],
    [",", "1.234", 1234],
    [",", "1,5", 1.5],
    [",", "12,500", 12.5],
    [",", "0.125", 0.125],
    [",", "1.2345", 1.2345],
    [",", "1,234,567", 1234567],
    [",", "1,234.5", 1234.5],
    [",", "1 234,5", 1234.5],
    [",", "1’234,5", 1234.5],
  ] as const)("with %s as the decimal mark, %s is %d", (mark, written, value) => {
    const tokens = findNumbers(`Exports were ${written} units.`, mark as DecimalMark);
    expect(tokens.map((t) => [`Exports were ${written} units.`.slice(t.start, t.end), t.value])).toEqual([
      [written, value],
    ]);
  });

  it("ends a space-grouped number at the full stop after it", () => {
    const tokens = findNumbers("Imports reached 54 321. Exports 12 000.");
    expect(tokens.map((t) => t.value)).toEqual([54321, 12000]);
  });
});
