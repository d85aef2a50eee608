import type { Db } from "../../db/client";
import { readRunSummary } from "../../runs/read-run-summary";

export interface CheckpointEvalPoint {
  runId: string;
  runName: string;
  status: string;
  split: string;
  step: number;
  /** 1@3 with both interval kinds (lib/metrics/confidence-intervals.ts) */
  oneAtThree: {
    value: number | null;
    rollout: { lower: number | null; upper: number | null };
    problem: { lower: number | null; upper: number | null };
  } | null;
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
  const training = await db.run.findUnique({
    where: { id: trainingRunId },
    select: { id: true, name: true, kind: true, status: true, trainStep: true },
  });
  if (!training) return null;
  const children = await db.run.findMany({
    where: { parentRunId: trainingRunId, kind: "EVAL" },
    select: { id: true, name: true, status: true, split: true, summary: true, trainStep: true, checkpoint: { select: { step: true } } },
  });
  const summaries = await Promise.all(children.map((run) => readRunSummary(db, { ...run, kind: "EVAL" })));
  const points: CheckpointEvalPoint[] = children.map((run, i) => {
    const s = summaries[i];
    return {
      runId: run.id,
      runName: run.name,
      status: run.status,
      split: run.split,
      step: run.checkpoint?.step ?? run.trainStep,
      oneAtThree: s
        ? {
            value: s.oneAtThree.value,
            rollout: { lower: s.oneAtThree.intervals.rollout.lower, upper: s.oneAtThree.intervals.rollout.upper },
            problem: { lower: s.oneAtThree.intervals.problem.lower, upper: s.oneAtThree.intervals.problem.upper },
          }
        : null,
      passAt1: s?.passAt1.value ?? null,
      singleTurnOneAtThree: s?.singleTurnOneAtThree.value ?? null,
      solveRateByTurn: s ? s.solveRateByTurn.map((t) => t.rate) : [],
    };
  });
  points.sort((x, y) => x.step - y.step || x.split.localeCompare(y.split));
  return { training, points };
}
