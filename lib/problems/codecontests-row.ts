import { z } from "zod";
import {
  CODECONTESTS_DIFFICULTIES,
  CODECONTESTS_LANGUAGES,
  CODECONTESTS_SOURCES,
  difficultyLabel,
  languageName,
  sourceName,
} from "./codecontests-labels";
import type { ProblemRecord, Solution, TestCase } from "./problem-record";

/** A ClassLabel column: the integer as published, or its name when a tool wrote labels out. */
function classLabel(labels: readonly string[]) {
  return z.union([
    z
      .number()
      .int()
      .min(0)
      .max(labels.length - 1),
    z.string(),
  ]);
}

/** Parallel input/output lists, as CodeContests stores tests. */
function testsSchema(field: string) {
  return z.object({ input: z.array(z.string()), output: z.array(z.string()) }).superRefine((tests, ctx) => {
    if (tests.input.length !== tests.output.length) {
      ctx.addIssue({
        code: "custom",
        path: ["output"],
        message: `expected ${tests.input.length} items to match ${field}.input, got ${tests.output.length}`,
      });
    }
  });
}

function solutionsSchema(field: string) {
  return z
    .object({ language: z.array(classLabel(CODECONTESTS_LANGUAGES)), solution: z.array(z.string()) })
    .superRefine((solutions, ctx) => {
      if (solutions.language.length !== solutions.solution.length) {
        ctx.addIssue({
          code: "custom",
          path: ["solution"],
          message: `expected ${solutions.language.length} items to match ${field}.language, got ${solutions.solution.length}`,
        });
      }
    });
}

const noSolutions = { language: [], solution: [] };

/**
 * One row of Hugging Face deepmind/code_contests as published (Parquet, or the
 * same row written out as JSON). Fields we do not use (cf_contest_id,
 * cf_index, cf_points, input_file, …) are allowed and kept.
 */
export const codeContestsRowSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().min(1),
  public_tests: testsSchema("public_tests"),
  private_tests: testsSchema("private_tests"),
  generated_tests: testsSchema("generated_tests").optional(),
  source: classLabel(CODECONTESTS_SOURCES).nullish(),
  difficulty: classLabel(CODECONTESTS_DIFFICULTIES).nullish(),
  solutions: solutionsSchema("solutions").nullish(),
  incorrect_solutions: solutionsSchema("incorrect_solutions").nullish(),
  cf_rating: z.number().int().nonnegative().nullish(),
  cf_tags: z.array(z.string()).nullish(),
  time_limit: z.object({ seconds: z.number().int().nonnegative(), nanos: z.number().int().nonnegative().default(0) }).nullish(),
  memory_limit_bytes: z.number().int().nonnegative().nullish(),
});

export type CodeContestsRow = z.infer<typeof codeContestsRowSchema>;

function pairTests(tests: { input: string[]; output: string[] } | undefined): TestCase[] {
  if (!tests) return [];
  return tests.input.map((input, i) => ({ input, output: tests.output[i] }));
}

function pairSolutions(solutions: { language: (number | string)[]; solution: string[] } | null | undefined): Solution[] {
  const { language, solution } = solutions ?? noSolutions;
  return solution.map((code, i) => ({ language: languageName(language[i]), code }));
}

/**
 * Normalise a validated row. CodeContests has no id column; its name
 * (e.g. "76_B. Mice") is what identifies a problem across re-imports.
 * Zero means "not given" for rating, time and memory limits, as in the data.
 */
export function toProblemRecord(row: CodeContestsRow): ProblemRecord {
  const timeLimitMs = row.time_limit ? Math.round(row.time_limit.seconds * 1000 + row.time_limit.nanos / 1e6) : 0;
  return {
    externalId: row.name,
    name: row.name,
    description: row.description,
    publicTests: pairTests(row.public_tests),
    privateTests: pairTests(row.private_tests),
    generatedTests: pairTests(row.generated_tests),
    timeLimitMs: timeLimitMs > 0 ? timeLimitMs : null,
    memoryLimitBytes: row.memory_limit_bytes ? row.memory_limit_bytes : null,
    difficulty: row.difficulty === null || row.difficulty === undefined ? null : difficultyLabel(row.difficulty),
    rating: row.cf_rating ? row.cf_rating : null,
    tags: row.cf_tags ?? [],
    referenceSolutions: pairSolutions(row.solutions),
    wrongSolutions: pairSolutions(row.incorrect_solutions),
    source: row.source === null || row.source === undefined ? "unknown" : sourceName(row.source),
  };
}
