import { formatVerdict } from "./format";

/** A test or attempt verdict; OK is green, everything else names its kind. */
export function VerdictBadge({ verdict, title }: { verdict: string | null | undefined; title?: string }) {
  if (!verdict) return <span className="muted">—</span>;
  const tone = verdict === "OK" ? "ok" : verdict === "SANDBOX_ERROR" || verdict === "UNREADABLE" ? "warn" : "bad";
  return (
    <span className={`badge ${tone}`} title={title ?? verdict} data-verdict={verdict}>
      {formatVerdict(verdict)}
    </span>
  );
}
