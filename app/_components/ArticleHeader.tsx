import Link from "next/link";
import type { Article } from "@/lib/schema";

interface ArticleHeaderProps {
  article: Pick<Article, "id" | "title" | "source" | "publishedAt" | "section">;
  summary: string;
  others: Array<Pick<Article, "id" | "title">>;
}

const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/** Title, source, date and the one-line summary; an article picker when there is more than one seed. */
export function ArticleHeader({ article, summary, others }: ArticleHeaderProps) {
  return (
    <header className="article-header">
      <p className="brand"><Link href="/">Tradefigures</Link>{article.section ? <span> · {article.section}</span> : null}</p>
      <h1>{article.title}</h1>
      <p className="meta">
        {article.source} · <time dateTime={article.publishedAt}>{longDate.format(new Date(`${article.publishedAt}T00:00:00Z`))}</time>
      </p>
      <p className="summary" data-testid="summary">{summary}</p>
      <nav className="downloads" aria-label="Downloads">
        <a href="/data/claims.csv" download>CSV</a>
        <a href="/data/claims.json">JSON</a>
        <a href="/data/datapackage.json">Data Package</a>
      </nav>
      {others.length ? (
        <nav className="picker" aria-label="Other articles">
          {others.map((o) => <Link key={o.id} href={`/articles/${o.id}`}>{o.title}</Link>)}
        </nav>
      ) : null}
    </header>
  );
}
