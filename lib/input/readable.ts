import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { MB } from "../sizes";
import { htmlTitle, htmlToText } from "./html";
import { bylineFrom, NO_METADATA, pageMetadata, type PageMetadata } from "./page-metadata";

/**
 * A saved web page → its article: Mozilla's Readability picks the article out of the menus, banners, related
 * links and footers, on a linkedom document. linkedom is a DOM as plain data: it runs no script, loads no image,
 * style sheet or frame, resolves no URL, and Readability only reads and rearranges it. The article it keeps is
 * reduced to text by the same visible-text reduction as any HTML (html.ts), so its hidden parts, entities and
 * block breaks are treated exactly alike. When the page does not read as an article (Firefox's test for its
 * Reader View: enough long paragraphs), or Readability finds nothing, or too little to be the article, the whole
 * page's visible text is the fallback.
 */

/** How the text was taken from the page. */
export type HtmlReduction = "article" | "visible-text";

export interface HtmlArticle {
  text: string;
  metadata: PageMetadata;
  reducedBy: HtmlReduction;
}

/**
 * Pages larger than this get the visible-text reduction only. A DOM and Readability's passes over it cost about
 * 0.6 s and 300 MB for 5 MB of markup here (7 s and 1 GB for 20 MB); saved news pages are far smaller.
 */
export const READABLE_MAX_CHARS = 5 * MB;
/** An article shorter than this is more likely a teaser or a caption Readability settled for. */
const MIN_ARTICLE_CHARS = 200;
/** Below this share of the page's prose, Readability picked a side block, not the article. */
const MIN_SHARE_OF_PROSE = 0.3;
/** A line of the visible text this long is prose; menus, headlines and footers are shorter. */
const PROSE_LINE_CHARS = 80;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Elements a fragment's parse leaves at the top that belong in a document's head. */
const HEAD_TAGS = new Set(["TITLE", "META", "LINK", "BASE", "STYLE", "SCRIPT"]);
const WORDS = /[\p{L}\p{N}]+/gu;

/** html > (head?) body: what Readability expects; linkedom builds no such skeleton for a fragment or a sloppy page. */
function hasSkeleton(document: Document): boolean {
  const root = document.documentElement as Element | null;
  if (root?.tagName !== "HTML") return false;
  const tags = Array.from(root.children, (child) => child.tagName).join(" ");
  return tags === "HEAD BODY" || tags === "BODY";
}

/** A page re-parsed inside html, head and body: head elements in the head, everything else in the body, in order. */
function withSkeleton(document: Document): Document {
  const head: string[] = [];
  const body: string[] = [];
  const place = (node: Node) => {
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      if (element.tagName === "HTML" || element.tagName === "HEAD" || element.tagName === "BODY")
        element.childNodes.forEach(place);
      else (HEAD_TAGS.has(element.tagName) ? head : body).push(element.outerHTML);
    } else if (node.nodeType === TEXT_NODE) body.push(String(node));
  };
  document.childNodes.forEach(place);
  return parseHTML(`<!doctype html><html><head>${head.join("")}</head><body>${body.join("")}</body></html>`).document;
}

const wordsOf = (text: string) => (text.toLowerCase().match(WORDS) ?? []).join(" ");

/**
 * The headline as the page shows it: the article's <h1>, else an <h1> that is the title. Readability drops the
 * heading that repeats the title, but a headline is part of what the reader sees, and often holds a figure.
 */
function headlineOf(document: Document, title: string | null): string | null {
  const inArticle = document.querySelector("article h1");
  const wanted = title ? wordsOf(title) : null;
  const heading =
    inArticle ??
    Array.from(document.getElementsByTagName("h1")).find((h1) => {
      const words = wordsOf(h1.textContent ?? "");
      return wanted !== null && words !== "" && (wanted.includes(words) || words.includes(wanted));
    });
  if (!heading || heading.closest("[hidden]")) return null;
  const text = htmlToText(heading.outerHTML);
  return text === "" ? null : text;
}

/** The characters of the visible text that read as prose: its long lines. */
function proseChars(visibleText: string): number {
  return visibleText
    .split("\n")
    .filter((line) => line.length >= PROSE_LINE_CHARS)
    .reduce((sum, line) => sum + line.length, 0);
}

export function readableHtml(html: string): HtmlArticle {
  const visibleText = htmlToText(html);
  const fallback = (metadata: PageMetadata): HtmlArticle => ({
    text: visibleText,
    metadata,
    reducedBy: "visible-text",
  });
  if (html.length > READABLE_MAX_CHARS) return fallback({ ...NO_METADATA, title: htmlTitle(html) });

  const parsed = parseHTML(html).document;
  const document = hasSkeleton(parsed) ? parsed : withSkeleton(parsed);
  // Read before Readability, which takes the scripts (JSON-LD among them) and the title heading out.
  const metadata = pageMetadata(document);
  const headline = headlineOf(document, metadata.title);
  const article = isProbablyReaderable(document) ? new Readability(document).parse() : null;
  const withReadability: PageMetadata = {
    title: metadata.title ?? (article?.title?.trim() || null),
    byline: metadata.byline ?? bylineFrom(article?.byline),
    publishedAt: metadata.publishedAt,
  };
  const body = article?.content ? htmlToText(article.content) : "";
  const tooLittle = body.length < MIN_ARTICLE_CHARS || body.length < MIN_SHARE_OF_PROSE * proseChars(visibleText);
  if (!article || tooLittle) return fallback(withReadability);
  const text = headline && !body.split("\n\n").includes(headline) ? `${headline}\n\n${body}` : body;
  return { text, metadata: withReadability, reducedBy: "article" };
}
