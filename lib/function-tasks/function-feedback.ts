import { programStackTrace } from "../feedback/stack-trace";
import { DEFAULT_MAX_FIELD_CHARS, truncateHead, truncateTail } from "../feedback/truncate";
import { SandboxErrorInFeedbackError, type FeedbackItem } from "../feedback/format-feedback";
import type { TestResult } from "../sandbox/types";
import { functionTestFailureMessage, parseFunctionTest } from "../sandbox/function-test";
import {
  assertionErrorLine,
  failureStart,
  FUNCTION_FEEDBACK_HEADER,
  functionFeedbackFooter,
  OUT_OF_MEMORY_TEXT,
  successLine,
  TIMEOUT_TEXT,
  type FunctionPromptStyle,
} from "./templates";

/**
 * The HumanEval+/MBPP+ feedback message (App. C.4/C.5): every in-loop test in test order, failures with
 * their AssertionError message, traceback or timeout, and successes too; then the footer.
 */
export function formatFunctionFeedback(
  items: FeedbackItem[],
  style: FunctionPromptStyle,
  options: { maxFieldChars?: number } = {},
): string {
  const sandboxErrors = items.filter((i) => i.result.verdict === "SANDBOX_ERROR").map((i) => i.result.index);
  if (sandboxErrors.length > 0) throw new SandboxErrorInFeedbackError(sandboxErrors);
  if (items.every((i) => i.result.verdict === "OK"))
    throw new Error("formatFunctionFeedback: every test passed, there is no feedback to give");
  const max = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const bullets = items.map((item) => functionBullet(item, max));
  return `${FUNCTION_FEEDBACK_HEADER}\n\n${bullets.join("\n")}\n\n${functionFeedbackFooter(style)}`;
}

export function functionBullet(item: FeedbackItem, maxFieldChars = DEFAULT_MAX_FIELD_CHARS): string {
  const spec = parseFunctionTest({ input: item.input });
  const test = truncateHead(spec ? spec.show : item.input, maxFieldChars);
  const { result } = item;
  switch (result.verdict) {
    case "OK":
      return successLine(test);
    case "WRONG_ANSWER":
    case "OUTPUT_LIMIT":
      return `${failureStart(test)}\n${assertionErrorLine(truncateHead(failureMessage(result), maxFieldChars))}`;
    case "RUNTIME_ERROR": {
      const trace = programStackTrace(result);
      return `${failureStart(test)}\n${truncateTail(trace.text, maxFieldChars, trace.omitted)}`;
    }
    case "TIME_LIMIT":
      return `${failureStart(test)}\n${TIMEOUT_TEXT}`;
    case "MEMORY_LIMIT":
      return `${failureStart(test)}\n${OUT_OF_MEMORY_TEXT}`;
    default:
      throw new Error(`functionBullet: test ${result.index} has verdict ${result.verdict}, which gets no bullet`);
  }
}

/** The AssertionError's message the harness printed; a program that broke the harness's output gets a plain line. */
export function failureMessage(result: TestResult): string {
  if (result.verdict === "OUTPUT_LIMIT") return `AssertionError: output limit exceeded on ${result.outputLimited ?? "stdout"}`;
  const message = functionTestFailureMessage(result.stdoutHead + result.stdoutTail);
  return message ?? "AssertionError: the test did not report a result (did the program exit early?)";
}
