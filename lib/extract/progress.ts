/**
 * Progress of one extraction as fractions of [0, 1], for a worker's progress bar. Each stage owns a slice of
 * the range, sized by its share of the run time on long texts, and reports how far through the text it is, at
 * most STEPS_PER_STAGE times: a 10 MB text gives about a hundred calls, a short one a few. Fractions only grow;
 * the first is 0 and the last exactly 1.
 */

const STEPS_PER_STAGE = 24;

/** Called with how far (a text offset) a stage's loop has come. */
export type AtPosition = (position: number) => void;

export interface ProgressReporter {
  /** Starts a stage that ends at fraction `to`; the stage before it ends where this one starts. */
  stage(to: number): AtPosition;
  done(): void;
}

const ignore: AtPosition = () => {};
const SILENT: ProgressReporter = { stage: () => ignore, done: () => {} };

export function progressReporter(
  onProgress: ((fraction: number) => void) | undefined,
  length: number,
): ProgressReporter {
  if (!onProgress) return SILENT;
  let last = -1;
  let from = 0;
  const report = (fraction: number) => {
    if (fraction > last) {
      last = fraction;
      onProgress(fraction);
    }
  };
  const step = Math.max(1, length / STEPS_PER_STAGE);
  return {
    stage(to) {
      const start = from;
      from = to;
      report(start);
      let next = step;
      return (position) => {
        if (position < next) return;
        next = position + step;
        report(start + (to - start) * Math.min(1, position / length));
      };
    },
    done: () => report(1),
  };
}
