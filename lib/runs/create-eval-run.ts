import { ConfigValidationError } from "../config/config-error";
import { presetConflicts, withEvalPreset, type EvalPreset } from "../config/eval-presets";
import { evalRunConfigSchema, policyLabel, type EvalRunConfig } from "../config/run-config";
import type { Db } from "../db/client";
import {
  droppedProblemsNotice,
  findProblemsMissingTests,
  listDatasetSplits,
  selectRunProblems,
  type TestRequirement,
} from "./select-run-problems";
import { cgroupNotice } from "../sandbox/cgroups";

/**
 * Validate an eval-run config and write its Run row (status QUEUED). The caller
 * enqueues the job afterwards: row first, then job, so a job always finds its row.
 * Throws ConfigValidationError (field → messages) and writes nothing on bad input:
 * a protocol contradicted by the config, a split that mixes the splits of a dataset
 * holding several. Problems without the tests an episode needs are dropped and the
 * run says so in its notices.
 */
export async function createEvalRun(
  db: Db,
  input: unknown,
  opts: { launchedById?: string; parentRunId?: string; checkpointId?: string; notices?: string[] } = {},
): Promise<{ id: string; config: EvalRunConfig; total: number; notices: string[] }> {
  // a named protocol fills what the input leaves open; what the input sets must then agree with it
  const raw = input && typeof input === "object" ? (input as Record<string, unknown>) : null;
  const withPreset = raw ? withEvalPreset(raw.preset as EvalPreset | undefined, raw) : input;
  const parsed = evalRunConfigSchema.safeParse(withPreset);
  if (!parsed.success) throw ConfigValidationError.fromZod(parsed.error);
  const config = parsed.data;
  const conflicts = presetConflicts(config);
  if (Object.keys(conflicts).length) throw new ConfigValidationError(conflicts);
  const dataset = await db.dataset.findUnique({ where: { name: config.dataset }, select: { id: true } });
  if (!dataset) throw new ConfigValidationError({ dataset: [`no dataset named "${config.dataset}"`] });
  if (config.split === "all") {
    const splits = await listDatasetSplits(db, dataset.id);
    if (splits.length > 1) {
      throw new ConfigValidationError({
        split: [`dataset "${config.dataset}" holds several splits (${splits.join(", ")}): choose one; "all" would mix them`],
      });
    }
  }
  const requireTests: TestRequirement = { for: "evaluation", judgeTests: config.environment.judgeTests };
  const scope = { datasetId: dataset.id, split: config.split, problems: config.problems };
  const problems = await selectRunProblems(db, { ...scope, limit: config.limit, requireTests });
  const dropped = await findProblemsMissingTests(db, { ...scope, requireTests });
  if (problems.length === 0) {
    throw new ConfigValidationError({
      split: [
        `dataset "${config.dataset}" has no problems with tests in split "${config.split}"${config.problems ? " matching the given problem ids" : ""}${dropped.count ? ` (${droppedProblemsNotice(dropped, requireTests)})` : ""}`,
      ],
    });
  }
  if (config.problems) {
    const found = new Set((await selectRunProblems(db, scope)).map((p) => p.externalId));
    const missing = config.problems.filter((id) => !found.has(id));
    if (missing.length)
      throw new ConfigValidationError({ problems: [`not in ${config.dataset}/${config.split}: ${missing.slice(0, 5).join(", ")}`] });
  }
  // a sandbox that cannot count shared memory says so in the run (issue 12.1)
  const notices = [
    ...(opts.notices ?? []),
    ...[droppedProblemsNotice(dropped, requireTests), cgroupNotice()].filter((n): n is string => n !== null),
  ];
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
      notices,
      launchedById: opts.launchedById,
      parentRunId: opts.parentRunId,
      checkpointId: opts.checkpointId,
    },
    select: { id: true },
  });
  return { id: run.id, config, total, notices };
}
