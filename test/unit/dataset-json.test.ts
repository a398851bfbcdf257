import { describe, expect, it } from "vitest";
import { CLAUSE, oneSentenceArticle } from "./one-sentence";
import { extractArticle } from "../../lib/extract/article";
import { textId } from "../../lib/extract/ids";
import type { Dataset } from "../../lib/schema";
import { CHUNK_CHARS, CLAIMS_PER_CHUNK, datasetJsonChunks } from "../../lib/server/dataset-json";
import { loadSeeds } from "../../lib/server/seeds";

function datasetOf(text: string): Dataset {
  return extractArticle({ id: textId(text), text, publishedAt: "2025-05-06", locale: "en-US" });
}

describe("datasetJsonChunks", () => {
  const seed = loadSeeds()[0]!;

  it.each([
    ["the seed article", extractArticle(seed)],
    ["no claims", datasetOf("Nothing to count here.")],
    ["one claim", datasetOf("Exports rose 5%.")],
    ["emoji, right-to-left text and a lone surrogate", datasetOf("🇨🇦 صادرات rose 5% \ud800 to $3 billion.")],
  ])("joined, is byte for byte JSON.stringify of %s", (_, dataset) => {
    expect([...datasetJsonChunks(dataset)].join("")).toBe(JSON.stringify(dataset));
  });

  it(`closes a chunk after ${CLAIMS_PER_CHUNK} short claims`, () => {
    const text = Array.from({ length: 1_200 }, (_, i) => `Exports rose ${i + 1}%.`).join(" ");
    const dataset = datasetOf(text);
    expect(dataset.claims.length).toBeGreaterThan(CLAIMS_PER_CHUNK);
    const chunks = [...datasetJsonChunks(dataset)];
    expect(chunks.length).toBe(2);
    expect(chunks.join("")).toBe(JSON.stringify(dataset));
  });

  it("closes a chunk at about a megabyte when every claim repeats one long sentence", () => {
    // 20 kB of figures as one sentence that every claim carries, 14 MB of JSON (built by hand: the extractor now
    // bounds sentences, and the chunking must not depend on that).
    const { id, claims } = oneSentenceArticle(Math.ceil(20_000 / CLAUSE.length));
    const dataset = { articleId: id, claims };
    const chunks = [...datasetJsonChunks(dataset)];
    const longestClaim = Math.max(...dataset.claims.map((claim) => JSON.stringify(claim).length));
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(CHUNK_CHARS + longestClaim + 1);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join("")).toBe(JSON.stringify(dataset));
  });
});
