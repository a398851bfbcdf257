import type { Metadata } from "next";
import { TableBench } from "./TableBench";

export const metadata: Metadata = { title: "Table benchmark · Tradefigures", robots: { index: false } };

/** The figures table with generated rows, for `npm run bench:table` (?rows=100000). */
export default async function TableBenchPage({ searchParams }: { searchParams: Promise<{ rows?: string }> }) {
  const rows = Math.min(Math.max(Number((await searchParams).rows) || 100_000, 1), 200_000);
  return (
    <main>
      <h1>Table benchmark: {rows.toLocaleString("en")} generated rows</h1>
      <TableBench rows={rows} />
    </main>
  );
}
