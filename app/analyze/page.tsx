import type { Metadata } from "next";
import { connection } from "next/server";
import { todayUtc } from "@/lib/defaults";
import { paramsFromRecord, parseViewState } from "@/lib/explore/view-state";
import { AnalyzeApp } from "./_components/AnalyzeApp";
import "./analyze.css";

export const metadata: Metadata = {
  title: "Analyse your own article · Tradefigures",
  description:
    "Paste or drop a trade article: its figures are extracted in your browser, charted, tabled and kept on this machine only.",
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AnalyzePage({ searchParams }: Props) {
  // Rendered per request: the page's scripts carry the request's CSP nonce.
  await connection();
  const params = paramsFromRecord(await searchParams);
  return (
    <main>
      <AnalyzeApp initialArticleId={params.get("article")} initialView={parseViewState(params)} today={todayUtc()} />
    </main>
  );
}
