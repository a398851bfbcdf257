import { ArticlePage } from "./_components/ArticlePage";
import { bundledDataset, seedDatasets } from "@/lib/server/seed-datasets";

export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const dataset = bundledDataset();
  const others = seedDatasets().filter((d) => d !== dataset);
  return <ArticlePage dataset={dataset} others={others} searchParams={await searchParams} />;
}
