import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { htmlToText } from "../../lib/input/html";
import { readArticle } from "../../lib/input/index";
import { publishedDateFrom, titleWithoutSite } from "../../lib/input/page-metadata";
import { READABLE_MAX_CHARS, readableHtml } from "../../lib/input/readable";

/** A saved news page reduced to its article: the real parser, Readability and the extractor, on a page we wrote. */

const PAGE = readFileSync(join(import.meta.dirname, "..", "fixtures", "saved-news-page.html"), "utf8");
/** The article's own markup, cut out of the page, and its visible text: what the reduction must keep. */
const ARTICLE_TEXT = htmlToText(PAGE.slice(PAGE.indexOf('<div class="story-body">'), PAGE.indexOf("</article>")));
const HEADLINE = "Coastal exports climb to a record as port traffic recovers";

/** Text of the page around the article, each of which must be gone. */
const CHROME = [
  "We use cookies",
  "Accept all",
  "Home",
  "Markets",
  "Subscribe for $1 a week",
  "Advertisement",
  "Refinance today at 3.9% APR",
  "Win a cruise",
  "Get the Trade Brief",
  "3 stories every weekday morning",
  "Related stories",
  "5 things to know",
  "Stocks fall 2%",
  "Shipping rates jump 40%",
  "top 10 exporters",
  "About us",
  "Privacy policy",
  "© 2025",
  "All rights reserved",
  "$99 billion",
  "__ledgerTracked",
  "track.ledger.example",
];

/** Prose long enough to be an article: `n` paragraphs of trade sentences. */
const paragraphs = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1}: exports of timber rose ${i + 1}% to $${i + 2} billion last year, the ministry said, ` +
      `as shipments to the region recovered from a weak start and freight costs eased through the autumn.</p>`,
  ).join("\n");

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const articlePage = (head: string, article = "") => page(head, `<article>${article}${paragraphs(4)}</article>`);

let fetches: unknown[];

beforeEach(() => {
  // A guard, not a stand-in: nothing here may fetch, so any attempt fails the test loudly.
  fetches = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((...args: unknown[]) => {
      fetches.push(args);
      throw new Error("no request may be made while a page is reduced");
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  expect(fetches).toEqual([]);
});

describe("a saved news page is reduced to its article", () => {
  const reduced = readableHtml(PAGE);

  it("by Readability, headline first", () => {
    expect(reduced.reducedBy).toBe("article");
    expect(reduced.text.startsWith(`${HEADLINE}\n\n`)).toBe(true);
  });

  it("keeps every paragraph, the subheading and the list items of the article, as paragraphs and lines", () => {
    const lines = ARTICLE_TEXT.split("\n").filter((line) => line !== "");
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) expect(reduced.text).toContain(line);
    expect(reduced.text).toContain("\n\nWhere the goods went\n\n");
    expect(reduced.text).toContain("European Union: $12.1 billion\nUnited States: $6.4 billion\nChina: $3.9 billion");
    expect(reduced.text).toBe(`${HEADLINE}\n\n${ARTICLE_TEXT}`);
  });

  it.each(CHROME)("drops the page's chrome: %s", (chrome) => {
    expect(reduced.text).not.toContain(chrome);
  });

  it("reads the title, byline and date from the page's metadata", () => {
    expect(reduced.metadata).toEqual({ title: HEADLINE, byline: "Maria Lindqvist", publishedAt: "2025-03-14" });
  });

  it("gives the extractor the article's figures and none of the related stories', ads' or menus'", () => {
    const { text, metadata } = readArticle(PAGE, "html");
    expect(metadata.publishedAt).toBe("2025-03-14");
    const { claims } = extractArticle({ id: "own", text, publishedAt: "2025-03-14", locale: "en-US" });
    for (const claim of claims) expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
    const quotes = claims.map((c) => c.quote);
    expect(quotes).toEqual(
      expect.arrayContaining(["4.2%", "$31.5 billion", "38%", "$27.8 billion", "1.24 million TEU"]),
    );
    for (const other of ["2%", "40%", "$1", "$250", "$5,000", "100%", "$99 billion"])
      expect(quotes).not.toContain(other);
  });
});

describe("the visible-text reduction is the fallback", () => {
  it.each([
    ["a bare list of paragraphs", "<p>Exports rose 4%.</p><p>Imports fell 2%.</p><p>Tariffs stayed at 25%.</p>"],
    [
      "a page of links and a table, with no article",
      page(
        "<title>Trade data | Ledger</title>",
        `<nav><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/t/${i}">Topic ${i}: 2${i}%</a></li>`).join("")}</ul></nav>` +
          `<table>${Array.from({ length: 30 }, (_, i) => `<tr><td>${2000 + i}</td><td>$${i}.5 billion</td></tr>`).join("")}</table>`,
      ),
    ],
    [
      "a short article among its menus",
      page("", "<nav><a href='/'>Home</a></nav><article><p>Exports rose 4%.</p></article>"),
    ],
    ["plain text given as HTML", "Exports rose 4% to $3 billion in 2024.\nImports fell."],
  ])("for %s: the page's whole visible text", (_name, html) => {
    const reduced = readableHtml(html);
    expect(reduced.reducedBy).toBe("visible-text");
    expect(reduced.text).toBe(htmlToText(html));
  });

  it("for a page over the size Readability is given, keeping the <title>", () => {
    const padding = `<p>${"x".repeat(1000)}</p>`.repeat(Math.ceil(READABLE_MAX_CHARS / 1000));
    const html = `<title>Big page</title><p>Exports rose 4%.</p>${padding}`;
    const reduced = readableHtml(html);
    expect(reduced.reducedBy).toBe("visible-text");
    expect(reduced.metadata).toEqual({ title: "Big page", byline: null, publishedAt: null });
  });

  it("refuses a page with no visible text, as before", () => {
    expect(() => readArticle("<html><head><title>T</title></head><body> </body></html>", "html")).toThrow(
      "no text to analyse: the page has no visible text",
    );
  });
});

describe("an article never lets hidden or active content through", () => {
  const hostile = `<title>Timber exports</title><body onload="alert(1)"><article>
<h1>Timber exports</h1>${paragraphs(3)}
<p hidden>Hidden: $91 billion.</p><p style="display: none">Undisplayed: $92 billion.</p>
<p style="visibility:hidden">Invisible: $93 billion.</p><script>alert("$94 billion")</script>
<noscript>Enable JavaScript for $95 billion</noscript><template><p>$96 billion in a template</p></template>
<p>Steel tariffs rose to 25% <img src="https://img.example/x.png" onerror="alert(2)"><a href="javascript:alert(3)">in May</a>.</p>
<iframe src="https://frame.example/"></iframe>${paragraphs(2)}</article></body>`;

  it("drops what the page hides, its scripts and attributes; keeps its visible text", () => {
    const reduced = readableHtml(hostile);
    expect(reduced.reducedBy).toBe("article");
    expect(reduced.text).toContain("Steel tariffs rose to 25% in May.");
    for (const hidden of ["$91", "$92", "$93", "$94", "$95", "$96", "alert", "javascript", "img.example", "<", ">"])
      expect(reduced.text).not.toContain(hidden);
  });

  it("reads a fragment without <html>, <head> or <body> the same way", () => {
    const fragment = `<meta name="author" content="By Ana Ruiz"><title>Timber exports</title>${paragraphs(5)}`;
    const reduced = readableHtml(fragment);
    expect(reduced.reducedBy).toBe("article");
    expect(reduced.text).toBe(htmlToText(paragraphs(5)));
    expect(reduced.metadata).toEqual({ title: "Timber exports", byline: "Ana Ruiz", publishedAt: null });
  });
});

describe("the page's metadata", () => {
  it.each([
    [
      "og:title over twitter:title and <title>",
      '<meta property="og:title" content="Timber exports rise"><meta name="twitter:title" content="T"><title>X | Y</title>',
      "Timber exports rise",
    ],
    [
      "twitter:title without og:title",
      '<meta name="twitter:title" content="Timber exports rise">',
      "Timber exports rise",
    ],
    [
      "JSON-LD's headline",
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Timber exports rise"}]}</script>',
      "Timber exports rise",
    ],
    [
      "<title> without the site's name after it",
      "<title>Timber exports rise again | The Ledger</title>",
      "Timber exports rise again",
    ],
    [
      "<title> without the site's name before it",
      "<title>Ledger – Timber exports rise again</title>",
      "Timber exports rise again",
    ],
    [
      "<title> without the site the page names",
      '<meta property="og:site_name" content="Forest News Daily Online"><title>Timber exports rise — Forest News Daily Online</title>',
      "Timber exports rise",
    ],
    [
      "an SVG's <title> is not the page's",
      "<svg><title>Chart</title></svg><title>Timber exports rise</title>",
      "Timber exports rise",
    ],
  ])("title: %s", (_name, head, title) => {
    expect(readableHtml(articlePage(head)).metadata.title).toBe(title);
  });

  it.each([
    ["meta name=author, without its By", '<meta name="author" content="By  Ana Ruiz">', "Ana Ruiz"],
    ["article:author that is a name", '<meta property="article:author" content="Ana Ruiz">', "Ana Ruiz"],
    [
      "JSON-LD's authors, article:author's URL passed over",
      '<meta property="article:author" content="https://x.example/ana">' +
        '<script type="application/ld+json">[{"@type":"WebSite"},{"@type":["NewsArticle"],"author":' +
        '[{"@type":"Person","name":"Ana Ruiz"},{"name":"Li Wei"},"Sam Roe"]}]</script>',
      "Ana Ruiz, Li Wei and Sam Roe",
    ],
    ["Readability's byline in the article", "", "Ana Ruiz"],
    ["none at all, and JSON-LD that is not JSON", '<script type="application/ld+json">{"author": </script>', null],
  ])("byline: %s", (name, head, byline) => {
    const inArticle = name.startsWith("Readability") ? '<p class="byline">By Ana Ruiz</p>' : "";
    expect(readableHtml(articlePage(head, inArticle)).metadata.byline).toBe(byline);
  });

  it.each([
    [
      "article:published_time, as the page writes it",
      '<meta property="article:published_time" content="2025-03-14T23:30:00-05:00">',
      "",
      "2025-03-14",
    ],
    [
      "JSON-LD's datePublished",
      '<script type="application/ld+json">{"@type":"ReportageNewsArticle","datePublished":"2024-11-02"}</script>',
      "",
      "2024-11-02",
    ],
    ["the article's <time datetime>", "", '<time datetime="2023-06-30T12:00Z">30 June</time>', "2023-06-30"],
    ["meta name=date, slashed", '<meta name="date" content="2022/01/05">', "", "2022-01-05"],
    ["meta name=pubdate, compact", '<meta name="pubdate" content="20220105">', "", "2022-01-05"],
    ["a date that is not one", '<meta property="article:published_time" content="yesterday">', "", null],
    ["a date out of range", '<meta property="article:published_time" content="1700-01-01">', "", null],
    ["a date that does not exist", '<meta property="article:published_time" content="2025-02-30">', "", null],
  ])("date: %s", (_name, head, inArticle, date) => {
    expect(readableHtml(articlePage(head, inArticle)).metadata.publishedAt).toBe(date);
  });

  it("normalises dates and titles as the helpers say", () => {
    expect(publishedDateFrom(" 2025-03-14T08:30:00+01:00 ")).toBe("2025-03-14");
    expect(publishedDateFrom("2025-3-14")).toBeNull();
    expect(publishedDateFrom("202503141")).toBeNull();
    expect(titleWithoutSite("Stocks - bonds", null)).toBe("Stocks - bonds");
    expect(titleWithoutSite("Exports rise: what it means for ports", null)).toBe(
      "Exports rise: what it means for ports",
    );
  });

  it("are null for text and Markdown", () => {
    expect(readArticle("# Title\n\nExports rose 4%.", "markdown").metadata).toEqual({
      title: null,
      byline: null,
      publishedAt: null,
    });
  });
});

describe("any tag soup", () => {
  const tag = fc.constantFrom(
    ..."html head body title meta article main h1 h2 p div ul li table tr td pre script style template svg time a img br".split(
      " ",
    ),
  );
  const attribute = fc.constantFrom(
    "",
    " hidden",
    ' style="display:none"',
    ' class="byline"',
    ' class="related-stories"',
    ' datetime="2025-01-02"',
    ' property="og:title" content="T"',
    ' type="application/ld+json"',
    ' role="dialog" aria-modal="true"',
  );
  const text = fc.constantFrom(
    `Exports rose 4.2% to $31.5 billion in 2024, the ministry said on Thursday, after a year in which shipments of timber
    and fish grew faster than at any time since records began. `,
    "&amp; &lt; ",
    '{"@type":"NewsArticle","author":{}}',
    "\n",
  );
  const piece = fc.oneof(
    fc.tuple(tag, attribute).map(([name, attributes]) => `<${name}${attributes}>`),
    tag.map((name) => `</${name}>`),
    text,
  );

  it("is reduced without an exception, to text with no markup", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), (parts) => {
        const { text: reduced } = readableHtml(parts.join(""));
        expect(reduced).not.toMatch(/<\/?[a-z]/);
      }),
      { numRuns: 300 },
    );
  });
});
