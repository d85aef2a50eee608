/** Fractions as percentages with one decimal; "–" for no value. */
export function pct(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "–" : `${(value * 100).toFixed(digits)}%`;
}

/** A signed difference in percentage points. */
export function pp(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return "–";
  const v = value * 100;
  return `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(digits)} pp`;
}

export function intervalText(lower: number | null, upper: number | null, signed = false): string {
  if (lower === null || upper === null) return "";
  const f = signed ? (x: number) => pp(x).replace(" pp", "") : (x: number) => pct(x);
  return `[${f(lower)}, ${f(upper)}]`;
}

export function compareHref(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  return `/compare?${search}`;
}
