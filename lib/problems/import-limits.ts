/**
 * The bounds every problems importer applies (issue 13.7), in one place so each importer (CodeContests
 * JSONL/Parquet here, the benchmark importers beside them) uses the same numbers:
 *
 * - maxDecompressedBytes: bytes read out of one file after decompression (a gzip bomb ends here, with
 *   an error, instead of filling memory or running for ever);
 * - maxRecordBytes: one JSONL line, or the text of one Parquet row (memory is per record and per
 *   batch, never per file);
 * - maxRowGroupBytes: one Parquet row group, uncompressed (hyparquet decodes a row group at once);
 * - maxTimeLimitMs / maxMemoryLimitBytes: a problem's limits above these are lowered to them, and the
 *   import summary says which (a memory_limit_bytes of 1e15 used to mean "no limit").
 *
 * Each can be set through the environment variable named beside it, in MiB or milliseconds.
 */
export interface ImportLimits {
  maxDecompressedBytes: number;
  maxRecordBytes: number;
  maxRowGroupBytes: number;
  maxTimeLimitMs: number;
  maxMemoryLimitBytes: number;
}

const MIB = 1024 * 1024;

export const IMPORT_LIMIT_ENV = {
  maxDecompressedBytes: "RLEF_IMPORT_MAX_DECOMPRESSED_MB",
  maxRecordBytes: "RLEF_IMPORT_MAX_RECORD_MB",
  maxRowGroupBytes: "RLEF_IMPORT_MAX_ROW_GROUP_MB",
  maxTimeLimitMs: "RLEF_IMPORT_MAX_TIME_LIMIT_MS",
  maxMemoryLimitBytes: "RLEF_IMPORT_MAX_MEMORY_LIMIT_MB",
} as const satisfies Record<keyof ImportLimits, string>;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxDecompressedBytes: 4096 * MIB,
  maxRecordBytes: 128 * MIB,
  maxRowGroupBytes: 256 * MIB,
  // CodeContests' largest limits are a few seconds and 1 GiB; these leave room and stay far from "unlimited"
  maxTimeLimitMs: 60_000,
  maxMemoryLimitBytes: 4096 * MIB,
};

/** The defaults with any RLEF_IMPORT_* variable applied; a malformed value is an error, not a silent default. */
export function importLimitsFromEnv(env: Record<string, string | undefined> = process.env): ImportLimits {
  const limits = { ...DEFAULT_IMPORT_LIMITS };
  for (const key of Object.keys(IMPORT_LIMIT_ENV) as (keyof ImportLimits)[]) {
    const name = IMPORT_LIMIT_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
    limits[key] = key === "maxTimeLimitMs" ? Math.floor(value) : Math.floor(value * MIB);
  }
  return limits;
}

/** "128 MiB" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${+(bytes / MIB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
