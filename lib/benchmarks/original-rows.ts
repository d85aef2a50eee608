import { z } from "zod";
import { RecordFieldError } from "../problems/problem-file-error";
import type { FunctionTaskDraft } from "./function-task-draft";

/**
 * The original HumanEval (openai/human-eval) and MBPP (google-research, full `mbpp.jsonl` and
 * `sanitized-mbpp.json`) rows. They carry no inputs, only asserts: the asserts are the in-loop (public)
 * tests one by one, and the scoring (private) test is the dataset's own harness as one test — HumanEval's
 * whole `check(candidate)`, MBPP's whole test list — so the score means what it means upstream.
 */
const humanEvalSchema = z.object({
  task_id: z.string().min(1),
  prompt: z.string(),
  canonical_solution: z.string(),
  test: z.string().min(1),
  entry_point: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "not a Python name"),
});

const mbppSchema = z.object({
  task_id: z.number().int(),
  /** full MBPP: `text`; sanitized: `prompt` */
  text: z.string().optional(),
  prompt: z.string().optional(),
  code: z.string(),
  test_list: z.array(z.string()).min(1),
  test_setup_code: z.string().default(""),
  test_imports: z.array(z.string()).default([]),
  challenge_test_list: z.array(z.string()).default([]),
  source_file: z.string().optional(),
  /** MbppPlus-OriginFmt: the EvalPlus harness with every input and expected output inlined */
  test: z.string().optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw RecordFieldError.fromZod(parsed.error);
  return parsed.data;
}

export function parseHumanEvalRow(value: unknown): FunctionTaskDraft {
  const row = parse(humanEvalSchema, value);
  if (isOriginFmtTest(row.test)) {
    // HumanEvalPlus-OriginFmt: check() inlines every base and plus input with its expected output and has
    // no separate asserts, so its one test is the whole check(), in the loop and for the score
    return {
      externalId: row.task_id,
      name: `${row.task_id} ${row.entry_point}`,
      description: row.prompt,
      responsePrefix: row.prompt,
      entryPoint: row.entry_point,
      reference: row.prompt + row.canonical_solution,
      assertSource: "",
      prelude: "",
      baseInputs: [],
      plusInputs: [],
      atol: 0,
      oracle: "exact",
      deserialize: null,
      source: "humanevalplus-originfmt",
      memoryLimitBytes: 4 * 1024 ** 3,
      tags: ["humaneval", "prompt:humanevalplus", "originfmt"],
      wholeTest: `${row.test}

check(${row.entry_point})
`,
      wholeIsPublic: true,
    };
  }
  return {
    externalId: row.task_id,
    name: `${row.task_id} ${row.entry_point}`,
    description: row.prompt,
    responsePrefix: row.prompt,
    entryPoint: row.entry_point,
    reference: row.prompt + row.canonical_solution,
    assertSource: row.test,
    prelude: "",
    baseInputs: [],
    plusInputs: [],
    atol: 0,
    oracle: "exact",
    deserialize: null,
    source: "humaneval",
    memoryLimitBytes: null,
    tags: ["humaneval", "prompt:humanevalplus"],
    wholeTest: `${row.test}\n\ncheck(${row.entry_point})\n`,
  };
}

/** EvalPlus' -OriginFmt tests carry an `assertion(out, exp, atol)` helper built on numpy. */
export function isOriginFmtTest(test: string): boolean {
  return /^def assertion\(out, exp, atol\):/m.test(test);
}

export function parseMbppRow(value: unknown, variant: "full" | "sanitized" | "originfmt"): FunctionTaskDraft {
  const row = parse(mbppSchema, value);
  const text = variant === "full" ? row.text : row.prompt;
  if (text === undefined) throw new RecordFieldError(variant === "full" ? "text" : "prompt", "missing (expected string)");
  // full MBPP's code has CRLF line ends (972 of 974 rows); Python accepts them, our prompts and diffs want LF
  const code = row.code.replace(/\r\n/g, "\n");
  const entryPoint = entryPointOf(code, row.test_list);
  if (!entryPoint) throw new RecordFieldError("test_list", "no function defined in `code` is called by the asserts");
  const prelude = [...row.test_imports, row.test_setup_code.replace(/\r\n/g, "\n")].filter((s) => s.trim() !== "").join("\n");
  const asserts = [...row.test_list, ...row.challenge_test_list].map((t) => t.replace(/\r\n/g, "\n"));
  if (variant === "originfmt" && row.test === undefined) throw new RecordFieldError("test", "missing (expected string)");
  return {
    externalId: `Mbpp/${row.task_id}`,
    name: `Mbpp/${row.task_id} ${entryPoint}`,
    description: text.trim(),
    responsePrefix: null,
    ...(variant === "originfmt" ? { memoryLimitBytes: 4 * 1024 ** 3 } : {}),
    entryPoint,
    reference: code,
    assertSource: row.test_list.join("\n"),
    prelude,
    baseInputs: [],
    plusInputs: [],
    atol: 0,
    oracle: "exact",
    deserialize: null,
    source: variant === "originfmt" ? "mbppplus-originfmt" : `mbpp-${variant}`,
    memoryLimitBytes: null,
    tags: ["mbpp", "prompt:mbppplus", ...(row.source_file ? [`source_file:${row.source_file}`] : [])],
    // OriginFmt scores on its inlined plus inputs (EvalPlus' harness); the originals on their asserts
    wholeTest: variant === "originfmt" ? row.test! : asserts.join("\n"),
  };
}

/** The first function `code` defines that the asserts call (full MBPP has no entry_point field). */
export function entryPointOf(code: string, asserts: string[]): string | null {
  const defined = [...code.matchAll(/^def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/gm)].map((m) => m[1]);
  const tests = asserts.join("\n");
  return defined.find((name) => new RegExp(`\\b${name}\\s*\\(`).test(tests)) ?? null;
}
