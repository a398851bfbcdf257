import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SourceView } from "../../app/_components/SourceView";
import {
  PART_MAX_CHARS,
  PART_MIN_CHARS,
  partIndexOf,
  partSentences,
  sourceIndex,
  sourceSentences,
  type SourceSentence,
  WINDOW_ABOVE_CHARS,
} from "../../lib/explore/source-parts";
import { extractArticle } from "../../lib/extract/article";
import type { Claim } from "../../lib/schema";
import { loadSeeds } from "../../lib/server/seeds";
import { syntheticArticle } from "../bench/synthetic";
import { CLAUSE, oneSentenceArticle } from "./one-sentence";

const article = loadSeeds()[0]!;
const { claims } = extractArticle(article);
const noop = () => {};
const decode = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/<!-- -->/g, "");

describe("SourceView on the seed article", () => {
  it("renders the whole text as before: golden HTML", async () => {
    const selectedId = claims.find((c) => c.quote === "$760 billion")!.id;
    const html = renderToStaticMarkup(
      <SourceView text={article.text} claims={claims} selectedId={selectedId} onSelect={noop} />,
    );
    await expect(`${html.replace(/></g, ">\n<")}\n`).toMatchFileSnapshot("../golden/source-view.html");
  });

  it("has no pager: one part, the whole text", () => {
    expect(sourceIndex(article.text, claims).parts).toEqual([{ start: 0, end: article.text.length }]);
    const html = renderToStaticMarkup(
      <SourceView text={article.text} claims={claims} selectedId={null} onSelect={noop} />,
    );
    expect(html).not.toContain("Next part");
    expect(html).toMatch(/^<article class="source"/);
  });
});

describe("sourceSentences", () => {
  it("finds a sentence whose quote also occurs earlier in it, by checking the text", () => {
    const text = "Intro. Tariffs of 25 per cent became 25 per cent more. End.";
    const sentence = "Tariffs of 25 per cent became 25 per cent more.";
    const second = text.lastIndexOf("25 per cent");
    const claim = {
      ...claims[0]!,
      id: "second",
      sentenceIndex: 1,
      sentence,
      quote: "25 per cent",
      start: second,
      end: second + 11,
    } satisfies Claim;
    const [s] = sourceSentences(text, [claim]);
    expect(text.slice(s!.start, s!.end)).toBe(sentence);
    expect(s!.claims.map((c) => c.id)).toEqual(["second"]);
  });

  it("draws the first of two overlapping claims and skips the other, as before", () => {
    const [first] = claims;
    const overlapping = {
      ...first!,
      id: "overlap",
      start: first!.start + 1,
      end: first!.end + 1,
      quote: article.text.slice(first!.start + 1, first!.end + 1),
    };
    const ordered = [first!, overlapping, ...claims.slice(1)];
    const sentence = sourceSentences(article.text, ordered).find((s) => s.index === first!.sentenceIndex)!;
    expect(sentence.claims.map((c) => c.id)).toContain(first!.id);
    expect(sentence.claims.map((c) => c.id)).not.toContain("overlap");
  });
});

describe("SourceView on a 10 MB article with 50,000 claims", () => {
  const big = syntheticArticle({ claims: 50_000, length: 10_000_000 });
  const index = sourceIndex(big.text, big.claims);
  const { parts } = index;
  // Every sentence with claims, as the whole text would be laid out in one part.
  const sentences = sourceSentences(big.text, big.claims);

  it(`tiles the text with parts of ${PART_MIN_CHARS}–${PART_MAX_CHARS} characters`, () => {
    expect(big.text.length).toBeGreaterThan(WINDOW_ABOVE_CHARS);
    expect(parts[0]!.start).toBe(0);
    expect(parts.at(-1)!.end).toBe(big.text.length);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBe(parts[i - 1]!.end);
    for (const part of parts.slice(0, -1)) {
      expect(part.end - part.start).toBeGreaterThanOrEqual(PART_MIN_CHARS);
      expect(part.end - part.start).toBeLessThanOrEqual(PART_MAX_CHARS);
    }
    expect(parts.length).toBeGreaterThan(10_000_000 / PART_MAX_CHARS);
  });

  it("ends every part where a paragraph ends, never inside a sentence", () => {
    const ends = new Set(parts.map((p) => p.end));
    for (const { end } of parts.slice(0, -1)) expect(big.text.slice(end - 2, end)).toBe("\n\n");
    expect(sentences.filter((s) => [...ends].some((end) => s.start < end && end < s.end))).toEqual([]);
  });

  it("shows the part holding the selected claim, with its sentence marked and the pager", () => {
    const selected = big.claims[31_337]!;
    const index = partIndexOf(parts, selected.start);
    const part = parts[index]!;
    const html = decode(
      renderToStaticMarkup(<SourceView text={big.text} claims={big.claims} selectedId={selected.id} onSelect={noop} />),
    );
    const n = (v: number) => v.toLocaleString("en");
    expect(html).toContain(
      `Part ${n(index + 1)} of ${n(parts.length)} (characters ${n(part.start + 1)}–${n(part.end)})`,
    );
    expect(html).toMatch(
      /<nav class="pager source-pager" aria-label="Article parts"><button type="button">Previous part<\/button>/,
    );
    expect(html).toContain('<button type="button">Next part</button>');
    expect(html).toMatch(
      new RegExp(
        `<span class="sentence selected" data-sentence-index="${selected.sentenceIndex}" data-testid="selected-sentence">`,
      ),
    );
    expect(html).toContain(`<mark data-claim-id="${selected.id}" data-selected="true"`);
    // Only the part's text is in the page: at most PART_MAX_CHARS characters plus markup, not 10 MB.
    const article = /<article[^>]*>([\s\S]*)<\/article>/.exec(html)![1]!;
    expect(article.replace(/<span class="claim-card"[^>]*>[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "")).toBe(
      big.text.slice(part.start, part.end),
    );
  });

  it("highlights exactly the part's claims, and each highlight's offsets slice to its quote", () => {
    const part = parts[123]!;
    const inPart = big.claims.filter((c) => c.start >= part.start && c.end <= part.end);
    const html = decode(
      renderToStaticMarkup(
        <SourceView text={big.text} claims={big.claims} selectedId={inPart[0]!.id} onSelect={noop} />,
      ),
    );
    const marks = [...html.matchAll(/<mark data-claim-id="([^"]+)"[^>]*aria-label="([^"]*)"[^>]*>([^<]*)<\/mark>/g)];
    expect(marks.map((m) => m[1])).toEqual(inPart.map((c) => c.id));
    const byId = new Map(big.claims.map((c) => [c.id, c]));
    for (const [, id, label, shown] of marks) {
      const claim = byId.get(id!)!;
      expect(big.text.slice(claim.start, claim.end)).toBe(claim.quote);
      expect(shown).toBe(claim.quote);
      expect(label!.startsWith(`${claim.quote}: `)).toBe(true);
    }
  });

  it("opens on the first part, Previous disabled, when nothing is selected", () => {
    const html = decode(
      renderToStaticMarkup(<SourceView text={big.text} claims={big.claims} selectedId={null} onSelect={noop} />),
    );
    expect(html).toContain(
      `Part 1 of ${parts.length.toLocaleString("en")} (characters 1–${parts[0]!.end.toLocaleString("en")})`,
    );
    expect(html).toContain('<button type="button" disabled="">Previous part</button>');
    expect(html).not.toContain('data-testid="selected-sentence"');
  });

  it("lays out each part from its own claims: together, the same sentences and highlights as the whole text", () => {
    const key = (s: SourceSentence) => `${s.index}@${s.start}-${s.end}: ${s.claims.map((c) => c.id).join(" ")}`;
    const byPart = parts.flatMap((part) => {
      const own = partSentences(index, part);
      expect(own.every((s) => s.start >= part.start && s.end <= part.end)).toBe(true);
      return own.map(key);
    });
    expect(byPart).toEqual(sentences.map(key));
  });
});

describe("parts of a text without paragraph breaks", () => {
  it("end at a claim's sentence end or after a full stop, never inside a sentence with claims", () => {
    const { text, claims: many } = syntheticArticle({ claims: 2_000, length: 400_000 });
    const flat = text.replace(/\n\n/g, "  ");
    const { parts } = sourceIndex(flat, many);
    const sentences = sourceSentences(flat, many);
    expect(parts.length).toBeGreaterThan(10);
    for (const { end } of parts.slice(0, -1)) {
      expect(sentences.some((s) => s.start < end && end < s.end)).toBe(false);
      expect(sentences.some((s) => s.end === end) || flat.slice(end - 2, end) === ". ").toBe(true);
    }
  });
});

describe("parts of a text without a single full stop", () => {
  // One sentence of 300,000 characters with 10,000 claims, as the extractor gave for break-free clauses.
  const { text, claims: many } = oneSentenceArticle(Math.ceil(300_000 / CLAUSE.length));
  const index = sourceIndex(text, many);

  it("cuts the one long sentence between quotes, so no part is longer than a part may be", () => {
    expect(new Set(many.map((c) => c.sentenceIndex)).size).toBe(1);
    expect(index.parts.length).toBeGreaterThan(text.length / PART_MAX_CHARS);
    for (const part of index.parts) expect(part.end - part.start).toBeLessThanOrEqual(PART_MAX_CHARS);
    for (const { end } of index.parts.slice(0, -1)) {
      expect(many.some((c) => c.start < end && end < c.end)).toBe(false);
      expect(text.charAt(end - 1)).toBe(" ");
    }
  });

  it("draws every claim once, in the part it starts in, inside that part's piece of the sentence", () => {
    const drawn = index.parts.flatMap((part) => {
      const sentences = partSentences(index, part);
      expect(sentences).toHaveLength(1);
      expect(sentences[0]!.start).toBeGreaterThanOrEqual(part.start);
      expect(sentences[0]!.end).toBeLessThanOrEqual(part.end);
      return sentences[0]!.claims.map((c) => c.id);
    });
    expect(drawn).toEqual(index.claims.map((c) => c.id));
  });

  it("renders one part's text, not the whole sentence", () => {
    const selected = many[5_000]!;
    const part = index.parts[partIndexOf(index.parts, selected.start)]!;
    const html = decode(
      renderToStaticMarkup(<SourceView text={text} claims={many} selectedId={selected.id} onSelect={noop} />),
    );
    const article = /<article[^>]*>([\s\S]*)<\/article>/.exec(html)![1]!;
    expect(article.replace(/<span class="claim-card"[^>]*>[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "")).toBe(
      text.slice(part.start, part.end),
    );
    expect(html).toContain('data-testid="selected-sentence"');
  });
});
