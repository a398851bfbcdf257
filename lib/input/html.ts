import { Parser } from "htmlparser2";

/**
 * HTML → the text a reader sees, with a streaming tokenizer (never a DOM, never rendered): the content of
 * script, style, title, template, svg and the like is dropped, and so is what `hidden` or an inline
 * display:none hides; block elements become line breaks so sentences do not run together; entities are
 * decoded; runs of white space inside a block collapse to one space. No other attribute is read: onerror=,
 * href="javascript:…" simply vanish. NBSP stays U+00A0: the extractor reads "1&nbsp;234" and "5&nbsp;%" as
 * one figure, and never breaks a sentence there.
 */

/**
 * Content no reader sees. <head> itself is not here: its title, scripts and styles are, and a browser shows any
 * stray text in it in the body; hiding the whole head would hide the page when a sloppy one never closes it.
 */
const HIDDEN = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "title",
  "iframe",
  "object",
  "canvas",
  "select",
  "datalist",
]);

/** Blocks that end a line. */
const LINE_BLOCKS = new Set([
  "div",
  "li",
  "tr",
  "dt",
  "dd",
  "caption",
  "figcaption",
  "summary",
  "legend",
  "option",
  "center",
]);

/** Blocks that end a paragraph: a blank line after them. */
const PARAGRAPH_BLOCKS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "dl",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "nav",
  "main",
  "figure",
  "hr",
  "address",
  "details",
  "form",
  "fieldset",
  "hgroup",
  "body",
  "html",
]);

const CELLS = new Set(["td", "th"]);
/** Inline styles that hide an element, as the `hidden` attribute does. */
const DISPLAY_NONE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
/** HTML's own white space; NBSP is not in it. */
const HTML_SPACES = /[ \t\n\r\f]+/g;
const TRAILING_SPACES = / +$/;
const ENDS_IN_SPACE = /\s$/;
const LINE_END_SPACES = /[ \t]+$/gm;
const BLANK_LINES = /\n{3,}/g;

/** What must separate the next text from the last, strongest wins: nothing, a cell's tab, a line, a blank line. */
const Break = { None: 0, Cell: 1, Line: 2, Paragraph: 3 } as const;
type Break = (typeof Break)[keyof typeof Break];
const BREAK_TEXT = ["", "\t", "\n", "\n\n"] as const;

export function htmlToText(html: string): string {
  const out: string[] = [];
  /** For each open element, whether it hides its content; `hidden` counts the open ones that do. */
  const hides: boolean[] = [];
  let hidden = 0;
  let pre = 0;
  let pending: Break = Break.None;
  /** Whether the last character written was a space (or nothing has been written on this line yet). */
  let atSpace = true;

  const breakAt = (level: Break) => {
    if (level > pending) pending = level;
  };
  const write = (text: string) => {
    if (pending !== Break.None && out.length > 0) {
      const last = out.length - 1;
      out[last] = out[last]!.replace(TRAILING_SPACES, "");
      out.push(BREAK_TEXT[pending]);
    }
    pending = Break.None;
    out.push(text);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hiding = HIDDEN.has(name) || "hidden" in attributes || DISPLAY_NONE.test(attributes.style ?? "");
        hides.push(hiding);
        if (hiding) hidden++;
        if (hidden > 0) return;
        if (name === "pre") pre++;
        if (name === "br") {
          // Each <br> is a line of its own: two in a row leave a blank line.
          if (pending >= Break.Line) write("");
          breakAt(Break.Line);
          atSpace = true;
        } else if (CELLS.has(name)) breakAt(Break.Cell);
        else if (PARAGRAPH_BLOCKS.has(name)) breakAt(Break.Paragraph);
        else if (LINE_BLOCKS.has(name)) breakAt(Break.Line);
        if (pending !== Break.None) atSpace = true;
      },
      onclosetag(name) {
        // The parser closes every element it opened (unclosed ones implicitly), so the stack stays in step.
        if (hides.pop()) {
          hidden--;
          return;
        }
        if (hidden > 0) return;
        if (name === "pre") pre = Math.max(0, pre - 1);
        if (PARAGRAPH_BLOCKS.has(name)) breakAt(Break.Paragraph);
        else if (LINE_BLOCKS.has(name)) breakAt(Break.Line);
        else if (CELLS.has(name)) breakAt(Break.Cell);
        if (pending !== Break.None) atSpace = true;
      },
      ontext(data) {
        if (hidden > 0) return;
        if (pre > 0) {
          write(data);
          atSpace = ENDS_IN_SPACE.test(data);
          return;
        }
        let text = data.replace(HTML_SPACES, " ");
        if (atSpace && text.startsWith(" ")) text = text.slice(1);
        if (text === "") return;
        write(text);
        atSpace = text.endsWith(" ");
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out.join("").replace(LINE_END_SPACES, "").replace(BLANK_LINES, "\n\n").trim();
}

/** The document's <title> (not an SVG's), white space collapsed; null when there is none or it is blank. */
export function htmlTitle(html: string): string | null {
  let svg = 0;
  let inTitle = false;
  let title: string | null = null;
  let text = "";
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "svg") svg++;
        else if (name === "title" && svg === 0 && title === null) inTitle = true;
      },
      onclosetag(name) {
        if (name === "svg") svg = Math.max(0, svg - 1);
        else if (name === "title" && inTitle) {
          inTitle = false;
          title = text;
        }
      },
      ontext(data) {
        if (inTitle) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const found = (title ?? (inTitle ? text : "")).replace(HTML_SPACES, " ").trim();
  return found === "" ? null : found;
}
