import { z } from "zod";

/**
 * The one contract between the worker and the trainer for a run's training settings
 * (`POST /rl/runs`, trainer/API.md). Snake_case because the trainer (Python) owns the names:
 * every key is a field of `PPOConfig` in trainer/rlef_trainer/config.py. An absent key takes the
 * value of the run's preset, resolved by the trainer and echoed back (the preset tables live once,
 * in Python). `z.toJSONSchema` of these schemas is checked in at
 * trainer/rlef_trainer/contract/run_spec.schema.json; the trainer validates against that file and
 * a test fails when the file and this schema differ (`npm run gen:trainer-schema` rewrites it).
 */
const int = () => z.number().int();
export const trainerConfigSchema = z.strictObject({
  algo: z.enum(["ppo", "sft"]).optional(),
  finetune: z.enum(["full", "lora"]).optional(),
  preset: z.enum(["paper", "tiny"]).optional(),
  lr: z.number().positive().optional(),
  critic_lr: z.number().positive().optional(),
  weight_decay: z.number().min(0).optional(),
  warmup_updates: int().min(0).optional(),
  lr_schedule: z.enum(["constant", "cosine"]).optional(),
  total_updates: int().min(0).optional(),
  adam_beta1: z.number().min(0).lt(1).optional(),
  adam_beta2: z.number().min(0).lt(1).optional(),
  adam_eps: z.number().positive().optional(),
  batch_episodes: int().min(1).optional(),
  minibatches: int().min(1).optional(),
  epochs: int().min(1).optional(),
  kl_beta: z.number().min(0).optional(),
  clip_eps: z.number().positive().optional(),
  value_clip: z.number().positive().optional(),
  grad_clip: z.number().positive().optional(),
  train_temperature: z.number().positive().max(10).optional(),
  advantage_normalization: z.enum(["token", "turn", "none"]).optional(),
  value_mode: z.enum(["turn", "token"]).optional(),
  gae_lambda: z.number().min(0).max(1).optional(),
  critic_warmup_updates: int().min(0).optional(),
  micro_batch_tokens: int().min(64).optional(),
  sft_loss_on: z.enum(["final", "all"]).optional(),
  chat_template_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  seed: int().optional(),
});
export type TrainerConfig = z.infer<typeof trainerConfigSchema>;

export const trainerRunSpecSchema = z.strictObject({
  run_id: z.string().min(1).max(200),
  /** what the worker believes the trainer serves ("builtin:tiny", "hf:Llama-3.1-8B-Instruct"); must match */
  model: z.string().min(1).max(500),
  config: trainerConfigSchema,
});
export type TrainerRunSpec = z.infer<typeof trainerRunSpecSchema>;

export const TRAINER_SCHEMA_PATH = "trainer/rlef_trainer/contract/run_spec.schema.json";

/** The checked-in JSON Schema's text: stable key order, two-space indent, trailing newline. */
export function trainerRunSpecJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(trainerRunSpecSchema), null, 2)}\n`;
}
