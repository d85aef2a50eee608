import { getPrisma } from "@/lib/db/client";
import { listRunMetricPoints } from "@/lib/queries/runs/list-run-metric-points";
import { prepareTrainingCurves } from "@/components/charts/prepare-training-curves";
import { TrainingCurveChart } from "@/components/charts/TrainingCurveChart";
import { EmptyState } from "@/components/ui/EmptyState";

/** Training curves over steps (streamed in its own Suspense boundary: long runs have many points). */
export async function RunTrainingCurves({ runId }: { runId: string }) {
  const panels = prepareTrainingCurves(await listRunMetricPoints(getPrisma(), runId));
  if (panels.length === 0) return <EmptyState title="No training metrics yet">They appear after the first PPO step.</EmptyState>;
  return (
    <div className="chart-grid" data-testid="training-curves">
      {panels.map((panel) => (
        <TrainingCurveChart key={panel.id} panel={panel} />
      ))}
    </div>
  );
}
