import { BENCHMARK_FORMAT_LABELS } from "../benchmarks/benchmark-formats";
import { PROBLEMS_FILE_FORMAT_LABELS } from "../problems/problems-file-formats";

const LABELS = { ...PROBLEMS_FILE_FORMAT_LABELS, ...BENCHMARK_FORMAT_LABELS };

/** Every `format` an import takes: `rlef import --format`, the upload action's schema and the datasets page's list. */
export type ImportFormat = keyof typeof LABELS;

export const IMPORT_FORMATS = Object.keys(LABELS) as [ImportFormat, ...ImportFormat[]];

/** The datasets page's format options, in the CLI's order (auto first). */
export const IMPORT_FORMAT_OPTIONS = IMPORT_FORMATS.map((value) => ({ value, label: LABELS[value] }));
