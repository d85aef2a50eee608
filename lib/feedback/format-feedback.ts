import type { TestResult } from "../sandbox/types";
import { programStackTrace } from "./stack-trace";
import {
  bulletStart,
  FEEDBACK_FOOTER,
  FEEDBACK_HEADER,
  NO_CODE_BLOCK_TEXT,
  OUT_OF_MEMORY_TEXT,
  TIMEOUT_TEXT,
  wrongOutputLine,
} from "./templates";
import { DEFAULT_MAX_FIELD_CHARS, truncateHead, truncateTail } from "./truncate";

/** One public test: what it was, and how the program did on it. */
export interface FeedbackItem {
  input: string;
  expectedOutput: string;
  result: TestResult;
}

export interface FeedbackOptions {
  /** Cut for each input, expected/actual output and traceback; default 2,000 characters. */
  maxFieldChars?: number;
}

/** A SANDBOX_ERROR is ours: it must be re-run, never shown to the model as the program's failure. */
export class SandboxErrorInFeedbackError extends Error {
  constructor(readonly testIndices: number[]) {
    super(`tests ${testIndices.join(", ")} ended in SANDBOX_ERROR: judge again instead of giving feedback (never blame the program)`);
    this.name = "SandboxErrorInFeedbackError";
  }
}

/**
 * The execution-feedback user message (RLEF-PAPER.md §1): one bullet per
 * failing public test in test order, passing tests not listed, then the
 * "Give it another try." footer. Throws when a test ended in SANDBOX_ERROR or
 * when nothing failed.
 */
export function formatExecutionFeedback(items: FeedbackItem[], options: FeedbackOptions = {}): string {
  const sandboxErrors = items.filter((i) => i.result.verdict === "SANDBOX_ERROR").map((i) => i.result.index);
  if (sandboxErrors.length > 0) throw new SandboxErrorInFeedbackError(sandboxErrors);
  const failing = items.filter((i) => i.result.verdict !== "OK");
  if (failing.length === 0) throw new Error("formatExecutionFeedback: every test passed, there is no feedback to give");
  const max = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const bullets = failing.map((item) => formatBullet(item, max));
  return `${FEEDBACK_HEADER}\n\n${bullets.join("\n")}\n\n${FEEDBACK_FOOTER}`;
}

/**
 * OUTPUT_LIMIT has no bullet of its own in the paper; it is shown as a wrong
 * output whose observed text is the beginning of what the program printed,
 * with a marker saying the output cap was exceeded (and on which stream).
 */
export function formatBullet(item: FeedbackItem, maxFieldChars = DEFAULT_MAX_FIELD_CHARS): string {
  const { result } = item;
  const start = bulletStart(truncateHead(item.input, maxFieldChars));
  switch (result.verdict) {
    case "WRONG_ANSWER":
    case "OUTPUT_LIMIT":
      return `${start}\n${wrongOutputLine(truncateHead(item.expectedOutput, maxFieldChars), observedOutput(result, maxFieldChars))}`;
    case "RUNTIME_ERROR": {
      const trace = programStackTrace(result);
      return `${start}\n${truncateTail(trace.text, maxFieldChars, trace.omitted)}`;
    }
    case "TIME_LIMIT":
      return `${start} ${TIMEOUT_TEXT}`;
    case "MEMORY_LIMIT":
      return `${start} ${OUT_OF_MEMORY_TEXT}`;
    default:
      throw new Error(`formatBullet: test ${result.index} has verdict ${result.verdict}, which gets no bullet`);
  }
}

function observedOutput(result: TestResult, maxFieldChars: number): string {
  const whole = !result.stdoutTruncated;
  const text = whole ? result.stdoutHead + result.stdoutTail : result.stdoutHead;
  const omitted = whole ? 0 : Math.max(0, result.stdoutBytes - Buffer.byteLength(result.stdoutHead));
  const shown = truncateHead(text, maxFieldChars, omitted);
  if (result.verdict !== "OUTPUT_LIMIT") return shown;
  const stream = result.outputLimited ?? "stdout";
  return `${shown} [output limit exceeded on ${stream}]`;
}

/** An invalid reply (no code block) on a non-final turn (docs/method.md §2.3). */
export function formatNoCodeFeedback(): string {
  return `${NO_CODE_BLOCK_TEXT}\n\n${FEEDBACK_FOOTER}`;
}

/** The no-feedback ablation: only "Give it another try." and the instruction. */
export function formatNoFeedbackMessage(): string {
  return FEEDBACK_FOOTER;
}
