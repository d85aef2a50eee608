import { functionTestCase, type EncodedValue } from "../sandbox/function-test";
import {
  HarnessJobError,
  runHarnessJobs,
  runHarnessJobsSettled,
  type HarnessJob,
  type HarnessJobOptions,
} from "../function-tasks/harness-jobs";
import { ProblemFileError } from "../problems/problem-file-error";
import type { ProblemRecord, TestCase } from "../problems/problem-record";
import type { NumberedProblem } from "../problems/read-jsonl-problems";
import type { FunctionTaskDraft } from "./function-task-draft";

/** Inputs per reference run: one fork computes this many outputs. */
const RECORD_BATCH = 100;

export interface NumberedDraft {
  row: number;
  draft: FunctionTaskDraft;
}

interface SplitResult {
  prelude: string;
  tests: { show: string; code: string; setup: string }[];
}

/**
 * Drafts → problem records, with everything that needs Python done in the sandbox: the test code is split
 * into one assert test each (Python's ast), and the reference solution is run on every EvalPlus input to
 * get the expected outputs (EvalPlus ships inputs only). Errors name the file, the line and the field.
 */
export async function materializeFunctionTasks(
  file: string,
  drafts: NumberedDraft[],
  options: HarnessJobOptions = {},
): Promise<NumberedProblem[]> {
  const splits = await runLocated(
    file,
    drafts,
    "test",
    drafts.map(({ draft }) => ({ mode: "split", source: draft.assertSource || "pass", entry: draft.entryPoint })),
    options,
  );

  const outputs = await recordReferenceOutputs(file, drafts, options);

  return drafts.map(({ row, draft }, index) => {
    const split = JSON.parse(splits[index]) as SplitResult;
    if (split.tests.length === 0 && !draft.wholeIsPublic) {
      throw new ProblemFileError(
        file,
        { line: row },
        draft.source.startsWith("mbpp") ? "assertion" : "test",
        "no assert found to test with",
      );
    }
    const prelude = [draft.prelude, split.prelude].filter(Boolean).join("\n");
    const publicTests = split.tests.map((t) =>
      functionTestCase({
        mode: "assert",
        entry: draft.entryPoint,
        prelude,
        setup: t.setup,
        code: t.code,
        show: showAssert(t.show, draft.entryPoint),
      }),
    );
    const inputs = [...draft.baseInputs, ...draft.plusInputs];
    // an input the reference itself fails on has no expected output: left out, and counted in the tags
    const failedInputs = outputs[index].filter((o) => "error" in o).length;
    const whole: TestCase[] =
      draft.wholeTest === undefined
        ? []
        : [
            functionTestCase({
              mode: "assert",
              entry: draft.entryPoint,
              prelude,
              setup: "",
              code: draft.wholeTest,
              show: draft.source.startsWith("humaneval") ? `check(${draft.entryPoint})` : "all asserts of the task",
            }),
          ];
    if (draft.wholeIsPublic) publicTests.push(...whole);
    const privateTests: TestCase[] =
      draft.reference === null
        ? whole
        : [
            ...whole,
            ...inputs.flatMap((args, i) => {
              const expected = outputs[index][i];
              if ("error" in expected) return [];
              return [
                functionTestCase({
                  mode: "call",
                  entry: draft.entryPoint,
                  prelude: draft.prelude,
                  show: showCall(draft.entryPoint, args),
                  args,
                  deserialize: draft.deserialize,
                  expected,
                  atol: draft.atol,
                  oracle: draft.oracle,
                }),
              ];
            }),
          ];
    const record: ProblemRecord = {
      externalId: draft.externalId,
      name: draft.name,
      description: draft.description,
      publicTests,
      privateTests,
      generatedTests: [],
      timeLimitMs: null,
      memoryLimitBytes: draft.memoryLimitBytes,
      difficulty: null,
      rating: null,
      tags: [
        ...draft.tags,
        `prompt:${draft.source}`,
        `entry_point:${draft.entryPoint}`,
        `base_inputs:${draft.baseInputs.length}`,
        `plus_inputs:${draft.plusInputs.length}`,
        ...(failedInputs ? [`reference_failed_inputs:${failedInputs}`] : []),
      ],
      referenceSolutions: draft.reference === null ? [] : [{ language: "python3", code: draft.reference }],
      wrongSolutions: [],
      source: draft.source,
    };
    return { row, record };
  });
}

/** HumanEval's tests call `candidate`; the model never saw that name, so feedback shows the function's. */
export function showAssert(code: string, entryPoint: string): string {
  return code.replace(/\bcandidate\b/g, entryPoint).trim();
}

/** `f(1, [2])` from the raw JSON argument list `[1, [2]]`, cut for display. */
export function showCall(entryPoint: string, rawArgs: string): string {
  const inner = rawArgs.trim().slice(1, -1).trim();
  const shown = inner.length > 300 ? `${inner.slice(0, 300)}…` : inner;
  return `${entryPoint}(${shown})`;
}

async function runLocated(
  file: string,
  drafts: NumberedDraft[],
  field: string,
  jobs: HarnessJob[],
  options: HarnessJobOptions,
  draftOf: (job: number) => number = (job) => job,
): Promise<string[]> {
  try {
    return await runHarnessJobs(jobs, options);
  } catch (error) {
    if (!(error instanceof HarnessJobError)) throw error;
    const { row, draft } = drafts[draftOf(error.job)];
    throw new ProblemFileError(file, { line: row }, field, `${draft.externalId}: ${error.detail}`);
  }
}

type Recorded = EncodedValue | { error: string };

/**
 * The reference's output on every input, RECORD_BATCH inputs per fork; a batch that fails as a whole
 * (time or memory: some EvalPlus outputs are huge) is run again one input per fork, and an input that
 * still fails is `{ error }` (the reference cannot be judged against it).
 */
async function recordReferenceOutputs(file: string, drafts: NumberedDraft[], options: HarnessJobOptions): Promise<Recorded[][]> {
  const outputs: Recorded[][] = drafts.map(() => []);
  const batches: { draft: number; start: number; inputs: string[] }[] = [];
  drafts.forEach(({ draft }, index) => {
    if (draft.reference === null) return;
    const inputs = [...draft.baseInputs, ...draft.plusInputs];
    for (let i = 0; i < inputs.length; i += RECORD_BATCH)
      batches.push({ draft: index, start: i, inputs: inputs.slice(i, i + RECORD_BATCH) });
  });
  const job = (b: { draft: number; inputs: string[] }): HarnessJob => {
    const { draft } = drafts[b.draft];
    return {
      mode: "record",
      code: draft.reference,
      entry: draft.entryPoint,
      inputs: b.inputs,
      deserialize: draft.deserialize,
      oracle: draft.oracle,
      // a huge output is stored as a digest only where the comparison is plain == (atol 0)
      atol: draft.atol,
      prelude: draft.prelude,
    };
  };
  const place = (b: { draft: number; start: number }, text: string, count: number) => {
    const values = text.split("\n").map((line) => JSON.parse(line) as Recorded);
    if (values.length !== count) throw new Error(`reference run: ${values.length} outputs for ${count} inputs`);
    values.forEach((v, i) => (outputs[b.draft][b.start + i] = v));
  };
  const first = await runHarnessJobsSettled(batches.map(job), options);
  const retry: { draft: number; start: number; inputs: string[] }[] = [];
  first.forEach((result, i) => {
    const b = batches[i];
    if (typeof result === "string") place(b, result, b.inputs.length);
    else b.inputs.forEach((input, k) => retry.push({ draft: b.draft, start: b.start + k, inputs: [input] }));
  });
  const second = await runHarnessJobsSettled(retry.map(job), options);
  second.forEach((result, i) => {
    const b = retry[i];
    if (typeof result === "string") place(b, result, 1);
    else outputs[b.draft][b.start] = { error: result.detail.slice(0, 300) };
  });
  // a reference that cannot even be loaded fails the import, naming the row
  drafts.forEach(({ row, draft }, index) => {
    const recorded = outputs[index];
    if (recorded.length > 0 && recorded.every((o) => "error" in o)) {
      throw new ProblemFileError(
        file,
        { line: row },
        "canonical_solution",
        `${draft.externalId}: the reference fails on every input (${(recorded[0] as { error: string }).error})`,
      );
    }
  });
  return outputs;
}
