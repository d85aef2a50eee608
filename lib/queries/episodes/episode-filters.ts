import { z } from "zod";
import { PUBLIC_VERDICTS } from "../../episode/types";

/**
 * The episode table's filters, exactly as they appear in the URL so a view can
 * be shared. Framework-free and Node-free: the browser builds links with it too.
 */
export const ERROR_KINDS = PUBLIC_VERDICTS.filter((v): v is Exclude<(typeof PUBLIC_VERDICTS)[number], "OK"> => v !== "OK");

const yesNo = z.enum(["yes", "no"]);

export const episodeFiltersSchema = z.object({
  outcome: z.enum(["solved", "failed", "errored"]).optional(),
  public: yesNo.optional(),
  turns: z.coerce.number().int().min(1).max(20).optional(),
  error: z.enum(ERROR_KINDS).optional(),
  invalid: yesNo.optional(),
  problem: z.string().min(1).max(64).optional(),
  difficulty: z.string().min(1).max(64).optional(),
  label: z.string().min(1).max(128).optional(),
});

export type EpisodeFilters = z.infer<typeof episodeFiltersSchema>;
export type EpisodeFilterKey = keyof EpisodeFilters;
export const EPISODE_FILTER_KEYS = Object.keys(episodeFiltersSchema.shape) as EpisodeFilterKey[];

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function readParam(source: ParamSource, key: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(key) ?? undefined;
  const value = source[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Read filters from URL params. A value that does not validate is dropped
 * (the rest still apply): a stale link should show data, not an error page.
 */
export function parseEpisodeFilters(source: ParamSource): EpisodeFilters {
  const filters: Record<string, unknown> = {};
  for (const key of EPISODE_FILTER_KEYS) {
    const raw = readParam(source, key);
    if (raw === undefined || raw === "") continue;
    const parsed = episodeFiltersSchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as EpisodeFilters;
}

/** Filters as URL params in a stable key order (so equal filters give equal URLs and query keys). */
export function episodeFiltersToParams(filters: EpisodeFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of EPISODE_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}

export function countActiveFilters(filters: EpisodeFilters): number {
  return EPISODE_FILTER_KEYS.filter((key) => filters[key] !== undefined).length;
}
