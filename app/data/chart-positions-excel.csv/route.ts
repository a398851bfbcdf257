import { csvFile } from "@/lib/server/data-file";
import { bundledChartCsv } from "@/lib/server/seed-datasets";

export const dynamic = "force-static";

export function GET(): Response {
  const { body, fileName } = bundledChartCsv("positions", { excel: true });
  return csvFile(body, fileName);
}
