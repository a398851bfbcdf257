"use client";

import { type ReactNode, useRef } from "react";
import "../charts.css";
import { downloadPng, downloadSvg } from "./exportChart";

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
  children: ReactNode;
}

/** Title and caption, the plot, then the data table and downloads, as Datawrapper lays out a chart. */
export function ChartFrame({ testId, title, caption, fileName, data, emptyNote, children }: ChartFrameProps) {
  const figure = useRef<HTMLElement>(null);
  const withSvg = (save: (svg: SVGSVGElement, name: string) => void, extension: string) => () => {
    const svg = figure.current?.querySelector<SVGSVGElement>("svg.chart-svg");
    if (svg) save(svg, `${fileName}.${extension}`);
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
              <button type="button" onClick={withSvg(downloadSvg, "svg")}>
                Download SVG
              </button>
              <button type="button" onClick={withSvg(downloadPng, "png")}>
                Download PNG
              </button>
            </div>
          </div>
        </>
      )}
    </figure>
  );
}
