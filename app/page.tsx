import type { Metadata } from "next";
import { ArticlePage } from "./_components/ArticlePage";
import { summarise } from "@/lib/display/format";
import { bundledDataset, seedDatasets } from "@/lib/server/seed-datasets";

// Prerendered at build time and served as a file: the view in the URL is applied in the browser.
export const dynamic = "force-static";

export function generateMetadata(): Metadata {
  const { article, claims } = bundledDataset();
  const title = `${article.title} · Tradefigures`;
  const description = summarise(claims);
  return {
    title,
    description,
    openGraph: { type: "article", siteName: "Tradefigures", title, description },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default function Home() {
  const dataset = bundledDataset();
  const others = seedDatasets().filter((d) => d !== dataset);
  return <ArticlePage dataset={dataset} others={others} />;
}
