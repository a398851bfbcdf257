import { ImageResponse } from "next/og";
import { keyFigures } from "@/lib/chart/key-figures";
import type { ArticleDataset } from "@/lib/server/seed-datasets";

export const OG_SIZE = { width: 1200, height: 630 };

const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
const COLOURS: Record<string, string> = {
  trade_balance: "#0b5cad",
  trade_volume: "#0a7a55",
  exports: "#8a6100",
  imports: "#7a3db8",
  tariff_rate: "#a34400",
};

/** The preview a link to an article's page unfurls into: its title and up to four of its key figures. */
export function articleOgImage({ article, claims }: ArticleDataset): ImageResponse {
  const figures = keyFigures(claims).slice(0, 4);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        padding: 56,
        background: "#ffffff",
        color: "#1b1f24",
      }}
    >
      <div style={{ fontSize: 24, fontWeight: 700, letterSpacing: 2, color: "#57606a" }}>TRADEFIGURES</div>
      <div style={{ fontSize: 52, fontWeight: 700, marginTop: 16, lineHeight: 1.15 }}>{article.title}</div>
      <div style={{ fontSize: 26, color: "#57606a", marginTop: 12 }}>
        {`${article.source} · ${longDate.format(new Date(`${article.publishedAt}T00:00:00Z`))}`}
      </div>
      <div style={{ display: "flex", gap: 20, marginTop: "auto" }}>
        {figures.map((f) => (
          <div
            key={f.id}
            style={{
              display: "flex",
              flexDirection: "column",
              flex: 1,
              padding: 20,
              border: "2px solid #d0d7de",
              borderTop: `8px solid ${COLOURS[f.metric] ?? "#57606a"}`,
              borderRadius: 12,
            }}
          >
            <div style={{ fontSize: 20, color: "#57606a" }}>
              {f.modality ? `${f.metricLabel} · ${f.modality}` : f.metricLabel}
            </div>
            <div style={{ fontSize: 34, fontWeight: 700, marginTop: 6 }}>{f.value}</div>
            <div style={{ fontSize: 20, marginTop: 6 }}>{f.what}</div>
          </div>
        ))}
      </div>
    </div>,
    OG_SIZE,
  );
}
