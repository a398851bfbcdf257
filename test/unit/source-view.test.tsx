import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SourceView } from "../../app/_components/SourceView";
import { extractArticle } from "../../lib/dataset";
import { loadSeeds } from "../../lib/seeds";

const article = loadSeeds()[0]!;
const { claims } = extractArticle(article);
const noop = () => {};

describe("SourceView on the seed article", () => {
  it("renders the whole text as before: golden HTML", async () => {
    const selectedId = claims.find((c) => c.quote === "$760 billion")!.id;
    const html = renderToStaticMarkup(<SourceView text={article.text} claims={claims} selectedId={selectedId} onSelect={noop} />);
    await expect(`${html.replace(/></g, ">\n<")}\n`).toMatchFileSnapshot("../golden/source-view.html");
  });
});
