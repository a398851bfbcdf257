// Types of static-pages.mjs (plain JavaScript, run by Node at build time), for the tests that import it.
export function loadScriptsInline(html: string): string;
export function hashPage(html: string): { html: string; hashes: string[] };
