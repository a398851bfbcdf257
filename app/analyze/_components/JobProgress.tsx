"use client";

interface JobProgressProps {
  fraction: number;
  stage: string;
  onCancel: () => void;
}

const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });

/** Where a running analysis is; the work is in a worker, so the page (and this Cancel button) stays responsive. */
export function JobProgress({ fraction, stage, onCancel }: JobProgressProps) {
  return (
    <div className="job" role="status" aria-live="polite" data-testid="job-progress">
      <progress max={1} value={fraction} aria-label="Analysis progress" />
      <span>
        {stage}… {percent.format(fraction)}
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
