import Link from "next/link";
import type { ReactNode } from "react";
import type { Article } from "@/lib/schema";

interface ArticleHeaderProps {
  article: Pick<Article, "id" | "title" | "source" | "publishedAt" | "section">;
  summary: string;
  others: Array<Pick<Article, "id" | "title">>;
  /** Replaces the links to the bundled article's /data files, e.g. with downloads built in the browser. */
  downloads?: ReactNode;
  /** Links to the site's other pages, at the end of the brand line. */
  nav?: ReactNode;
  /** The "Tradefigures" line; off where the page above already shows it. */
  brand?: boolean;
}

const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/** Title, source, date and the one-line summary; an article picker when there is more than one seed. */
export function ArticleHeader({ article, summary, others, downloads, nav, brand = true }: ArticleHeaderProps) {
  return (
    <header className="article-header">
      {brand ? (
        <p className="brand">
          <Link href="/" prefetch={false}>
            Tradefigures
          </Link>
          {article.section ? <span> · {article.section}</span> : null}
          {nav ? <span className="site-nav">{nav}</span> : null}
        </p>
      ) : null}
      <h1>{article.title}</h1>
      <p className="meta">
        {article.source} ·{" "}
        <time dateTime={article.publishedAt}>{longDate.format(new Date(`${article.publishedAt}T00:00:00Z`))}</time>
      </p>
      <p className="summary" data-testid="summary">
        {summary}
      </p>
      <nav className="downloads" aria-label="Downloads">
        {downloads ?? (
          <>
            <a href="/data/claims.csv" download>
              CSV
            </a>
            <a href="/data/claims-excel.csv" download title="UTF-8 with a byte order mark, which Excel reads">
              CSV for Excel
            </a>
            <a href="/data/claims.json">JSON</a>
            <a href="/data/datapackage.json">Data Package</a>
          </>
        )}
      </nav>
      {others.length ? (
        <nav className="picker" aria-label="Other articles">
          {others.map((o) => (
            <Link key={o.id} href={`/articles/${o.id}`}>
              {o.title}
            </Link>
          ))}
        </nav>
      ) : null}
    </header>
  );
}
