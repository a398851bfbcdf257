import { extractArticle } from "@/lib/dataset";
import { loadSeeds } from "@/lib/seeds";

/** Placeholder until the dashboard: the bundled article's figures, straight from lib/. */
export default function Home() {
  const [article] = loadSeeds();
  if (!article) return <main><p>No seed article found in seeds/.</p></main>;
  const { claims } = extractArticle(article);
  const figures = claims.filter((c) => c.kind !== "date");
  const number = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
  return (
    <main>
      <h1>{article.title}</h1>
      <p className="meta">
        {article.source} · {article.publishedAt} · {figures.length} figures, {claims.length - figures.length} dates
      </p>
      <div className="scroll">
        <table>
          <thead>
            <tr><th>Quote</th><th>Value</th><th>Unit</th><th>Change</th><th>Metric</th><th>Period</th><th>Sentence</th></tr>
          </thead>
          <tbody>
            {figures.map((c) => (
              <tr key={c.id} id={`claim-${c.id}`}>
                <td>{c.quote}</td>
                <td className="num">{number.format(c.value)}</td>
                <td>{c.unit ?? "—"}{c.currencyBasis === "inferred" ? " (inferred)" : ""}</td>
                <td>{c.change}</td>
                <td>{c.metric}</td>
                <td>{c.period ?? "—"}</td>
                <td>{c.sentence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
