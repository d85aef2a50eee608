/**
 * The benchmark formats beside CodeContests (README.md lists what was checked against real files), each
 * with the name the datasets page's format list shows. No Node imports: the import form reads this too.
 */
export const BENCHMARK_FORMAT_LABELS = {
  evalplus: "EvalPlus HumanEval+ / MBPP+ (.jsonl, .jsonl.gz)",
  humaneval: "HumanEval, original (or HumanEvalPlus-OriginFmt)",
  mbpp: "MBPP, full (mbpp.jsonl)",
  "mbpp-sanitized": "MBPP, sanitized (sanitized-mbpp.json)",
  "mbppplus-originfmt": "MBPP+ OriginFmt",
  livecodebench: "LiveCodeBench code_generation_lite",
  apps: "APPS (JSONL or Parquet)",
  taco: "TACO (JSONL or Parquet)",
} as const;

export type BenchmarkFormat = keyof typeof BENCHMARK_FORMAT_LABELS;

export function isBenchmarkFormat(format: string | undefined): format is BenchmarkFormat {
  return format !== undefined && Object.hasOwn(BENCHMARK_FORMAT_LABELS, format);
}
