// The JavaScript heap of a tab while something runs in it: the page's own (CDP Performance.getMetrics) and that of
// each of its dedicated workers (Runtime.getHeapUsage), sampled every few hundred milliseconds until stopped.
import type { BrowserContext, CDPSession, Page } from "playwright-core";

const INTERVAL_MS = 200;
const ANSWER_MS = 2_000;

export interface HeapPeaks {
  /** The page's used JS heap at its highest sample, in bytes. */
  page: number;
  /** The workers' used JS heap at its highest sample (all workers of one sample together), in bytes. */
  workers: number;
  /** Page and workers in the same sample, at the highest: what the tab held at once. */
  tab: number;
  samples: number;
}

export interface HeapSampler {
  stop(): Promise<HeapPeaks>;
}

/**
 * Workers are reached through the page's session in the protocol's older, non-flat mode (messages wrapped in
 * Target.sendMessageToTarget): playwright-core's CDPSession cannot address the child sessions of the flat mode.
 */
class WorkerSessions {
  private readonly sessions = new Set<string>();
  private readonly waiting = new Map<number, (usedSize: number) => void>();
  private nextId = 1;

  constructor(private readonly cdp: CDPSession) {
    cdp.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => {
      if (targetInfo.type === "worker") this.sessions.add(sessionId);
    });
    cdp.on("Target.detachedFromTarget", ({ sessionId }) => {
      if (sessionId) this.sessions.delete(sessionId);
    });
    cdp.on("Target.receivedMessageFromTarget", ({ message }) => {
      const { id, result } = JSON.parse(message) as { id?: number; result?: { usedSize?: number } };
      if (id === undefined) return;
      this.waiting.get(id)?.(result?.usedSize ?? 0);
      this.waiting.delete(id);
    });
  }

  attach(): Promise<unknown> {
    return this.cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  /** One worker's used heap; 0 if it ends (a finished job's worker is terminated) before answering. */
  private usedHeap(sessionId: string): Promise<number> {
    const id = this.nextId++;
    const answer = new Promise<number>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(0);
      }, ANSWER_MS);
      this.waiting.set(id, (usedSize) => {
        clearTimeout(timer);
        resolve(usedSize);
      });
    });
    const message = JSON.stringify({ id, method: "Runtime.getHeapUsage" });
    return this.cdp.send("Target.sendMessageToTarget", { sessionId, message }).then(
      () => answer,
      () => 0,
    );
  }

  async usedHeaps(): Promise<number> {
    const sizes = await Promise.all([...this.sessions].map((sessionId) => this.usedHeap(sessionId)));
    return sizes.reduce((sum, size) => sum + size, 0);
  }
}

export async function sampleHeap(context: BrowserContext, page: Page): Promise<HeapSampler> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const workers = new WorkerSessions(cdp);
  await workers.attach();
  const peaks: HeapPeaks = { page: 0, workers: 0, tab: 0, samples: 0 };
  const sample = async () => {
    const [{ metrics }, inWorkers] = await Promise.all([cdp.send("Performance.getMetrics"), workers.usedHeaps()]);
    const inPage = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    peaks.page = Math.max(peaks.page, inPage);
    peaks.workers = Math.max(peaks.workers, inWorkers);
    peaks.tab = Math.max(peaks.tab, inPage + inWorkers);
    peaks.samples++;
  };
  let running = true;
  // A sample that fails (the tab crashed) ends the sampling; stop() reports it.
  let failure: unknown = null;
  const loop = (async () => {
    try {
      while (running) {
        await sample();
        await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
      }
    } catch (error) {
      failure = error;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      if (failure) throw failure;
      await sample();
      await cdp.detach();
      return peaks;
    },
  };
}
