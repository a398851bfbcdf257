/**
 * Text fitting for SVG labels. SVG text does not wrap and the builders have no DOM to measure with, so widths are
 * estimated from an average glyph width of system-ui (about 0.56 em); labels get a little slack on the right.
 */

const AVERAGE_GLYPH_EM = 0.56;

export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * AVERAGE_GLYPH_EM;
}

export function charsThatFit(width: number, fontSize: number): number {
  return Math.max(8, Math.floor(width / (fontSize * AVERAGE_GLYPH_EM)));
}

/**
 * Greedy word wrap at ordinary spaces (a no-break space keeps "≈ US$1B" together); the last line is shortened with
 * an ellipsis when the text needs more than maxLines.
 */
export function wrapText(text: string, maxChars: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const fitted = lines.map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (fitted.length <= maxLines) return fitted;
  const kept = fitted.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? "";
  kept[maxLines - 1] = `${last.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
  return kept;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
