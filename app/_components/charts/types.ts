/** What every chart takes: its layout, computed on the server, and the dashboard's one selection. */
export interface ChartProps<Layout> {
  layout: Layout;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The three layouts, computed with d3 on the server (lib/chart) so no d3 code ships to the browser. */
export type { ChartLayouts } from "../../../lib/chart/index";

export { CHART_WIDTH } from "../../../lib/chart/width";
