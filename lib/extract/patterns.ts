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

const LETTER_FIRST = /^[a-z](?![?*+{])/;

/**
 * Regex sources as alternatives, grouped by their first letter: `a(?:nnounc\w*|dd)|c(?:onsider|ut)|…`. The same
 * language as `alternatives`, but a scan that tries it at every word start tests one letter, not every source; for a
 * list of dozens of sources that is several times faster. Sources that do not start with a plain letter come last.
 */
export function factored(list: readonly string[]): string {
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const source of list) {
    if (!LETTER_FIRST.test(source)) rest.push(source);
    else {
      const group = groups.get(source[0]!);
      if (group) group.push(source.slice(1));
      else groups.set(source[0]!, [source.slice(1)]);
    }
  }
  return [...[...groups].map(([letter, tails]) => `${letter}(?:${tails.join("|")})`), ...rest].join("|");
}
