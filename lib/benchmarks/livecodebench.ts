import { z } from "zod";
import { functionTestCase } from "../sandbox/function-test";
import { HarnessJobError, runHarnessJobs, type HarnessJobOptions } from "../function-tasks/harness-jobs";
import { ProblemFileError, RecordFieldError } from "../problems/problem-file-error";
import { NEEDS_CHECKER_TAG, type ProblemRecord, type TestCase } from "../problems/problem-record";
import type { NumberedProblem } from "../problems/read-jsonl-problems";
import { readBenchmarkLines } from "./read-benchmark-lines";

/**
 * LiveCodeBench `code_generation_lite` rows (livecodebench/code_generation_lite on the Hub; checked
 * against its published schema and lcb_runner's loader only: no real row was reachable here).
 * `public_test_cases` is a JSON string of `[{input, output, testtype}]`; `private_test_cases` is the
 * same JSON or base64(zlib(pickle(json string))). Unpickling runs code, so encoded private tests are
 * decoded by the harness inside the sandbox (mode "unpickle"), never here. `testtype: "functional"`
 * calls `Solution().<metadata.func_name>(*args)` with the newline-separated JSON arguments;
 * `"stdin"` compares stdout (our token checker).
 */
const lcbRowSchema = z.object({
  question_title: z.string(),
  question_content: z.string().min(1),
  platform: z.string(),
  question_id: z.string().min(1),
  contest_id: z.string().optional(),
  contest_date: z.string().optional(),
  starter_code: z.string().default(""),
  difficulty: z.string().optional(),
  public_test_cases: z.string(),
  private_test_cases: z.string(),
  metadata: z.string().default("{}"),
});

const lcbTestSchema = z.array(z.object({ input: z.string(), output: z.string(), testtype: z.enum(["stdin", "functional"]) }));
type LcbTest = z.infer<typeof lcbTestSchema>[number];

interface LcbDraft {
  row: z.infer<typeof lcbRowSchema>;
  publicTests: LcbTest[];
  /** decoded JSON tests, or the encoded text to decode in the sandbox */
  privateTests: LcbTest[] | { encoded: string };
  funcName: string | null;
}

function parseRow(line: string): LcbDraft {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new RecordFieldError(null, `invalid JSON (${(error as Error).message})`);
  }
  const parsed = lcbRowSchema.safeParse(value);
  if (!parsed.success) throw RecordFieldError.fromZod(parsed.error);
  const row = parsed.data;
  const publicTests = testsFrom(row.public_test_cases, "public_test_cases");
  let privateTests: LcbDraft["privateTests"];
  const text = row.private_test_cases.trim();
  if (text.startsWith("[")) privateTests = testsFrom(text, "private_test_cases");
  else if (/^[A-Za-z0-9+/=\s]+$/.test(text)) privateTests = { encoded: text };
  else throw new RecordFieldError("private_test_cases", "neither JSON nor base64");
  let meta: unknown;
  try {
    meta = JSON.parse(row.metadata);
  } catch (error) {
    throw new RecordFieldError("metadata", `invalid JSON (${(error as Error).message})`);
  }
  const funcName = typeof (meta as { func_name?: unknown })?.func_name === "string" ? (meta as { func_name: string }).func_name : null;
  return { row, publicTests, privateTests, funcName };
}

function testsFrom(text: string, field: string): LcbTest[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RecordFieldError(field, `invalid JSON (${(error as Error).message})`);
  }
  const parsed = lcbTestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = RecordFieldError.fromZod(parsed.error);
    throw new RecordFieldError(`${field}${issue.field ? issue.field.replace(/^(\d+)/, "[$1]") : ""}`, issue.detail);
  }
  return parsed.data;
}

export async function readLiveCodeBenchFile(file: string, options: HarnessJobOptions = {}): Promise<NumberedProblem[]> {
  const drafts = await readBenchmarkLines(file, parseRow);
  const encoded = drafts.flatMap(({ row, value }) => ("encoded" in value.privateTests ? [{ row, data: value.privateTests.encoded }] : []));
  let decoded: string[];
  try {
    decoded = await runHarnessJobs(
      encoded.map(({ data }) => ({ mode: "unpickle", data })),
      options,
    );
  } catch (error) {
    if (!(error instanceof HarnessJobError)) throw error;
    throw new ProblemFileError(
      file,
      { line: encoded[error.job].row },
      "private_test_cases",
      `could not be decoded in the sandbox: ${error.detail}`,
    );
  }
  const byRow = new Map(encoded.map(({ row }, i) => [row, decoded[i]]));
  return drafts.map(({ row, value }) => {
    let privateTests: LcbTest[];
    try {
      privateTests = "encoded" in value.privateTests ? testsFrom(byRow.get(row)!, "private_test_cases") : value.privateTests;
    } catch (error) {
      if (error instanceof RecordFieldError) throw new ProblemFileError(file, { line: row }, error.field, error.detail);
      throw error;
    }
    return { row, record: toRecord(value, privateTests) };
  });
}

function toRecord(draft: LcbDraft, privateTests: LcbTest[]): ProblemRecord {
  const { row } = draft;
  const all = [...draft.publicTests, ...privateTests];
  const kinds = new Set(all.map((t) => t.testtype));
  const functional = kinds.has("functional");
  // a problem mixing kinds, or functional without a function name, has no checker here: kept, marked
  const unjudgeable = kinds.size > 1 || (functional && draft.funcName === null);
  const convert = (t: LcbTest): TestCase =>
    unjudgeable || !functional
      ? { input: t.input, output: t.output }
      : functionTestCase({
          mode: "call",
          entry: `Solution.${draft.funcName}`,
          show: `${draft.funcName}(${t.input.split("\n").join(", ")})`,
          args: `[${t.input
            .split("\n")
            .filter((l) => l.trim() !== "")
            .join(",")}]`,
          expected: { json: t.output },
          oracle: "lcb",
        });
  const description = row.starter_code.trim() ? `${row.question_content}\n\n${row.starter_code}` : row.question_content;
  return {
    externalId: row.question_id,
    name: row.question_title || row.question_id,
    description,
    publicTests: draft.publicTests.map(convert),
    privateTests: privateTests.map(convert),
    generatedTests: [],
    timeLimitMs: null,
    memoryLimitBytes: null,
    difficulty: row.difficulty ?? null,
    rating: null,
    tags: [
      "livecodebench",
      `platform:${row.platform}`,
      ...(row.contest_date ? [`contest_date:${row.contest_date.slice(0, 10)}`] : []),
      ...(functional ? [`func_name:${draft.funcName ?? "?"}`] : []),
      ...(unjudgeable ? [NEEDS_CHECKER_TAG] : []),
    ],
    referenceSolutions: [],
    wrongSolutions: [],
    source: "livecodebench",
  };
}
