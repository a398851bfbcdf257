/**
 * lib/input owns a reader's own article on its way in: bytes to strict UTF-8 text (the size limit, the refusals of
 * binary, UTF-16 and broken files), the formats read (formats.ts), and HTML (html.ts) and Markdown (markdown.ts)
 * reduced to the text a reader sees: a saved page to its article (readable.ts, with the page's title, byline and
 * date), any other HTML to its visible text. It runs the same in the browser, a Web Worker and Node: web standards,
 * and htmlparser2, linkedom and @mozilla/readability as its packages; never React, Next, node:* built-ins or
 * lib/server. From lib/ it may take lib/schema, lib/enums, lib/defaults and lib/sizes, and no other folder of lib/.
 * The /analyze form imports only formats.ts and types from here, so none of these packages reaches a page.
 */

import { MB } from "../sizes";
import type { InputFormat } from "./formats";
import { markdownToText } from "./markdown";
import { NO_METADATA, type PageMetadata } from "./page-metadata";
import { readableHtml } from "./readable";

export { FILE_INPUT_ACCEPT, formatOf, type InputFormat } from "./formats";
export { htmlTitle } from "./html";
export { NO_METADATA, type PageMetadata } from "./page-metadata";

/**
 * A reader's own article, from the bytes of a file or pasted text to the text the extractor reads. Runs the same
 * in the browser, a Web Worker and Node: web standards only (TextDecoder, Uint8Array), no node:* imports.
 * Every refusal is an InputError whose message is one line saying what is wrong.
 */

export class InputError extends Error {
  override name = "InputError";
}

/**
 * The largest file read anywhere: a file given to /analyze (refused in the worker before it is read), the CLI's
 * files and stdin, the seeds.
 */
export const MAX_INPUT_BYTES = 50 * MB;

/** Files that are not text, by the bytes they start with. */
const MAGIC_NUMBERS: ReadonlyArray<readonly [number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive, e.g. a Word .docx"],
  [[0x50, 0x4b, 0x05, 0x06], "a ZIP archive, e.g. a Word .docx"],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38, 0x37, 0x61], "a GIF image"],
  [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], "a GIF image"],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "an old Word or Excel document"],
  [[0x1f, 0x8b], "a gzip archive"],
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** UTF-16 without a BOM: in mostly-ASCII text every other byte is NUL. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  return (oddZero >= pairs * 0.9 && evenZero === 0) || (evenZero >= pairs * 0.9 && oddZero === 0);
}

/**
 * Where WHATWG's UTF-8 decoder first fails: the offset (from 0, as hex editors count) of the byte that starts
 * the bad sequence: a stray continuation byte, an overlong form (C0 80, E0 80 80), a UTF-16 surrogate encoded
 * as UTF-8 (CESU-8: ED A0 80), a code point past U+10FFFF, or a sequence cut short. -1 when the bytes are valid.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Refuses a file over the limit by its size alone, so a caller can check before reading it. */
export function checkInputSize(bytes: number, name: string): void {
  if (bytes > MAX_INPUT_BYTES)
    throw new InputError(`${name}: file is ${(bytes / MB).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / MB} MB`);
}

/** A file's bytes as text: strict UTF-8, BOM removed; refuses empty, oversized, binary, UTF-16 and broken files. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name}: file is empty`);
  checkInputSize(bytes.length, name);
  const magic = MAGIC_NUMBERS.find(([prefix]) => startsWith(bytes, prefix));
  if (magic) throw new InputError(`${name}: looks binary (${magic[1]}), expected UTF-8 text`);
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff]))
    throw new InputError(`${name}: is UTF-32; save it as UTF-8`);
  // UTF-16 comes in pairs of bytes: "FF FE 41" is broken UTF-8, not UTF-16.
  const utf16 =
    bytes.length % 2 === 0 && (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksUtf16(bytes));
  if (utf16) throw new InputError(`${name}: is UTF-16; save it as UTF-8`);
  if (bytes.includes(0)) throw new InputError(`${name}: looks binary (contains NUL bytes), expected UTF-8 text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // The decoder says only that it failed; find where, so the reader can look.
    throw new InputError(`${name}: is not valid UTF-8 text (byte ${firstInvalidUtf8Byte(bytes)})`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The text the reader sees, and the one every claim's offsets refer to: a page's article, else its visible text. */
export function reduceToText(raw: string, format: InputFormat): string {
  if (format === "html") return readableHtml(raw).text;
  if (format === "markdown") return markdownToText(raw);
  return raw;
}

/** An article on its way in: the text the extractor reads, and what its page says about it (HTML only). */
export interface ArticleInput {
  text: string;
  metadata: PageMetadata;
}

/** Raw input → article: line ends normalised to \n, reduced to what a reader sees, refused when empty. */
export function readArticle(raw: string, format: InputFormat): ArticleInput {
  const normalised = raw.replace(/\r\n?/g, "\n");
  const { text, metadata } =
    format === "html" ? readableHtml(normalised) : { text: reduceToText(normalised, format), metadata: NO_METADATA };
  if (text.trim() === "") {
    const why = format === "html" ? "the page has no visible text" : "it is empty or only white space";
    throw new InputError(`no text to analyse: ${why}`);
  }
  return { text, metadata };
}

/** Raw input → article text (readArticle without the page's metadata). */
export function articleTextFrom(raw: string, format: InputFormat): string {
  return readArticle(raw, format).text;
}
