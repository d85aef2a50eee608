/** Display formatting shared by every dashboard page. Pure; unit-tested. */

export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${(value * 100).toFixed(digits)}%`;
}

/** "12.3% [10.1, 14.6]" style interval, or just the value when a bound is missing. */
export function formatInterval(
  value: number | null | undefined,
  lower: number | null | undefined,
  upper: number | null | undefined,
): string {
  const main = formatPercent(value);
  if (lower === null || lower === undefined || upper === null || upper === undefined) return main;
  return `${main} [${(lower * 100).toFixed(1)}, ${(upper * 100).toFixed(1)}]`;
}

export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return value.toFixed(digits).replace(/0+$/, "").replace(/\.$/, "");
}

export function formatSigned(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = formatNumber(Math.abs(value), digits);
  return value < 0 ? `−${text}` : value > 0 ? `+${text}` : text;
}

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Dates in one fixed, locale-independent format, so server and client render the same text. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "—";
  return d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** "3 h ago"-style age relative to `now` (passed in so renders are deterministic). */
export function formatAge(value: Date | string | null | undefined, now: Date): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  const seconds = Math.max(0, Math.round((now.getTime() - d.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** Verdict names as people say them: WRONG_ANSWER → "Wrong answer". */
export function formatVerdict(verdict: string | null | undefined): string {
  if (!verdict) return "—";
  const special: Record<string, string> = {
    OK: "OK",
    INVALID_CODE: "No code",
    TIME_LIMIT: "Time limit",
    MEMORY_LIMIT: "Memory limit",
    OUTPUT_LIMIT: "Output limit",
  };
  if (special[verdict]) return special[verdict];
  const words = verdict.toLowerCase().split("_");
  return [words[0][0].toUpperCase() + words[0].slice(1), ...words.slice(1)].join(" ");
}
