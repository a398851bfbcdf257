import { describe, expect, it } from "vitest";
import { segmentSentences } from "../../lib/extract/segment";

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
