import { RecordFieldError } from "../problems/problem-file-error";

const SECONDS = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|second|seconds)?\b/i;
const MEMORY = /^(\d+(?:\.\d+)?)\s*(bytes?|b|kb|kilobytes?|k|mb|megabytes?|m|gb|gigabytes?|g)?\b/i;
const UNIT: Record<string, number> = { "": 1e6, b: 1, k: 1e3, m: 1e6, g: 1e9 };

/**
 * TACO's limits as written on the source site ("2 seconds", "1.0 seconds", "256 megabytes", "None"): in
 * ms and bytes, a megabyte as 10^6 bytes as CodeContests' memory_limit_bytes has it; a value in no unit
 * we know is left unknown (null) rather than guessed. The import clamps them to its maxima afterwards.
 */
export function appsLimits(
  time: string | number | null | undefined,
  memory: string | number | null | undefined,
): { timeLimitMs: number | null; memoryLimitBytes: number | null } {
  const seconds = typeof time === "number" ? time : time?.trim().match(SECONDS)?.[1];
  const memoryMatch = typeof memory === "number" ? null : memory?.trim().match(MEMORY);
  const bytes =
    typeof memory === "number"
      ? memory * UNIT[""]
      : memoryMatch
        ? Number(memoryMatch[1]) * UNIT[(memoryMatch[2] ?? "").charAt(0).toLowerCase()]
        : null;
  const ms = seconds === undefined || seconds === null ? null : Math.round(Number(seconds) * 1000);
  return {
    timeLimitMs: ms !== null && ms > 0 ? ms : null,
    memoryLimitBytes: bytes !== null && bytes > 0 ? Math.round(bytes) : null,
  };
}

/**
 * TACO's `tags` / `skill_types`: a Python list literal as a string ("['Sorting', \"Euler's\"]"), or a real
 * list (Parquet); its items.
 */
export function pythonListLiteral(value: string | string[] | null | undefined, field: string): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.filter((v) => v.trim() !== "");
  const text = value.trim();
  if (text === "" || text === "[]" || text === "None") return [];
  if (!text.startsWith("[") || !text.endsWith("]")) throw new RecordFieldError(field, `expected a list, got ${text.slice(0, 60)}`);
  return [...text.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)]
    .map((m) => (m[1] ?? m[2]).replace(/\\(.)/g, "$1"))
    .filter((v) => v.trim() !== "");
}
