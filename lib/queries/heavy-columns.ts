/**
 * Columns that can hold megabytes (statements, tests, code, replies, program
 * output, token ids). List queries must never select them; only detail views
 * read them, and then one row at a time. Tests check every list select
 * against this list.
 */
export const HEAVY_COLUMNS = {
  Problem: ["description", "publicTests", "privateTests", "generatedTests", "referenceSolutions", "wrongSolutions"],
  Turn: ["messages", "reply", "code", "testResults", "feedback", "finalResults", "tokenData"],
} as const;

type HeavyModel = keyof typeof HEAVY_COLUMNS;
export type SelectModel = HeavyModel | "Episode" | "Run" | "Dataset" | "Other";

/** Relation fields that lead to a model with heavy columns (relation name → model). */
const RELATION_MODEL: Record<string, SelectModel> = {
  problem: "Problem",
  problems: "Problem",
  turns: "Turn",
  turn: "Turn",
  episode: "Episode",
  episodes: "Episode",
  run: "Run",
  dataset: "Dataset",
};

/**
 * Heavy columns selected anywhere in a Prisma select tree for `model`, with
 * their path (e.g. `problem.description`). Empty means the select is narrow.
 */
export function findHeavyFields(select: object, model: SelectModel, prefix = ""): string[] {
  const heavy: readonly string[] = model in HEAVY_COLUMNS ? HEAVY_COLUMNS[model as HeavyModel] : [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(select)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === true && heavy.includes(key)) found.push(path);
    if (value && typeof value === "object" && "select" in value) {
      found.push(...findHeavyFields((value as { select: object }).select, RELATION_MODEL[key] ?? "Other", path));
    }
  }
  return found;
}
