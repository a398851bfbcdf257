import { unpackArticle, type PackedClaim } from "@/lib/store/packed-article";
import type { AnalysisRequest, AnalysisResponse, AnalysisResult } from "../protocol";

export interface AnalysisJob {
  result: Promise<AnalysisResult>;
  cancel: () => void;
}

export class AnalysisCancelled extends Error {
  override name = "AnalysisCancelled";
}

/**
 * One request to a fresh worker: progress as it comes, then the answer. Cancelling terminates the worker, which
 * stops the work at once however long the text; the page's own thread never runs the extractor or touches a stored
 * article's text.
 */
export function runAnalysis(
  request: AnalysisRequest,
  onProgress?: (fraction: number, stage: string) => void,
): AnalysisJob {
  const worker = new Worker(new URL("../analysis.worker.ts", import.meta.url), {
    type: "module",
    name: "tradefigures-analysis",
  });
  const claims: PackedClaim[] = [];
  const text: string[] = [];
  let settle: { resolve: (value: AnalysisResult) => void; reject: (error: Error) => void } | null = null;
  const result = new Promise<AnalysisResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: AnalysisResult | Error) => {
    if (!settle) return;
    const { resolve, reject } = settle;
    settle = null;
    worker.terminate();
    if (outcome instanceof Error) reject(outcome);
    else resolve(outcome);
  };
  worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
    const message = event.data;
    switch (message.type) {
      case "progress":
        onProgress?.(message.fraction, message.stage);
        break;
      case "part":
        for (const claim of message.claims) claims.push(claim);
        if (message.text) text.push(message.text);
        break;
      case "article":
        finish({
          type: "article",
          article: unpackArticle({ ...message.head, text: text.join(""), claims, sentences: message.sentences }),
          view: message.view,
          saveProblem: message.saveProblem,
        });
        break;
      case "error":
        finish(new Error(message.message));
        break;
      default:
        finish(message);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    // The event's own message is the browser's text ("Uncaught RangeError: …"): for the console, not the reader.
    console.error(event.message);
    finish(
      new Error(
        "The analysis stopped unexpectedly (the text may be too large for this browser's memory); nothing already stored was lost.",
      ),
    );
  };
  worker.onmessageerror = () => finish(new Error("The analysis sent back a result this page could not read."));
  worker.postMessage(request);
  return { result, cancel: () => finish(new AnalysisCancelled("Analysis cancelled.")) };
}
