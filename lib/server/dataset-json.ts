import type { Dataset } from "../schema";

/**
 * A dataset's JSON in pieces, so that no one string ever holds the whole response: a figure-dense text without
 * sentence breaks repeats its one long sentence in every claim, and JSON.stringify of all of it is past V8's string
 * limit long before it is past anyone's patience. Joined, the chunks are byte for byte JSON.stringify(dataset),
 * which is what Response.json sent: the keys in their order, the claims array one element at a time.
 */

/** A chunk closes after this many claims... */
export const CLAIMS_PER_CHUNK = 1_000;
/** ...or once it holds this many UTF-16 units: one claim that quotes a long sentence can be megabytes by itself. */
export const CHUNK_CHARS = 1024 * 1024;

export function* datasetJsonChunks(dataset: Dataset): Generator<string> {
  let chunk = "{";
  let separator = "";
  for (const [key, value] of Object.entries(dataset)) {
    if (key !== "claims") {
      const json: string | undefined = JSON.stringify(value);
      // JSON.stringify leaves out a key whose value it cannot write (undefined, a function).
      if (json === undefined) continue;
      chunk += `${separator}${JSON.stringify(key)}:${json}`;
      separator = ",";
      continue;
    }
    chunk += `${separator}"claims":[`;
    separator = ",";
    let inChunk = 0;
    for (const [index, claim] of dataset.claims.entries()) {
      // In an array, JSON.stringify writes what it cannot serialise as null.
      chunk += `${index === 0 ? "" : ","}${JSON.stringify(claim) ?? "null"}`;
      inChunk += 1;
      if (inChunk >= CLAIMS_PER_CHUNK || chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = "";
        inChunk = 0;
      }
    }
    chunk += "]";
  }
  yield `${chunk}}`;
}
