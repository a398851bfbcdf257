import type { Dataset } from "@/lib/schema";
import { bundledDataset } from "@/lib/server/seed-datasets";

export const dynamic = "force-static";

export function GET(): Response {
  const { article, claims } = bundledDataset();
  return Response.json({ articleId: article.id, claims } satisfies Dataset);
}
