import type { Claim } from "../schema";
import { moneyChart } from "./money";
import { positionChart } from "./positions";
import { tariffChart } from "./tariffs";
import { CHART_WIDTH } from "./width";

/** All three chart layouts for an article, computed once on the server; the browser only draws them. */
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
