"use client";

import { useState, type FormEvent } from "react";
import type { LibraryEntry } from "@/lib/store/library-db";

interface LibraryProps {
  entries: LibraryEntry[] | null;
  openId: string | null;
  busy: boolean;
  onOpen: (id: string) => void;
  onRename: (id: string, title: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onExport: () => void;
  onImport: (file: File) => void;
}

const count = new Intl.NumberFormat("en");
const longDate = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function Entry({
  entry,
  isOpen,
  busy,
  onOpen,
  onRename,
  onDelete,
}: { entry: LibraryEntry; isOpen: boolean } & Pick<LibraryProps, "busy" | "onOpen" | "onRename" | "onDelete">) {
  const [mode, setMode] = useState<"show" | "rename" | "confirm-delete">("show");

  const rename = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    await onRename(entry.id, title);
    setMode("show");
  };

  if (mode === "rename") {
    return (
      <form className="entry-rename" onSubmit={rename}>
        <label>
          <span className="visually-hidden">New title for {entry.title}</span>
          <input name="title" type="text" defaultValue={entry.title} required maxLength={300} autoFocus />
        </label>
        <button type="submit">Save</button>
        <button type="button" onClick={() => setMode("show")}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <>
      <button
        type="button"
        className="entry-title link-button"
        aria-current={isOpen ? "true" : undefined}
        onClick={() => onOpen(entry.id)}
        disabled={busy}
      >
        {entry.title}
      </button>
      <span className="entry-meta">
        {longDate.format(new Date(`${entry.publishedAt}T00:00:00Z`))} · {entry.locale} · {count.format(entry.figures)}{" "}
        figures · {count.format(entry.characters)} characters · {entry.source}
      </span>
      <span className="entry-actions">
        {mode === "confirm-delete" ? (
          <>
            <span>Delete for good?</span>
            <button type="button" className="danger" onClick={() => void onDelete(entry.id)}>
              Delete
            </button>
            <button type="button" onClick={() => setMode("show")}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => setMode("rename")} aria-label={`Rename ${entry.title}`}>
              Rename
            </button>
            <button type="button" onClick={() => setMode("confirm-delete")} aria-label={`Delete ${entry.title}`}>
              Delete
            </button>
          </>
        )}
      </span>
    </>
  );
}

/** The articles kept in this browser: open, rename, delete; the whole library exports to one JSON file and back. */
export function Library({ entries, openId, busy, onOpen, onRename, onDelete, onExport, onImport }: LibraryProps) {
  return (
    <section className="library" aria-labelledby="library-heading" data-testid="library">
      <h2 id="library-heading">Your articles</h2>
      <p className="hint">Kept in this browser only (IndexedDB). Export them to move them to another browser.</p>
      {entries === null ? (
        <p>Loading…</p>
      ) : entries.length === 0 ? (
        <p>None yet: the articles you analyse are listed here.</p>
      ) : (
        <ul className="entries">
          {entries.map((entry) => (
            <li key={entry.id} data-testid="library-entry">
              <Entry
                entry={entry}
                isOpen={entry.id === openId}
                busy={busy}
                onOpen={onOpen}
                onRename={onRename}
                onDelete={onDelete}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="library-tools">
        <button type="button" onClick={onExport} disabled={!entries?.length}>
          Export all (JSON)
        </button>
        <label className="file-pick">
          <span>Import a library file</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = "";
              if (file) onImport(file);
            }}
          />
        </label>
      </div>
    </section>
  );
}
