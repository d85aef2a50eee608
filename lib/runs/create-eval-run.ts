import { ConfigValidationError } from "../config/config-error";
import { evalRunConfigSchema, policyLabel, type EvalRunConfig } from "../config/run-config";
import type { Db } from "../db/client";
import { selectRunProblems } from "./select-run-problems";

/**
 * Validate an eval-run config and write its Run row (status QUEUED). The caller
 * enqueues the job afterwards: row first, then job, so a job always finds its row.
 * Throws ConfigValidationError (field → messages) and writes nothing on bad input.
 */
export async function createEvalRun(
  db: Db,
  input: unknown,
  opts: { launchedById?: string; parentRunId?: string; checkpointId?: string } = {},
): Promise<{ id: string; config: EvalRunConfig; total: number }> {
  const parsed = evalRunConfigSchema.safeParse(input);
  if (!parsed.success) throw ConfigValidationError.fromZod(parsed.error);
  const config = parsed.data;
  const dataset = await db.dataset.findUnique({ where: { name: config.dataset }, select: { id: true } });
  if (!dataset) throw new ConfigValidationError({ dataset: [`no dataset named "${config.dataset}"`] });
  const problems = await selectRunProblems(db, { datasetId: dataset.id, split: config.split, problems: config.problems, limit: config.limit });
  if (problems.length === 0) {
    throw new ConfigValidationError({ split: [`dataset "${config.dataset}" has no problems in split "${config.split}"${config.problems ? " matching the given problem ids" : ""}`] });
  }
  if (config.problems) {
    const found = new Set(problems.map((p) => p.externalId));
    const missing = config.problems.filter((id) => !found.has(id));
    if (missing.length) throw new ConfigValidationError({ problems: [`not in ${config.dataset}/${config.split}: ${missing.slice(0, 5).join(", ")}`] });
  }
  const total = problems.length * config.rolloutsPerProblem;
  const run = await db.run.create({
    data: {
      kind: "EVAL",
      name: config.name ?? `${config.policy.kind === "demo" ? "demo" : policyLabel(config.policy)} on ${config.dataset}/${config.split}`,
      config: config as object,
      datasetId: dataset.id,
      split: config.split,
      policyLabel: policyLabel(config.policy),
      endpointId: config.policy.kind === "openai" ? config.policy.endpointId : undefined,
      progressTotal: total,
      launchedById: opts.launchedById,
      parentRunId: opts.parentRunId,
      checkpointId: opts.checkpointId,
    },
    select: { id: true },
  });
  return { id: run.id, config, total };
}
