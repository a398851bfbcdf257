import type { Claim } from "../schema";
import { KB, MB } from "../sizes";

/**
 * Whether a download of claims can be built in the page. Every record carries its whole sentence, so a text without
 * full stops (one sentence of a megabyte, 30,000 figures in it) would make a CSV or JSON file of 30 GB: the browser
 * runs out of memory building it, or throws at its longest string (2^29 characters in V8). Refused with a sentence
 * instead, before any of it is built.
 */

/** About 200 million characters: the largest file a 50 MB article of ordinary prose gives is well under half that. */
export const DOWNLOAD_MAX_CHARS = 200 * MB;
/** What one record adds besides its own text: keys, numbers, enums, links and quoting, generously. */
const RECORD_CHARS = 660;

/** An upper estimate of the characters a download of these claims takes (CSV or JSON, either is smaller). */
export function downloadChars(claims: readonly Claim[]): number {
  let chars = 0;
  for (const c of claims)
    chars +=
      RECORD_CHARS +
      c.sentence.length +
      c.quote.length +
      (c.subject?.length ?? 0) +
      (c.period?.length ?? 0) +
      (c.per?.length ?? 0);
  return chars;
}

function sizeText(chars: number): string {
  if (chars >= 1024 * MB) return `${(chars / (1024 * MB)).toFixed(1)} GB`;
  return chars >= MB ? `${Math.round(chars / MB)} MB` : `${Math.max(1, Math.round(chars / KB))} kB`;
}

interface DownloadOf {
  /** Characters of article text the file also holds (a library export). */
  textChars?: number;
  /** What the sentence calls the file. */
  what?: string;
}

/** Null when the download can be built; else why not, in one sentence. */
export function downloadSizeProblem(
  claims: readonly Claim[],
  { textChars = 0, what = "This file" }: DownloadOf = {},
): string | null {
  const chars = downloadChars(claims) + textChars;
  if (chars <= DOWNLOAD_MAX_CHARS) return null;
  let longest = 0;
  for (const c of claims) longest = Math.max(longest, c.sentence.length);
  const count = new Intl.NumberFormat("en");
  return (
    `${what} would be about ${sizeText(chars)}, because each of its ${count.format(claims.length)} figures repeats ` +
    `its sentence (the longest is ${count.format(longest)} characters): more than this browser can build, so nothing ` +
    "was downloaded."
  );
}
