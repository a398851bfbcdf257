import type { Metadata } from "next";
import { DashboardBench } from "./DashboardBench";

export const metadata: Metadata = { title: "Dashboard benchmark · Tradefigures", robots: { index: false } };

const bounded = (raw: string | undefined, fallback: number, max: number) =>
  Math.min(Math.max(Number(raw) || fallback, 1), max);

/** The whole dashboard over a generated article, for `npm run bench:dashboard` (?claims=50000&chars=10000000&transition=1). */
export default async function DashboardBenchPage({
  searchParams,
}: {
  searchParams: Promise<{ claims?: string; chars?: string; transition?: string }>;
}) {
  const params = await searchParams;
  const claims = bounded(params.claims, 50_000, 200_000);
  const chars = bounded(params.chars, 10_000_000, 20_000_000);
  return (
    <main>
      <h1>
        Dashboard benchmark: {claims.toLocaleString("en")} claims in {chars.toLocaleString("en")} characters
      </h1>
      <DashboardBench claims={claims} chars={chars} transition={params.transition === "1"} />
    </main>
  );
}
