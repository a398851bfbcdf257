import { bundledDataset } from "@/lib/server/seed-datasets";
import { articleOgImage, OG_SIZE } from "./_components/og-image";

export const dynamic = "force-static";
export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The article's title and its key trade figures";

export default function Image() {
  return articleOgImage(bundledDataset());
}
