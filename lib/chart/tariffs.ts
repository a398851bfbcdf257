import { format } from "d3-format";
import { scaleLinear } from "d3-scale";
import { CHANGE_LABEL, formatClaimValue, MODALITY_LABEL } from "../display/format";
import type { Claim } from "../schema";
import { linearTicks, type Tick } from "./axis";
import { barOutline, capNote, type ChartBar, FONT_SIZE, type LabelLine, layoutLabel, markClaim } from "./shapes";
import { estimateTextWidth } from "./text";

/** Tariff rates as horizontal bars by product, largest first, on a 0–100 % scale (wider only if a rate exceeds 100 %). */

export interface TariffBar extends ChartBar {
  /** Direct label at the bar's end, instead of a legend or a y axis. */
  valueLabel: { text: string; x: number; y: number };
  /** Announced, threatened, proposed or forecast, not in force: drawn hollow, and its label says which. */
  pending: boolean;
}

export interface TariffChartLayout {
  width: number;
  height: number;
  gridTop: number;
  axisY: number;
  ticks: Tick[];
  bars: TariffBar[];
  /** Tariff rates in the article; more than `bars.length` when the chart keeps only the highest. */
  total: number;
  /** Above the bars when some are left out: how many are drawn and that the table has them all. */
  note: LabelLine[];
}

/** At most this many bars, so a 10 MB article still draws a readable chart: the highest rates, as the chart sorts. */
export const TARIFF_BAR_CAP = 20;

const MARGIN = { left: 16, right: 12 };
const BAR_HEIGHT = 18;
const ROW_GAP = 18;
const percentTick = format("~f");

const isTariff = (c: Claim) => c.metric === "tariff_rate" && c.kind === "percent";

function valueText(claim: Claim): string {
  const prefix = claim.change === "=" ? "" : `${CHANGE_LABEL[claim.change]} `;
  const modality = MODALITY_LABEL[claim.modality];
  return `${prefix}${formatClaimValue(claim)}${modality ? ` · ${modality}` : ""}`;
}

export function tariffChart(claims: readonly Claim[], { width }: { width: number }): TariffChartLayout {
  // Tariffs in force first, then those only announced, threatened or proposed: a threat is not a rate anyone pays,
  // so it is drawn apart (below, pale and dashed) rather than ranked among them. Stable: equal rates keep article order.
  const pendingLast = (c: Claim) => (c.modality === "in_force" ? 0 : 1);
  const all = claims
    .filter(isTariff)
    .sort((a, b) => pendingLast(a) - pendingLast(b) || (b.valueMax ?? b.value) - (a.valueMax ?? a.value));
  const tariffs = all.slice(0, TARIFF_BAR_CAP);
  const maxValue = Math.max(100, ...tariffs.map((c) => c.valueMax ?? c.value));
  // Room at the right for the longest direct label, so a 100 % bar keeps its label outside the bar.
  // An open end's label starts after its fade (see valueLabel below), so it needs 20 px more.
  const labelRoom = Math.min(
    width * 0.4,
    Math.max(0, ...tariffs.map((c) => estimateTextWidth(valueText(c), FONT_SIZE.value) + (c.change === ">" ? 20 : 0))) +
      10,
  );
  const scale = scaleLinear()
    .domain([0, maxValue])
    .nice()
    .range([MARGIN.left, width - MARGIN.right - labelRoom]);

  const note =
    tariffs.length < all.length
      ? layoutLabel(
          [{ text: capNote(tariffs.length, all.length, "highest", "tariff rates"), role: "note" }],
          MARGIN.left,
          0,
          width - MARGIN.left - 8,
        )
      : [];
  const gridTop = (note.at(-1)?.y ?? 0) + 4 + (note.length ? 10 : 0);
  let rowTop = gridTop + 6;
  const bars = tariffs.map((claim): TariffBar => {
    const lines = layoutLabel(
      [
        {
          text: claim.subject ?? `“${claim.quote}”`,
          role: "title",
          capitalise: true,
          suffix: claim.period ? `, ${claim.period}` : "",
        },
      ],
      MARGIN.left,
      rowTop,
      width - MARGIN.left - 8,
    );
    const barY = (lines.at(-1)?.y ?? rowTop) + 8;
    const from = scale(claim.valueMax === null ? 0 : claim.value);
    const to = scale(claim.valueMax ?? claim.value);
    const openEnded = claim.change === ">";
    const text = valueText(claim);
    const bar = { x: from, y: barY, width: Math.max(1, to - from), height: BAR_HEIGHT };
    const hit = { x: 4, y: rowTop - 4, width: width - 8, height: barY + BAR_HEIGHT + 8 - (rowTop - 4) };
    rowTop = barY + BAR_HEIGHT + ROW_GAP;
    return {
      id: claim.id,
      claim: markClaim(claim),
      valueText: text,
      lines,
      bar,
      hit,
      outline: barOutline(from, to, barY, BAR_HEIGHT, openEnded),
      end: { x: to, direction: 1 },
      // An open end fades out over ~20 px, so its label starts after the fade.
      valueLabel: { text, x: to + (openEnded ? 26 : 6), y: barY + BAR_HEIGHT / 2 + 4.5 },
      openEnded,
      approximate: claim.change === "~",
      range: claim.valueMax !== null,
      pending: claim.modality !== "in_force",
    };
  });
  const axisY = rowTop - ROW_GAP + 10;
  return {
    width,
    height: bars.length ? axisY + 24 : 0,
    gridTop,
    axisY,
    ticks: linearTicks(scale, (v) => `${percentTick(v)}%`),
    bars,
    total: all.length,
    note,
  };
}
