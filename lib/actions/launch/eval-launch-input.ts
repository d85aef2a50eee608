import { z } from "zod";
import { fromForm } from "../../config/form-input";
import { evalRunConfigSchema } from "../../config/run-config";

/**
 * Where the eval's policy comes from; the action resolves it into the run's `policy` config
 * (resolve-eval-policy.ts). Its inputs sit under `policy.` like every other config input, so their
 * errors come back under their own names ("policy.endpointId").
 */
export const evalPolicySourceSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("demo") }),
  z.object({ source: z.literal("endpoint"), endpointId: z.string("choose an endpoint").min(1, "choose an endpoint") }),
  z.object({ source: z.literal("checkpoint"), checkpointId: z.string("choose a checkpoint").min(1, "choose a checkpoint") }),
]);
export type EvalPolicySourceInput = z.infer<typeof evalPolicySourceSchema>;

/**
 * The eval launch form's contract: the eval-run config, input for input (named by config path),
 * with the policy given by its source.
 */
export const evalLaunchInputSchema = fromForm(evalRunConfigSchema.extend({ policy: evalPolicySourceSchema }));
