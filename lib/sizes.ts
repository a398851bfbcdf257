/** Binary size units, as every size message and limit here counts them: a "50 MB" limit is 50 × 1024 × 1024 bytes. */
export const KB = 1024;
export const MB = 1024 * KB;
