import type { MoneyChartLayout } from "../../../lib/chart/money";
import type { PositionChartLayout } from "../../../lib/chart/positions";
import type { TariffChartLayout } from "../../../lib/chart/tariffs";

/** What every chart takes: its layout, computed on the server, and the dashboard's one selection. */
export interface ChartProps<Layout> {
  layout: Layout;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The three layouts, computed with d3 on the server (lib/chart) so no d3 code ships to the browser. */
export interface ChartLayouts {
  money: MoneyChartLayout;
  tariffs: TariffChartLayout;
  positions: PositionChartLayout;
}

export { CHART_WIDTH } from "../../../lib/chart/width";
