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

export const ALL_HEAVY_COLUMN_NAMES: readonly string[] = [...HEAVY_COLUMNS.Problem, ...HEAVY_COLUMNS.Turn];

/**
 * Heavy column names selected anywhere in a Prisma select tree, with their
 * path (e.g. `problem.description`). Empty means the select is narrow.
 */
export function findHeavyFields(select: object, prefix = ""): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(select)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === true && ALL_HEAVY_COLUMN_NAMES.includes(key)) found.push(path);
    if (value && typeof value === "object") {
      const nested = "select" in value ? (value as { select: object }).select : value;
      found.push(...findHeavyFields(nested as object, path));
    }
  }
  return found;
}
