import { z } from "zod";
import { fromForm } from "../../config/form-input";
import { evalRunConfigSchema, type PolicyConfigInput } from "../../config/run-config";
import { trainRunConfigSchema } from "../../config/train-config";
import type { Db } from "../../db/client";
import { ActionError } from "../action-result";

/**
 * Where the eval's policy comes from; the action resolves it into the run's `policy` config
 * (resolveEvalPolicy below). Its inputs sit under `policy.` like every other config input, so their
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

export interface ResolvedPolicy {
  policy: PolicyConfigInput;
  checkpointId?: string;
  parentRunId?: string;
}

/**
 * The policy config for the chosen source. An endpoint contributes its URL and model (its API key
 * stays encrypted in the row; the worker decrypts it by endpointId). A checkpoint is served by the
 * trainer of the training run that saved it, and the eval run is linked to both.
 */
export async function resolveEvalPolicy(db: Db, source: EvalPolicySourceInput, concurrency: number): Promise<ResolvedPolicy> {
  switch (source.source) {
    case "demo":
      return { policy: { kind: "demo" } };
    case "endpoint": {
      const endpoint = await db.modelEndpoint.findUnique({
        where: { id: source.endpointId },
        select: { id: true, kind: true, baseUrl: true, model: true },
      });
      if (!endpoint)
        throw new ActionError("INVALID_INPUT", "that endpoint no longer exists", { "policy.endpointId": ["no longer exists"] });
      const maxConcurrency = Math.min(1024, concurrency);
      return endpoint.kind === "trainer"
        ? { policy: { kind: "trainer", baseUrl: endpoint.baseUrl, model: endpoint.model, maxConcurrency } }
        : { policy: { kind: "openai", baseUrl: endpoint.baseUrl, model: endpoint.model, endpointId: endpoint.id, maxConcurrency } };
    }
    case "checkpoint": {
      const checkpoint = await db.checkpoint.findUnique({
        where: { id: source.checkpointId },
        select: { id: true, step: true, runId: true, run: { select: { config: true } } },
      });
      if (!checkpoint)
        throw new ActionError("INVALID_INPUT", "that checkpoint no longer exists", { "policy.checkpointId": ["no longer exists"] });
      const trainConfig = trainRunConfigSchema.safeParse(checkpoint.run.config);
      if (!trainConfig.success) {
        throw new ActionError("INVALID_INPUT", "the checkpoint's training run has no readable trainer URL", {
          "policy.checkpointId": ["training run config unreadable"],
        });
      }
      return {
        policy: { kind: "trainer", baseUrl: trainConfig.data.trainer.baseUrl, model: `checkpoint:step-${checkpoint.step}` },
        checkpointId: checkpoint.id,
        parentRunId: checkpoint.runId,
      };
    }
  }
}
