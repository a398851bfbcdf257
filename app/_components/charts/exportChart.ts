import { downloadBlob } from "../download";

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

function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([serialiseSvg(svg)], { type: "image/svg+xml;charset=utf-8" });
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  downloadBlob(fileName, svgBlob(svg));
}

/** Drawn at 2x so the PNG stays sharp on high-density screens and in slides. */
export function downloadPng(svg: SVGSVGElement, fileName: string, scale = 2): void {
  const { width, height } = svg.viewBox.baseVal;
  // An object URL to load the SVG as an image for the canvas; the PNG itself goes through downloadBlob.
  const url = URL.createObjectURL(svgBlob(svg));
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
    canvas.toBlob((blob) => blob && downloadBlob(fileName, blob), "image/png");
  };
  image.src = url;
}
