import { createColumnHelper } from "@tanstack/react-table";
import { CHANGE_LABEL, MODALITY_LABEL, formatClaimValue, shownSentence } from "@/lib/display/format";
import { METRIC_STYLE } from "@/lib/display/palette";
import type { Claim } from "@/lib/schema";
import type { SortableColumn } from "@/lib/explore/view-state";
import type { ClaimTableFeatures } from "./features";

const helper = createColumnHelper<ClaimTableFeatures, Claim>();

/** Column headers as the reader sees them; ids match the URL's sort keys. */
export const COLUMN_LABELS: Record<SortableColumn, string> = {
  quote: "Quote",
  value: "Value",
  unit: "Unit",
  change: "Change",
  metric: "Metric",
  subject: "Subject",
  period: "Period",
  sentence: "Sentence",
};

export const claimColumns = helper.columns([
  helper.accessor("quote", { id: "quote", header: COLUMN_LABELS.quote }),
  helper.accessor("value", {
    id: "value",
    header: COLUMN_LABELS.value,
    // Sorted as a number; shown formatted.
    cell: (info) => formatClaimValue(info.row.original),
  }),
  helper.accessor((c) => c.unit ?? "", {
    id: "unit",
    header: COLUMN_LABELS.unit,
    cell: (info) => {
      const c = info.row.original;
      return c.unit === null ? (
        "—"
      ) : c.currencyBasis === "inferred" ? (
        <span title="Currency inferred from the article's convention">
          {c.unit}
          <sup aria-label="inferred">*</sup>
        </span>
      ) : (
        c.unit
      );
    },
  }),
  helper.accessor((c) => CHANGE_LABEL[c.change], { id: "change", header: COLUMN_LABELS.change }),
  helper.accessor((c) => METRIC_STYLE[c.metric].label, {
    id: "metric",
    header: COLUMN_LABELS.metric,
    cell: (info) => {
      const c = info.row.original;
      const modality = MODALITY_LABEL[c.modality];
      return (
        <>
          <span className={`metric metric-${c.metric}`}>{info.getValue()}</span>
          {modality && (
            <span className="modality" title={`Not in force: the article says it is ${modality}`}>
              {modality}
            </span>
          )}
        </>
      );
    },
  }),
  helper.accessor((c) => c.subject ?? "", { id: "subject", header: COLUMN_LABELS.subject }),
  helper.accessor((c) => c.period ?? "", {
    id: "period",
    header: COLUMN_LABELS.period,
    cell: (info) => {
      const c = info.row.original;
      if (!c.period) return "—";
      return c.periodBasis === "explicit" ? (
        c.period
      ) : (
        <span
          title={
            c.periodBasis === "context" ? "Taken from the previous sentence" : "Resolved against the publication date"
          }
        >
          {c.period}
          <sup aria-label={c.periodBasis ?? undefined}>{c.periodBasis === "context" ? "†" : "*"}</sup>
        </span>
      );
    },
  }),
  helper.accessor("sentence", {
    id: "sentence",
    header: COLUMN_LABELS.sentence,
    // Sorted by the whole sentence; shown up to a paragraph, so a megabyte-long sentence costs the page no layout.
    cell: (info) => <span className="sentence-cell">{shownSentence(info.getValue())}</span>,
  }),
]);
