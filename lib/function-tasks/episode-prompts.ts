import { formatInitialPrompt } from "../feedback/templates";
import type { TestCase } from "../problems/problem-record";
import { parseFunctionTest } from "../sandbox/function-test";
import {
  formatHumanEvalPrompt,
  formatMbppPrompt,
  humanEvalResponsePrefix,
  isFunctionPromptStyle,
  type FunctionPromptStyle,
} from "./templates";

/** A problem's prompt style, from its `prompt:<style>` tag (set by the benchmark importers); null: CodeContests. */
export function promptStyleOf(tags: readonly string[]): FunctionPromptStyle | null {
  const tag = tags.find((t) => t.startsWith("prompt:"));
  const style = tag?.slice("prompt:".length);
  return isFunctionPromptStyle(style) ? style : null;
}

interface PromptedProblem {
  description: string;
  publicTests: TestCase[];
  promptStyle?: FunctionPromptStyle | null;
}

/** The first user message: App. C.1 for CodeContests, C.4 for HumanEval+, C.5 for MBPP+. */
export function initialPromptOf(problem: PromptedProblem): string {
  switch (problem.promptStyle) {
    case "humanevalplus":
      return formatHumanEvalPrompt(problem.description);
    case "mbppplus":
      return formatMbppPrompt(
        problem.description,
        problem.publicTests.map((t) => parseFunctionTest(t)?.show ?? t.input),
      );
    default:
      return formatInitialPrompt(problem.description);
  }
}

/** What every response starts with (HumanEval+: the function prompt, App. C.4); null when nothing. */
export function responsePrefixOf(problem: PromptedProblem): string | null {
  return problem.promptStyle === "humanevalplus" ? humanEvalResponsePrefix(problem.description) : null;
}
