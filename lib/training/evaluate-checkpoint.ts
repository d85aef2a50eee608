import { environmentConfigSchema, samplingConfigSchema } from "../config/run-config";
import type { TrainRunConfig } from "../config/train-config";
import type { Db } from "../db/client";
import type { EpisodeEnvironment } from "../episode/environment";
import { createEvalRun } from "../runs/create-eval-run";
import { executeEvalRun } from "../runs/execute-eval-run";
import { runLeased } from "../runs/run-leased";
import { recordPoints } from "./record-step-metrics";

/**
 * Evaluate the checkpoint the trainer serves right now through the ordinary
 * eval-run code (a child run of the training run), and put its headline
 * numbers on the training run's curves. Idempotent per checkpoint.
 */
export async function evaluateCheckpoint(
  db: Db,
  args: { runId: string; config: TrainRunConfig; checkpointId: string; step: number; env: EpisodeEnvironment; signal?: AbortSignal },
): Promise<void> {
  const { config } = args;
  let child = await db.run.findFirst({ where: { parentRunId: args.runId, checkpointId: args.checkpointId }, select: { id: true } });
  if (!child) {
    child = await createEvalRun(
      db,
      {
        name: `step ${args.step} on ${config.dataset}/${config.eval.split}`,
        policy: { kind: "trainer", baseUrl: config.trainer.baseUrl, model: "policy" },
        dataset: config.dataset,
        split: config.eval.split,
        limit: config.eval.limit,
        rolloutsPerProblem: config.eval.rolloutsPerProblem,
        // the evaluation environment (issue 10.12): generated tests judged, evaluation sampling and max
        // tokens; the turn limit and feedback mode stay those the policy is trained for
        environment: environmentConfigSchema.parse({
          turnLimit: config.environment.turnLimit,
          feedback: config.environment.feedback,
          truncateChars: config.environment.truncateChars,
          defaultTimeLimitMs: config.environment.defaultTimeLimitMs,
          defaultMemoryLimitBytes: config.environment.defaultMemoryLimitBytes,
          systemPrompt: config.environment.systemPrompt,
          judgeTests: "public+private+generated",
        }),
        reward: config.reward,
        sampling: {
          temperature: config.eval.temperature,
          topP: config.eval.topP,
          maxTokens: config.eval.maxTokens ?? samplingConfigSchema.parse({}).maxTokens,
        },
        concurrency: config.concurrency,
      },
      { parentRunId: args.runId, checkpointId: args.checkpointId },
    );
  }
  // Hold the child's lease so no other worker's reaper mistakes it for an orphan.
  const childId = child.id;
  await runLeased(childId, `train-run:${args.runId}`, ({ signal }) =>
    executeEvalRun(db, childId, { signal: AbortSignal.any([signal, ...(args.signal ? [args.signal] : [])]) }),
  );
  args.signal?.throwIfAborted();
  const done = await db.run.findUniqueOrThrow({ where: { id: child.id }, select: { summary: true } });
  const summary = done.summary as {
    oneAtThree?: { value: number | null };
    solveRateByTurn?: { turn: number; rate: number | null }[];
  } | null;
  const values: Record<string, number> = {};
  if (summary?.oneAtThree?.value != null) values["eval/one_at_three"] = summary.oneAtThree.value;
  for (const t of summary?.solveRateByTurn ?? []) if (t.rate != null) values[`eval/solved_after_turn_${t.turn}`] = t.rate;
  if (Object.keys(values).length) await recordPoints(db, args.runId, args.step, values);
}
