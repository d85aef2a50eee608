/** An episode's outcome: solved, failed, errored or still running. */
export function OutcomeBadge({ status, solved }: { status: string; solved: boolean | null }) {
  if (status === "ERRORED")
    return (
      <span className="badge bad" title="infrastructure error: excluded from metrics">
        errored
      </span>
    );
  if (status === "RUNNING" || solved === null) return <span className="badge live">running</span>;
  return solved ? (
    <span className="badge ok" data-testid="outcome-solved">
      solved
    </span>
  ) : (
    <span className="badge bad" data-testid="outcome-failed">
      failed
    </span>
  );
}
