"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { libraryFile, type LibraryEntry, type StoredArticle } from "@/lib/library";
import { allArticles, deleteArticle, getArticle, listArticles, renameArticle, saveArticles } from "@/lib/library-db";
import type { ViewState } from "@/lib/view-state";
import { DEFAULT_VIEW } from "@/lib/view-state";
import { downloadText } from "../../_components/download";
import type { ArticleMetaInput, ArticleView, TextInput } from "../protocol";
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

  /** Runs one worker request with progress; the answer, or null when it failed or was cancelled (and said so). */
  const run = useCallback(async <T,>(request: Parameters<typeof runAnalysis>[0], stage: string, pick: (answer: Awaited<ReturnType<typeof runAnalysis>["result"]>) => T | null) => {
    cancelJob.current?.();
    setProblem(null);
    setNotice(null);
    setJob({ fraction: 0, stage });
    const job = runAnalysis(request, (fraction, label) => setJob({ fraction, stage: label }));
    cancelJob.current = job.cancel;
    try {
      return pick(await job.result);
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

  const show = useCallback(async (article: StoredArticle, view: ViewState, saveProblem: string | null = null) => {
    const answer = await run({ type: "view", article }, "Drawing charts", (a) => (a.type === "view" ? a.view : null));
    if (answer) setShown({ article, view: answer, initialView: view, saveProblem, reveal: view === DEFAULT_VIEW });
  }, [run]);

  const open = useCallback(async (id: string, view: ViewState = DEFAULT_VIEW) => {
    try {
      const article = await getArticle(id);
      if (article) await show(article, view);
      else setProblem("That article is not stored in this browser (deleted, or saved in another browser).");
    } catch (error) {
      setProblem(messageOf(error));
    }
  }, [show]);

  useEffect(() => {
    void refresh();
    if (initialArticleId) void open(initialArticleId, initialView);
    return () => cancelJob.current?.();
    // Only on arrival: later changes of the view live in the URL, not here.
  }, []);

  const analyse = async (input: TextInput, meta: ArticleMetaInput) => {
    const answer = await run({ type: "extract", input, meta, now: new Date().toISOString() }, "Reading the text", (a) => (a.type === "extracted" ? a : null));
    if (!answer) return;
    let saveProblem: string | null = null;
    try {
      await saveArticles([answer.article]);
    } catch (error) {
      saveProblem = `${messageOf(error)} The figures below are still here to read and download.`;
    }
    setShown({ article: answer.article, view: answer.view, initialView: DEFAULT_VIEW, saveProblem, reveal: true });
    await refresh();
  };

  const rename = async (id: string, title: string) => {
    try {
      await renameArticle(id, title);
      if (shown?.article.id === id) setShown({ ...shown, article: { ...shown.article, title: title.trim() } });
      await refresh();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const remove = async (id: string) => {
    try {
      await deleteArticle(id);
      if (shown?.article.id === id) {
        setShown(null);
        window.history.replaceState(window.history.state, "", window.location.pathname);
      }
      await refresh();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const exportAll = async () => {
    try {
      const articles = await allArticles();
      downloadText(`tradefigures-library-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(libraryFile(articles)), "application/json");
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const importFile = async (file: File) => {
    const articles = await run({ type: "import", file }, "Checking the file", (a) => (a.type === "imported" ? a.articles : null));
    if (!articles) return;
    try {
      await saveArticles(articles, `the ${articles.length} imported article${articles.length === 1 ? "" : "s"}`);
      setNotice(`Imported ${articles.length} article${articles.length === 1 ? "" : "s"} from ${file.name}.`);
    } catch (error) {
      setProblem(messageOf(error));
    }
    await refresh();
  };

  return (
    <>
      <header className="analyze-header">
        <p className="brand"><a href="/">Tradefigures</a><span className="site-nav"><a href="/">The bundled article</a></span></p>
        <h1>Analyse your own article</h1>
        <p className="lede">Paste a trade article or drop a file: every figure is extracted in this browser, shown as charts, a table and the highlighted text, and kept here for next time. Nothing you paste leaves this machine.</p>
      </header>
      <div className="analyze-grid">
        <ArticleForm today={today} busy={job !== null} onAnalyse={(input, meta) => void analyse(input, meta)} onProblem={setProblem} />
        <Library entries={entries} openId={shown?.article.id ?? null} busy={job !== null} onOpen={(id) => void open(id)} onRename={rename} onDelete={remove} onExport={() => void exportAll()} onImport={(file) => void importFile(file)} />
      </div>
      <div className="analyze-status">
        {job ? <JobProgress fraction={job.fraction} stage={job.stage} onCancel={() => cancelJob.current?.()} /> : null}
        {problem ? <p className="notice error" role="alert" data-testid="problem">{problem}</p> : null}
        {notice ? <p className="notice" role="status" data-testid="notice">{notice}</p> : null}
      </div>
      {shown ? <OwnArticle key={shown.article.id} article={shown.article} view={shown.view} initialView={shown.initialView} saveProblem={shown.saveProblem} reveal={shown.reveal} /> : null}
    </>
  );
}
