import type { Db } from "../db/client";
import { enqueue } from "../jobs/boss";
import { QUEUES } from "../jobs/queues";
import { createEvalRun } from "../runs/create-eval-run";

/** On a fresh database, queue one eval of the demo policy so the dashboard has episodes to show. */
export async function seedDemoRun(db: Db, log?: (l: string) => void): Promise<void> {
  if ((await db.run.count()) > 0) return;
  if (!(await db.dataset.findUnique({ where: { name: "demo" }, select: { id: true } }))) return;
  const run = await createEvalRun(db, {
    name: "Demo policy on the demo dataset (not a model)",
    // one split, never all of them mixed (createEvalRun refuses "all" on a dataset with several)
    dataset: "demo",
    split: "test",
    policy: { kind: "demo", seed: 0 },
    rolloutsPerProblem: 4,
  });
  await enqueue(QUEUES.evalRun, { runId: run.id });
  log?.(`queued a demo eval run (${run.total} episodes); the worker plays it now`);
}
