import type { TrainRunConfig } from "../config/train-config";
import type { TrainerConfig, TrainerRunSpec } from "../trainer-api/trainer-contract";

function defined<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/**
 * What the worker registers with the trainer (POST /rl/runs) for a run: the settings the user set, by
 * their trainer names; everything left unset is the trainer's preset, which the trainer resolves and
 * echoes. The chat template's date is the run's creation day, so every turn of every episode, before
 * and after a trainer restart, renders the same "Today Date".
 */
export function trainerRunSpec(runId: string, config: TrainRunConfig, createdAt: Date): TrainerRunSpec {
  const o = config.optimizer;
  const sft = config.algo === "sft";
  const trainerConfig: TrainerConfig = defined({
    algo: config.algo,
    finetune: config.trainer.finetune,
    preset: config.trainer.preset,
    lr: o.lr,
    critic_lr: o.criticLr,
    weight_decay: o.weightDecay,
    warmup_updates: o.warmupSteps,
    clip_eps: o.clipEpsilon,
    value_clip: o.valueClip,
    grad_clip: o.gradClip,
    minibatches: sft ? undefined : o.minibatches,
    batch_episodes: config.episodesPerStep,
    kl_beta: sft ? undefined : config.reward.klBeta,
    train_temperature: sft ? undefined : config.sampling.temperature,
    // SFT decays its learning rate over the whole run: one optimizer update per step
    total_updates: sft ? config.steps : undefined,
    sft_loss_on: sft ? config.sft.lossOn : undefined,
    chat_template_date: createdAt.toISOString().slice(0, 10),
    seed: config.seed,
  });
  return { run_id: runId, model: config.trainer.baseModel, config: trainerConfig };
}
