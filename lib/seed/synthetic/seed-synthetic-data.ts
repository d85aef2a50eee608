import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { summarizeRun } from "../../metrics/summarize-run";
import { createSeededRandom, randomInt, type RandomSource } from "../../metrics/seeded-random";
import type { EpisodeOutcome } from "../../metrics/types";
import { makeEpisode } from "./synthetic-episode";
import { makeProblem, type SyntheticProblem } from "./synthetic-problem";
import { makeTrainingCurves } from "./synthetic-training-curves";

export interface SeedSyntheticOptions {
  /** dataset name; re-seeding the same name adds new runs to the existing problems */
  dataset?: string;
  problems?: number;
  rollouts?: number;
  seed?: number;
  programLines?: number;
  log?: (line: string) => void;
}

export interface SeedSyntheticResult {
  datasetId: string;
  runIds: string[];
  episodes: number;
}

const json = (v: unknown) => v as Prisma.InputJsonValue;
const LABELS = [
  { name: "good-repair", color: "#16a34a", description: "feedback led to a real fix" },
  { name: "ignores-feedback", color: "#dc2626", description: "resubmits the same idea" },
  { name: "flaky-test", color: "#d97706", description: "the test, not the program, looks wrong" },
];

async function ensureProblems(db: Db, name: string, count: number, random: RandomSource) {
  const dataset = await db.dataset.upsert({
    where: { name },
    create: { name, source: "synthetic", description: "Synthetic problems and episodes for developing and benchmarking the dashboard." },
    update: {},
  });
  const existing = await db.problem.count({ where: { datasetId: dataset.id } });
  if (existing < count) {
    const fresh: SyntheticProblem[] = Array.from({ length: count - existing }, (_, i) => makeProblem(random, existing + i));
    await db.problem.createMany({
      data: fresh.map((p) => ({
        datasetId: dataset.id,
        externalId: p.externalId,
        name: p.name,
        split: "test",
        difficulty: p.difficulty,
        rating: p.rating,
        tags: p.tags,
        timeLimitMs: 2000,
        memoryLimitBytes: 256 * 1024 * 1024,
        publicTestCount: p.publicTests.length,
        privateTestCount: p.privateTests.length,
        generatedTestCount: p.generatedTests.length,
        description: p.description,
        publicTests: json(p.publicTests),
        privateTests: json(p.privateTests),
        generatedTests: json(p.generatedTests),
        referenceSolutions: json(p.referenceSolutions),
        wrongSolutions: json([]),
      })),
      skipDuplicates: true,
    });
    await db.dataset.update({
      where: { id: dataset.id },
      data: { problemCount: await db.problem.count({ where: { datasetId: dataset.id } }) },
    });
  }
  const problems = await db.problem.findMany({
    where: { datasetId: dataset.id },
    select: { id: true, description: true, publicTests: true, privateTests: true, generatedTests: true },
    orderBy: { name: "asc" },
    take: count,
  });
  return { datasetId: dataset.id, problems };
}

interface RunPlan {
  name: string;
  kind: "EVAL" | "TRAIN";
  status: "COMPLETED" | "RUNNING";
  policyLabel: string;
  skill: number;
  /** fraction of the planned episodes already written (RUNNING runs) */
  doneFraction: number;
  checkpointId?: string;
  parentRunId?: string;
}

async function seedRun(
  db: Db,
  plan: RunPlan,
  ctx: {
    datasetId: string;
    problems: Awaited<ReturnType<typeof ensureProblems>>["problems"];
    rollouts: number;
    random: RandomSource;
    programLines: number;
  },
) {
  const turnLimit = 3;
  const config = {
    name: plan.name,
    dataset: "synthetic",
    split: "test",
    rolloutsPerProblem: ctx.rollouts,
    policy: { kind: "openai", baseUrl: "http://127.0.0.1:8000/v1", model: plan.policyLabel },
    environment: { turnLimit, feedback: "execution", judgeTests: "public+private+generated", truncateChars: 2000 },
    sampling: { temperature: 0.2, topP: 0.95, maxTokens: 2048 },
    reward: { success: 1, failure: -1, invalidCode: -0.2, klBeta: 0.05 },
  };
  const total = ctx.problems.length * ctx.rollouts;
  const run = await db.run.create({
    data: {
      kind: plan.kind,
      status: plan.status,
      name: plan.name,
      config: json(config),
      datasetId: ctx.datasetId,
      split: "test",
      policyLabel: plan.policyLabel,
      checkpointId: plan.checkpointId,
      parentRunId: plan.parentRunId,
      progressTotal: total,
      startedAt: new Date(Date.now() - 3600_000),
      finishedAt: plan.status === "COMPLETED" ? new Date() : null,
      trainStep: plan.kind === "TRAIN" ? 200 : 0,
    },
    select: { id: true },
  });
  const outcomes: EpisodeOutcome[] = [];
  let written = 0;
  for (const problem of ctx.problems) {
    const passChance = Math.max(0.02, Math.min(0.9, plan.skill + (ctx.random() - 0.5) * 0.6));
    const stat = { episodes: 0, solved: 0, passedPublic: 0 };
    for (let sample = 0; sample < ctx.rollouts; sample++) {
      if (written >= Math.round(total * plan.doneFraction)) break;
      const ep = makeEpisode(ctx.random, problem as never, {
        passChance,
        privateFailChance: 0.25,
        invalidCodeRate: 0.04,
        turnLimit,
        programLines: ctx.programLines,
      });
      const episode = await db.episode.create({
        data: {
          runId: run.id,
          problemId: problem.id,
          sampleIndex: sample,
          status: "COMPLETED",
          checkpointId: plan.checkpointId,
          turnsUsed: ep.turnsUsed,
          finalReward: ep.finalReward,
          solved: ep.solved,
          passedPublic: ep.passedPublic,
          invalidCode: ep.invalidCode,
          firstErrorKind: ep.firstErrorKind,
          solvedAtTurn: ep.solvedAtTurn,
          trainStep: plan.kind === "TRAIN" ? randomInt(ctx.random, 200) : null,
          finishedAt: new Date(),
        },
        select: { id: true },
      });
      await db.turn.createMany({
        data: ep.turns.map((t) => ({
          ...t,
          episodeId: episode.id,
          messages: json(t.messages),
          testResults: json(t.testResults),
          finalResults: t.finalResults ? json(t.finalResults) : undefined,
          rewardParts: json(t.rewardParts),
        })),
      });
      outcomes.push({ ...ep.outcome, problemId: problem.id, sampleIndex: sample });
      stat.episodes++;
      stat.solved += ep.solved ? 1 : 0;
      stat.passedPublic += ep.passedPublic ? 1 : 0;
      written++;
    }
    if (stat.episodes) await db.problemRunStat.create({ data: { runId: run.id, problemId: problem.id, ...stat } });
  }
  const summary = plan.status === "COMPLETED" ? json(summarizeRun(outcomes, { turnLimit })) : undefined;
  await db.run.update({ where: { id: run.id }, data: { progressDone: written, summary } });
  return { runId: run.id, episodes: written };
}

/**
 * A small, realistic database for developing the dashboard: a dataset of
 * synthetic problems, a completed base eval, a training run with curves and
 * checkpoints, an eval of its last checkpoint, and a run still in progress.
 * Every summary is computed by the real metrics code from the seeded episodes.
 */
export async function seedSyntheticData(db: Db, opts: SeedSyntheticOptions = {}): Promise<SeedSyntheticResult> {
  const random = createSeededRandom(opts.seed ?? 7);
  const { datasetId, problems } = await ensureProblems(db, opts.dataset ?? "synthetic", opts.problems ?? 24, random);
  for (const label of LABELS) await db.annotationLabel.upsert({ where: { name: label.name }, create: label, update: {} });
  const ctx = { datasetId, problems, rollouts: opts.rollouts ?? 4, random, programLines: opts.programLines ?? 40 };

  const base = await seedRun(
    db,
    {
      name: "synthetic base eval",
      kind: "EVAL",
      status: "COMPLETED",
      policyLabel: "synthetic:llama-8b-instruct",
      skill: 0.25,
      doneFraction: 1,
    },
    ctx,
  );
  opts.log?.(`base eval: ${base.episodes} episodes`);
  const train = await seedRun(
    db,
    { name: "synthetic RLEF training", kind: "TRAIN", status: "COMPLETED", policyLabel: "trainer:policy", skill: 0.35, doneFraction: 1 },
    ctx,
  );
  const checkpoints = [];
  for (const step of [50, 100, 150, 200]) {
    checkpoints.push(
      await db.checkpoint.create({ data: { runId: train.runId, step, policyVersion: step, path: `checkpoints/step-${step}` } }),
    );
  }
  await db.metricPoint.createMany({ data: makeTrainingCurves(random, 200).map((p) => ({ ...p, runId: train.runId })) });
  opts.log?.(`training run: ${train.episodes} episodes, ${checkpoints.length} checkpoints`);
  const last = checkpoints[checkpoints.length - 1];
  const tuned = await seedRun(
    db,
    {
      name: "synthetic eval · step 200",
      kind: "EVAL",
      status: "COMPLETED",
      policyLabel: "ckpt:step-200",
      skill: 0.4,
      doneFraction: 1,
      checkpointId: last.id,
      parentRunId: train.runId,
    },
    ctx,
  );
  const live = await seedRun(
    db,
    {
      name: "synthetic eval · in progress",
      kind: "EVAL",
      status: "RUNNING",
      policyLabel: "ckpt:step-150",
      skill: 0.35,
      doneFraction: 0.4,
      checkpointId: checkpoints[2].id,
      parentRunId: train.runId,
    },
    ctx,
  );

  const annotated = await db.episode.findMany({
    where: { runId: base.runId, turnsUsed: { gte: 2 } },
    select: { id: true },
    take: 3,
    orderBy: { id: "asc" },
  });
  for (const [i, ep] of annotated.entries()) {
    await db.annotation.create({
      data: { episodeId: ep.id, turnIndex: 1, note: "seeded annotation", labels: { connect: [{ name: LABELS[i % LABELS.length].name }] } },
    });
  }
  const runIds = [base.runId, train.runId, tuned.runId, live.runId];
  return { datasetId, runIds, episodes: base.episodes + train.episodes + tuned.episodes + live.episodes };
}
