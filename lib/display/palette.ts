import { METRICS } from "../enums";
import type { Metric } from "../schema";

/**
 * Colours by metric from the Okabe–Ito palette (safe for the common colour-vision deficiencies), each with a
 * darker twin for text on light backgrounds and a lighter one for dark backgrounds. Labels are the words the UI
 * shows for each metric.
 */
export const METRIC_STYLE: Record<
  Metric,
  { label: string; plural: string; color: string; light: string; dark: string }
> = {
  trade_balance: { label: "Trade balance", plural: "balance", color: "#0072B2", light: "#005A8C", dark: "#56B4E9" },
  trade_volume: { label: "Trade volume", plural: "volume", color: "#009E73", light: "#00704F", dark: "#3DD6A8" },
  exports: { label: "Exports", plural: "export", color: "#E69F00", light: "#8A5A00", dark: "#F0B840" },
  imports: { label: "Imports", plural: "import", color: "#CC79A7", light: "#9A3F73", dark: "#E3A3C7" },
  tariff_rate: { label: "Tariff rate", plural: "tariff", color: "#D55E00", light: "#A34400", dark: "#FF8A3D" },
  other: { label: "Other", plural: "other", color: "#6E7781", light: "#57606A", dark: "#9BA4AE" },
};

/**
 * The same colours as the CSS custom properties `--m-<metric>` that the table's chips and the source's highlights use:
 * the light twins by default, the dark ones under prefers-color-scheme: dark. The root layout puts this in a <style>
 * (pages' style-src allows inline styles), so the hex values are written only above.
 */
export function metricColourCss(): string {
  const properties = (tone: "light" | "dark") => METRICS.map((m) => `--m-${m}: ${METRIC_STYLE[m][tone]};`).join(" ");
  return `:root { ${properties("light")} }\n@media (prefers-color-scheme: dark) { :root { ${properties("dark")} } }\n`;
}
