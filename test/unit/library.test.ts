import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { libraryFile, LibraryFileError, parseLibraryFile, type StoredArticle } from "../../lib/store/library-file";
import { libraryEntry } from "../../lib/store/library-db";
import { loadSeeds } from "../../lib/server/seeds";

const seed = loadSeeds()[0]!;
const stored: StoredArticle = {
  ...seed,
  id: "own-test",
  source: "Pasted text",
  claims: extractArticle({ ...seed, id: "own-test" }).claims,
  createdAt: "2026-11-26T10:00:00.000Z",
  updatedAt: "2026-11-26T10:00:00.000Z",
};

describe("library export file", () => {
  it("reads back exactly what it wrote", () => {
    const json = JSON.stringify(libraryFile([stored], new Date("2026-11-26T12:00:00Z")));
    expect(parseLibraryFile(json)).toEqual([stored]);
  });

  it("lists an article without its text: figures exclude dates", () => {
    const entry = libraryEntry(stored);
    expect(entry).toMatchObject({ id: "own-test", title: seed.title, characters: seed.text.length });
    expect(entry.figures).toBe(stored.claims.filter((c) => c.kind !== "date").length);
    expect(entry.figures).toBeLessThan(stored.claims.length);
  });

  it.each([
    ["not JSON", "{", /is not JSON/],
    ["another JSON file", JSON.stringify({ hello: "world" }), /not a Tradefigures library export/],
    ["a future version", JSON.stringify({ ...libraryFile([stored]), version: 2 }), /version/],
    ["an article without text", JSON.stringify(libraryFile([{ ...stored, text: "" }])), /articles\.0\.text/],
  ])("refuses %s with one line", (_, json, message) => {
    expect(() => parseLibraryFile(json, "lib.json")).toThrow(LibraryFileError);
    expect(() => parseLibraryFile(json, "lib.json")).toThrow(message);
    try {
      parseLibraryFile(json, "lib.json");
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("refuses a claim that no longer slices out of its text, so no figure can point at the wrong words", () => {
    const claims = stored.claims.map((c, i) => (i === 0 ? { ...c, quote: "9".repeat(c.quote.length) } : c));
    expect(() => parseLibraryFile(JSON.stringify(libraryFile([{ ...stored, claims }])))).toThrow(
      /claims\.0\.quote: does not match the article text/,
    );
  });

  it("refuses a claim of another article", () => {
    const claims = stored.claims.map((c, i) => (i === 1 ? { ...c, articleId: "someone-else" } : c));
    expect(() => parseLibraryFile(JSON.stringify(libraryFile([{ ...stored, claims }])))).toThrow(
      /claims\.1\.articleId/,
    );
  });
});
