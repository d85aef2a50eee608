import type { ReactNode } from "react";

/** One headline number with an optional interval and a line saying what it means. */
export function MetricCard({
  label,
  value,
  detail,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  hint?: string;
  testId?: string;
}) {
  return (
    <div className="metric-card" data-testid={testId} title={hint}>
      <div className="metric-label">{label}</div>
      <div className="metric-value">{value}</div>
      {detail ? <div className="metric-detail muted">{detail}</div> : null}
    </div>
  );
}
