/** A short, stable id for a text without one (FNV-1a). */
export function textId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** A claim's id: stable across runs, as it is made of the article id and the claim's offsets. */
export function claimId(articleId: string, start: number, end: number): string {
  return `${articleId.slice(0, 12)}-${start}-${end}`;
}
