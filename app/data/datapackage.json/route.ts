import { claimsDataPackage } from "@/lib/datapackage";
import { bundledDataset } from "@/lib/datasets";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(claimsDataPackage(bundledDataset().article));
}
