import { z } from "zod";

/** The runs list's filters and sort, as URL params (framework- and Node-free). */
export const RUN_KINDS = ["EVAL", "TRAIN"] as const;
export const RUN_STATUSES = ["QUEUED", "RUNNING", "PAUSED", "COMPLETED", "FAILED", "CANCELLED"] as const;
export const RUN_SORTS = ["newest", "oldest", "name"] as const;

export const runFiltersSchema = z.object({
  kind: z.enum(RUN_KINDS).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  dataset: z.string().min(1).max(64).optional(),
  q: z.string().min(1).max(200).optional(),
  sort: z.enum(RUN_SORTS).optional(),
});

export type RunFilters = z.infer<typeof runFiltersSchema>;
const KEYS = Object.keys(runFiltersSchema.shape) as (keyof RunFilters)[];

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseRunFilters(source: ParamSource): RunFilters {
  const filters: Record<string, unknown> = {};
  for (const key of KEYS) {
    const raw = source instanceof URLSearchParams ? source.get(key) : [source[key]].flat()[0];
    if (!raw) continue;
    const parsed = runFiltersSchema.shape[key].safeParse(raw);
    if (parsed.success) filters[key] = parsed.data;
  }
  return filters as RunFilters;
}

export function runFiltersToParams(filters: RunFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) params.set(key, String(filters[key]));
  return params;
}

/** Statuses whose numbers still change: the UI polls while a run is in one of them. */
export function isLiveStatus(status: string): boolean {
  return status === "RUNNING" || status === "QUEUED";
}
