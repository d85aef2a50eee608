import type { Db } from "../db/client";
import { runSummarySchema } from "../metrics/run-summary-schema";

export interface CheckpointEvalPoint {
  runId: string;
  runName: string;
  status: string;
  split: string;
  step: number;
  oneAtThree: { value: number | null; lower: number | null; upper: number | null } | null;
  passAt1: number | null;
  singleTurnOneAtThree: number | null;
  solveRateByTurn: (number | null)[];
}

/**
 * The eval runs a training run launched at its checkpoints (parentRunId = the training run), with
 * the step each evaluated and its stored summary. A run still going has no summary yet: its point
 * is listed with null metrics until it finishes.
 */
export async function loadCheckpointEvals(db: Db, trainingRunId: string) {
  const training = await db.run.findUnique({ where: { id: trainingRunId }, select: { id: true, name: true, kind: true, status: true, trainStep: true } });
  if (!training) return null;
  const children = await db.run.findMany({
    where: { parentRunId: trainingRunId, kind: "EVAL" },
    select: { id: true, name: true, status: true, split: true, summary: true, trainStep: true, checkpoint: { select: { step: true } } },
  });
  const points: CheckpointEvalPoint[] = children.map((run) => {
    const summary = runSummarySchema.safeParse(run.summary);
    const s = summary.success ? summary.data : null;
    return {
      runId: run.id, runName: run.name, status: run.status, split: run.split,
      step: run.checkpoint?.step ?? run.trainStep,
      oneAtThree: s ? { value: s.oneAtThree.value, lower: s.oneAtThree.ci.lower, upper: s.oneAtThree.ci.upper } : null,
      passAt1: s?.passAt1.value ?? null,
      singleTurnOneAtThree: s?.singleTurnOneAtThree.value ?? null,
      solveRateByTurn: s ? s.solveRateByTurn.map((t) => t.rate) : [],
    };
  });
  points.sort((x, y) => x.step - y.step || x.split.localeCompare(y.split));
  return { training, points };
}
