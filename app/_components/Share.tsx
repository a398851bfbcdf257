"use client";

import { useEffect, useState } from "react";

const EMBEDS = [
  ["key-figures", "Key trade figures", 260],
  ["money", "Money figures", 560],
  ["tariffs", "Tariff rates", 380],
  ["positions", "Where the figures are", 360],
] as const;

interface ShareProps {
  /** A seed article can be embedded: its id and title. Pasted articles live in one browser and cannot. */
  embed?: { id: string; title: string };
}

/** "Copy link to this view" (the URL holds the whole view), and each view's <iframe> code for a seed article. */
export function Share({ embed }: ShareProps) {
  const [copied, setCopied] = useState<string | null>(null);
  // The codes name this site's origin, which only the browser knows: drawn once the reader opens them.
  const [open, setOpen] = useState(false);
  // Its code loads after the page's: say when its buttons answer (the e2e tests wait for this, as a reader cannot).
  useEffect(() => {
    document.documentElement.setAttribute("data-share-ready", "");
  }, []);
  const copy = (what: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setCopied(null),
    );
  };
  return (
    <div className="share">
      <button type="button" onClick={() => copy("link", window.location.href)} data-testid="copy-link">
        Copy link to this view
      </button>
      {embed ? (
        <details className="embed-code" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>Embed</summary>
          {(open ? EMBEDS : []).map(([view, label, height]) => {
            const src = `${window.location.origin}/embed/${embed.id}/${view}`;
            const title = `${label}: ${embed.title.replaceAll('"', "&quot;")}`;
            const code = `<iframe src="${src}" title="${title}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
            return (
              <div key={view}>
                <label>
                  {label}
                  <textarea
                    readOnly
                    value={code}
                    data-testid={`embed-code-${view}`}
                    onFocus={(e) => e.currentTarget.select()}
                  />
                </label>
                <button type="button" onClick={() => copy(view, code)}>
                  Copy code
                </button>
              </div>
            );
          })}
        </details>
      ) : null}
      <span role="status" className="copied">
        {copied ? "Copied." : ""}
      </span>
    </div>
  );
}
