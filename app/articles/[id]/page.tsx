import { notFound } from "next/navigation";
import { ArticlePage } from "../../_components/ArticlePage";
import { datasetById, seedDatasets } from "@/lib/server/seed-datasets";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function Article({ params, searchParams }: Props) {
  const { id } = await params;
  const dataset = datasetById(id);
  if (!dataset) notFound();
  const others = seedDatasets().filter((d) => d !== dataset);
  return <ArticlePage dataset={dataset} others={others} searchParams={await searchParams} />;
}
