/**
 * The formats the CodeContests / RLEF records reader takes (read-problems-file.ts), with the name the
 * datasets page's format list shows. No Node imports: the import form reads this too.
 * - auto: Parquet when the file starts with PAR1, else JSONL (gzip by its magic bytes); each line or row
 *   a CodeContests row or one of our problem records
 * - codecontests-jsonl: every line a CodeContests row; jsonl: every line one of our problem records
 * - parquet: a Parquet file of CodeContests rows (or our records)
 */
export const PROBLEMS_FILE_FORMAT_LABELS = {
  auto: "auto (detected from the file)",
  "codecontests-jsonl": "CodeContests JSONL",
  jsonl: "RLEF JSONL",
  parquet: "CodeContests Parquet",
} as const;

export type ProblemsFileFormat = keyof typeof PROBLEMS_FILE_FORMAT_LABELS;
