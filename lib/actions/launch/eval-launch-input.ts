import { z } from "zod";
import type { EvalRunConfigInput } from "../../config/run-config";
import { formInt, formNumber, formString } from "./form-number";

/** The eval launch form, field for field. Constraints live in the run config schema, checked after mapping. */
export const evalLaunchInputSchema = z.object({
  name: formString(),
  policySource: z.enum(["demo", "endpoint", "checkpoint"]),
  endpointId: formString(),
  checkpointId: formString(),
  dataset: z.string().trim().min(1, "choose a dataset"),
  split: z.string().trim().min(1, "choose a split"),
  limit: formInt(),
  rolloutsPerProblem: formInt(),
  turnLimit: formInt(),
  temperature: formNumber(),
  topP: formNumber(),
  maxTokens: formInt(),
  concurrency: formInt(),
  judgeTests: z.enum(["public+private+generated", "public+private"]).optional(),
  feedback: z.enum(["execution", "none", "random"]).optional(),
});
export type EvalLaunchInput = z.infer<typeof evalLaunchInputSchema>;

/** Run-config path → form field, for showing config errors under the right input. */
export const EVAL_FIELD_OF_PATH: Record<string, string> = {
  name: "name",
  policy: "policySource",
  dataset: "dataset",
  split: "split",
  limit: "limit",
  rolloutsPerProblem: "rolloutsPerProblem",
  "environment.turnLimit": "turnLimit",
  "environment.judgeTests": "judgeTests",
  "environment.feedback": "feedback",
  "sampling.temperature": "temperature",
  "sampling.topP": "topP",
  "sampling.maxTokens": "maxTokens",
  concurrency: "concurrency",
};

export interface ResolvedPolicy {
  policy: EvalRunConfigInput["policy"];
  checkpointId?: string;
  parentRunId?: string;
}

/** The run config the form describes; absent fields take the schema's (the paper's) defaults. */
export function evalConfigFromForm(input: EvalLaunchInput, resolved: ResolvedPolicy): EvalRunConfigInput {
  const environment = { turnLimit: input.turnLimit, judgeTests: input.judgeTests, feedback: input.feedback };
  const sampling = { temperature: input.temperature, topP: input.topP, maxTokens: input.maxTokens };
  return {
    name: input.name,
    policy: resolved.policy,
    dataset: input.dataset,
    split: input.split,
    limit: input.limit,
    rolloutsPerProblem: input.rolloutsPerProblem,
    environment: dropUndefined(environment) as EvalRunConfigInput["environment"],
    sampling: dropUndefined(sampling) as EvalRunConfigInput["sampling"],
    concurrency: input.concurrency,
  };
}

function dropUndefined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
