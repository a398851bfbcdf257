import { claimsDataPackage } from "@/lib/export/datapackage";
import { bundledDataset } from "@/lib/server/seed-datasets";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(claimsDataPackage(bundledDataset().article));
}
