/**
 * Environment throughput with the demo policy on the demo dataset: episodes
 * per second through the real loop (episode engine, sandbox, database writes),
 * and where the time goes: inside the sandbox (judging) versus our own code
 * (policy, conversation, feedback, storing turns).
 *
 *   npx tsx bench/environment-throughput.ts [--rollouts 2] [--concurrency 8]
 */
import { parseArgs } from "node:util";
import { getPrisma } from "../lib/db/client";
import { ensureDatabase } from "../lib/db/ensure-database";
import { createSandboxEnvironment } from "../lib/episode/sandbox-environment";
import type { EpisodeEnvironment } from "../lib/episode/environment";
import { createEvalRun } from "../lib/runs/create-eval-run";
import { executeEvalRun } from "../lib/runs/execute-eval-run";
import { seedDemoData } from "../lib/seed/seed-demo-data";

const { values } = parseArgs({ options: { rollouts: { type: "string", default: "2" }, concurrency: { type: "string", default: "8" } } });
const handle = await ensureDatabase();
const db = getPrisma();
await seedDemoData();

let judgeMs = 0;
let judgeCalls = 0;
const base = createSandboxEnvironment();
const env: EpisodeEnvironment = {
  ...base,
  judge: async (...args) => {
    const t = performance.now();
    try {
      return await base.judge(...args);
    } finally {
      judgeMs += performance.now() - t;
      judgeCalls++;
    }
  },
};

const run = await createEvalRun(db, {
  name: "bench: environment throughput",
  dataset: "demo",
  split: "train",
  policy: { kind: "demo" },
  rolloutsPerProblem: Number(values.rollouts),
  concurrency: Number(values.concurrency),
});
const t0 = performance.now();
let episodeMs = 0;

await executeEvalRun(db, run.id, { env });
const wallMs = performance.now() - t0;
const episodes = await db.episode.findMany({ where: { runId: run.id }, select: { createdAt: true, finishedAt: true, turnsUsed: true } });
for (const e of episodes) episodeMs += e.finishedAt!.getTime() - e.createdAt.getTime();
const turns = episodes.reduce((s, e) => s + e.turnsUsed, 0);

console.log(
  `episodes: ${episodes.length} (${turns} turns, ${judgeCalls} sandbox judgings) in ${(wallMs / 1000).toFixed(1)} s, concurrency ${values.concurrency}`,
);
console.log(`throughput: ${(episodes.length / (wallMs / 1000)).toFixed(2)} episodes/s, ${(turns / (wallMs / 1000)).toFixed(2)} turns/s`);
console.log(
  `time inside the sandbox: ${((100 * judgeMs) / episodeMs).toFixed(1)} % of episode time (${(judgeMs / judgeCalls).toFixed(0)} ms per judging)`,
);
console.log(`our own code (policy, feedback, database): ${(100 * (1 - judgeMs / episodeMs)).toFixed(1)} %`);
console.log(`ratio episode time / sandbox time: ${(episodeMs / judgeMs).toFixed(2)}×`);
await db.run.delete({ where: { id: run.id } });
await db.$disconnect();
await handle.stop();

process.exit(0);
