import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, type Case } from "./fixture-check";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
/** Cases we still get wrong: they run as `it.fails`, so one that starts passing fails the suite until it moves. */
const KNOWN_MISSES = "known-misses.json";
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json") && f !== KNOWN_MISSES)
  .sort();
const load = (file: string) => JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as Case[];
const named = (cases: Case[]) => cases.map((c, i) => [i, (c.note ?? c.input).slice(0, 70), c] as const);

describe.each(files)("%s", (file) => {
  it.each(named(load(file)))("#%i %s", (_i, _note, c) => {
    expect(check(c, file.startsWith("dates")), c.input).toEqual([]);
  });
});

describe(KNOWN_MISSES, () => {
  it.fails.each(named(load(KNOWN_MISSES)))("#%i still missed: %s", (_i, _note, c) => {
    expect(check(c, false), c.input).toEqual([]);
  });
});
