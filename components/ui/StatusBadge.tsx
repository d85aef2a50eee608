const TONE: Record<string, string> = {
  COMPLETED: "ok",
  RUNNING: "live",
  QUEUED: "live",
  PAUSED: "warn",
  FAILED: "bad",
  CANCELLED: "muted",
  ERRORED: "bad",
};

/** Run or episode status as a coloured pill. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${TONE[status] ?? ""}`} data-testid="status-badge">
      {status.toLowerCase()}
    </span>
  );
}
