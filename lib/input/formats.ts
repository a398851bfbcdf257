/**
 * The formats a reader's file is read as, by extension or MIME type: one table, from which the lookups and the
 * form's `accept` list are built. No imports, so the /analyze form can use it without pulling in the HTML parser.
 */

/** Each format we read, with its file extensions and MIME types; the first MIME type is the format's own. */
const FILE_TYPES = {
  text: { extensions: ["txt", "text"], mimeTypes: ["text/plain"] },
  markdown: { extensions: ["md", "markdown"], mimeTypes: ["text/markdown", "text/x-markdown"] },
  html: { extensions: ["html", "htm", "xhtml"], mimeTypes: ["text/html", "application/xhtml+xml"] },
} as const;

export type InputFormat = keyof typeof FILE_TYPES;

const FORMATS = Object.keys(FILE_TYPES) as InputFormat[];

const EXTENSIONS: Record<string, InputFormat> = Object.fromEntries(
  FORMATS.flatMap((format) => FILE_TYPES[format].extensions.map((extension) => [extension, format])),
);
const MIME_TYPES: Record<string, InputFormat> = Object.fromEntries(
  FORMATS.flatMap((format) => FILE_TYPES[format].mimeTypes.map((mimeType) => [mimeType, format])),
);

/** A file input's `accept`: every extension we read, and each format's own MIME type (aliases are still read). */
export const FILE_INPUT_ACCEPT = [
  ...FORMATS.flatMap((format) => FILE_TYPES[format].extensions.map((extension) => `.${extension}`)),
  ...FORMATS.map((format) => FILE_TYPES[format].mimeTypes[0]),
].join(",");

/** The format a file is read as: by its extension, else by its MIME type; null when neither is one we read. */
export function formatOf(fileName: string, mimeType?: string): InputFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = extension ? EXTENSIONS[extension] : undefined;
  if (byName) return byName;
  const mime = (mimeType ?? "").split(";")[0]!.trim().toLowerCase();
  return MIME_TYPES[mime] ?? null;
}
