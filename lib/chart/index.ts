/**
 * lib/chart owns the chart layouts: d3 (today d3-scale, d3-array and d3-format) turns claims into positions,
 * ticks, bars and wrapped labels as plain data, and React in app/_components/charts draws every SVG node from it.
 * Pure and unit-tested, no DOM. It imports only lib/schema, lib/enums, lib/display and d3: never React, Next,
 * lib/server or another lib/ folder.
 */

import type { Claim } from "../schema";
import { moneyChart } from "./money";
import { positionChart } from "./positions";
import { tariffChart } from "./tariffs";
import { CHART_WIDTH } from "./width";

/** All three chart layouts for an article, computed once (on the server or in the /analyze worker); pages draw them. */
export function chartLayouts(claims: readonly Claim[], textLength: number, width = CHART_WIDTH) {
  const figures = claims.filter((c) => c.kind !== "date");
  return {
    money: moneyChart(figures, { width }),
    tariffs: tariffChart(figures, { width }),
    positions: positionChart(claims, { width, textLength }),
  };
}

/** The three layouts, as chartLayouts builds them: what the dashboard's charts take. */
export type ChartLayouts = ReturnType<typeof chartLayouts>;
