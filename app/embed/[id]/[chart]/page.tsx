import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { chartLayouts } from "@/lib/chart/index";
import { keyFigures } from "@/lib/chart/key-figures";
import { packLayouts } from "@/lib/chart/transport";
import { packClaims } from "@/lib/explore/transport";
import { bundledDataset, datasetById, seedDatasets } from "@/lib/server/seed-datasets";
import { EmbedChart, type EmbedChartName } from "../../../_components/EmbedChart";
import { KeyFigures } from "../../../_components/KeyFigures";

interface Props {
  params: Promise<{ id: string; chart: string }>;
}

/** What can be embedded: each chart, and the key-figure row. */
const EMBED_CHARTS = ["money", "tariffs", "positions"] as const satisfies readonly EmbedChartName[];
const VIEWS = [...EMBED_CHARTS, "key-figures"] as const;
type View = (typeof VIEWS)[number];

const TITLES: Record<View, string> = {
  money: "Money figures",
  tariffs: "Tariff rates",
  positions: "Where the figures are",
  "key-figures": "Key trade figures",
};

// Prerendered, like the article pages; only these may be framed by another site (their own frame-ancestors).
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams(): Array<{ id: string; chart: string }> {
  return seedDatasets().flatMap((d) => VIEWS.map((chart) => ({ id: d.article.id, chart })));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, chart } = await params;
  const dataset = datasetById(id);
  if (!dataset || !(VIEWS as readonly string[]).includes(chart)) return {};
  return { title: `${TITLES[chart as View]}: ${dataset.article.title} · Tradefigures`, robots: { index: false } };
}

const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

export default async function Embed({ params }: Props) {
  const { id, chart } = await params;
  const dataset = datasetById(id);
  if (!dataset || !(VIEWS as readonly string[]).includes(chart)) notFound();
  const { article, claims } = dataset;
  const view = chart as View;
  // The bundled article lives at /, the others at /articles/<id>; its data files are the bundled article's.
  const articlePath = dataset === bundledDataset() ? "/" : `/articles/${article.id}`;
  const date = longDate.format(new Date(`${article.publishedAt}T00:00:00Z`));
  return (
    <main className="embed" data-testid="embed">
      <p className="embed-title">
        <a href={articlePath} target="_blank" rel="noopener">
          {article.title}
        </a>
      </p>
      {view === "key-figures" ? (
        <KeyFigures figures={keyFigures(claims)} linkBase={articlePath} />
      ) : (
        <EmbedChart
          chart={view as EmbedChartName}
          claims={packClaims(article.id, claims)}
          charts={packLayouts(chartLayouts(claims, article.text.length))}
          articlePath={articlePath}
        />
      )}
      <p className="embed-source">
        Source: {article.source}, {date} · figures extracted by{" "}
        <a href={articlePath} target="_blank" rel="noopener">
          Tradefigures
        </a>{" "}
        ·{" "}
        <a
          href={view === "key-figures" ? "/data/claims.csv" : `/data/chart-${view}.csv`}
          target="_blank"
          rel="noopener"
          download
        >
          Get the data
        </a>
      </p>
    </main>
  );
}
