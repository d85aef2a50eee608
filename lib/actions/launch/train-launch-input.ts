import { z } from "zod";
import type { trainRunConfigSchema } from "../../config/train-config";
import { formInt, formNumber, formString } from "./form-number";

/** The training launch form; every hyper-parameter left empty takes the paper's default (RLEF.md §4). */
export const trainLaunchInputSchema = z.object({
  name: formString(),
  trainerUrl: z.string().trim().min(1, "the trainer's URL, e.g. http://127.0.0.1:8100"),
  baseModel: formString(),
  dataset: z.string().trim().min(1, "choose a dataset"),
  split: z.string().trim().min(1, "choose a split"),
  steps: formInt(),
  episodesPerStep: formInt(),
  rolloutsPerProblem: formInt(),
  turnLimit: formInt(),
  temperature: formNumber(),
  maxTokens: formInt(),
  lr: formNumber(),
  weightDecay: formNumber(),
  warmupSteps: formInt(),
  minibatches: formInt(),
  klBeta: formNumber(),
  clipEpsilon: formNumber(),
  valueClip: formNumber(),
  checkpointEvery: formInt(),
  evalEvery: formInt(),
  evalSplit: formString(),
  concurrency: formInt(),
});
export type TrainLaunchInput = z.infer<typeof trainLaunchInputSchema>;
type TrainConfigInput = z.input<typeof trainRunConfigSchema>;

export const TRAIN_FIELD_OF_PATH: Record<string, string> = {
  name: "name",
  "trainer.baseUrl": "trainerUrl",
  "trainer.baseModel": "baseModel",
  dataset: "dataset",
  split: "split",
  steps: "steps",
  episodesPerStep: "episodesPerStep",
  rolloutsPerProblem: "rolloutsPerProblem",
  "environment.turnLimit": "turnLimit",
  "sampling.temperature": "temperature",
  "sampling.maxTokens": "maxTokens",
  "optimizer.lr": "lr",
  "optimizer.weightDecay": "weightDecay",
  "optimizer.warmupSteps": "warmupSteps",
  "optimizer.minibatches": "minibatches",
  "optimizer.clipEpsilon": "clipEpsilon",
  "optimizer.valueClip": "valueClip",
  "reward.klBeta": "klBeta",
  checkpointEvery: "checkpointEvery",
  "eval.every": "evalEvery",
  "eval.split": "evalSplit",
  concurrency: "concurrency",
};

function defined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function trainConfigFromForm(input: TrainLaunchInput): TrainConfigInput {
  // Nested objects are only passed when something in them was set, so each keeps its schema default
  // (the training environment judges on public+private tests, which a partial object would lose).
  const nested = <T extends Record<string, unknown>>(obj: T) => {
    const d = defined(obj);
    return Object.keys(d).length ? d : undefined;
  };
  return defined({
    name: input.name,
    trainer: defined({ baseUrl: input.trainerUrl, baseModel: input.baseModel }) as TrainConfigInput["trainer"],
    dataset: input.dataset,
    split: input.split,
    steps: input.steps,
    episodesPerStep: input.episodesPerStep,
    rolloutsPerProblem: input.rolloutsPerProblem,
    environment: nested({ turnLimit: input.turnLimit, judgeTests: input.turnLimit !== undefined ? "public+private" : undefined }),
    reward: nested({ klBeta: input.klBeta }),
    sampling: nested({ temperature: input.temperature, maxTokens: input.maxTokens }),
    optimizer: nested({
      lr: input.lr, weightDecay: input.weightDecay, warmupSteps: input.warmupSteps, minibatches: input.minibatches,
      clipEpsilon: input.clipEpsilon, valueClip: input.valueClip,
    }),
    checkpointEvery: input.checkpointEvery,
    eval: nested({ every: input.evalEvery, split: input.evalSplit }),
    concurrency: input.concurrency,
  }) as TrainConfigInput;
}
