import { claimsToCsv } from "@/lib/export/csv";
import { articleFileStem } from "@/lib/export/file-name";
import { bundledDataset } from "@/lib/server/seed-datasets";
import { csvFile } from "@/lib/server/data-file";

export const dynamic = "force-static";

/** RFC 4180, UTF-8 without a byte order mark: for code and for every spreadsheet but Excel (claims-excel.csv). */
export function GET(): Response {
  const { article, claims } = bundledDataset();
  return csvFile(claimsToCsv(claims), `${articleFileStem(article)}-claims.csv`);
}
