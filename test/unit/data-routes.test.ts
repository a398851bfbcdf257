import { describe, expect, it } from "vitest";
import { GET as claimsCsvRoute } from "../../app/data/claims.csv/route";
import { GET as claimsExcelRoute } from "../../app/data/claims-excel.csv/route";
import { claimsToCsv } from "../../lib/export/csv";
import { articleFileStem } from "../../lib/export/file-name";
import { extractArticle } from "../../lib/extract/article";
import { STATIC_CACHE_CONTROL } from "../../lib/server/security-headers";
import { loadSeeds } from "../../lib/server/seeds";

const seed = loadSeeds()[0]!;
const { claims } = extractArticle(seed);

describe("file names after the article", () => {
  it.each([
    ["Carney tells Trump: ‘Canada is not for sale’", "carney-tells-trump"],
    ["Canada's exports fall again", "canadas-exports-fall"],
    ["Zölle: Brüssel droht mit Gegenzöllen", "zolle-brussel-droht"],
    ["US, EU agree deal on steel", "us-eu-agree-deal"],
    ["  «Tariffs»  —  2025: what next?  ", "tariffs-2025-what"],
    [`${"Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(2)} rises`, "pneumonoultramicroscopicsilicovolcanocon"],
  ])("%s → %s", (title, stem) => {
    expect(articleFileStem({ id: "x", title })).toBe(stem);
  });

  it("falls back to the article's id, then to 'article', for a title with no ASCII letters or digits", () => {
    expect(articleFileStem({ id: "ab0574da4b558c8d", title: "中国出口增长" })).toBe("ab0574da4b558c8d");
    expect(articleFileStem({ id: "贸易", title: "中国出口增长" })).toBe("article");
  });

  it("is always lowercase ASCII words joined by single hyphens", () => {
    for (const title of ["A", "—", "Ça va: 100% «sûr»!", "x".repeat(500), "1 2 3 4 5 6", "'quoted' \"words\""]) {
      expect(articleFileStem({ id: "id", title })).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(articleFileStem({ id: "id", title }).length).toBeLessThanOrEqual(40);
    }
  });
});

describe("/data CSV routes", () => {
  const stem = "carney-tells-trump";

  it.each([
    ["claims.csv", claimsCsvRoute, `${stem}-claims.csv`, false],
    ["claims-excel.csv", claimsExcelRoute, `${stem}-claims-excel.csv`, true],
  ])(
    "%s: an attachment named after the article, with an ETag and the CDN's Cache-Control",
    async (_, GET, name, bom) => {
      const response = GET();
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${name}";`));
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(response.headers.get("cache-control")).toBe(STATIC_CACHE_CONTROL);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf).toBe(bom);
    },
  );

  it("claims.csv is claimsToCsv of the seed, and its Excel copy differs only by the mark", async () => {
    const plain = await claimsCsvRoute().text();
    expect(plain).toBe(claimsToCsv(claims));
    const excel = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await claimsExcelRoute().arrayBuffer());
    expect(excel).toBe(`\uFEFF${plain}`);
    expect(claimsExcelRoute().headers.get("etag")).not.toBe(claimsCsvRoute().headers.get("etag"));
  });
});
