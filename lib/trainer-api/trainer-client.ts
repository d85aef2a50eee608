import { z } from "zod";
import type { TrainerRunSpec } from "./trainer-contract";

/** The trainer is down or unreachable: a training run pauses instead of failing or losing episodes. */
export class TrainerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrainerUnavailableError";
  }
}

/**
 * The trainer does not know the run (it restarted without its journal): register again, then resubmit.
 * A pause-worthy outage for the run loop, which re-registers on its way back in.
 */
export class RunNotRegisteredError extends TrainerUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = "RunNotRegisteredError";
  }
}

/** The trainer refused the run's settings or episodes (409): a configuration error, the run fails with it. */
export class TrainerRefusedError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = "TrainerRefusedError";
  }
}

const stepSchema = z.looseObject({ step: z.number().int(), policy_version: z.number().int() });
export type TrainerStep = z.infer<typeof stepSchema> & Record<string, unknown>;

const jobSchema = z.looseObject({
  id: z.string(),
  step: z.number().int(),
  status: z.enum(["queued", "running", "done", "failed"]),
  error: z.string().nullable().optional(),
  result: stepSchema.nullable().optional(),
});

const progressSchema = z.looseObject({
  run_id: z.string().nullable(),
  step: z.number().int(),
  policy_version: z.number().int(),
  accepted: z.array(z.string()).default([]),
  duplicates: z.array(z.looseObject({ episode_id: z.string() })).default([]),
  jobs: z.array(jobSchema).default([]),
  job: jobSchema.nullable().optional(),
  pending_jobs: z.array(jobSchema).default([]),
  /** SFT: examples the trainer skipped (longer than the model's context) */
  rejected: z.array(z.looseObject({ example_id: z.string().nullable(), reason: z.string() })).default([]),
});

const lookupSchema = z.looseObject({
  step: z.number().int(),
  trained: z.record(z.string(), z.number()),
  buffered: z.array(z.string()),
  pending: z.array(z.string()).default([]),
  unknown: z.array(z.string()),
});

const registrationSchema = z.looseObject({
  run_id: z.string(),
  config: z.record(z.string(), z.unknown()),
  config_sha256: z.string(),
  step: z.number().int(),
});

const checkpointSchema = z.looseObject({ step: z.number().int(), path: z.string(), policy_version: z.number().int() });
const statusSchema = z.looseObject({
  step: z.number().int(),
  policy_version: z.number().int(),
  run_id: z.string().nullable().optional(),
  model: z.string().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export interface TrainerTurnPayload {
  prompt_ids: number[];
  completion_ids: number[];
  behaviour_logprobs: number[];
  reward: number;
  policy_version: number;
  temperature?: number;
}

export interface TrainerEpisodePayload {
  episode_id: string;
  turns: TrainerTurnPayload[];
  metadata?: Record<string, unknown>;
}

export interface SftExamplePayload {
  example_id: string;
  messages: { role: "system" | "user" | "assistant"; content: string }[];
}

/** The trainer's training API (trainer/API.md); generation goes through the trainer policy. */
export function createTrainerClient(baseUrl: string, opts: { timeoutMs?: number } = {}) {
  const root = baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
  async function call<T>(method: "GET" | "POST", path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${root}${path}`, {
        method,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 600_000),
      });
    } catch (err) {
      throw new TrainerUnavailableError(`trainer at ${root} is unreachable (${(err as Error).cause ?? (err as Error).message})`);
    }
    const text = await res.text();
    if (res.status >= 500) throw new TrainerUnavailableError(`trainer ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    if (res.status === 409) {
      const error = (JSON.parse(text) as { error?: { message?: string; type?: string; field?: string | null } }).error ?? {};
      if (error.type === "run_not_registered") throw new RunNotRegisteredError(error.message ?? text);
      throw new TrainerRefusedError(`the trainer refused ${method} ${path}: ${error.message ?? text}`, error.field ?? null);
    }
    if (res.status === 404 && path.startsWith("/rl/jobs/"))
      throw new TrainerUnavailableError(`trainer lost step job ${path.slice(9)} (restarted without it)`);
    if (!res.ok) throw new Error(`trainer ${method} ${path} refused the request (${res.status}): ${text.slice(0, 1000)}`);
    return schema.parse(JSON.parse(text));
  }
  return {
    root,
    status: () => call("GET", "/status", statusSchema),
    registerRun: (spec: TrainerRunSpec) => call("POST", "/rl/runs", registrationSchema, spec),
    submitEpisodes: (runId: string, configSha256: string | undefined, episodes: TrainerEpisodePayload[]) =>
      call("POST", "/rl/episodes", progressSchema, { run_id: runId, config_sha256: configSha256, episodes }),
    submitExamples: (runId: string, configSha256: string | undefined, examples: SftExamplePayload[]) =>
      call("POST", "/sft/examples", progressSchema, { run_id: runId, config_sha256: configSha256, examples }),
    flush: (runId: string, configSha256?: string) =>
      call("POST", "/rl/flush", progressSchema, { run_id: runId, config_sha256: configSha256 }),
    job: (id: string) => call("GET", `/rl/jobs/${encodeURIComponent(id)}`, jobSchema),
    lookup: (runId: string, episodeIds: string[]) =>
      call("POST", "/rl/episodes/lookup", lookupSchema, { run_id: runId, episode_ids: episodeIds }),
    saveCheckpoint: () => call("POST", "/checkpoints", checkpointSchema, {}),
  };
}
export type TrainerClient = ReturnType<typeof createTrainerClient>;

/** Poll step jobs until each is done; their step records in step order. A failed job is a trainer failure. */
export async function waitForJobs(
  trainer: TrainerClient,
  ids: string[],
  opts: { pollMs?: number; signal?: AbortSignal } = {},
): Promise<TrainerStep[]> {
  const results: TrainerStep[] = [];
  for (const id of [...new Set(ids)]) {
    for (;;) {
      opts.signal?.throwIfAborted();
      const job = await trainer.job(id);
      if (job.status === "done" && job.result) {
        results.push(job.result as TrainerStep);
        break;
      }
      if (job.status === "failed") throw new TrainerUnavailableError(`trainer step job ${id} failed: ${job.error ?? "unknown error"}`);
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
    }
  }
  return results.sort((a, b) => a.step - b.step);
}
