import type { Dataset } from "@/lib/schema";
import { bundledDataset } from "@/lib/server/seed-datasets";
import { dataFile } from "@/lib/server/data-file";

export const dynamic = "force-static";

export function GET(): Response {
  const { article, claims } = bundledDataset();
  const dataset: Dataset = { articleId: article.id, claims };
  return dataFile(JSON.stringify(dataset), { "Content-Type": "application/json" });
}
