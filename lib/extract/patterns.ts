/**
 * Regex sources from the word lists of lexicon.ts, for patterns built with `new RegExp(String.raw`…`)`. A list of
 * plain words goes through `words`, which escapes them; a list of regex sources ("deficits?") through `alternatives`.
 */

const REGEX_SYNTAX = /[.*+?^${}()|[\]\\]/g;

/** "U.S.", "Hong Kong" → `U\.S\.|Hong Kong`: each word matches only itself. */
export function words(list: readonly string[]): string {
  return list.map((word) => word.replace(REGEX_SYNTAX, "\\$&")).join("|");
}

/** Regex sources as alternatives, as written: "deficits?", "negotiat\\w*". */
export function alternatives(list: readonly string[]): string {
  return list.join("|");
}

/** Regex sources as alternatives that each begin a word: `\babout|\baround`. */
export function wordStarts(list: readonly string[]): string {
  return list.map((source) => `\\b${source}`).join("|");
}
