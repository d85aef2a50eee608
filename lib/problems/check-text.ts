import { formatFieldPath } from "./problem-file-error";

/** Why a string cannot be stored (Postgres text and jsonb refuse U+0000 and unpaired surrogates), or null. */
function badString(s: string): string | null {
  const nul = s.indexOf("\u0000");
  if (nul >= 0) return `contains a NUL byte (U+0000) at character ${nul}`;
  if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) {
    // ES2024, in Node 20
    const at = s.search(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    return `contains a lone surrogate (U+${s.charCodeAt(at).toString(16).toUpperCase()}) at character ${at}, which is not valid Unicode`;
  }
  return null;
}

export interface TextScan {
  /** total characters of every string in the value: the record's size as stored, near enough */
  chars: number;
  /** the first string that cannot be stored, with its field path */
  bad: { field: string; detail: string } | null;
}

/**
 * Walk a decoded record (our ProblemRecord, or any JSON-like value) once: every string is checked for
 * what Postgres refuses, and the characters are counted for the record-size bound. Object keys count too.
 */
export function scanText(value: unknown): TextScan {
  const scan: TextScan = { chars: 0, bad: null };
  const path: PropertyKey[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      scan.chars += v.length;
      if (!scan.bad) {
        const why = badString(v);
        if (why) scan.bad = { field: formatFieldPath(path) || "(value)", detail: why };
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        visit(v[i]);
        path.pop();
      }
    } else if (v && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) {
        scan.chars += k.length;
        path.push(k);
        visit(item);
        path.pop();
      }
    }
  };
  visit(value);
  return scan;
}
