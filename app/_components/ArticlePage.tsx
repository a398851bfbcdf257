import { chartLayouts } from "@/lib/chart/layouts";
import type { ArticleDataset } from "@/lib/datasets";
import { summarise } from "@/lib/format";
import { parseViewState } from "@/lib/view-state";
import { ArticleHeader } from "./ArticleHeader";
import { Dashboard } from "./Dashboard";

interface ArticlePageProps {
  dataset: ArticleDataset;
  others: ArticleDataset[];
  searchParams: Record<string, string | string[] | undefined>;
}

function toParams(raw: ArticlePageProps["searchParams"]): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") params.set(key, value);
  return params;
}

/** Server side of an article's page: parse the view from the URL once and hand plain data to the dashboard. */
export function ArticlePage({ dataset, others, searchParams }: ArticlePageProps) {
  const { article, claims } = dataset;
  return (
    <main>
      <ArticleHeader article={article} summary={summarise(claims)} others={others.map((o) => o.article)} />
      <Dashboard articleId={article.id} charts={chartLayouts(claims, article.text.length)} text={article.text} claims={claims} initialView={parseViewState(toParams(searchParams))} />
    </main>
  );
}
