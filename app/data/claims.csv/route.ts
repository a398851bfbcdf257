import { claimsToCsv } from "@/lib/export/csv";
import { bundledDataset } from "@/lib/server/seed-datasets";
import { attachment, dataFile } from "@/lib/server/data-file";

export const dynamic = "force-static";

export function GET(): Response {
  const { article, claims } = bundledDataset();
  return dataFile(claimsToCsv(claims), {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": attachment(`${article.id}-claims.csv`),
  });
}
