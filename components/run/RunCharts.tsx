import type { RunSummary } from "@/lib/metrics/run-summary-schema";
import { CodeChangeChart } from "@/components/charts/CodeChangeChart";
import { ErrorKindsChart } from "@/components/charts/ErrorKindsChart";
import { prepareCodeChange } from "@/components/charts/prepare-code-change";
import { prepareErrorKinds } from "@/components/charts/prepare-error-kinds";
import { prepareSolveRateByTurn } from "@/components/charts/prepare-solve-rate-by-turn";
import { SolveRateByTurnChart } from "@/components/charts/SolveRateByTurnChart";

/** The run's analysis charts; data is prepared here on the server, the chart components only draw. */
export function RunCharts({ summary }: { summary: RunSummary }) {
  return (
    <div className="chart-grid" data-testid="run-charts">
      <SolveRateByTurnChart bars={prepareSolveRateByTurn(summary.solveRateByTurn)} />
      <ErrorKindsChart chart={prepareErrorKinds(summary.errorKinds)} />
      <CodeChangeChart chart={prepareCodeChange(summary.codeChange.overall)} />
    </div>
  );
}
