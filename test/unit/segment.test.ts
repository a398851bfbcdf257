import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_LENGTH, segmentSentences } from "../../lib/extract/segment";

const split = (text: string) => segmentSentences(text).map((s) => text.slice(s.start, s.end));

describe("segmentSentences", () => {
  it.each([
    [
      "abbreviations and titles",
      "The U.S. President met Mr. Carney on Oct. 31 in Washington. He left.",
      ["The U.S. President met Mr. Carney on Oct. 31 in Washington.", "He left."],
    ],
    [
      "an initialism that ends a sentence",
      "Exports went to the U.S. The rest went to Mexico.",
      ["Exports went to the U.S.", "The rest went to Mexico."],
    ],
    ["initials", "John F. Kennedy spoke. Then he left.", ["John F. Kennedy spoke.", "Then he left."]],
    ["quotes", '"It\'s not for sale," he said. "Never."', ['"It\'s not for sale," he said.', '"Never."']],
    ["parentheses", "Trade (about 3. 5 per cent) rose. It fell.", ["Trade (about 3. 5 per cent) rose.", "It fell."]],
    [
      "headlines and section lines",
      "Canada\n\nCarney tells Trump: 'Canada is not for sale'\n\nBody text here.",
      ["Canada", "Carney tells Trump: 'Canada is not for sale'", "Body text here."],
    ],
    ["company suffixes", "Shares of Acme Inc. rose 3%. Rivals fell.", ["Shares of Acme Inc. rose 3%.", "Rivals fell."]],
    [
      "numbers after a full stop",
      "It rose. 25 per cent of it went abroad.",
      ["It rose.", "25 per cent of it went abroad."],
    ],
  ])("handles %s", (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("gives half-open offsets into the original text, trimmed of white space", () => {
    const text = "  One.  Two!\n\n Three?  ";
    const sentences = segmentSentences(text);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [2, 6],
      [8, 12],
      [15, 21],
    ]);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2]);
  });

  // Each of these took seconds to minutes before the splitter read a line once: at vitest's 5 s timeout they fail.
  describe("reads a long line once", () => {
    it("a full stop after every short sentence of a 4 MB line", () => {
      const text = "The tariff was 25 per cent. ".repeat(150_000);
      const sentences = segmentSentences(text);
      expect(sentences).toHaveLength(150_000);
      expect(sentences.at(-1)).toMatchObject({ start: text.length - 28, end: text.length - 1 });
    });

    it("full stops inside a parenthesis that never closes", () => {
      const text = `(${"Aa. ".repeat(100_000)}`;
      const sentences = segmentSentences(text);
      expect(sentences[0]!.start).toBe(0);
      expect(sentences.at(-1)!.end).toBe(text.length - 1);
    });

    it("a run of 200,000 full stops", () => {
      const text = `${".".repeat(200_000)}x`;
      expect(segmentSentences(text).at(-1)!.end).toBe(text.length);
    });
  });
});

/** Digit-free, punctuation-free words ("word word …"), exactly `length` characters, ending in a letter. */
function words(length: number): string {
  return "word ".repeat(Math.ceil(length / 5) + 1).slice(0, length - 1) + "w";
}

describe("sentences longer than MAX_SENTENCE_LENGTH", () => {
  const B = MAX_SENTENCE_LENGTH;

  it("leaves a sentence of exactly the bound whole, and cuts one a character longer", () => {
    expect(split(`${"w".repeat(B - 1)}.`)).toEqual([`${"w".repeat(B - 1)}.`]);
    expect(split(`${"w".repeat(B)}.`)).toEqual(["w".repeat(B), "."]);
  });

  it.each([
    ["after a semicolon rather than a later comma", `${words(300)}; ${"word, ".repeat(200)}`, `${words(300)};`],
    [
      "after a comma followed by white space, not inside 3,700",
      `${words(500)}, ${words(440)} 3,700 ${words(600)}`,
      `${words(500)},`,
    ],
    ["after an em dash, even unspaced", `${words(500)}—${words(1000)}`, `${words(500)}—`],
    [
      "after a spaced en dash or hyphen, not inside Canada–US or two-way",
      `${words(400)} – ${words(300)} Canada–US two-way ${words(800)}`,
      `${words(400)} –`,
    ],
    ["after a spaced hyphen", `${words(400)} - ${words(800)}`, `${words(400)} -`],
    [
      "not at a dash before a figure: that is a range",
      `${words(400)}, ${words(300)} 10 – 20 per cent ${words(800)}`,
      `${words(400)},`,
    ],
    [
      "before a conjunction, but not one between two figures",
      `${words(300)} and ${words(400)} between 10 and 20 per cent ${words(800)}`,
      words(300),
    ],
  ])("cuts %s", (_name, text, first) => {
    expect(text.length).toBeGreaterThan(B);
    expect(split(text)[0]).toBe(first);
  });

  it("cuts at the last white space clear of digits rather than inside a figure at the bound", () => {
    const text = `${words(990)} rose 25 per cent ${words(500)}`;
    expect(text.indexOf("per cent")).toBeLessThan(B);
    expect(text.indexOf("per cent") + "per cent".length).toBeGreaterThan(B);
    const [first, second] = split(text);
    // The last white space more than 20 characters before the "2", not one word further back.
    expect(text.indexOf("25") - first!.length).toBeGreaterThan(20);
    expect(text.indexOf("25") - first!.length).toBeLessThanOrEqual(20 + "word ".length);
    expect(second).toContain("rose 25 per cent");
  });

  it("cuts at the last white space when none is clear of digits", () => {
    const text = Array.from({ length: 600 }, (_, i) => String(i % 10)).join(" ");
    expect(split(text).map((p) => p.length)).toEqual([B - 1, text.length - B]);
  });

  it("cuts at the bound when there is no white space, never between the halves of a surrogate pair", () => {
    expect(split("x".repeat(2.5 * B)).map((p) => p.length)).toEqual([B, B, B / 2]);
    const emoji = `${"x".repeat(B - 1)}${"👍".repeat(10)}${"x".repeat(B)}`;
    const pieces = split(emoji);
    expect(pieces[0]).toBe("x".repeat(B - 1));
    expect(pieces[1]!.startsWith("👍")).toBe(true);
  });

  it("numbers the pieces as sentences and keeps the sentences around them", () => {
    const long = `W${words(599)}; ${words(600)}`;
    const sentences = segmentSentences(`First one. ${long}. Last one.`);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(sentences.map((s) => s.end - s.start)).toEqual([10, 601, 601, 9]);
  });

  const BLOCKS = [
    "The tariff was 25 per cent and exports fell by $3.7 billion, ",
    "word ",
    "words",
    " and ",
    "3,700",
    "1 2 3 4 5 ",
    ", ",
    "; ",
    " — ",
    "—",
    "–",
    " - ",
    "Canada–US",
    ". ",
    ".",
    "\n",
    " ",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\t",
    "👍",
    "x".repeat(300),
    "y ".repeat(200),
  ];
  // Without white space too, so that some pieces end at the bound itself.
  const SPACELESS = ["x", "👍", "e\u0301", "3,700", "–", ",", "x".repeat(100), "👍".repeat(50)];
  const longText = fc
    .oneof(
      // size "max": by default fast-check rarely builds more than ten blocks, too few to pass the bound.
      fc.array(fc.constantFrom(...BLOCKS), { maxLength: 200, size: "max" }),
      fc.array(fc.constantFrom(...SPACELESS), { maxLength: 200, size: "max" }),
    )
    .map((parts) => parts.join(""));

  it("gives pieces of at most the bound that tile the text's non-space characters in order", () => {
    fc.assert(
      fc.property(longText, (text) => {
        const sentences = segmentSentences(text);
        let from = 0;
        sentences.forEach((s, i) => {
          expect(s.index).toBe(i);
          expect(s.end - s.start).toBeGreaterThan(0);
          expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
          expect(text.slice(from, s.start)).toMatch(/^\s*$/);
          expect(text.slice(s.start, s.end)).toMatch(/^\S(?:.|\s)*\S$|^\S$/u);
          // Never between the halves of a surrogate pair (the blocks hold only whole pairs).
          expect(text.slice(s.start, s.end)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
          from = s.end;
        });
        expect(text.slice(from)).toMatch(/^\s*$/);
      }),
      { numRuns: 300 },
    );
  });

  it("cuts 5 MB without a break in one pass", () => {
    const text = "The tariff was 25 per cent and exports fell by $3.7 billion, ".repeat(80_000);
    const sentences = segmentSentences(text);
    expect(sentences.every((s) => s.end - s.start <= MAX_SENTENCE_LENGTH)).toBe(true);
    expect(sentences.at(-1)!.end).toBe(text.length - 1);
  });
});
