import { Command, Option } from "commander";
import { ConfigValidationError } from "../../lib/config/config-error";
import { evalConfigDefaults } from "../../lib/config/form-input";
import { EVAL_PRESETS, EVAL_PRESET_LABELS, type EvalPreset } from "../../lib/config/eval-presets";
import { FEEDBACK_MODES, FEEDBACK_TEST_SETS, JUDGE_TEST_SETS, POLICY_KINDS, type PolicyKind } from "../../lib/config/options";
import type { Db } from "../../lib/db/client";
import { getPrisma } from "../../lib/db/client";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { stopBoss } from "../../lib/jobs/boss";
import { runSummarySchema } from "../../lib/metrics/run-summary-schema";
import { findDatasetId } from "../../lib/queries/datasets/find-dataset-id";
import { createEvalRun } from "../../lib/runs/create-eval-run";
import { executeEvalRun } from "../../lib/runs/execute-eval-run";
import { listDatasetSplits } from "../../lib/runs/select-run-problems";
import { formatSummary } from "../format-summary";
import { driveRun } from "../drive-run";

interface EvalOptions {
  dataset: string;
  split?: string;
  policy: PolicyKind;
  baseUrl?: string;
  model?: string;
  apiKeyEnv?: string;
  rollouts?: number;
  turns?: number;
  limit?: number;
  problems?: string[];
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  concurrency?: number;
  feedback?: string;
  judgeTests?: string;
  feedbackTests?: string;
  feedbackTestCount?: number;
  feedbackMaxFailures?: number;
  name?: string;
  inline?: boolean;
  wait: boolean;
  json?: boolean;
  protocol?: EvalPreset;
  preset?: EvalPreset;
}

const int = (v: string) => Number.parseInt(v, 10);

function toConfig(o: EvalOptions, split: string) {
  const policy =
    o.policy === "demo"
      ? { kind: "demo", seed: o.seed ?? 0 }
      : { kind: o.policy, baseUrl: o.baseUrl, model: o.model, ...(o.apiKeyEnv ? { apiKeyEnv: o.apiKeyEnv } : {}) };
  // a flag left out is absent from the input: the protocol (when named) or the schema's default decides
  return {
    name: o.name,
    policy,
    dataset: o.dataset,
    split,
    preset: o.protocol ?? o.preset,
    problems: o.problems,
    limit: o.limit,
    rolloutsPerProblem: o.rollouts,
    concurrency: o.concurrency,
    environment: {
      turnLimit: o.turns,
      feedback: o.feedback,
      judgeTests: o.judgeTests,
      feedbackTests: o.feedbackTests,
      feedbackTestCount: o.feedbackTestCount,
      feedbackMaxFailures: o.feedbackMaxFailures,
    },
    sampling: { temperature: o.temperature, topP: o.topP, maxTokens: o.maxTokens, seed: o.policy === "demo" ? undefined : o.seed },
  };
}

/**
 * The split to evaluate. A dataset holding several splits is never evaluated on all of them mixed:
 * without --split the "test" split is taken, and the choice is printed and stored with the run; with
 * no "test" split the command asks for one.
 */
async function resolveSplit(db: Db, o: EvalOptions): Promise<{ split: string; notice?: string }> {
  if (o.split) return { split: o.split };
  const datasetId = await findDatasetId(db, o.dataset);
  if (!datasetId) return { split: "all" };
  const splits = await listDatasetSplits(db, datasetId);
  if (splits.length <= 1) return { split: splits[0] ?? "all" };
  if (splits.includes("test")) {
    return {
      split: "test",
      notice: `no --split given: evaluating split "test" of "${o.dataset}" (it holds ${splits.join(", ")}; splits are never mixed)`,
    };
  }
  throw new ConfigValidationError({
    split: [`dataset "${o.dataset}" holds several splits (${splits.join(", ")}): choose one with --split`],
  });
}

export function evalCommand(): Command {
  // An absent config flag is absent from the config input, so the schema (or a --protocol) decides;
  // the help shows the schema's default.
  const d = evalConfigDefaults();
  const dflt = (path: string) => ` (default: ${d[path]})`;
  return new Command("eval")
    .description("evaluate a policy on a dataset: multi-turn episodes with execution feedback, then the paper's metrics")
    .requiredOption("--dataset <name>", "dataset name (see `rlef import`)")
    .option("--split <split>", 'dataset split (default: the only one, else "test"; splits are never mixed)')
    .addOption(
      new Option(
        "--protocol <name>",
        `the paper's evaluation protocol, checked: ${EVAL_PRESETS.map((p) => `${p} = ${EVAL_PRESET_LABELS[p]}`).join("; ")}; a flag that contradicts it is refused`,
      ).choices(EVAL_PRESETS),
    )
    .addOption(new Option("--preset <name>", "the same as --protocol").choices(EVAL_PRESETS).hideHelp())
    .addOption(new Option("--policy <kind>", "who writes the code").choices(POLICY_KINDS).default("demo"))
    .option("--base-url <url>", "OpenAI-compatible base URL, e.g. http://localhost:8000/v1")
    .option("--model <name>", "model name sent to the endpoint")
    .option("--api-key-env <VAR>", "environment variable holding the API key")
    .option("--rollouts <n>", "rollouts per problem" + dflt("rolloutsPerProblem"), int)
    .option("--turns <n>", "turn limit" + dflt("environment.turnLimit"), int)
    .option("--limit <k>", "first K problems of the split", int)
    .option("--problems <ids...>", "only these problem ids")
    .option("--temperature <t>", "sampling temperature (paper: 0.2 for 1@3, 1.0 for 10@100)" + dflt("sampling.temperature"), Number)
    .option("--top-p <p>", "nucleus sampling (paper: 0.95)" + dflt("sampling.topP"), Number)
    .option("--max-tokens <n>", "max tokens per reply" + dflt("sampling.maxTokens"), int)
    .option(
      "--seed <n>",
      "run seed: each (problem, sample, turn) request is sent its own seed derived from it (demo policy: scenario seed)",
      int,
    )
    .option("--concurrency <n>", "episodes in flight" + dflt("concurrency"), int)
    .addOption(
      new Option("--feedback <mode>", "feedback ablations: none = App. B.5, random = App. C.2" + dflt("environment.feedback")).choices(
        FEEDBACK_MODES,
      ),
    )
    .addOption(
      new Option(
        "--feedback-tests <set>",
        "in-loop tests: public (the paper) or public+hidden (App. B.3)" + dflt("environment.feedbackTests"),
      ).choices(FEEDBACK_TEST_SETS),
    )
    .option("--feedback-test-count <n>", "public+hidden: tests each reply runs on" + dflt("environment.feedbackTestCount"), int)
    .option("--feedback-max-failures <n>", "public+hidden: failures shown at most" + dflt("environment.feedbackMaxFailures"), int)
    .addOption(new Option("--judge-tests <set>", "tests that decide the reward" + dflt("environment.judgeTests")).choices(JUDGE_TEST_SETS))
    .option("--name <name>", "run name")
    .option("--inline", "run in this process instead of enqueuing for a worker")
    .option("--no-wait", "enqueue and return the run id at once")
    .option("--json", "print the summary as JSON")
    .action(async (o: EvalOptions) => {
      const dbHandle = await ensureDatabase();
      const db = getPrisma();
      let exitCode = 0;
      try {
        const { split, notice } = await resolveSplit(db, o);
        const run = await createEvalRun(db, toConfig(o, split), { notices: notice ? [notice] : [] });
        for (const n of run.notices) console.error(`note: ${n}`);
        if (!o.json) console.error(`run ${run.id}: ${run.total} episodes`);
        const done = await driveRun(db, { id: run.id, kind: "EVAL" }, o, (signal, onProgress) =>
          executeEvalRun(db, run.id, { signal, onProgress }),
        );
        if (!done) {
          console.log(run.id);
          return;
        }
        if (done.status !== "COMPLETED") {
          console.error(`run ${run.id} ended ${done.status}${done.error ? `: ${done.error}` : ""}`);
          exitCode = 1;
        } else {
          const summary = runSummarySchema.parse(done.summary);
          if (o.json)
            console.log(
              JSON.stringify(
                { runId: run.id, split: done.split, protocol: run.config.preset ?? null, notices: done.notices, ...summary },
                null,
                2,
              ),
            );
          else console.log(`\n${formatSummary(summary)}\n\nrun ${run.id}`);
        }
      } catch (err) {
        if (err instanceof ConfigValidationError) {
          console.error(err.message);
          exitCode = 2;
        } else throw err;
      } finally {
        await stopBoss();
        await db.$disconnect();
        await dbHandle.stop();
      }
      process.exitCode = exitCode;
    });
}
