import { z } from "zod";

/** Every queue the worker serves, with the one schema its payload must match. */
export const QUEUES = {
  evalRun: "eval-run",
  trainRun: "train-run",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const runPayload = z.object({ runId: z.string().min(1) });

export const jobPayloadSchemas = {
  [QUEUES.evalRun]: runPayload,
  [QUEUES.trainRun]: runPayload,
} satisfies Record<QueueName, z.ZodType>;

export type JobPayload<Q extends QueueName> = z.infer<(typeof jobPayloadSchemas)[Q]>;

export function queueForRunKind(kind: "EVAL" | "TRAIN"): QueueName {
  return kind === "EVAL" ? QUEUES.evalRun : QUEUES.trainRun;
}
