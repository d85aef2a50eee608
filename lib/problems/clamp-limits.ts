import type { ImportLimits } from "./import-limits";
import { RecordFieldError } from "./problem-file-error";
import type { ProblemRecord } from "./problem-record";

/** One limit lowered to its configured maximum, for the import summary. */
export interface LimitClamp {
  externalId: string;
  field: "timeLimitMs" | "memoryLimitBytes";
  from: number;
  to: number;
}

// the Postgres integer columns these land in (timeLimitMs, rating, the test counts)
const INT4_MAX = 2 ** 31 - 1;
const MAX_RATING = 100_000;

/**
 * A validated record's limits brought within the configured maxima (the summary reports each clamp), and
 * values no problem can mean refused with the field named: a rating past 100,000 or a limit that is not a
 * finite whole number. The record is copied, never changed in place.
 */
export function clampProblemLimits(
  record: ProblemRecord,
  limits: Pick<ImportLimits, "maxTimeLimitMs" | "maxMemoryLimitBytes">,
): { record: ProblemRecord; clamps: LimitClamp[] } {
  const clamps: LimitClamp[] = [];
  const out = { ...record };
  const bound = (field: LimitClamp["field"], max: number) => {
    const value = record[field];
    if (value === null) return;
    if (!Number.isSafeInteger(value) || value <= 0) throw new RecordFieldError(field, `${value} is not a positive whole number`);
    if (value > max) {
      clamps.push({ externalId: record.externalId, field, from: value, to: max });
      out[field] = max;
    }
  };
  bound("timeLimitMs", Math.min(limits.maxTimeLimitMs, INT4_MAX));
  bound("memoryLimitBytes", limits.maxMemoryLimitBytes);
  if (record.rating !== null && !(Number.isSafeInteger(record.rating) && record.rating <= MAX_RATING)) {
    throw new RecordFieldError("rating", `${record.rating} is out of range (a rating is at most ${MAX_RATING})`);
  }
  return { record: out, clamps };
}

/** What the import summary keeps of the clamps: how many, and the first few by name. */
export interface ClampSummary {
  count: number;
  examples: LimitClamp[];
}

const EXAMPLES = 20;

export function addClamps(summary: ClampSummary, clamps: readonly LimitClamp[]): void {
  summary.count += clamps.length;
  for (const c of clamps) if (summary.examples.length < EXAMPLES) summary.examples.push(c);
}

/** One line for the CLI and the upload form, or null when nothing was clamped (the maxima named when given). */
export function formatClamps(summary: ClampSummary, limits?: Pick<ImportLimits, "maxTimeLimitMs" | "maxMemoryLimitBytes">): string | null {
  if (summary.count === 0) return null;
  const shown = summary.examples
    .slice(0, 5)
    .map((c) => `${c.externalId} ${c.field} ${c.from} → ${c.to}`)
    .join("; ");
  const more = summary.count > 5 ? ` and ${summary.count - 5} more` : "";
  const maxima = limits ? ` (time ${limits.maxTimeLimitMs} ms, memory ${limits.maxMemoryLimitBytes} bytes)` : "";
  return `${summary.count} limit${summary.count === 1 ? "" : "s"} lowered to the configured maxima${maxima}: ${shown}${more}`;
}
