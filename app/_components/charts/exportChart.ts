/**
 * Chart downloads. The on-screen SVG takes its colours from CSS variables and charts.css, which a standalone file
 * does not have, so every element's computed presentation is inlined into a clone before serialising.
 */

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

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  download(new Blob([serialiseSvg(svg)], { type: "image/svg+xml;charset=utf-8" }), fileName);
}

/** Drawn at 2x so the PNG stays sharp on high-density screens and in slides. */
export function downloadPng(svg: SVGSVGElement, fileName: string, scale = 2): void {
  const { width, height } = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([serialiseSvg(svg)], { type: "image/svg+xml;charset=utf-8" }));
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext("2d");
    URL.revokeObjectURL(url);
    if (!context) return;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    canvas.toBlob((blob) => blob && download(blob, fileName), "image/png");
  };
  image.src = url;
}
