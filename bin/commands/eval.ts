import { Command, Option } from "commander";
import { ConfigValidationError } from "../../lib/config/config-error";
import { evalConfigDefaults } from "../../lib/config/config-defaults";
import { EVAL_PRESETS, withEvalPreset, type EvalPreset } from "../../lib/config/eval-presets";
import { FEEDBACK_MODES, JUDGE_TEST_SETS, POLICY_KINDS, type PolicyKind } from "../../lib/config/options";
import { getPrisma } from "../../lib/db/client";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { stopBoss } from "../../lib/jobs/boss";
import { runSummarySchema } from "../../lib/metrics/run-summary-schema";
import { createEvalRun } from "../../lib/runs/create-eval-run";
import { executeEvalRun } from "../../lib/runs/execute-eval-run";
import { formatSummary } from "../format-summary";
import { driveRun } from "../drive-run";

interface EvalOptions {
  dataset: string; split?: string; policy: PolicyKind; baseUrl?: string; model?: string;
  apiKeyEnv?: string; rollouts?: number; turns?: number; limit?: number; problems?: string[]; temperature?: number;
  topP?: number; maxTokens?: number; seed?: number; concurrency?: number; feedback?: string; judgeTests?: string;
  name?: string; inline?: boolean; wait: boolean; json?: boolean; preset?: EvalPreset;
}

const int = (v: string) => Number.parseInt(v, 10);

function toConfig(o: EvalOptions) {
  const policy = o.policy === "demo"
    ? { kind: "demo", seed: o.seed ?? 0 }
    : { kind: o.policy, baseUrl: o.baseUrl, model: o.model, ...(o.apiKeyEnv ? { apiKeyEnv: o.apiKeyEnv } : {}) };
  return {
    name: o.name, policy, dataset: o.dataset, split: o.split, problems: o.problems, limit: o.limit,
    rolloutsPerProblem: o.rollouts, concurrency: o.concurrency,
    environment: { turnLimit: o.turns, feedback: o.feedback, judgeTests: o.judgeTests },
    sampling: { temperature: o.temperature, topP: o.topP, maxTokens: o.maxTokens, seed: o.policy === "demo" ? undefined : o.seed },
  };
}

export function evalCommand(): Command {
  // An absent config flag is absent from the config input, so the schema (or a --preset) decides;
  // the help shows the schema's default.
  const d = evalConfigDefaults();
  const dflt = (path: string) => ` (default: ${d[path]})`;
  return new Command("eval")
    .description("evaluate a policy on a dataset: multi-turn episodes with execution feedback, then the paper's metrics")
    .requiredOption("--dataset <name>", "dataset name (see `rlef import`)")
    .option("--split <split>", "dataset split, or all" + dflt("split"))
    .addOption(new Option("--policy <kind>", "who writes the code").choices(POLICY_KINDS).default("demo"))
    .option("--base-url <url>", "OpenAI-compatible base URL, e.g. http://localhost:8000/v1")
    .option("--model <name>", "model name sent to the endpoint")
    .option("--api-key-env <VAR>", "environment variable holding the API key")
    .option("--rollouts <n>", "rollouts per problem" + dflt("rolloutsPerProblem"), int)
    .option("--turns <n>", "turn limit" + dflt("environment.turnLimit"), int)
    .option("--limit <k>", "first K problems of the split", int)
    .option("--problems <ids...>", "only these problem ids")
    .option("--temperature <t>", "sampling temperature (paper: 0.2 for 1@3)" + dflt("sampling.temperature"), Number)
    .option("--top-p <p>", "nucleus sampling (paper: 0.95)" + dflt("sampling.topP"), Number)
    .option("--max-tokens <n>", "max tokens per reply" + dflt("sampling.maxTokens"), int)
    .option("--seed <n>", "sampling seed (demo policy: scenario seed)", int)
    .option("--concurrency <n>", "episodes in flight" + dflt("concurrency"), int)
    .addOption(new Option("--feedback <mode>", "feedback ablations" + dflt("environment.feedback")).choices(FEEDBACK_MODES))
    .addOption(new Option("--judge-tests <set>", "tests that decide the reward" + dflt("environment.judgeTests")).choices(JUDGE_TEST_SETS))
    .addOption(new Option("--preset <name>", "an evaluation protocol; flags given explicitly override it").choices(EVAL_PRESETS))
    .option("--name <name>", "run name")
    .option("--inline", "run in this process instead of enqueuing for a worker")
    .option("--no-wait", "enqueue and return the run id at once")
    .option("--json", "print the summary as JSON")
    .action(async (o: EvalOptions) => {
      const dbHandle = await ensureDatabase();
      const db = getPrisma();
      let exitCode = 0;
      try {
        const run = await createEvalRun(db, withEvalPreset(o.preset, toConfig(o)));
        if (!o.json) console.error(`run ${run.id}: ${run.total} episodes`);
        const done = await driveRun(db, { id: run.id, kind: "EVAL" }, {
          inline: o.inline, wait: o.wait, quiet: o.json && !process.stderr.isTTY,
          execute: (signal, onProgress) => executeEvalRun(db, run.id, { signal, onProgress }),
        });
        if (!done) { console.log(run.id); return; }
        if (done.status !== "COMPLETED") {
          console.error(`run ${run.id} ended ${done.status}${done.error ? `: ${done.error}` : ""}`);
          exitCode = 1;
        } else {
          const summary = runSummarySchema.parse(done.summary);
          if (o.json) console.log(JSON.stringify({ runId: run.id, ...summary }, null, 2));
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
