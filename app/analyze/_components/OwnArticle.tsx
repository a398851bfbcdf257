"use client";

import { impliedUsdRates } from "@/lib/chart/rates";
import { articleFileStem } from "@/lib/export/file-name";
import { useEffect, useMemo, useRef, useState } from "react";
import { claimsToCsv, claimsToExcelCsv } from "@/lib/export/csv";
import { downloadSizeProblem } from "@/lib/export/download-size";
import { summarise } from "@/lib/display/format";
import type { Dataset } from "@/lib/schema";
import type { StoredArticle } from "@/lib/store/library-file";
import type { ViewState } from "@/lib/explore/view-state";
import { ArticleHeader } from "../../_components/ArticleHeader";
import { Dashboard } from "../../_components/Dashboard";
import { downloadText } from "../../_components/download";
import type { ArticleView } from "../protocol";

interface OwnArticleProps {
  article: StoredArticle;
  view: ArticleView;
  initialView: ViewState;
  saveProblem: string | null;
  reveal: boolean;
}

/** A reader's article in the same header and dashboard as the bundled one; its downloads are built in the browser. */
export function OwnArticle({ article, view, initialView, saveProblem, reveal }: OwnArticleProps) {
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (reveal) section.current?.scrollIntoView({ block: "start" });
  }, [reveal]);
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const usdRates = useMemo(() => impliedUsdRates(article.claims), [article.claims]);
  // CSV and JSON repeat each claim's sentence: checked before building, so a huge file is refused, not attempted.
  const ifSmallEnough = (build: () => void) => () => {
    const problem = downloadSizeProblem(article.claims);
    setDownloadProblem(problem);
    if (!problem) build();
  };
  const stem = articleFileStem(article);
  const downloads = (
    <>
      <button
        type="button"
        className="link-button"
        onClick={ifSmallEnough(() =>
          downloadText(`${stem}-claims.csv`, claimsToCsv(article.claims), "text/csv;charset=utf-8"),
        )}
      >
        CSV
      </button>
      <button
        type="button"
        className="link-button"
        title="UTF-8 with a byte order mark, which Excel reads"
        onClick={ifSmallEnough(() =>
          downloadText(`${stem}-claims-excel.csv`, claimsToExcelCsv(article.claims), "text/csv;charset=utf-8"),
        )}
      >
        CSV for Excel
      </button>
      <button
        type="button"
        className="link-button"
        onClick={ifSmallEnough(() =>
          downloadText(
            `${stem}-claims.json`,
            JSON.stringify({ articleId: article.id, claims: article.claims } satisfies Dataset, null, 2),
            "application/json",
          ),
        )}
      >
        JSON
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() =>
          downloadText(`${stem}-datapackage.json`, JSON.stringify(view.dataPackage, null, 2), "application/json")
        }
      >
        Data Package
      </button>
    </>
  );
  return (
    <section ref={section} className="own-article" aria-label="Your article's figures" data-testid="own-article">
      <ArticleHeader
        article={article}
        summary={summarise(article.claims)}
        others={[]}
        downloads={downloads}
        brand={false}
      />
      {saveProblem ? (
        <p className="notice warn" role="alert" data-testid="save-problem">
          {saveProblem}
        </p>
      ) : null}
      {downloadProblem ? (
        <p className="notice warn" role="alert" data-testid="download-problem">
          {downloadProblem}
        </p>
      ) : null}
      <Dashboard
        key={article.id}
        articleId={article.id}
        charts={view.charts}
        text={article.text}
        claims={article.claims}
        initialView={initialView}
        pageParams={{ article: article.id }}
        about={{ source: article.source, publishedAt: article.publishedAt, fileStem: articleFileStem(article) }}
        usdRates={usdRates}
      />
    </section>
  );
}
