import { charsThatFit, estimateTextWidth, wrapText } from "../../../lib/chart/text";
import { downloadBlob } from "../download";

/**
 * Chart downloads. The on-screen SVG takes its colours from CSS variables and charts.css, which a standalone file
 * does not have, so every element's computed presentation is inlined into a clone before serialising. Given a
 * description, the file is the chart as a reader would paste it into a slide or a story: its title and key above
 * it, its notes and source line below (composeExportSvg), and the PNG at twice the size.
 */

/** What a downloaded chart says around its plot. Plain data, so the frame that owns the chart can build it. */
export interface ChartExportDescription {
  title: string;
  /** The whole source line as printed, e.g. chartSourceLine("AP / Reuters", "2025-05-06"). */
  source: string;
  notes: string[];
  /** A colour is any CSS colour; a var(--…) is resolved in the page before the file is made. */
  key: { label: string; colour: string }[];
}

/** The colours and font of the text composeExportSvg adds: the page's, so a dark-theme export stays legible. */
export interface ExportTheme {
  background: string;
  text: string;
  muted: string;
  fontFamily: string;
}

export const DEFAULT_EXPORT_THEME: ExportTheme = {
  background: "#ffffff",
  text: "#1f2328",
  muted: "#57606a",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
};

/** "Source: AP / Reuters, 2025-05-06 · Tradefigures" */
export function chartSourceLine(publisher: string, publishedAt: string): string {
  return `Source: ${publisher}, ${publishedAt} · Tradefigures`;
}

const INLINED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "visibility",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
] as const;

const SVG_NS = "http://www.w3.org/2000/svg";
/** Drawn at twice the size, as on a high-density screen: sharp in slides and when zoomed. */
const PNG_SCALE = 2;

const PAD = 16;
const TITLE = { size: 16, line: 20 } as const;
const KEY = { size: 12, row: 18, swatch: 10, gap: 6, after: 14 } as const;
const NOTE = { size: 12, line: 16 } as const;
const SOURCE = { size: 11, line: 15 } as const;
const GAP = 10;

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/FFFF): dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or an attribute value, safe inside markup: & < > " ' escaped, characters XML refuses dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

interface Line {
  text: string;
  y: number;
}

/** Wrapped lines from `top` down: the first baseline a font size below it, each next one `line` further. */
function stack(text: string, size: number, line: number, width: number, top: number, maxLines = 4): Line[] {
  return wrapText(text, charsThatFit(width, size), maxLines).map((t, i) => ({ text: t, y: top + size + i * line }));
}

interface KeyItem {
  label: string;
  colour: string;
  x: number;
  y: number;
}

/** Key items left to right, wrapping to a new row where the next would pass the right edge. */
function layoutKey(key: ChartExportDescription["key"], width: number, top: number): KeyItem[] {
  let x = PAD;
  let y = top + KEY.size;
  return key.map(({ label, colour }) => {
    const itemWidth = KEY.swatch + KEY.gap + estimateTextWidth(label, KEY.size) + KEY.after;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      y += KEY.row;
    }
    const item = { label, colour, x, y };
    x += itemWidth;
    return item;
  });
}

const text = (line: Line, size: number, fill: string, weight = 400) =>
  `<text x="${PAD}" y="${line.y}" font-size="${size}" font-weight="${weight}" fill="${escapeXml(fill)}">${escapeXml(line.text)}</text>`;

/**
 * The chart's SVG (as serialiseSvg gives it: its own root with a viewBox of `width` × `height`) inside a taller SVG
 * of the same width: title and key above, notes and source below, on the theme's background. Pure: no DOM.
 */
export function composeExportSvg(
  chart: { markup: string; width: number; height: number },
  description: ChartExportDescription,
  theme: ExportTheme = DEFAULT_EXPORT_THEME,
): { markup: string; width: number; height: number } {
  const { width } = chart;
  const inner = width - 2 * PAD;
  const title = stack(description.title, TITLE.size, TITLE.line, inner, PAD, 3);
  let y = (title.at(-1)?.y ?? PAD) + GAP;
  const key = layoutKey(description.key, width, y);
  if (key.length) y = (key.at(-1)?.y ?? y) + GAP;
  const chartTop = y;
  y = chartTop + chart.height + GAP;
  const notes: Line[] = [];
  for (const note of description.notes) {
    const lines = stack(note, NOTE.size, NOTE.line, inner, y);
    notes.push(...lines);
    y = (lines.at(-1)?.y ?? y) + (NOTE.line - NOTE.size);
  }
  const source = stack(description.source, SOURCE.size, SOURCE.line, inner, y, 2);
  const height = Math.ceil((source.at(-1)?.y ?? y) + PAD);

  const keyMarkup = key.map(
    (item) =>
      `<rect x="${item.x}" y="${item.y - KEY.swatch + 1}" width="${KEY.swatch}" height="${KEY.swatch}" rx="2" ` +
      `fill="${escapeXml(item.colour)}"/><text x="${item.x + KEY.swatch + KEY.gap}" y="${item.y}" ` +
      `font-size="${KEY.size}" fill="${escapeXml(theme.text)}">${escapeXml(item.label)}</text>`,
  );
  const plot = chart.markup.replace(/^\s*<\?xml[^>]*\?>\s*/, "");
  const markup = [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="${escapeXml(theme.fontFamily)}">`,
    `<title>${escapeXml(description.title)}</title>`,
    `<rect width="100%" height="100%" fill="${escapeXml(theme.background)}"/>`,
    ...title.map((line) => text(line, TITLE.size, theme.text, 650)),
    ...keyMarkup,
    // The chart keeps its own coordinates: a nested viewport of its size, placed below the title and key.
    `<svg x="0" y="${chartTop}" width="${width}" height="${chart.height}" overflow="visible">${plot}</svg>`,
    ...notes.map((line) => text(line, NOTE.size, theme.muted)),
    ...source.map((line) => text(line, SOURCE.size, theme.muted)),
    "</svg>",
  ].join("\n");
  return { markup, width, height };
}

export function serialiseSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll("*")];
  const targets = [clone, ...clone.querySelectorAll("*")];
  sources.forEach((source, i) => {
    const computed = getComputedStyle(source);
    targets[i]?.setAttribute("style", INLINED.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";"));
  });
  // The page background, so a dark-theme export is not dark text on a transparent (often white) viewer.
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", getComputedStyle(document.body).backgroundColor || "white");
  clone.insertBefore(background, clone.firstChild);
  clone.setAttribute("xmlns", SVG_NS);
  return new XMLSerializer().serializeToString(clone);
}

/** A CSS colour as the page computes it: var(--m-exports) becomes rgb(…), which a standalone file can show. */
function computedColour(colour: string, within: Element): string {
  if (!colour.includes("var(")) return colour;
  const probe = document.createElement("span");
  probe.style.color = colour;
  within.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved || colour;
}

function pageTheme(svg: SVGSVGElement): ExportTheme {
  const style = getComputedStyle(svg);
  const body = getComputedStyle(document.body);
  const variable = (name: string) => style.getPropertyValue(name).trim();
  return {
    background: body.backgroundColor || DEFAULT_EXPORT_THEME.background,
    text: variable("--chart-fg") || body.color || DEFAULT_EXPORT_THEME.text,
    muted: variable("--chart-muted") || DEFAULT_EXPORT_THEME.muted,
    fontFamily: style.fontFamily || DEFAULT_EXPORT_THEME.fontFamily,
  };
}

/** The file's markup and size: the chart alone, or composed with its description. */
function exportMarkup(svg: SVGSVGElement, description?: ChartExportDescription) {
  const { width, height } = svg.viewBox.baseVal;
  const markup = serialiseSvg(svg);
  if (!description) return { markup, width, height };
  const within = svg.parentElement ?? document.body;
  const key = description.key.map((item) => ({ ...item, colour: computedColour(item.colour, within) }));
  return composeExportSvg({ markup, width, height }, { ...description, key }, pageTheme(svg));
}

const svgBlob = (markup: string) => new Blob([markup], { type: "image/svg+xml;charset=utf-8" });

export function downloadSvg(svg: SVGSVGElement, fileName: string, description?: ChartExportDescription): void {
  downloadBlob(fileName, svgBlob(exportMarkup(svg, description).markup));
}

/** Drawn at 2x (width × 2), so the PNG stays sharp on high-density screens and in slides. */
export function downloadPng(svg: SVGSVGElement, fileName: string, description?: ChartExportDescription): void {
  const { markup, width, height } = exportMarkup(svg, description);
  // An object URL to load the SVG as an image for the canvas; the PNG itself goes through downloadBlob.
  const url = URL.createObjectURL(svgBlob(markup));
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * PNG_SCALE);
    canvas.height = Math.ceil(height * PNG_SCALE);
    const context = canvas.getContext("2d");
    URL.revokeObjectURL(url);
    if (!context) return;
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(image, 0, 0, width, height);
    canvas.toBlob((blob) => blob && downloadBlob(fileName, blob), "image/png");
  };
  image.src = url;
}
