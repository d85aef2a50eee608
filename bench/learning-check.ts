/**
 * The learning check (issue 7): RLEF through the real worker code, sandbox and trainer raises the solve
 * rate after turn 2 on "print the hidden number" problems, where turn 1 cannot know the number and only
 * the feedback ("Expected output `N`") reveals it; the turn-1 solve rate must stay near chance (10 %).
 *
 *   npx tsx bench/learning-check.ts [--steps 120] [--episodes 32]   (about 8 s per step on 2 idle cores)
 *
 * Writes bench/out/learning-check.{json,png}; exits 1 when the curves do not show the effect.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getPrisma } from "../lib/db/client";
import { ensureDatabase } from "../lib/db/ensure-database";
import { runLeased } from "../lib/runs/run-leased";
import { startTrainer } from "../lib/testing/start-trainer";
import { createTrainRun } from "../lib/training/create-train-run";
import { executeTrainRun } from "../lib/training/execute-train-run";

const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "120" },
    episodes: { type: "string", default: "32" },
    seed: { type: "string", default: "0" },
  },
});
const OUT = path.join("bench", "out");
fs.mkdirSync(OUT, { recursive: true });
const work = fs.mkdtempSync(path.join("/tmp", "rlef-learning-"));
// The warm-up's "paper" prompt style is exactly our initial prompt for this statement.
const STATEMENT = "A hidden number N is fixed by the judge. Print N.";

const handle = await ensureDatabase();
const db = getPrisma();
const datasetName = `hidden-number-${Date.now().toString(36)}`;
const dataset = await db.dataset.create({ data: { name: datasetName, source: "synthetic", problemCount: 10 } });
for (let n = 0; n < 10; n++) {
  const tests = [{ input: "", output: `${n}\n` }];
  await db.problem.create({
    data: {
      datasetId: dataset.id,
      externalId: `hidden-${n}`,
      name: `Hidden number ${n}`,
      split: "train",
      description: STATEMENT,
      publicTests: tests,
      privateTests: [{ input: "\n", output: `${n}\n` }],
      generatedTests: [],
      publicTestCount: 1,
      privateTestCount: 1,
      timeLimitMs: 2000,
      referenceSolutions: [{ language: "python3", code: `print(${n})` }],
      wrongSolutions: [],
    },
  });
}

console.log("warming the tiny model up to answer with a ```python block (format only, random digits)…");
const warm = spawnSync(
  "/usr/bin/python3",
  ["-m", "checks.warmup", "--out", path.join(work, "warmup"), "--prompt-style", "paper", "--seed", values.seed!],
  { cwd: "trainer", stdio: "inherit" },
);
if (warm.status !== 0) throw new Error("warm-up failed");
const init = fs
  .readdirSync(path.join(work, "warmup"))
  .map((d) => path.join(work, "warmup", d))
  .find((d) => fs.existsSync(path.join(d, "meta.json")))!;

const episodes = Number(values.episodes);
const trainer = await startTrainer(
  [
    "--model",
    "builtin:tiny",
    "--init-checkpoint",
    init,
    "--checkpoint-dir",
    path.join(work, "ckpt"),
    "--batch-episodes",
    String(episodes),
    "--seed",
    values.seed!,
  ],
  { log: false },
);
const run = await createTrainRun(db, {
  name: "learning check: print the hidden number",
  trainer: { baseUrl: trainer.baseUrl, baseModel: "builtin:tiny" },
  dataset: datasetName,
  split: "train",
  steps: Number(values.steps),
  episodesPerStep: episodes,
  concurrency: 16,
  checkpointEvery: 1000,
  eval: { every: 0 },
  seed: Number(values.seed),
  sampling: { temperature: 1, maxTokens: 24 },
  environment: { turnLimit: 2, judgeTests: "public+private" },
});
console.log(`training run ${run.id} against ${trainer.baseUrl}`);
const started = Date.now();
const progress = setInterval(async () => {
  const points = await db.metricPoint.findMany({
    where: { runId: run.id, name: { in: ["env/solved_after_turn_1", "env/solved_after_turn_2"] } },
    orderBy: { step: "desc" },
    take: 2,
  });
  if (points.length)
    console.log(
      `step ${points[0].step}: ${points.map((p) => `${p.name.replace("env/", "")} ${(100 * p.value).toFixed(0)}%`).join(", ")} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
}, 15_000);
await runLeased(run.id, "learning-check", ({ signal }) => executeTrainRun(db, run.id, { signal }));
clearInterval(progress);
await trainer.kill();

const points = await db.metricPoint.findMany({ where: { runId: run.id }, orderBy: { step: "asc" } });
const curve = (name: string) => points.filter((p) => p.name === name).map((p) => ({ step: p.step, value: p.value }));
const result = {
  runId: run.id,
  steps: Number(values.steps),
  episodesPerStep: episodes,
  seconds: (Date.now() - started) / 1000,
  solvedAfterTurn1: curve("env/solved_after_turn_1"),
  solvedAfterTurn2: curve("env/solved_after_turn_2"),
  rewardMean: curve("env/reward_mean"),
  kl: curve("kl"),
};
const tail = (c: { value: number }[]) => c.slice(-5).reduce((s, p) => s + p.value, 0) / Math.max(1, Math.min(5, c.length));
const head = (c: { value: number }[]) => c.slice(0, 5).reduce((s, p) => s + p.value, 0) / Math.max(1, Math.min(5, c.length));
const summary = {
  turn1: { first5: head(result.solvedAfterTurn1), last5: tail(result.solvedAfterTurn1) },
  turn2: { first5: head(result.solvedAfterTurn2), last5: tail(result.solvedAfterTurn2) },
};
fs.writeFileSync(path.join(OUT, "learning-check.json"), JSON.stringify({ ...result, summary }, null, 2));
spawnSync(
  "/usr/bin/python3",
  ["bench/plot_learning_check.py", path.join(OUT, "learning-check.json"), path.join(OUT, "learning-check.png")],
  { stdio: "inherit" },
);
console.log(
  `\nsolved after turn 1: ${(100 * summary.turn1.first5).toFixed(0)}% → ${(100 * summary.turn1.last5).toFixed(0)}% (first → last 5 steps)`,
);
console.log(`solved after turn 2: ${(100 * summary.turn2.first5).toFixed(0)}% → ${(100 * summary.turn2.last5).toFixed(0)}%`);
console.log(`${result.seconds.toFixed(0)} s; plot: ${path.join(OUT, "learning-check.png")}`);
// "Most problems" after turn 2, at least double where it started, while turn 1 stays near chance (10 %).
const learned = summary.turn2.last5 > 0.5 && summary.turn2.last5 >= 2 * summary.turn2.first5 && summary.turn1.last5 <= 0.2;
console.log(learned ? "PASS: it learned to use the feedback" : "FAIL: the curves do not show learning from feedback");
await db.$disconnect();
await handle.stop();
process.exit(learned ? 0 : 1);
