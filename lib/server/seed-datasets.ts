/**
 * lib/server owns what runs only in Node: seed articles loaded and validated from seeds/ (seeds.ts) and their
 * datasets for the pages and /data routes (seed-datasets.ts), POST /api/extract (extract-request.ts) and the worker
 * threads it extracts on (extract-pool.ts, extract-worker.ts, dataset-json.ts), the security headers that proxy.ts
 * and next.config.mjs send (security-headers.ts and .json), the /data files' ETag (data-file.ts), and the CLI (cli.ts). It may import anything in lib/
 * and node:* built-ins, but never React or Next; no other lib/ folder imports it, only app's server code (pages,
 * route handlers), proxy.ts and the tests.
 */

import { chartLayouts } from "../chart/index";
import { type ChartName, chartOf, chartToCsv } from "../export/chart-csv";
import { csvForExcel } from "../export/csv";
import { articleFileStem } from "../export/file-name";
import { extractArticle } from "../extract/article";
import type { Article, Claim } from "../schema";
import { loadSeeds } from "./seeds";

/** Every seed article with its validated dataset, read once per server process. */

export interface ArticleDataset {
  article: Article;
  claims: Claim[];
}

let cache: ArticleDataset[] | null = null;

export function seedDatasets(): ArticleDataset[] {
  cache ??= loadSeeds().map((article) => ({ article, claims: extractArticle(article).claims }));
  return cache;
}

/** The bundled article shown at "/" and served at /data/*: the first seed. */
export function bundledDataset(): ArticleDataset {
  const first = seedDatasets()[0];
  if (!first) throw new Error("seeds/ holds no article");
  return first;
}

export function datasetById(id: string): ArticleDataset | undefined {
  return seedDatasets().find((d) => d.article.id === id);
}

/**
 * One chart of the bundled article as the CSV of its marks (/data/chart-<name>.csv, and -excel.csv with a byte order
 * mark), laid out as its page lays it out, and the file name a download gets.
 */
export function bundledChartCsv(name: ChartName, { excel = false } = {}): { body: string; fileName: string } {
  const { article, claims } = bundledDataset();
  const csv = chartToCsv(chartOf(chartLayouts(claims, article.text.length), name), claims);
  return {
    body: excel ? csvForExcel(csv) : csv,
    fileName: `${articleFileStem(article)}-chart-${name}${excel ? "-excel" : ""}.csv`,
  };
}
