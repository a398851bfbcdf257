import { claimsToExcelCsv } from "@/lib/export/csv";
import { articleFileStem } from "@/lib/export/file-name";
import { bundledDataset } from "@/lib/server/seed-datasets";
import { csvFile } from "@/lib/server/data-file";

export const dynamic = "force-static";

/** claims.csv with a UTF-8 byte order mark, so that Excel reads its quotes and accents as they are. */
export function GET(): Response {
  const { article, claims } = bundledDataset();
  return csvFile(claimsToExcelCsv(claims), `${articleFileStem(article)}-claims-excel.csv`);
}
