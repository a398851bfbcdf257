import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticlePage } from "../../_components/ArticlePage";
import { summarise } from "@/lib/display/format";
import { datasetById, seedDatasets } from "@/lib/server/seed-datasets";

interface Props {
  params: Promise<{ id: string }>;
}

// Every seed article is prerendered at build time and served as a file; any other id is a 404.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams(): Array<{ id: string }> {
  return seedDatasets().map((d) => ({ id: d.article.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dataset = datasetById((await params).id);
  if (!dataset) return {};
  const title = `${dataset.article.title} · Tradefigures`;
  const description = summarise(dataset.claims);
  return {
    title,
    description,
    openGraph: { type: "article", siteName: "Tradefigures", title, description },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function Article({ params }: Props) {
  const { id } = await params;
  const dataset = datasetById(id);
  if (!dataset) notFound();
  const others = seedDatasets().filter((d) => d !== dataset);
  return <ArticlePage dataset={dataset} others={others} />;
}
