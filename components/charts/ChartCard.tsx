import type { ReactNode } from "react";

/** Frame for one chart: title, one line on how to read it, the chart, and an empty message when needed. */
export function ChartCard({
  title,
  subtitle,
  empty,
  children,
  testId,
}: {
  title: string;
  subtitle?: ReactNode;
  empty?: string | null;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="chart-card" data-testid={testId}>
      <h3>{title}</h3>
      {subtitle ? <div className="chart-sub">{subtitle}</div> : null}
      {empty ? (
        <div className="muted" style={{ padding: "40px 0", textAlign: "center" }}>
          {empty}
        </div>
      ) : (
        <div style={{ width: "100%", height: 240 }}>{children}</div>
      )}
    </div>
  );
}
