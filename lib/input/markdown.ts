/**
 * Markdown → the prose a reader of the rendered page sees, by small line and inline rules (no library: we need
 * the text, not HTML). Heading marks, list bullets, blockquote marks, link and image syntax, code backticks,
 * emphasis markers and table pipes go; a paragraph wrapped over several lines becomes one line, so a figure
 * split by a soft wrap stays one sentence. Fenced and indented code keep their text: a table of figures in a
 * code block is still something the reader sees. Emphasis is only stripped at word edges, so "2_000",
 * "snake_case" and "5 * 3" stay as written while "*25%*" becomes "25%".
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const ATX_CLOSING = /[ \t]+#+[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BLOCKQUOTE = /^ {0,3}(?:>[ \t]?)+/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S/;
const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
const TABLE_DIVIDER = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;
const INDENTED_CODE = /^(?: {4}|\t)/;
const CELL_DIVIDER = /(?<!\\)\|/;
const HARD_BREAK = /(?: {2,}|\\)$/;

const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
// Bracketed text never holds another "[": each bracket scans only to the next one, so "[a [a [a…" stays linear.
const IMAGE = /!\[[^[\]]*\]\([^()]*\)|!\[[^[\]]*\]\[[^[\]]*\]/g;
const LINK = /\[([^[\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:[ \t]+"[^"]*")?\)|\[([^[\]]+)\]\[[^[\]]*\]/g;
const FOOTNOTE = /\[\^[^[\]]+\]/g;
const AUTOLINK = /<((?:https?|mailto|ftp):[^<>\s]+)>/g;
const INLINE_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

const MARKER_RUN = /\*+|_+|~+/g;
/** A marker run opens after a line start, space or opening punctuation, and closes before a space, punctuation or the end. */
const OPENS_AFTER = /[\s([{"'“‘>]/;
const CLOSES_BEFORE = /[\s)\]}.,;:!?"'”’<-]/;
const SPACE = /\s/;

interface Span {
  start: number;
  end: number;
}

/**
 * Emphasis markers ("*", "**", "***", "_", "__", "___", "~~") removed where a closing run pairs with an open
 * one, never between two letters or digits ("2_000", "5 * 3" and "snake_case" stay). One pass with a stack
 * per marker, so unmatched markers cost nothing more (a lazy regex rescanned the paragraph for each one).
 */
function withoutEmphasis(text: string): string {
  const paired: Span[] = [];
  const open = new Map<string, Span[]>();
  MARKER_RUN.lastIndex = 0;
  for (let m = MARKER_RUN.exec(text); m; m = MARKER_RUN.exec(text)) {
    const marker = m[0];
    if (marker.length > 3 || (marker[0] === "~" && marker.length !== 2)) continue;
    const start = m.index;
    const end = start + marker.length;
    const before = text[start - 1];
    const after = text[end];
    const stack = open.get(marker);
    const closes = before !== undefined && !SPACE.test(before) && (after === undefined || CLOSES_BEFORE.test(after));
    if (closes && stack && stack.length > 0) {
      paired.push(stack.pop()!, { start, end });
    } else if ((before === undefined || OPENS_AFTER.test(before)) && after !== undefined && !SPACE.test(after)) {
      if (stack) stack.push({ start, end });
      else open.set(marker, [{ start, end }]);
    }
  }
  if (paired.length === 0) return text;
  paired.sort((a, b) => a.start - b.start);
  let out = "";
  let from = 0;
  for (const run of paired) {
    out += text.slice(from, run.start);
    from = run.end;
  }
  return out + text.slice(from);
}

function inlineText(part: string): string {
  const text = part
    .replace(IMAGE, "")
    .replace(FOOTNOTE, "")
    .replace(LINK, (_m, inline: string | undefined, ref: string | undefined) => inline ?? ref ?? "");
  return withoutEmphasis(text.replace(AUTOLINK, "$1").replace(INLINE_TAG, "")).replace(ESCAPE, "$1");
}

/** Inline rules outside code spans; a code span keeps its content, without the backticks. */
function inline(line: string): string {
  let out = "";
  let from = 0;
  CODE_SPAN.lastIndex = 0;
  for (let match = CODE_SPAN.exec(line); match; match = CODE_SPAN.exec(line)) {
    out += inlineText(line.slice(from, match.index)) + match[2]!.trim();
    from = match.index + match[0].length;
  }
  return out + inlineText(line.slice(from));
}

export function markdownToText(markdown: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let fence: string | null = null;
  /** Code and table rows: kept one per line. */
  let lines: string[] = [];

  const flushLines = () => {
    if (lines.length > 0) blocks.push(lines.join("\n"));
    lines = [];
  };
  const flush = () => {
    flushLines();
    if (paragraph.length > 0) blocks.push(inline(paragraph.join("").trimEnd()));
    paragraph = [];
  };
  const addLine = (content: string) => {
    const last = paragraph.length - 1;
    if (last >= 0) {
      // A hard break (two spaces or "\" at the end) keeps the line; a soft wrap joins with a space.
      const previous = paragraph[last]!;
      const hard = HARD_BREAK.test(previous);
      paragraph[last] = (hard ? previous.replace(HARD_BREAK, "") : previous).trimEnd() + (hard ? "\n" : " ");
    }
    paragraph.push(content.trimStart());
  };

  for (const line of markdown.split("\n")) {
    if (fence !== null) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[1]) {
        flushLines();
        fence = null;
      } else lines.push(line);
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      flush();
      fence = open[1]!;
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    // Indented code (it cannot interrupt a paragraph): its lines kept as they are.
    if (INDENTED_CODE.test(line) && paragraph.length === 0) {
      lines.push(line.replace(INDENTED_CODE, ""));
      continue;
    }
    if (TABLE_ROW.test(line)) {
      if (paragraph.length > 0) flush();
      if (TABLE_DIVIDER.test(line)) continue;
      const cells = line
        .trim()
        .slice(1, -1)
        .split(CELL_DIVIDER)
        .map((cell) => inline(cell.trim()));
      lines.push(cells.join("\t"));
      continue;
    }
    flushLines();
    if (REFERENCE_DEFINITION.test(line) || (TABLE_DIVIDER.test(line) && line.includes("|"))) {
      flush();
      continue;
    }
    // "Title\n=====": the line before was a heading; a paragraph never continues past its underline.
    if (SETEXT_UNDERLINE.test(line) && paragraph.length > 0) {
      flush();
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    if (ATX_HEADING.test(line)) {
      flush();
      const heading = inline(line.replace(ATX_HEADING, "").replace(ATX_CLOSING, "").trim());
      if (heading) blocks.push(heading);
      continue;
    }
    const quote = BLOCKQUOTE.exec(line);
    const content = quote ? line.slice(quote[0].length) : line;
    if (quote && content.trim() === "") {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(content);
    if (item) {
      flush();
      addLine(content.slice(item[0].length));
      continue;
    }
    if (ATX_HEADING.test(content)) {
      flush();
      blocks.push(inline(content.replace(ATX_HEADING, "").replace(ATX_CLOSING, "").trim()));
      continue;
    }
    addLine(content);
  }
  flush();
  return blocks.filter((block) => block.trim() !== "").join("\n\n");
}
