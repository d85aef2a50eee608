/** Done / total with errored shown as its own segment; accessible as a progressbar. */
export function ProgressBar({ done, total, errored = 0, label }: { done: number; total: number; errored?: number; label?: string }) {
  const safeTotal = Math.max(total, done, 1);
  const okPart = Math.max(0, done - errored) / safeTotal;
  const errPart = errored / safeTotal;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-label={label ?? "progress"}
      data-testid="progress"
    >
      <div className="progress-track">
        <div className="progress-ok" style={{ width: `${okPart * 100}%` }} />
        <div className="progress-err" style={{ width: `${errPart * 100}%` }} />
      </div>
      <span className="progress-text">
        {done.toLocaleString("en-US")} / {total.toLocaleString("en-US")}
        {errored ? ` · ${errored} errored` : ""}
      </span>
    </div>
  );
}
