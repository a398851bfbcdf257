/**
 * What an article gets when nobody says otherwise: the locale that decides what a bare "$" means, and today's UTC
 * date, which resolves "last year". The API, the CLI and the /analyze form all default to these. Plain TypeScript,
 * no zod and no node:* imports: the browser imports this too.
 */

export const DEFAULT_LOCALE = "en-US";

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
