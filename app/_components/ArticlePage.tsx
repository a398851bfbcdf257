import { Suspense } from "react";
import { chartLayouts } from "@/lib/chart/index";
import type { ArticleDataset } from "@/lib/server/seed-datasets";
import { summarise } from "@/lib/display/format";
import { packLayouts } from "@/lib/chart/transport";
import { packClaims } from "@/lib/explore/transport";
import { VIEW_PENDING_SCRIPT } from "@/lib/explore/view-state";
import { ArticleHeader } from "./ArticleHeader";
import { SeedDashboard } from "./SeedDashboard";

interface ArticlePageProps {
  dataset: ArticleDataset;
  others: ArticleDataset[];
}

/**
 * Server side of a seed article's page, prerendered at build time: it renders the default view and hands plain data
 * to the dashboard, which applies the view in the URL once it runs (the inline script hides the view's parts until
 * then, for a shared link only).
 */
export function ArticlePage({ dataset, others }: ArticlePageProps) {
  const { article, claims } = dataset;
  return (
    <main>
      <ArticleHeader
        article={article}
        summary={summarise(claims)}
        others={others.map((o) => o.article)}
        nav={<a href="/analyze">Analyse your own article</a>}
      />
      <script dangerouslySetInnerHTML={{ __html: VIEW_PENDING_SCRIPT }} />
      <Suspense>
        <SeedDashboard
          text={article.text}
          claims={packClaims(article.id, claims)}
          charts={packLayouts(chartLayouts(claims, article.text.length))}
        />
      </Suspense>
    </main>
  );
}
