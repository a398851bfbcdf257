"use client";

import { type ReactNode, useRef } from "react";
import type { ChartOf } from "@/lib/export/chart-csv";
import { METRIC_STYLE } from "@/lib/display/palette";
import "../charts.css";
import { downloadText } from "../download";
import { useChartArticle } from "./ChartContext";
import type { ChartExportDescription } from "./exportChart";

export interface DataTable {
  columns: string[];
  rows: { id: string; cells: string[] }[];
}

interface ChartFrameProps {
  testId: string;
  title: string;
  caption: string;
  /** Without extension: "chart-money" gives chart-money.svg and chart-money.png. */
  fileName: string;
  /** The text alternative: every mark's quote and value. No rows means no chart, only `emptyNote`. */
  data: DataTable;
  emptyNote: string;
  /** The chart's layout by name: its "Get the data" CSV has exactly its marks (lib/export/chart-csv). */
  chart?: ChartOf;
  children: ReactNode;
}

/** Title and caption, the plot, then the data table and downloads, as Datawrapper lays out a chart. */
export function ChartFrame({ testId, title, caption, fileName, data, emptyNote, chart, children }: ChartFrameProps) {
  const figure = useRef<HTMLElement>(null);
  const article = useChartArticle();
  const stem = article ? `${article.fileStem}-${fileName}` : fileName;
  // The download code (image composition, CSV writing) loads on the first click: it is not the page's first-load JS.
  const saveImage = (kind: "svg" | "png") => async () => {
    const svg = figure.current?.querySelector<SVGSVGElement>("svg.chart-svg");
    if (!svg) return;
    const { chartSourceLine, downloadPng, downloadSvg } = await import("./exportChart");
    // Title, source line, notes and key: what a reader needs of the chart once it is pasted somewhere else.
    const metrics = [...new Set((chart ? marksOf(chart) : []).map((m) => m.claim.metric))];
    const description: ChartExportDescription = {
      title,
      source: article ? chartSourceLine(article.publisher, article.publishedAt) : "Source: Tradefigures",
      notes: [caption],
      key: metrics.map((m) => ({ label: METRIC_STYLE[m].label, colour: METRIC_STYLE[m].light })),
    };
    (kind === "svg" ? downloadSvg : downloadPng)(svg, `${stem}.${kind}`, description);
  };
  const getData = (excel: boolean) => async () => {
    if (!chart || !article) return;
    const [{ chartToCsv }, { csvForExcel }] = await Promise.all([
      import("@/lib/export/chart-csv"),
      import("@/lib/export/csv"),
    ]);
    const csv = chartToCsv(chart, article.claims);
    downloadText(`${stem}${excel ? "-excel" : ""}.csv`, excel ? csvForExcel(csv) : csv, "text/csv;charset=utf-8");
  };
  const empty = data.rows.length === 0;
  return (
    <figure className="chart" data-testid={testId} ref={figure}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-caption">{empty ? emptyNote : caption}</span>
      </figcaption>
      {!empty && (
        <>
          <div className="chart-plot">{children}</div>
          <div className="chart-footer">
            <details className="chart-data">
              <summary>Data</summary>
              <table>
                <thead>
                  <tr>
                    {data.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={row.id}>
                      {row.cells.map((cell, i) => (
                        <td key={i}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <div className="chart-actions">
              {chart && article ? (
                <>
                  <button type="button" onClick={getData(false)} data-testid={`${testId}-csv`}>
                    Get the data
                  </button>
                  <button
                    type="button"
                    className="excel"
                    onClick={getData(true)}
                    title="UTF-8 with a byte order mark, which Excel reads"
                  >
                    CSV for Excel
                  </button>
                </>
              ) : null}
              <button type="button" onClick={saveImage("svg")}>
                Download SVG
              </button>
              <button type="button" onClick={saveImage("png")}>
                Download PNG
              </button>
            </div>
          </div>
        </>
      )}
    </figure>
  );
}

/** The marks a chart draws, whatever its kind (for its key). */
function marksOf(chart: ChartOf): Array<{ claim: { metric: keyof typeof METRIC_STYLE } }> {
  switch (chart.name) {
    case "money":
      return chart.layout.panels.flatMap((p) => p.bars);
    case "tariffs":
      return chart.layout.bars;
    case "positions":
      return chart.layout.marks;
  }
}
