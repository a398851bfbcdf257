import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { DatasetSchema, type Dataset } from "../../lib/schema";

/** The real command line, as a user runs it: tsx, no build, real files and stdin. */

const ROOT = join(import.meta.dirname, "..", "..");
const SEED = join(ROOT, "seeds", "000_094eb4bc1889a6c2.txt");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

function extract(args: string[], input?: string | Uint8Array) {
  const run = spawnSync(TSX, [join(ROOT, "lib", "server", "cli.ts"), ...args], { input, encoding: "utf8", cwd: ROOT });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scratch(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), "cli-")), name);
  writeFileSync(file, content);
  return file;
}

describe("extract CLI", { timeout: 20_000 }, () => {
  it("prints one dataset for one seed file, with the seed's metadata", () => {
    const { code, stdout, stderr } = extract([SEED]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const dataset = DatasetSchema.parse(JSON.parse(stdout));
    expect(dataset.articleId).toBe("ab0574da4b558c8d1a9e1d5c5d8e33d2");
    expect(dataset.claims.find((c) => c.quote === "$102.3 billion")?.unit).toBe("CAD");
  });

  it("--trace lists every number with the stages that made its record or the stage that dropped it", () => {
    const file = scratch(
      "trace.txt",
      "He said he would put a 100 per cent tariff on films. The Big 12 met at 11:30 in 2024. " +
        "Exports were $71.5 billion against $68.9 billion expected.",
    );
    const { code, stdout, stderr } = extract(["--trace", "--published-at", "2025-05-06", file]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [header, ...blocks] = stdout.split(/\n(?=\[)/);
    expect(header).toBe("# trace");
    expect(blocks[0]).toContain('"100"');
    expect(blocks[0]).toContain("units: percent → percent %");
    // The modality names its rule and the words it read.
    expect(blocks[0]).toContain('modality: threatened (rule modality.threatened, "would put")');
    expect(blocks.find((b) => b.includes('"71.5 billion"'))).toMatch(/modality: in_force\n/);
    expect(blocks.find((b) => b.includes('"68.9 billion"'))).toContain(
      'modality: forecast (rule modality.expected-after, "expected")',
    );
    const dropped = blocks.filter((b) => b.includes("dropped by units"));
    expect(dropped.map((b) => /"(\d+)"/.exec(b)?.[1])).toEqual(["12", "11", "30"]);
    // Each names the rule that dropped it.
    expect(dropped.map((b) => /rule (not\.[\w-]+)/.exec(b)?.[1])).toEqual(["not.named", "not.time", "not.clock"]);
    expect(blocks.find((b) => b.includes('"2024"'))).toContain("dropped by dates");
  });

  it("prints an array for several files, and one CSV table with an articleId column", () => {
    const other = scratch("note.txt", "Exports rose 4% to US$12 billion in 2024.");
    const json = JSON.parse(extract([SEED, other, "--published-at", "2025-02-01"]).stdout) as Dataset[];
    expect(json.map((d) => d.articleId)).toEqual(["ab0574da4b558c8d1a9e1d5c5d8e33d2", "note"]);
    const csv = extract(["--format", "csv", SEED, other]);
    expect(csv.code).toBe(0);
    const rows = csvParse(csv.stdout);
    expect(rows.columns).toContain("articleId");
    expect(new Set(rows.map((r) => r.articleId))).toEqual(new Set(["ab0574da4b558c8d1a9e1d5c5d8e33d2", "note"]));
    expect(rows.length).toBe(json[0]!.claims.length + json[1]!.claims.length);
    expect(rows.find((r) => r.quote === "US$12 billion")?.value).toBe("12000000000");
  });

  it("reads standard input with -, using --published-at and --locale", () => {
    const { code, stdout } = extract(
      ["--format", "ndjson", "--published-at", "2025-03-10", "--locale", "en-AU", "-"],
      "Exports fell $2 billion last year.",
    );
    expect(code).toBe(0);
    const claims = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(claims.map((c) => [c.quote, c.unit, c.period])).toEqual([
      ["$2 billion", "AUD", "2024"],
      ["last year", null, "2024"],
    ]);
  });

  it.each([
    ["a missing file", () => [join(tmpdir(), "does-not-exist.txt")], undefined, /cannot be read \(ENOENT\)/],
    ["an empty file", () => [scratch("e.txt", "")], undefined, /file is empty/],
    [
      "a binary file",
      () => [scratch("b.txt", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]))],
      undefined,
      /looks binary/,
    ],
    ["non-UTF-8 stdin", () => ["-"], new Uint8Array([0xff, 0xfe, 0x41]), /stdin: is not valid UTF-8/],
    ["white-space-only stdin", () => ["-"], " \n\t ", /stdin: contains only white space/],
    ["no file at all", () => [], undefined, /no input file given/],
    ["an unknown format", () => ["--format", "xml", SEED], undefined, /unknown --format "xml"/],
    ["a bad date", () => ["--published-at", "yesterday", SEED], undefined, /--published-at: .*calendar date/],
    // The same refusals as POST /api/extract and /analyze: one schema (lib/schema.ts) decides for all three.
    ["a day that does not exist", () => ["--published-at", "2025-02-30", SEED], undefined, /calendar date/],
    ["a year nobody publishes in", () => ["--published-at", "0000-01-01", SEED], undefined, /from 1800 to 2100/],
    ["a locale that is not a tag", () => ["--locale", "xx-INVALID-@@", SEED], undefined, /--locale: .*BCP 47/],
    ["an empty locale", () => ["--locale", "", SEED], undefined, /--locale: .*BCP 47/],
  ])("exits 2 with one line on stderr for %s, printing nothing", (_name, args, input, message) => {
    const { code, stdout, stderr } = extract(args(), input);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("prints the JSON Schema generated from the zod schema", () => {
    const schema = JSON.parse(extract(["--schema"]).stdout);
    expect(Object.keys(schema.claim.properties)).toEqual(
      expect.arrayContaining([
        "id",
        "articleId",
        "sentenceIndex",
        "sentence",
        "start",
        "end",
        "quote",
        "kind",
        "value",
        "valueMax",
        "unit",
        "currencyBasis",
        "change",
        "metric",
        "subject",
        "period",
      ]),
    );
    expect(schema.claim.properties.kind.enum).toEqual([
      "money",
      "percent",
      "percentage_point",
      "count",
      "rank",
      "duration",
      "date",
      "other",
    ]);
  });
});
