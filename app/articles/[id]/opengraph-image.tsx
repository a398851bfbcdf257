import { datasetById, seedDatasets } from "@/lib/server/seed-datasets";
import { articleOgImage, OG_SIZE } from "../../_components/og-image";

export const dynamic = "force-static";
export const dynamicParams = false;
export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The article's title and its key trade figures";

export function generateStaticParams(): Array<{ id: string }> {
  return seedDatasets().map((d) => ({ id: d.article.id }));
}

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const dataset = datasetById((await params).id);
  if (!dataset) throw new Error("no such article");
  return articleOgImage(dataset);
}
