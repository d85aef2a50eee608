import { CODE_FENCE_INSTRUCTION, GIVE_IT_ANOTHER_TRY, OUT_OF_MEMORY_TEXT, TIMEOUT_TEXT } from "../feedback/templates";

/**
 * The paper's HumanEval+ and MBPP+ templates (App. C.4/C.5; RLEF-PAPER.md §1), byte for byte where the
 * paper gives the text. `${...}` in the comments mark where values go.
 */
export const FUNCTION_PROMPT_STYLES = ["humanevalplus", "mbppplus"] as const;
export type FunctionPromptStyle = (typeof FUNCTION_PROMPT_STYLES)[number];

export function isFunctionPromptStyle(value: string | null | undefined): value is FunctionPromptStyle {
  return (FUNCTION_PROMPT_STYLES as readonly string[]).includes(value ?? "");
}

/** "Write a solution to the following problem and make sure that it passes the tests:\n${problem}" */
export const HUMANEVAL_PROMPT_PREFIX = "Write a solution to the following problem and make sure that it passes the tests:\n";

export function formatHumanEvalPrompt(functionPrompt: string): string {
  return `${HUMANEVAL_PROMPT_PREFIX}${functionPrompt}`;
}

/**
 * The start of every HumanEval+ response: the function prompt, repeated so the model completes it. We
 * open a python fence first (our reading: the paper does not print the prefix), so the code is found by
 * the same extraction rule as everywhere (lib/episode/extract-code.ts).
 */
export function humanEvalResponsePrefix(functionPrompt: string): string {
  return `\`\`\`python\n${functionPrompt}`;
}

/** "Provide a Python solution for the following problem: ${problem}\nYour code should pass these tests:\n\n${test}\n\n" + instruction */
export function formatMbppPrompt(problem: string, tests: string[]): string {
  return `Provide a Python solution for the following problem: ${problem}\nYour code should pass these tests:\n\n${tests.join("\n")}\n\n${CODE_FENCE_INSTRUCTION}`;
}

export const FUNCTION_FEEDBACK_HEADER = "Your code failed some test cases:";

/** "- Failure: `${test}`:" */
export function failureStart(test: string): string {
  return `- Failure: \`${test}\`:`;
}

/** "- Success: `${test}`" */
export function successLine(test: string): string {
  return `- Success: \`${test}\``;
}

/** "`${assertion_error}`" (HumanEval+) / "`${error}`" (MBPP+): the AssertionError's message in backticks */
export function assertionErrorLine(message: string): string {
  return `\`${message}\``;
}

export { TIMEOUT_TEXT, OUT_OF_MEMORY_TEXT };

/** HumanEval+ ends with "Give it another try."; MBPP+ appends the backtick instruction (App. C.5). */
export function functionFeedbackFooter(style: FunctionPromptStyle): string {
  return style === "mbppplus" ? `${GIVE_IT_ANOTHER_TRY}\n${CODE_FENCE_INSTRUCTION}` : GIVE_IT_ANOTHER_TRY;
}
