import type { Db } from "../db/client";
import { rewardPartsSchema } from "../episode/turn-schemas";
import { tokenDataSchema } from "../policy/message-schemas";
import type { TrainerClient, TrainerEpisodePayload, TrainerStep } from "../trainer-api/trainer-client";

/**
 * Hand the trainer every finished episode of `step` it has not taken yet, then
 * flush so that one of our steps is exactly one PPO update. The trainer keys
 * episodes by id, so a resubmission after a crash is reported as a duplicate,
 * never trained twice. Errored episodes carry no reward and are not sent.
 */
export async function submitStepEpisodes(
  db: Db,
  trainer: TrainerClient,
  opts: { runId: string; step: number; temperature: number },
): Promise<TrainerStep[]> {
  const episodes = await db.episode.findMany({
    where: { runId: opts.runId, trainStep: opts.step, status: "COMPLETED", submittedToTrainer: false },
    select: { id: true, turns: { orderBy: { index: "asc" }, select: { tokenData: true, rewardParts: true } } },
  });
  const payload: TrainerEpisodePayload[] = [];
  for (const e of episodes) {
    const turns = e.turns.map((t) => {
      if (t.tokenData === null) return null;
      const tokens = tokenDataSchema.parse(t.tokenData);
      const reward = rewardPartsSchema.parse(t.rewardParts);
      return {
        prompt_ids: tokens.promptIds,
        completion_ids: tokens.completionIds,
        behaviour_logprobs: tokens.logprobs,
        // the environment's part; the trainer adds the KL term from its own reference model
        reward: reward.terminal + reward.invalidCode,
        policy_version: tokens.policyVersion ?? 0,
        temperature: opts.temperature,
      };
    });
    if (turns.every((t) => t !== null)) payload.push({ episode_id: e.id, turns: turns as TrainerEpisodePayload["turns"] });
  }
  const steps: TrainerStep[] = [];
  if (payload.length) {
    const res = await trainer.submitEpisodes(opts.runId, payload);
    steps.push(...res.steps);
    const taken = [...res.accepted, ...res.duplicates.map((d) => d.episode_id)];
    await db.episode.updateMany({ where: { id: { in: taken } }, data: { submittedToTrainer: true } });
  }
  steps.push(...(await trainer.flush(opts.runId)).steps);
  return steps;
}
