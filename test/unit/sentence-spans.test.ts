import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import type { Claim } from "../../lib/schema";
import { sentenceSpans } from "../../lib/sentence-spans";
import { loadSeeds } from "../../lib/server/seeds";

const seed = loadSeeds()[0]!;

describe("sentenceSpans", () => {
  it("finds every sentence of the seed article where its claims quote it", () => {
    const { claims } = extractArticle(seed);
    const spans = sentenceSpans(seed.text, claims);
    expect(spans.size).toBe(new Set(claims.map((c) => c.sentenceIndex)).size);
    for (const claim of claims) {
      const span = spans.get(claim.sentenceIndex)!;
      expect(seed.text.slice(span.start, span.end)).toBe(claim.sentence);
      expect(span.start).toBeLessThanOrEqual(claim.start);
      expect(span.end).toBeGreaterThanOrEqual(claim.end);
    }
  });

  it("finds a sentence whose quote occurs earlier in it, and one that repeats the sentence before it", () => {
    const text = "Tariffs rose 25 per cent. Tariffs rose 25 per cent. Then 25 per cent became 25 per cent.";
    const at = (quote: string, from: number) => text.indexOf(quote, from);
    const claim = (sentenceIndex: number, sentence: string, start: number): Claim =>
      ({ sentenceIndex, sentence, start, end: start + 11, quote: "25 per cent" }) as Claim;
    const third = "Then 25 per cent became 25 per cent.";
    const spans = sentenceSpans(text, [
      claim(0, "Tariffs rose 25 per cent.", at("25", 0)),
      claim(1, "Tariffs rose 25 per cent.", at("25", 20)),
      claim(2, third, text.lastIndexOf("25")),
    ]);
    expect([...spans.values()].map((s) => text.slice(s.start, s.end))).toEqual([
      "Tariffs rose 25 per cent.",
      "Tariffs rose 25 per cent.",
      third,
    ]);
    expect(spans.get(1)!.start).toBe(26);
    expect(spans.get(2)!.start).toBe(text.indexOf("Then"));
  });

  it("gives no span to a sentence that is not around its claim", () => {
    const text = "Exports rose 5% in 2024.";
    const spans = sentenceSpans(text, [
      { sentenceIndex: 0, sentence: "Imports fell 5% in 2024.", start: 13, end: 15 },
      { sentenceIndex: 1, sentence: "", start: 13, end: 15 },
    ]);
    expect(spans.size).toBe(0);
  });

  it("costs about the text's length on one 1,000,000-character sentence with 33,000 claims", () => {
    const clause = "The tariff was 25 per cent and exports fell by $3.7 billion, ";
    const text = clause.repeat(Math.ceil(1_000_000 / clause.length));
    const claims = Array.from({ length: 33_000 }, (_, i) => ({
      sentenceIndex: 0,
      sentence: text,
      start: (i % 16_000) * clause.length + 15,
      end: (i % 16_000) * clause.length + 26,
    }));
    const started = performance.now();
    const spans = sentenceSpans(text, claims);
    expect(performance.now() - started).toBeLessThan(500);
    expect(spans.get(0)).toEqual({ index: 0, start: 0, end: text.length });
  });
});
