"use client";

import { createContext, useContext } from "react";
import type { Claim } from "@/lib/schema";

/** What a chart's downloads need beyond its layout: the article's claims, its source line and its file name. */
export interface ChartArticle {
  claims: readonly Claim[];
  /** "AP / Reuters" and "2025-05-06", for the source line of an exported image. */
  publisher: string;
  publishedAt: string;
  /** "carney-tells-trump": files are named after the article. */
  fileStem: string;
}

export const ChartArticleContext = createContext<ChartArticle | null>(null);

export function useChartArticle(): ChartArticle | null {
  return useContext(ChartArticleContext);
}
