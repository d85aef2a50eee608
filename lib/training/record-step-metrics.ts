import type { Db } from "../db/client";
import type { TrainerStep } from "../trainer-api/trainer-client";

/** Store every numeric field of the trainer's step records as curves (upsert: a replayed step overwrites). */
export async function recordTrainerSteps(db: Db, runId: string, steps: TrainerStep[]): Promise<void> {
  for (const record of steps) {
    const points = Object.entries(record).filter(([k, v]) => typeof v === "number" && Number.isFinite(v) && k !== "step");
    await recordPoints(db, runId, record.step, Object.fromEntries(points) as Record<string, number>);
  }
}

export async function recordPoints(db: Db, runId: string, step: number, values: Record<string, number>): Promise<void> {
  await db.$transaction(
    Object.entries(values).map(([name, value]) =>
      db.metricPoint.upsert({
        where: { runId_name_step: { runId, name, step } },
        create: { runId, name, step, value },
        update: { value },
      }),
    ),
  );
}

/** What the environment saw in one step: reward and solve rates after each turn, from the stored episodes. */
export async function recordEnvironmentMetrics(db: Db, runId: string, step: number, turnLimit: number): Promise<void> {
  const episodes = await db.episode.findMany({
    where: { runId, trainStep: step, status: "COMPLETED" },
    select: { finalReward: true, solved: true, solvedAtTurn: true, turnsUsed: true, invalidCode: true },
  });
  if (episodes.length === 0) return;
  const n = episodes.length;
  const values: Record<string, number> = {
    "env/episodes": n,
    "env/reward_mean": episodes.reduce((s, e) => s + (e.finalReward ?? 0), 0) / n,
    "env/solve_rate": episodes.filter((e) => e.solved).length / n,
    "env/turns_mean": episodes.reduce((s, e) => s + e.turnsUsed, 0) / n,
    "env/invalid_code_rate": episodes.filter((e) => e.invalidCode).length / n,
  };
  for (let t = 1; t <= turnLimit; t++) {
    values[`env/solved_after_turn_${t}`] = episodes.filter((e) => e.solvedAtTurn !== null && e.solvedAtTurn <= t).length / n;
  }
  // the trainer's step numbers count finished updates: our step s produces trainer step s + 1
  await recordPoints(db, runId, step + 1, values);
}
