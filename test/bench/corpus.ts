// Inputs for the extraction benchmark: the seed article, repeated to a target size.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SEED_NAME = "000_094eb4bc1889a6c2.txt";
const SEED_LOCATIONS = [
  fileURLToPath(new URL(`../../seeds/${SEED_NAME}`, import.meta.url)),
  `/work/shared/seeds/${SEED_NAME}`,
];
const SEPARATOR = "\n\n";
const SENTENCE_BOUNDARY = /(?<=[.!?])\s+|\n+/;

/** The seed article: the repo's copy if present, else the shared one. */
export function readSeed(): string {
  const path = SEED_LOCATIONS.find((candidate) => existsSync(candidate));
  if (path === undefined) throw new Error(`seed article not found in: ${SEED_LOCATIONS.join(", ")}`);
  return readFileSync(path, "utf8");
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The seed repeated `copies` times, joined by a blank line. */
export function repeatSeed(seed: string, copies: number): string {
  return Array.from({ length: copies }, () => seed).join(SEPARATOR);
}

/** The fewest copies of the seed whose repetition is at least `targetBytes` long. */
export function copiesForBytes(seed: string, targetBytes: number): number {
  const stride = utf8Bytes(seed) + utf8Bytes(SEPARATOR);
  return Math.max(1, Math.ceil((targetBytes + utf8Bytes(SEPARATOR)) / stride));
}

/** Sentences (or lines) as fed to the peer libraries, one call each. */
export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_BOUNDARY).filter((sentence) => sentence.trim() !== "");
}
