import type { QueueProgress } from "@/lib/annotations/queue-progress";

export function QueueProgressCard({ progress, reviewed }: { progress: QueueProgress; reviewed: number }) {
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 100;
  return (
    <div className="card queue-progress" data-testid="queue-progress">
      <div>
        <b data-testid="queue-done-count">{progress.done}</b> of <b data-testid="queue-total">{progress.total}</b> annotated ({percent}%)
      </div>
      <div className="progress-track" style={{ height: 6, background: "var(--border)", borderRadius: 3, overflow: "hidden" }}>
        <div style={{ width: `${percent}%`, height: "100%", background: "var(--accent)" }} />
      </div>
      <div className="muted small">
        you: <span data-testid="queue-reviewed">{reviewed}</span> this session
        {progress.inReviewByOthers ? ` · ${progress.inReviewByOthers} in review by others` : ""}
      </div>
    </div>
  );
}
