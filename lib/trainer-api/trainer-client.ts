import { z } from "zod";

/** The trainer is down or unreachable: a training run pauses instead of failing or losing episodes. */
export class TrainerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrainerUnavailableError";
  }
}

const stepSchema = z.looseObject({ step: z.number().int(), policy_version: z.number().int() });
export type TrainerStep = z.infer<typeof stepSchema> & Record<string, unknown>;

const progressSchema = z.looseObject({
  run_id: z.string().nullable(),
  step: z.number().int(),
  policy_version: z.number().int(),
  accepted: z.array(z.string()).default([]),
  duplicates: z.array(z.looseObject({ episode_id: z.string() })).default([]),
  steps: z.array(stepSchema).default([]),
});

const lookupSchema = z.looseObject({
  step: z.number().int(),
  trained: z.record(z.string(), z.number()),
  buffered: z.array(z.string()),
  unknown: z.array(z.string()),
});

const checkpointSchema = z.looseObject({ step: z.number().int(), path: z.string(), policy_version: z.number().int() });
const statusSchema = z.looseObject({ step: z.number().int(), policy_version: z.number().int(), run_id: z.string().nullable().optional() });

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
    if (res.status >= 500 || res.status === 503) throw new TrainerUnavailableError(`trainer ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    if (!res.ok) throw new Error(`trainer ${method} ${path} refused the request (${res.status}): ${text.slice(0, 1000)}`);
    return schema.parse(JSON.parse(text));
  }
  return {
    root,
    status: () => call("GET", "/status", statusSchema),
    submitEpisodes: (runId: string, episodes: TrainerEpisodePayload[]) =>
      call("POST", "/rl/episodes", progressSchema, { run_id: runId, episodes }),
    flush: (runId: string) => call("POST", "/rl/flush", progressSchema, { run_id: runId }),
    lookup: (runId: string, episodeIds: string[]) => call("POST", "/rl/episodes/lookup", lookupSchema, { run_id: runId, episode_ids: episodeIds }),
    saveCheckpoint: () => call("POST", "/checkpoints", checkpointSchema, {}),
  };
}
export type TrainerClient = ReturnType<typeof createTrainerClient>;
