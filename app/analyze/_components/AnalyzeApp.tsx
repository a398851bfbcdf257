"use client";

import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { StoredArticle } from "@/lib/store/library-file";
import type { LibraryEntry } from "@/lib/store/library-db";
import { deleteArticle, listArticles } from "@/lib/store/library-db";
import type { ViewState } from "@/lib/explore/view-state";
import { DEFAULT_VIEW } from "@/lib/explore/view-state";
import { downloadBlob } from "../../_components/download";
import type { AnalysisRequest, AnalysisResult, ArticleMetaInput, ArticleView, TextInput } from "../protocol";
import { ArticleForm } from "./ArticleForm";
import { JobProgress } from "./JobProgress";
import { Library } from "./Library";
import { OwnArticle } from "./OwnArticle";
import { AnalysisCancelled, runAnalysis } from "./runAnalysis";

interface AnalyzeAppProps {
  initialArticleId: string | null;
  initialView: ViewState;
  today: string;
}

interface Shown {
  article: StoredArticle;
  view: ArticleView;
  initialView: ViewState;
  saveProblem: string | null;
  /** Brought into view when the reader asked for it (not on arrival from a shared link, which scrolls to its claim). */
  reveal: boolean;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The /analyze page: the form, the reader's library and the article on show. All work on the reader's text runs in
 * a worker (runAnalysis); this component only keeps state and talks to IndexedDB.
 */
export function AnalyzeApp({ initialArticleId, initialView, today }: AnalyzeAppProps) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [job, setJob] = useState<{ fraction: number; stage: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancelJob = useRef<(() => void) | null>(null);

  const refresh = useCallback(async () => {
    try {
      setEntries(await listArticles());
    } catch (error) {
      setEntries([]);
      setProblem(messageOf(error));
    }
  }, []);

  /** Runs one worker request with progress; its result, or null when it failed or was cancelled (and said so). */
  const run = useCallback(async (request: AnalysisRequest, stage: string): Promise<AnalysisResult | null> => {
    cancelJob.current?.();
    setProblem(null);
    setNotice(null);
    setJob({ fraction: 0, stage });
    const job = runAnalysis(request, (fraction, label) => setJob({ fraction, stage: label }));
    cancelJob.current = job.cancel;
    try {
      return await job.result;
    } catch (error) {
      if (error instanceof AnalysisCancelled) setNotice(error.message);
      else setProblem(messageOf(error));
      return null;
    } finally {
      if (cancelJob.current === job.cancel) {
        cancelJob.current = null;
        setJob(null);
      }
    }
  }, []);

  const showResult = useCallback((result: AnalysisResult | null, initialView: ViewState, reveal: boolean) => {
    if (result?.type !== "article") return;
    // A transition: React renders a large article's dashboard in slices, between which the page keeps answering.
    startTransition(() =>
      setShown({ article: result.article, view: result.view, initialView, saveProblem: result.saveProblem, reveal }),
    );
  }, []);

  const open = useCallback(
    async (id: string, view: ViewState = DEFAULT_VIEW) => {
      showResult(await run({ type: "open", id }, "Opening"), view, view === DEFAULT_VIEW);
    },
    [run, showResult],
  );

  useEffect(() => {
    void refresh();
    if (initialArticleId) void open(initialArticleId, initialView);
    return () => cancelJob.current?.();
    // Only on arrival: later changes of the view live in the URL, not here.
  }, []);

  const analyse = async (input: TextInput, meta: ArticleMetaInput) => {
    showResult(
      await run({ type: "extract", input, meta, now: new Date().toISOString() }, "Reading the text"),
      DEFAULT_VIEW,
      true,
    );
    await refresh();
  };

  const rename = async (id: string, title: string) => {
    const result = await run({ type: "rename", id, title, now: new Date().toISOString() }, "Renaming");
    if (result?.type === "done") {
      setNotice(result.notice);
      setShown((current) =>
        current?.article.id === id ? { ...current, article: { ...current.article, title: title.trim() } } : current,
      );
    }
    await refresh();
  };

  const remove = async (id: string) => {
    try {
      await deleteArticle(id);
      if (shown?.article.id === id) {
        setShown(null);
        window.history.replaceState(window.history.state, "", window.location.pathname);
      }
    } catch (error) {
      setProblem(messageOf(error));
    }
    await refresh();
  };

  const exportAll = async () => {
    const result = await run({ type: "export", now: new Date().toISOString() }, "Collecting the articles");
    if (result?.type === "exported") downloadBlob(result.fileName, result.file);
  };

  const importFile = async (file: File) => {
    const result = await run({ type: "import", file }, "Checking the file");
    if (result?.type === "done") setNotice(result.notice);
    await refresh();
  };

  return (
    <>
      <header className="analyze-header">
        <p className="brand">
          <a href="/">Tradefigures</a>
          <span className="site-nav">
            <a href="/">The bundled article</a>
          </span>
        </p>
        <h1>Analyse your own article</h1>
        <p className="lede">
          Paste a trade article or drop a file: every figure is extracted in this browser, shown as charts, a table and
          the highlighted text, and kept here for next time. Nothing you paste leaves this machine.
        </p>
      </header>
      <div className="analyze-grid">
        <ArticleForm
          today={today}
          busy={job !== null}
          onAnalyse={(input, meta) => void analyse(input, meta)}
          onProblem={setProblem}
        />
        <Library
          entries={entries}
          openId={shown?.article.id ?? null}
          busy={job !== null}
          onOpen={(id) => void open(id)}
          onRename={rename}
          onDelete={remove}
          onExport={() => void exportAll()}
          onImport={(file) => void importFile(file)}
        />
      </div>
      <div className="analyze-status">
        {job ? <JobProgress fraction={job.fraction} stage={job.stage} onCancel={() => cancelJob.current?.()} /> : null}
        {problem ? (
          <p className="notice error" role="alert" data-testid="problem">
            {problem}
          </p>
        ) : null}
        {notice ? (
          <p className="notice" role="status" data-testid="notice">
            {notice}
          </p>
        ) : null}
      </div>
      {shown ? (
        <OwnArticle
          key={shown.article.id}
          article={shown.article}
          view={shown.view}
          initialView={shown.initialView}
          saveProblem={shown.saveProblem}
          reveal={shown.reveal}
        />
      ) : null}
    </>
  );
}
