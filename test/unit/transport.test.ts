import { describe, expect, it } from "vitest";
import { chartLayouts } from "../../lib/chart/index";
import { markClaim } from "../../lib/chart/shapes";
import { packLayouts, unpackLayouts } from "../../lib/chart/transport";
import { packClaims, unpackClaims } from "../../lib/explore/transport";
import { extractArticle } from "../../lib/extract/article";
import { ClaimSchema } from "../../lib/schema";
import { loadSeeds } from "../../lib/server/seeds";

const article = loadSeeds()[0]!;
const { claims } = extractArticle(article);
const layouts = chartLayouts(claims, article.text.length);

/** Equal, numbers to within half a hundredth (what packing rounds SVG positions to). */
function expectClose(actual: unknown, expected: unknown, path = "$"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(0.005 + 1e-9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((item, i) => expectClose((actual as unknown[])[i], item, `${path}[${i}]`));
  } else if (typeof expected === "object" && expected !== null) {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, item] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[key], item, `${path}.${key}`);
  } else expect(actual, path).toBe(expected);
}

describe("what the seed pages send their dashboard", () => {
  it("packed claims unpack to the very records, each still valid", () => {
    const packed = packClaims(article.id, claims);
    const unpacked = unpackClaims(JSON.parse(JSON.stringify(packed)));
    expect(unpacked).toEqual(claims);
    for (const claim of unpacked) expect(ClaimSchema.safeParse(claim).success).toBe(true);
    // Each shared field is sent once: no claim carries the article id or a sentence of its own.
    for (const claim of packed.claims) expect(Object.keys(claim)).not.toContain("sentence");
    expect(Object.keys(packed.sentences).length).toBe(new Set(claims.map((c) => c.sentenceIndex)).size);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(claims).length * 0.85);
  });

  it("refuses to pack claims of another article, and to unpack a claim without its sentence", () => {
    expect(() => packClaims("other", claims)).toThrow(/article/);
    const packed = packClaims(article.id, claims);
    expect(() => unpackClaims({ ...packed, sentences: {} })).toThrow(/no sentence/);
  });

  it("packed layouts carry no claim and unpack to the layouts, positions to a hundredth of a pixel", () => {
    const packed = packLayouts(layouts);
    expect(JSON.stringify(packed)).not.toContain('"claim"');
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(layouts).length * 0.6);
    expectClose(unpackLayouts(JSON.parse(JSON.stringify(packed)), claims), layouts);
    const [first] = layouts.positions.marks;
    const source = claims.find((c) => c.id === first!.id)!;
    expect(unpackLayouts(packed, claims).positions.marks[0]!.claim).toEqual(markClaim(source));
  });

  it("refuses a mark whose claim the page does not hold", () => {
    expect(() => unpackLayouts(packLayouts(layouts), claims.slice(1))).toThrow(/does not hold/);
  });
});
