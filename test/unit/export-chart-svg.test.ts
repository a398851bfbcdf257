import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import {
  type ChartExportDescription,
  chartSourceLine,
  composeExportSvg,
  escapeXml,
} from "../../app/_components/charts/exportChart";

const chart = {
  markup:
    '<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 360 200"><rect width="10" height="10"/></svg>',
  width: 360,
  height: 200,
};

const description: ChartExportDescription = {
  title: "Money figures",
  source: chartSourceLine("AP / Reuters", "2025-05-06"),
  notes: ["Dashed outline: currency inferred.", "Fading end: “more than”."],
  key: [
    { label: "Trade balance", colour: "#005A8C" },
    { label: "Exports", colour: "#8A5A00" },
  ],
};

/** The composed file read back as XML: its elements and the text of each <text>. */
function parsed(markup: string) {
  const document = parseDocument(markup, { xmlMode: true });
  const elements = DomUtils.getElementsByTagName(() => true, document.children, true);
  const texts = DomUtils.getElementsByTagName("text", document.children, true).map((t) => DomUtils.textContent(t));
  const root = elements[0]!;
  return { elements, texts, root };
}

describe("composeExportSvg", () => {
  const composed = composeExportSvg(chart, description);
  const { elements, texts, root } = parsed(composed.markup);

  it("keeps the chart's width and grows its height by what it adds above and below", () => {
    expect(composed.width).toBe(360);
    expect(composed.height).toBeGreaterThan(chart.height + 60);
    expect(root.name).toBe("svg");
    expect(root.attribs).toMatchObject({
      width: "360",
      height: String(composed.height),
      viewBox: `0 0 360 ${composed.height}`,
    });
  });

  it("says the title, the key, the notes and the source line, in that order", () => {
    expect(texts).toEqual([
      "Money figures",
      "Trade balance",
      "Exports",
      "Dashed outline: currency inferred.",
      "Fading end: “more than”.",
      "Source: AP / Reuters, 2025-05-06 · Tradefigures",
    ]);
    expect(DomUtils.textContent(elements.find((e) => e.name === "title")!)).toBe("Money figures");
    const swatches = elements.filter((e) => e.name === "rect" && e.attribs.rx === "2").map((e) => e.attribs.fill);
    expect(swatches).toEqual(["#005A8C", "#8A5A00"]);
  });

  it("places the chart, unchanged, in a viewport of its own size between the key and the notes", () => {
    const viewport = elements.find((e) => e.name === "svg" && e !== root && e.attribs.y !== undefined)!;
    expect(viewport.attribs).toMatchObject({ x: "0", width: "360", height: "200" });
    expect(composed.markup).toContain(chart.markup);
    const y = (name: string) =>
      Number(elements.find((e) => e.name === "text" && DomUtils.textContent(e) === name)!.attribs.y);
    const top = Number(viewport.attribs.y);
    expect(y("Exports")).toBeLessThan(top);
    expect(y("Dashed outline: currency inferred.")).toBeGreaterThan(top + chart.height);
    expect(y("Source: AP / Reuters, 2025-05-06 · Tradefigures")).toBeLessThan(composed.height);
  });

  it("escapes text and colours, so nothing in a title or label becomes markup", () => {
    const hostile: ChartExportDescription = {
      title: `<script>x</script> & "q" 'y'`,
      source: "Source: A&B <Media>, 2025-01-01 · Tradefigures",
      notes: ["x < y > z\u0000\u0007"],
      key: [{ label: "</text><svg onload=alert(1)>", colour: 'red" onload="alert(1)' }],
    };
    const { markup } = composeExportSvg(chart, hostile);
    const read = parsed(markup);
    expect(read.elements.map((e) => e.name).filter((n) => n === "script")).toEqual([]);
    expect(read.elements.some((e) => Object.keys(e.attribs).includes("onload"))).toBe(false);
    expect(read.texts).toEqual([
      `<script>x</script> & "q" 'y'`,
      "</text><svg onload=alert(1)>",
      "x < y > z",
      "Source: A&B <Media>, 2025-01-01 · Tradefigures",
    ]);
    expect(read.elements.find((e) => e.name === "rect" && e.attribs.rx === "2")!.attribs.fill).toBe(
      'red" onload="alert(1)',
    );
    expect(escapeXml("a\uD800b")).toBe("ab");
  });

  it("wraps a long title and notes within the width, and a longer description makes a taller file", () => {
    const long = composeExportSvg(chart, {
      ...description,
      title: "Canada's merchandise trade surplus with the United States and every other figure of the article",
      notes: [...description.notes, "A note long enough to need a second line when the chart is only 360 pixels wide."],
    });
    expect(long.width).toBe(360);
    expect(long.height).toBeGreaterThan(composed.height + 30);
    expect(parsed(long.markup).texts.length).toBeGreaterThan(texts.length + 1);
  });

  it("with no key and no notes, still adds the title and the source", () => {
    const bare = composeExportSvg(chart, { ...description, notes: [], key: [] });
    expect(parsed(bare.markup).texts).toEqual(["Money figures", "Source: AP / Reuters, 2025-05-06 · Tradefigures"]);
    expect(bare.height).toBeLessThan(composed.height);
    expect(bare.height).toBeGreaterThan(chart.height);
  });
});
