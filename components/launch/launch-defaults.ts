import { evalRunConfigSchema } from "@/lib/config/run-config";
import { trainRunConfigSchema } from "@/lib/config/train-config";

/** The forms' initial values: whatever the config schemas default to (the paper's values, RLEF.md). */
export function evalFormDefaults() {
  const c = evalRunConfigSchema.parse({ policy: { kind: "demo" }, dataset: "-" });
  return {
    rolloutsPerProblem: c.rolloutsPerProblem, turnLimit: c.environment.turnLimit, temperature: c.sampling.temperature,
    topP: c.sampling.topP, maxTokens: c.sampling.maxTokens, concurrency: c.concurrency, judgeTests: c.environment.judgeTests,
    feedback: c.environment.feedback,
  };
}

export function trainFormDefaults() {
  const c = trainRunConfigSchema.parse({ trainer: { baseUrl: "http://127.0.0.1:8100" }, dataset: "-" });
  return {
    baseModel: c.trainer.baseModel, split: c.split, steps: c.steps, episodesPerStep: c.episodesPerStep,
    rolloutsPerProblem: c.rolloutsPerProblem, turnLimit: c.environment.turnLimit, temperature: c.sampling.temperature,
    maxTokens: c.sampling.maxTokens, lr: c.optimizer.lr, weightDecay: c.optimizer.weightDecay, warmupSteps: c.optimizer.warmupSteps,
    minibatches: c.optimizer.minibatches, klBeta: c.reward.klBeta, clipEpsilon: c.optimizer.clipEpsilon, valueClip: c.optimizer.valueClip,
    checkpointEvery: c.checkpointEvery, evalEvery: c.eval.every, evalSplit: c.eval.split, concurrency: c.concurrency,
  };
}

export type EvalFormDefaults = ReturnType<typeof evalFormDefaults>;
export type TrainFormDefaults = ReturnType<typeof trainFormDefaults>;
