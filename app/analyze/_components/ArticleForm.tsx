"use client";

import { useEffect, useRef, useState, type DragEvent, type FormEvent } from "react";
import { DEFAULT_LOCALE } from "@/lib/defaults";
import { KB, MB } from "@/lib/sizes";
import { FILE_INPUT_ACCEPT, formatOf, type InputFormat } from "@/lib/input/formats";
import type { ArticleMetaInput, TextInput } from "../protocol";
import { usePagePrefill } from "./usePagePrefill";

interface ArticleFormProps {
  today: string;
  busy: boolean;
  onAnalyse: (input: TextInput, meta: ArticleMetaInput) => void;
  onProblem: (message: string) => void;
}

const LOCALES = [
  DEFAULT_LOCALE,
  "en-CA",
  "en-GB",
  "en-AU",
  "en-NZ",
  "en-IN",
  "en-IE",
  "de-DE",
  "fr-FR",
  "fr-CA",
  "es-ES",
  "it-IT",
  "ja-JP",
  "zh-CN",
];
/** What pasted text can be read as, in the order the form offers it. */
const PASTED_FORMATS: Record<InputFormat, string> = {
  text: "Plain text",
  markdown: "Markdown",
  html: "HTML (reduced to its text)",
};
const size = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

function sizeLabel(bytes: number): string {
  return bytes >= MB ? `${size.format(bytes / MB)} MB` : `${size.format(Math.max(1, bytes / KB))} kB`;
}

/**
 * Paste a text or drop/choose a file, with the article's title, date and locale. The date and locale are written
 * out in the form (never guessed behind the reader's back): they resolve "last year" and a bare "$". A saved
 * page's own title and date fill in the fields the reader has not typed into, where they can see and change them.
 */
export function ArticleForm({ today, busy, onAnalyse, onProblem }: ArticleFormProps) {
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const prefill = usePagePrefill({ title: titleInput, publishedAt: dateInput }, { title: "", publishedAt: today });
  const isPage = file !== null && formatOf(file.name, file.type) === "html";

  useEffect(() => prefill.fromFile(isPage ? file : null), [file, isPage, prefill]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    // A click before the page's title and date arrived analyses with them, as the reader would have seen them.
    await prefill.settled();
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? "");
    const meta: ArticleMetaInput = {
      title: field("title"),
      publishedAt: field("publishedAt"),
      locale: field("locale").trim(),
      source: file ? file.name : "Pasted text",
    };
    if (file) {
      // The File itself goes to the worker, which reads it there: a large file never blocks this page.
      onAnalyse({ kind: "file", file }, meta);
      return;
    }
    const text = field("text");
    if (text === "") {
      onProblem("Paste an article's text or choose a file first.");
      return;
    }
    onAnalyse({ kind: "text", text, format: field("format") as InputFormat }, meta);
  };

  const drop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <form
      className={dragging ? "article-form dragging" : "article-form"}
      onSubmit={(event) => void submit(event)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      aria-labelledby="new-heading"
      data-testid="article-form"
    >
      <h2 id="new-heading">New analysis</h2>
      <label className="field wide">
        <span>Article text</span>
        <textarea
          name="text"
          rows={8}
          placeholder="Paste the article here, or drop a .txt, .md or .html file anywhere on this form."
          disabled={file !== null}
        />
      </label>
      <div className="file-row">
        {file ? (
          <p className="chosen" data-testid="chosen-file">
            <strong>{file.name}</strong> ({sizeLabel(file.size)}){isPage ? ": reduced to its text, never rendered" : ""}
            <button type="button" onClick={() => setFile(null)}>
              Remove
            </button>
          </p>
        ) : (
          <label className="file-pick">
            <span>Or choose a file</span>
            <input
              type="file"
              name="file"
              accept={FILE_INPUT_ACCEPT}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </label>
        )}
        <label className="field">
          <span>Pasted text is</span>
          <select name="format" defaultValue="text" disabled={file !== null}>
            {Object.entries(PASTED_FORMATS).map(([format, label]) => (
              <option key={format} value={format}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="meta-row">
        <label className="field">
          <span>Title (optional)</span>
          <input
            ref={titleInput}
            name="title"
            type="text"
            maxLength={300}
            placeholder="From the file or first line"
            onChange={() => prefill.edited("title")}
          />
        </label>
        <label className="field">
          <span>Published</span>
          <input
            ref={dateInput}
            name="publishedAt"
            type="date"
            required
            defaultValue={today}
            onChange={() => prefill.edited("publishedAt")}
          />
        </label>
        <label className="field">
          <span>Locale</span>
          <input
            name="locale"
            type="text"
            required
            list="locales"
            defaultValue={DEFAULT_LOCALE}
            pattern="[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*"
            title="A BCP 47 locale such as en-US or en-CA"
          />
          <datalist id="locales">
            {LOCALES.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        </label>
      </div>
      <p className="hint">
        The date resolves periods such as “last year”; the locale decides what a bare “$” means. Everything stays in
        this browser.
      </p>
      <button type="submit" className="primary" disabled={busy}>
        Analyse
      </button>
    </form>
  );
}
