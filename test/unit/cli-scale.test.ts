import { spawnSync } from "node:child_process";
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";

/**
 * The CLI at the sizes that hurt: figure-dense text with no sentence break, and one long line of bare numbers. It
 * must finish with exit 0 and valid NDJSON whose size grows linearly with the input, every record slicing out of
 * the text. (Time is for the benchmarks; the timeout only keeps a hang from stalling the suite.)
 */

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const CLAUSE = "The tariff was 25 per cent and exports fell by $3.7 billion, ";
const SIZES = [60_000, 250_000, 1_000_000, 10_000_000];

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The seed article as one line: real sentences, no line break anywhere. */
const SEED_LINE = readFileSync(join(ROOT, "seeds", "000_094eb4bc1889a6c2.txt"), "utf8").replace(/\s+/g, " ") + " ";

const SHAPES: [name: string, make: (size: number) => string][] = [
  ["break-free figure-dense clauses", (size) => repeatTo(CLAUSE, size).trimEnd()],
  ["one long line of real sentences", (size) => repeatTo(SEED_LINE, size).trimEnd()],
];

function runCli(text: string): { code: number | null; stderr: string; output: string; outputBytes: number } {
  const dir = mkdtempSync(join(tmpdir(), "cli-scale-"));
  const input = join(dir, "article.txt");
  const output = join(dir, "claims.ndjson");
  writeFileSync(input, text);
  const fd = openSync(output, "w");
  const run = spawnSync(TSX, [join(ROOT, "lib", "server", "cli.ts"), "--format", "ndjson", input], {
    cwd: ROOT,
    stdio: ["ignore", fd, "pipe"],
    encoding: "utf8",
  });
  closeSync(fd);
  return { code: run.status, stderr: run.stderr, output, outputBytes: statSync(output).size };
}

describe.each(SHAPES)("the CLI on %s", { timeout: 180_000 }, (_name, make) => {
  const perChar: number[] = [];

  it.each(SIZES)("finishes %i characters with exit 0 and records that slice out of the text", async (size) => {
    const text = make(size);
    const { code, stderr, output, outputBytes } = runCli(text);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    let records = 0;
    // Read as a stream: the output of 10 MB is hundreds of MB, more than one string should hold.
    for await (const line of createInterface({ input: createReadStream(output), crlfDelay: Infinity })) {
      const claim = JSON.parse(line) as { start: number; end: number; quote: string; sentence: string };
      expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
      expect(claim.sentence.length).toBeLessThanOrEqual(1_000);
      records++;
    }
    expect(records).toBeGreaterThan(size / 1_000);
    perChar.push(outputBytes / size);
  });

  it("writes output linear in the input: bytes per input character stay within 1.5x across the sizes", () => {
    expect(perChar).toHaveLength(SIZES.length);
    expect(Math.max(...perChar) / Math.min(...perChar)).toBeLessThan(1.5);
  });
});
