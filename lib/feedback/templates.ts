/**
 * The paper's exact strings (RLEF-PAPER.md §1, App. C.1), byte for byte.
 * `${...}` in the comments mark where values go.
 */

/** Last line of the initial prompt and of every feedback message. */
export const CODE_FENCE_INSTRUCTION =
  "Your code should be enclosed in triple backticks like so: ```python YOUR CODE HERE ```. Use the backticks for your code only.";

/** "Provide a Python solution for the following competitive programming question: ${problem}.\n\n" + instruction */
export const INITIAL_PROMPT_PREFIX = "Provide a Python solution for the following competitive programming question: ";

export function formatInitialPrompt(problemDescription: string): string {
  return `${INITIAL_PROMPT_PREFIX}${problemDescription}.\n\n${CODE_FENCE_INSTRUCTION}`;
}

export const FEEDBACK_HEADER = "Your code failed the following tests:";
export const GIVE_IT_ANOTHER_TRY = "Give it another try.";
export const TIMEOUT_TEXT = "Execution took too long.";
export const OUT_OF_MEMORY_TEXT = "Out of memory.";

/** "- input `${input}` failed:" */
export function bulletStart(input: string): string {
  return `- input \`${input}\` failed:`;
}

/** "Expected output `${expected_output}` but got `${observed_output}`" */
export function wrongOutputLine(expected: string, observed: string): string {
  return `Expected output \`${expected}\` but got \`${observed}\``;
}

/** Closing of every feedback message: "Give it another try.\n" + instruction. Also the no-feedback ablation's whole message. */
export const FEEDBACK_FOOTER = `${GIVE_IT_ANOTHER_TRY}\n${CODE_FENCE_INSTRUCTION}`;

/**
 * Our wording (the paper is silent, docs/method.md §2.3): a reply with no code block on
 * a non-final turn. Same footer as the execution feedback.
 */
export const NO_CODE_BLOCK_TEXT = "Your response did not contain a code block, so it could not be run.";
