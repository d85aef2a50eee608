import { readFile } from "node:fs/promises";
import { parseProblemObject } from "../problems/parse-problem-object";
import { ProblemFileError, RecordFieldError } from "../problems/problem-file-error";
import type { ProblemRecord, TestCase } from "../problems/problem-record";

/**
 * Where `rlef judge --problem` finds its problem: a JSON file holding one
 * Hugging Face CodeContests row as published (or one of our problem records),
 * or `dataset:<name>/<problem-id>` in the database. The row → problem
 * conversion is lib/problems' (codecontests-row.ts), shared with the importer.
 */
export type ProblemRef = { kind: "file"; path: string } | { kind: "dataset"; dataset: string; problemId: string };

export function parseProblemRef(ref: string): ProblemRef {
  const match = /^dataset:([^/]+)\/(.+)$/.exec(ref);
  if (match) return { kind: "dataset", dataset: match[1], problemId: match[2] };
  if (ref.startsWith("dataset:")) throw new Error(`--problem ${ref}: expected dataset:<name>/<problem-id>`);
  return { kind: "file", path: ref };
}

/** Looks a problem up in the database. */
export type ProblemResolver = (dataset: string, problemId: string) => Promise<ProblemRecord>;

/**
 * HOOK for the CLI owner: `dataset:name/problem-id` needs the database, so
 * the caller passes a resolver (e.g. one built on lib/db); without one such
 * refs fail with a message that says so.
 */
export async function resolveProblemRef(ref: string, resolver?: ProblemResolver): Promise<ProblemRecord> {
  const parsed = parseProblemRef(ref);
  if (parsed.kind === "file") return loadProblemFile(parsed.path);
  if (!resolver) {
    throw new Error(
      `--problem ${ref}: looking problems up by dataset needs the database, which this command was not given; ` +
        "pass a problem JSON file instead (a CodeContests row)",
    );
  }
  return resolver(parsed.dataset, parsed.problemId);
}

export async function loadProblemFile(file: string): Promise<ProblemRecord> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new ProblemFileError(file, null, null, (err as Error).message);
  }
  try {
    return parseProblemObject(value);
  } catch (err) {
    if (err instanceof RecordFieldError) throw new ProblemFileError(file, null, err.field, err.detail);
    throw err;
  }
}

export type TestSelection = "public" | "private" | "all";

/** "all" is public + private + generated, in that order (docs/method.md §1.3: the final judge). */
export function selectTests(problem: ProblemRecord, which: TestSelection): TestCase[] {
  switch (which) {
    case "public":
      return problem.publicTests;
    case "private":
      return problem.privateTests;
    case "all":
      return [...problem.publicTests, ...problem.privateTests, ...problem.generatedTests];
  }
}
