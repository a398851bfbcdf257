import { chartLayouts } from "@/lib/chart/index";
import type { ArticleDataset } from "@/lib/server/seed-datasets";
import { summarise } from "@/lib/display/format";
import { paramsFromRecord, parseViewState } from "@/lib/explore/view-state";
import { ArticleHeader } from "./ArticleHeader";
import { Dashboard } from "./Dashboard";

interface ArticlePageProps {
  dataset: ArticleDataset;
  others: ArticleDataset[];
  searchParams: Record<string, string | string[] | undefined>;
}

/** Server side of an article's page: parse the view from the URL once and hand plain data to the dashboard. */
export function ArticlePage({ dataset, others, searchParams }: ArticlePageProps) {
  const { article, claims } = dataset;
  return (
    <main>
      <ArticleHeader
        article={article}
        summary={summarise(claims)}
        others={others.map((o) => o.article)}
        nav={<a href="/analyze">Analyse your own article</a>}
      />
      <Dashboard
        articleId={article.id}
        charts={chartLayouts(claims, article.text.length)}
        text={article.text}
        claims={claims}
        initialView={parseViewState(paramsFromRecord(searchParams))}
      />
    </main>
  );
}
