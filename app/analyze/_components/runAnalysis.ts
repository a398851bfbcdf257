import type { AnalysisRequest, AnalysisResponse } from "../protocol";

export interface AnalysisJob<T> {
  result: Promise<T>;
  cancel: () => void;
}

export class AnalysisCancelled extends Error {
  override name = "AnalysisCancelled";
}

type Settled = Exclude<AnalysisResponse, { type: "progress" } | { type: "error" }>;

/**
 * One request to a fresh worker: progress as it comes, then the answer. Cancelling terminates the worker, which
 * stops the work at once however long the text; the page's own thread never runs the extractor.
 */
export function runAnalysis(request: AnalysisRequest, onProgress?: (fraction: number, stage: string) => void, transfer: Transferable[] = []): AnalysisJob<Settled> {
  const worker = new Worker(new URL("../analysis.worker.ts", import.meta.url), { type: "module", name: "tradefigures-analysis" });
  let settle: { resolve: (value: Settled) => void; reject: (error: Error) => void } | null = null;
  const result = new Promise<Settled>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: Settled | Error) => {
    if (!settle) return;
    const { resolve, reject } = settle;
    settle = null;
    worker.terminate();
    if (outcome instanceof Error) reject(outcome);
    else resolve(outcome);
  };
  worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
    const message = event.data;
    if (message.type === "progress") onProgress?.(message.fraction, message.stage);
    else if (message.type === "error") finish(new Error(message.message));
    else finish(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish(new Error(`The analysis stopped unexpectedly${event.message ? `: ${event.message}` : ""} (the text may be too large for this browser's memory).`));
  };
  worker.onmessageerror = () => finish(new Error("The analysis sent back a result this page could not read."));
  worker.postMessage(request, transfer);
  return { result, cancel: () => finish(new AnalysisCancelled("Analysis cancelled: nothing was saved.")) };
}
