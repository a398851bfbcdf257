import { CHANGES, KINDS, METRICS } from "./enums";
import type { Claim } from "./schema";

/**
 * Deterministic made-up claims for the table benchmark (/bench/table): realistic field shapes, no meaning.
 * A small linear-congruential generator keeps every run identical.
 */
export function syntheticClaims(count: number): Claim[] {
  let seed = 42;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const units = ["USD", "CAD", "EUR", "%", "pp", "job", "tonne"];
  const subjects = ["steel imports", "cars and parts", "Canada's merchandise trade surplus", "soybean exports", "two-way trade", "lumber"];
  const claims: Claim[] = [];
  for (let i = 0; i < count; i++) {
    const value = Math.round(next() * 1e6) * 10 ** Math.floor(next() * 6);
    const quote = `$${value}`;
    const sentence = `Synthetic sentence ${i} says the figure was ${quote} in ${2000 + (i % 26)}.`;
    const start = i * 80;
    claims.push({
      id: `syn-${i}`, articleId: "synthetic", sentenceIndex: i, sentence, start, end: start + quote.length, quote,
      kind: pick(KINDS.filter((k) => k !== "date")), value, valueMax: null, unit: pick(units),
      currencyBasis: null, change: pick(CHANGES), metric: pick(METRICS), subject: pick(subjects),
      period: String(2000 + (i % 26)), periodBasis: "explicit", links: [], warnings: [], rule: "synthetic",
    });
  }
  return claims;
}
