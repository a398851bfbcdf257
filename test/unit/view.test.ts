import { describe, expect, it } from "vitest";
import { claimsDataPackage } from "../../lib/export/datapackage";
import { CSV_COLUMNS } from "../../lib/export/csv";
import { extractArticle } from "../../lib/extract/article";
import { formatClaimValue, summarise } from "../../lib/display/format";
import { compileSearch, searchableText } from "../../lib/explore/search";
import { loadSeeds } from "../../lib/server/seeds";
import { compileViewFilter, DEFAULT_VIEW, parseViewState, serializeViewState } from "../../lib/explore/view-state";

const article = loadSeeds()[0]!;
const { claims } = extractArticle(article);
const quotesFor = (query: string) => {
  const matches = compileSearch(query);
  return claims.filter((c) => c.kind !== "date" && matches(c, searchableText(c))).map((c) => c.quote);
};

describe("search", () => {
  it.each([
    ["760", ["$760 billion"]],
    ["billion", ["$102.3 billion", "US$74.25 billion", "$760 billion", "$3.7 billion"]],
    ["25%", ["25 per cent", "25 per cent"]],
    ["3.7bn", ["$3.7 billion"]],
    ["steel 25%", ["25 per cent"]],
    ["tariff 100", ["100 per cent"]],
    ["", claims.filter((c) => c.kind !== "date").map((c) => c.quote)],
  ])("%j finds %j", (query, expected) => {
    expect(quotesFor(query)).toEqual(expected);
  });
});

describe("view state", () => {
  it("round-trips through the URL and writes only what differs from the default", () => {
    const view = {
      ...DEFAULT_VIEW,
      sort: [
        { id: "value" as const, desc: true },
        { id: "quote" as const, desc: false },
      ],
      metrics: ["tariff_rate" as const],
      q: "760",
      min: 5,
      claim: "x-1-2",
    };
    const params = serializeViewState(view);
    expect(params.toString()).toBe("sort=value.desc%2Cquote.asc&metric=tariff_rate&q=760&min=5&claim=x-1-2");
    expect(parseViewState(params)).toEqual(view);
    expect(serializeViewState(DEFAULT_VIEW).toString()).toBe("");
  });

  it("drops what it does not know, and reads the claim from #claim-", () => {
    const view = parseViewState(
      new URLSearchParams("sort=nope.desc,value.asc&metric=bogus,exports&kind=date&min=abc"),
      "#claim-a%2Fb",
    );
    expect(view).toEqual({
      ...DEFAULT_VIEW,
      sort: [{ id: "value", desc: false }],
      metrics: ["exports"],
      kinds: ["date"],
      claim: "a/b",
    });
  });

  it("filters by metric, kind (dates only when asked) and value range", () => {
    const count = (patch: Partial<typeof DEFAULT_VIEW>) => {
      const keep = compileViewFilter({ ...DEFAULT_VIEW, ...patch });
      return claims.filter((c) => keep(c)).length;
    };
    expect(count({})).toBe(claims.filter((c) => c.kind !== "date").length);
    expect(count({ metrics: ["tariff_rate"] })).toBe(3);
    expect(count({ kinds: ["date"] })).toBe(claims.filter((c) => c.kind === "date").length);
    expect(count({ kinds: ["money"], min: 1e11 })).toBe(2);
    expect(count({ kinds: ["money"], max: 1e10 })).toBe(1);
  });
});

describe("formatting and summary", () => {
  it("summarises the seed's trade figures in one line", () => {
    expect(summarise(claims)).toBe("7 trade figures: 2 balance, 1 volume, 1 export change, 3 tariff rates");
  });

  it("formats values with their unit", () => {
    const byQuote = (q: string) => formatClaimValue(claims.find((c) => c.quote === q)!);
    expect([
      byQuote("$102.3 billion"),
      byQuote("25 per cent"),
      byQuote("two countries"),
      byQuote("five-month"),
      byQuote("second-largest"),
    ]).toEqual(["CAD\u00a0102.3B", "25%", "2 countries", "5 months", "#2"]);
  });
});

describe("data package", () => {
  it("describes claims.csv with a Table Schema generated from the zod schema", () => {
    const pkg = claimsDataPackage(article);
    const resource = pkg.resources[0]!;
    expect(resource.path).toBe("claims.csv");
    expect(resource.schema.fields.map((f) => f.name)).toEqual([...CSV_COLUMNS]);
    const field = (name: string) => resource.schema.fields.find((f) => f.name === name)!;
    expect(field("value")).toMatchObject({ type: "number", constraints: { required: true } });
    expect(field("valueMax").type).toBe("number");
    expect(field("valueMax").constraints?.required).toBeUndefined();
    expect(field("start").type).toBe("integer");
    expect(field("metric").constraints?.enum).toEqual([
      "trade_balance",
      "trade_volume",
      "exports",
      "imports",
      "tariff_rate",
      "other",
    ]);
    expect(resource.schema.primaryKey).toEqual(["id"]);
  });

  it("describes the CSV's change words and US-dollar columns, which the record does not have", () => {
    const fields = claimsDataPackage(article).resources[0]!.schema.fields;
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(field("change").constraints?.enum).toEqual(["level", "about", "more than", "less than", "up", "down"]);
    expect(field("change").description).toContain("more than (>)");
    expect(field("usdValue")).toMatchObject({ type: "number", description: expect.stringContaining("US dollars") });
    expect(field("usdRate").type).toBe("number");
    expect(field("usdRateSource").type).toBe("string");
    expect(field("usdDerived").type).toBe("boolean");
    for (const name of ["usdValue", "usdValueMax", "usdRate", "usdRateSource", "usdDerived"])
      expect(field(name).constraints?.required).toBeUndefined();
  });

  it("puts our data in the public domain, and leaves the publisher's quoted text to the publisher", () => {
    const pkg = claimsDataPackage(article);
    expect(pkg.$schema).toBe("https://datapackage.org/profiles/2.0/datapackage.json");
    expect(pkg.licenses.map((l) => l.name)).toEqual(["ODC-PDDL-1.0"]);
    expect(JSON.stringify(pkg)).not.toMatch(/CC-BY/);
    const resource = pkg.resources[0]!;
    expect(resource.licenses.map((l) => l.name)).toEqual(["ODC-PDDL-1.0", "other-closed"]);
    expect(resource.licenses[1]!.title).toMatch(
      /^quote and sentence: © AP \/ Reuters: the publisher's text, quoted for verification/,
    );
    const quoted = resource.schema.fields.filter((f) => "rights" in f).map((f) => f.name);
    expect(quoted).toEqual(["quote", "sentence"]);
    for (const f of resource.schema.fields.filter((f) => "rights" in f))
      expect(f.rights).toBe(
        "© AP / Reuters: the publisher's text, quoted for verification; not covered by ODC-PDDL-1.0",
      );
    expect(pkg.description).toContain("not licensed by Tradefigures");
  });
});
