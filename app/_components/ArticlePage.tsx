import { Suspense } from "react";
import { chartLayouts } from "@/lib/chart/index";
import { keyFigures } from "@/lib/chart/key-figures";
import { impliedUsdRates } from "@/lib/chart/rates";
import { articleFileStem } from "@/lib/export/file-name";
import type { ArticleDataset } from "@/lib/server/seed-datasets";
import { summarise } from "@/lib/display/format";
import { packLayouts } from "@/lib/chart/transport";
import { packClaims } from "@/lib/explore/transport";
import { VIEW_PENDING_SCRIPT } from "@/lib/explore/view-state";
import { ArticleHeader } from "./ArticleHeader";
import { KeyFigures } from "./KeyFigures";
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
      <a className="skip-link" href="#figures">
        Skip to the figures table
      </a>
      <ArticleHeader
        article={article}
        summary={summarise(claims)}
        others={others.map((o) => o.article)}
        nav={<a href="/analyze">Analyse your own article</a>}
      />
      <nav className="jump-bar" aria-label="Jump to">
        <a href="#key-figures">Key figures</a>
        <a href="#charts">Charts</a>
        <a href="#figures">Table</a>
        <a href="#source-heading">Source</a>
      </nav>
      <KeyFigures figures={keyFigures(claims)} />
      <script dangerouslySetInnerHTML={{ __html: VIEW_PENDING_SCRIPT }} />
      <Suspense>
        <SeedDashboard
          text={article.text}
          title={article.title}
          source={article.source}
          publishedAt={article.publishedAt}
          fileStem={articleFileStem(article)}
          usdRates={[...impliedUsdRates(claims)]}
          claims={packClaims(article.id, claims)}
          charts={packLayouts(chartLayouts(claims, article.text.length))}
        />
      </Suspense>
    </main>
  );
}
