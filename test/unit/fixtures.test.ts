import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, type Case } from "./fixture-check";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe.each(files)("%s", (file) => {
  const cases = JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as Case[];
  it.each(cases.map((c, i) => [i, (c.note ?? c.input).slice(0, 70), c] as const))("#%i %s", (_i, _note, c) => {
    expect(check(c, file.startsWith("dates")), c.input).toEqual([]);
  });
});
