import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { libraryFile, LibraryFileError, parseLibraryFile, type StoredArticle } from "../../lib/store/library-file";
import { libraryEntry, storageProblem } from "../../lib/store/library-db";
import { packArticle, unpackArticle } from "../../lib/store/packed-article";
import { loadSeeds } from "../../lib/server/seeds";
import { oneSentenceArticle } from "./one-sentence";

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

describe("an article packed for IndexedDB and the worker's messages", () => {
  it("unpacks to exactly the article, keys in the schema's order", () => {
    const packed = packArticle(stored);
    expect(packed.claims.every((c) => c.sentence === undefined)).toBe(true);
    const unpacked = unpackArticle(packed);
    expect(unpacked).toEqual(stored);
    expect(JSON.stringify(unpacked)).toBe(JSON.stringify(stored));
  });

  it("keeps each sentence once: break-free text packs to about its own size, not claims x sentence", () => {
    const { text, claims } = oneSentenceArticle(1_000, stored.id);
    const article = { ...stored, text, claims };
    expect(article.claims.length).toBe(2_000);
    const packed = packArticle(article);
    expect(packed.sentences).toEqual([{ index: 0, start: 0, end: text.trimEnd().length }]);
    expect(JSON.stringify(packed).length).toBeLessThan(text.length + article.claims.length * 700);
    const unpacked = unpackArticle(packed);
    expect(unpacked).toEqual(article);
    // One string per sentence, shared by its claims.
    expect(new Set(unpacked.claims.map((c) => c.sentence)).size).toBe(1);
  });

  it("keeps a sentence that is not in the text with its claim, and reads records stored before packing", () => {
    const claims = stored.claims.map((c, i) => (i === 0 ? { ...c, sentence: "Not in the article." } : c));
    const edited = { ...stored, claims };
    expect(packArticle(edited).claims[0]!.sentence).toBe("Not in the article.");
    expect(unpackArticle(packArticle(edited))).toEqual(edited);
    expect(unpackArticle(stored)).toBe(stored);
  });
});

describe("storage failures, in one plain sentence", () => {
  const dom = (name: string, message = "") => new DOMException(message, name);
  const cases: Array<[string, unknown, RegExp]> = [
    [
      "a full quota",
      dom("QuotaExceededError"),
      /^This article \(\d+ kB of text\) was not saved in this browser: its storage is full/,
    ],
    [
      "a value over Chromium's limit",
      dom(
        "UnknownError",
        "The serialized keys and/or value are too large (size=146800695 bytes, max=133169152 bytes).",
      ),
      /was not saved in this browser: it is larger than the browser keeps in one record/,
    ],
    ["an abort", dom("AbortError"), /the browser closed its storage before this finished/],
    ["a closed connection", dom("InvalidStateError", "The database connection is closing."), /closed its storage/],
    ["a value that cannot be copied", dom("DataCloneError", "#<Object> could not be cloned."), /could not copy it/],
    ["anything else", new TypeError("Cannot read properties of undefined (reading 'put')"), /storage refused it/],
    ["no cause at all", null, /storage refused it/],
  ];

  it.each(cases)("%s", (_, error, message) => {
    const problem = storageProblem(error, {
      kind: "save",
      what: "this article",
      still: "the figures below stay here to read and download",
      articles: [stored],
    });
    expect(problem.message).toMatch(message);
    expect(problem.message).toMatch(
      /; the figures below stay here to read and download, and nothing already stored was lost\.$/,
    );
    // One sentence, none of the browser's own words.
    expect(problem.message.match(/\. /g)).toBeNull();
    expect(problem.message).not.toMatch(/Failed to execute|DOMException|TypeError|undefined|serialized|Cannot read/);
  });

  it("says what could not be read, or deleted", () => {
    expect(storageProblem(dom("UnknownError"), { kind: "read", what: "the list of your articles" }).message).toBe(
      "The list of your articles could not be read from this browser's storage: the browser's storage failed to answer; nothing already stored was lost.",
    );
    expect(storageProblem(dom("AbortError"), { kind: "delete", what: "the article" }).message).toMatch(
      /^The article was not deleted: /,
    );
  });
});
