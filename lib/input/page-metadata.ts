import { PublishedAtSchema } from "../schema";

/**
 * A saved page's own account of its article: the headline, the byline and the publication date, from its <meta>
 * tags, its JSON-LD and the <time> in its article. Read from a parsed document (never rendered) before Readability
 * takes its scripts out. Each is null when the page does not say, or says something unusable.
 */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD, the date as the page writes it (its own time zone, never shifted to UTC). */
  publishedAt: string | null;
}

export const NO_METADATA: PageMetadata = { title: null, byline: null, publishedAt: null };

/** schema.org types of an article: Article, NewsArticle, ReportageNewsArticle, BlogPosting, … */
const ARTICLE_TYPE = /Article$|BlogPosting|Report$/;
/** What separates a headline from the site's name in a <title>: "Headline | Site", "Site – Headline". */
const TITLE_SEPARATOR = /\s+[|–—·•:»-]\s+/;
const SPACES = /\s+/g;
const LEADING_BY = /^by\s+/i;
const LOOKS_LIKE_URL = /^(?:https?:)?\/\/|^www\./i;
/** ISO 8601 and its common compact or slashed forms: 2025-03-14, 2025-03-14T08:30+01:00, 20250314, 2025/03/14. */
const DATE_PREFIX = /^(\d{4})-?(\d{2})-?(\d{2})(?![\d])|^(\d{4})\/(\d{2})\/(\d{2})(?![\d])/;

const clean = (text: string | null | undefined): string | null => {
  const collapsed = (text ?? "").replace(SPACES, " ").trim();
  return collapsed === "" ? null : collapsed;
};

/** The first non-empty content of the <meta> tags named (by name=, property= or itemprop=), in the order given. */
function metaContent(document: Document, keys: readonly string[]): string | null {
  const metas = Array.from(document.getElementsByTagName("meta"));
  for (const key of keys) {
    for (const meta of metas) {
      const named = [meta.getAttribute("name"), meta.getAttribute("property"), meta.getAttribute("itemprop")];
      if (!named.some((name) => name?.toLowerCase() === key)) continue;
      const content = clean(meta.getAttribute("content"));
      if (content) return content;
    }
  }
  return null;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every object in a JSON-LD value: top-level arrays and @graph lists flattened. */
function jsonLdObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdObjects);
  if (!isObject(value)) return [];
  return [value, ...jsonLdObjects(value["@graph"])];
}

/** The page's first JSON-LD article, if any: a block that is not valid JSON simply says nothing. */
function jsonLdArticle(document: Document): JsonObject | null {
  for (const script of Array.from(document.querySelectorAll("script"))) {
    if (script.getAttribute("type")?.trim().toLowerCase() !== "application/ld+json") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const article = jsonLdObjects(parsed).find((item) => {
      const types = ([] as unknown[]).concat(item["@type"]);
      return types.some((type) => typeof type === "string" && ARTICLE_TYPE.test(type));
    });
    if (article) return article;
  }
  return null;
}

const jsonLdString = (value: unknown): string | null => (typeof value === "string" ? clean(value) : null);

/** JSON-LD's author: a name, a Person or Organization with a name, or a list of them ("A and B"). */
function jsonLdAuthor(value: unknown): string | null {
  const names = ([] as unknown[])
    .concat(value)
    .map((author) => (isObject(author) ? jsonLdString(author.name) : jsonLdString(author)))
    .filter((name): name is string => name !== null && !LOOKS_LIKE_URL.test(name));
  if (names.length === 0) return null;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A byline without its "By ", and not a profile URL (article:author often is one). */
export function bylineFrom(text: string | null | undefined): string | null {
  const byline = clean(text)?.replace(LEADING_BY, "");
  return byline && !LOOKS_LIKE_URL.test(byline) ? byline : null;
}

/** A date-time as YYYY-MM-DD, read as written; null when it is not an ISO-like date the schema accepts. */
export function publishedDateFrom(text: string | null | undefined): string | null {
  const match = DATE_PREFIX.exec(clean(text) ?? "");
  if (!match) return null;
  const [year, month, day] = match[1] ? match.slice(1, 4) : match.slice(4, 7);
  const date = `${year}-${month}-${day}`;
  return PublishedAtSchema.safeParse(date).success ? date : null;
}

/** A title without the site's name where the page names its site: "Headline | The Ledger" → "Headline". */
function withoutSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const parts = title.split(TITLE_SEPARATOR);
  const rest = parts.filter((part) => part.toLowerCase() !== siteName.toLowerCase());
  return rest.length > 0 && rest.length < parts.length ? rest.join(" – ") : title;
}

/**
 * The <title> without the site's name: by the name the page gives its site, else the longer side of the
 * separator when the other is a short name ("Headline | The Ledger", "Ledger – Headline").
 */
export function titleWithoutSite(title: string, siteName: string | null): string {
  const named = withoutSiteName(title, siteName);
  if (named !== title) return named;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const words = (text: string) => text.split(" ").length;
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (words(last) <= 4 && words(first) >= 3) return parts.slice(0, -1).join(" – ");
  if (parts.length === 2 && words(first) <= 4 && words(last) >= 3) return last;
  return title;
}

export function pageMetadata(document: Document): PageMetadata {
  const jsonLd = jsonLdArticle(document);
  const siteName = metaContent(document, ["og:site_name", "application-name"]);
  // The document's own <title>, not an SVG's.
  const titleElement = Array.from(document.getElementsByTagName("title")).find((element) => !element.closest("svg"));
  const documentTitle = clean(titleElement?.textContent);
  const given = metaContent(document, ["og:title", "twitter:title"]) ?? jsonLdString(jsonLd?.headline);
  const title = given ? withoutSiteName(given, siteName) : documentTitle && titleWithoutSite(documentTitle, siteName);
  const byline =
    bylineFrom(metaContent(document, ["author"])) ??
    bylineFrom(metaContent(document, ["article:author"])) ??
    (jsonLd ? jsonLdAuthor(jsonLd.author) : null);
  const time = document.querySelector("article time[datetime]") ?? document.querySelector("time[pubdate][datetime]");
  const publishedAt =
    publishedDateFrom(metaContent(document, ["article:published_time"])) ??
    publishedDateFrom(jsonLdString(jsonLd?.datePublished)) ??
    publishedDateFrom(time?.getAttribute("datetime")) ??
    publishedDateFrom(metaContent(document, ["date", "pubdate", "publishdate", "publish-date", "dc.date"]));
  return { title, byline, publishedAt };
}
