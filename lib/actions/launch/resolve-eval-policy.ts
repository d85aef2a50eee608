import { trainRunConfigSchema } from "../../config/train-config";
import type { Db } from "../../db/client";
import { ActionError } from "../action-result";
import type { EvalLaunchInput, ResolvedPolicy } from "./eval-launch-input";

/**
 * The policy config for the chosen source. An endpoint contributes its URL and model (its API key
 * stays encrypted in the row; the worker decrypts it by endpointId). A checkpoint is served by the
 * trainer of the training run that saved it, and the eval run is linked to both.
 */
export async function resolveEvalPolicy(db: Db, input: EvalLaunchInput): Promise<ResolvedPolicy> {
  const concurrency = input.concurrency;
  switch (input.policySource) {
    case "demo":
      return { policy: { kind: "demo" } };
    case "endpoint": {
      if (!input.endpointId) throw new ActionError("INVALID_INPUT", "choose an endpoint", { endpointId: ["choose an endpoint"] });
      const endpoint = await db.modelEndpoint.findUnique({ where: { id: input.endpointId }, select: { id: true, kind: true, baseUrl: true, model: true } });
      if (!endpoint) throw new ActionError("INVALID_INPUT", "that endpoint no longer exists", { endpointId: ["no longer exists"] });
      const limits = concurrency ? { maxConcurrency: Math.min(1024, concurrency) } : {};
      return endpoint.kind === "trainer"
        ? { policy: { kind: "trainer", baseUrl: endpoint.baseUrl, model: endpoint.model, ...limits } }
        : { policy: { kind: "openai", baseUrl: endpoint.baseUrl, model: endpoint.model, endpointId: endpoint.id, ...limits } };
    }
    case "checkpoint": {
      if (!input.checkpointId) throw new ActionError("INVALID_INPUT", "choose a checkpoint", { checkpointId: ["choose a checkpoint"] });
      const checkpoint = await db.checkpoint.findUnique({
        where: { id: input.checkpointId },
        select: { id: true, step: true, runId: true, run: { select: { config: true } } },
      });
      if (!checkpoint) throw new ActionError("INVALID_INPUT", "that checkpoint no longer exists", { checkpointId: ["no longer exists"] });
      const trainConfig = trainRunConfigSchema.safeParse(checkpoint.run.config);
      if (!trainConfig.success) {
        throw new ActionError("INVALID_INPUT", "the checkpoint's training run has no readable trainer URL", { checkpointId: ["training run config unreadable"] });
      }
      return {
        policy: { kind: "trainer", baseUrl: trainConfig.data.trainer.baseUrl, model: `checkpoint:step-${checkpoint.step}` },
        checkpointId: checkpoint.id,
        parentRunId: checkpoint.runId,
      };
    }
  }
}
