import { claimsDataPackage } from "@/lib/export/datapackage";
import { bundledDataset } from "@/lib/server/seed-datasets";
import { dataFile } from "@/lib/server/data-file";

export const dynamic = "force-static";

export function GET(): Response {
  return dataFile(JSON.stringify(claimsDataPackage(bundledDataset().article)), { "Content-Type": "application/json" });
}
