import type { KeyFigure } from "@/lib/chart/key-figures";

interface KeyFiguresProps {
  figures: KeyFigure[];
  /** Embedded elsewhere: links open the figure on its article's page (a new tab) instead of selecting it here. */
  linkBase?: string;
}

/**
 * The article's trade figures as a row of cards, the first thing under the header: value in its currency, the
 * US-dollar equivalent (stated, or derived and said so), what it measures, its period, and a link to its sentence.
 * Plain links (#claim-<id>): the dashboard selects the figure, and without JavaScript the link still goes somewhere.
 */
export function KeyFigures({ figures, linkBase }: KeyFiguresProps) {
  if (figures.length === 0) return null;
  return (
    <section className="key-figures" aria-labelledby="key-figures-heading" id="key-figures">
      <h2 id="key-figures-heading" className="visually-hidden">
        Key trade figures
      </h2>
      <ul className="cards" data-testid="key-figures">
        {figures.map((f) => (
          <li key={f.id} className={`card metric-${f.metric}${f.modality ? " not-in-force" : ""}`} data-claim-id={f.id}>
            <p className="card-metric">
              <span className={`metric metric-${f.metric}`}>{f.metricLabel}</span>
              {f.modality ? <span className="modality">{f.modality}</span> : null}
            </p>
            <p className="card-value">
              {f.value}
              {f.currencyInferred ? (
                <abbr className="inferred" title="Currency inferred from the article's convention">
                  *
                </abbr>
              ) : null}
            </p>
            {f.usd ? (
              <p className={`card-usd usd-${f.usd.basis}`} title={f.usd.note ?? undefined}>
                {f.usd.basis === "stated" ? `${f.usd.text} as stated` : `≈ ${f.usd.text}, derived`}
                {f.usd.note ? <span className="visually-hidden"> {f.usd.note}</span> : null}
              </p>
            ) : null}
            <p className="card-what">
              {f.what}
              {f.period ? (
                <>
                  {", "}
                  <span
                    className="card-period"
                    title={f.periodBasis === "explicit" ? undefined : "Period resolved, not stated"}
                  >
                    {f.period}
                    {f.periodBasis === "explicit" ? "" : "*"}
                  </span>
                </>
              ) : null}
            </p>
            <a
              className="card-link"
              href={linkBase === undefined ? `#claim-${f.id}` : `${linkBase}?claim=${encodeURIComponent(f.id)}`}
              target={linkBase === undefined ? undefined : "_blank"}
              rel={linkBase === undefined ? undefined : "noopener"}
              aria-label={`${f.metricLabel} ${f.value}, ${f.what}: show its sentence`}
            >
              Sentence
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
