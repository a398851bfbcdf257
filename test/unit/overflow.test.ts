import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";

// Digits past what a double holds (about 1.8e308) read as Infinity: such a "figure" is no claim, and must never
// reach the schema (which rejects it) or an API client (which got a 500 for it).
const HUGE = "9".repeat(400);

describe("figures too large for a number", () => {
  it.each([
    ["a money amount", `Exports were $${HUGE} last year.`],
    ["a percentage", `Tariffs rose ${HUGE}% in 2024.`],
    ["a scaled amount", `Imports reached ${"9".repeat(305)} billion dollars.`],
    ["a range end", `Exports of 3-${HUGE} tonnes.`],
  ])("%s is skipped; the rest of the sentence still reads", (_, text) => {
    const { claims } = extractArticle({ id: "overflow", text, publishedAt: "2025-05-06", locale: "en-US" });
    for (const claim of claims) {
      expect(Number.isFinite(claim.value)).toBe(true);
      if (claim.valueMax !== null) expect(Number.isFinite(claim.valueMax)).toBe(true);
    }
  });

  it("a finite neighbour in the same sentence is kept", () => {
    const { claims } = extractArticle({
      id: "overflow",
      text: `Exports rose 12% to $3.4 billion, not $${HUGE}.`,
      publishedAt: "2025-05-06",
      locale: "en-US",
    });
    expect(claims.map((c) => c.quote)).toEqual(["12%", "$3.4 billion"]);
  });
});
