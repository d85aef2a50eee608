import { describe, expect, it } from "vitest";
import type { TestResult, Verdict } from "../sandbox/types";
import {
  formatExecutionFeedback,
  formatNoCodeFeedback,
  formatNoFeedbackMessage,
  SandboxErrorInFeedbackError,
  type FeedbackItem,
} from "./format-feedback";
import { CODE_FENCE_INSTRUCTION, formatInitialPrompt } from "./templates";

const INSTRUCTION =
  "Your code should be enclosed in triple backticks like so: ```python YOUR CODE HERE ```. Use the backticks for your code only.";

function result(index: number, verdict: Verdict, extra: Partial<TestResult> = {}): TestResult {
  return {
    index,
    verdict,
    timeMs: 1,
    cpuMs: 1,
    peakMemoryBytes: 1,
    exitCode: verdict === "RUNTIME_ERROR" ? 1 : 0,
    signal: null,
    stdoutHead: "",
    stdoutTail: "",
    stderrHead: "",
    stderrTail: "",
    stdoutBytes: 0,
    stderrBytes: 0,
    outputLimited: null,
    stdoutTruncated: false,
    stderrTruncated: false,
    ...extra,
  };
}

function item(input: string, expectedOutput: string, r: TestResult): FeedbackItem {
  return { input, expectedOutput, result: r };
}

const TRACE =
  'Traceback (most recent call last):\n  File "/sandbox/solution.py", line 2, in <module>\n    print(1/0)\n          ~^~\nZeroDivisionError: division by zero\n';

describe("feedback: the paper's template, byte for byte", () => {
  it("wrong output", () => {
    const text = formatExecutionFeedback([item("1 2\n", "3\n", result(0, "WRONG_ANSWER", { stdoutHead: "4\n", stdoutBytes: 2 }))]);
    expect(text).toBe(
      "Your code failed the following tests:\n\n- input `1 2\n` failed:\nExpected output `3\n` but got `4\n`\n\nGive it another try.\n" +
        INSTRUCTION,
    );
  });

  it("exception: the traceback as python3 solution.py prints it", () => {
    const text = formatExecutionFeedback([
      item("5\n", "5\n", result(0, "RUNTIME_ERROR", { stderrHead: TRACE, stderrBytes: TRACE.length })),
    ]);
    expect(text).toBe(
      "Your code failed the following tests:\n\n- input `5\n` failed:\n" +
        'Traceback (most recent call last):\n  File "solution.py", line 2, in <module>\n    print(1/0)\n          ~^~\nZeroDivisionError: division by zero' +
        "\n\nGive it another try.\n" +
        INSTRUCTION,
    );
  });

  it("drops frames of our own supervisor, should one ever appear", () => {
    const stderr =
      'Traceback (most recent call last):\n  File "/rlef/supervisor.py", line 400, in <module>\n    exec(code, globals_)\n' +
      '  File "/sandbox/solution.py", line 1, in <module>\n    x = [][0]\n        ~~^^^\nIndexError: list index out of range\n';
    const text = formatExecutionFeedback([item("", "", result(0, "RUNTIME_ERROR", { stderrHead: stderr }))]);
    expect(text).toContain(
      '- input `` failed:\nTraceback (most recent call last):\n  File "solution.py", line 1, in <module>\n    x = [][0]\n        ~~^^^\nIndexError: list index out of range\n\nGive',
    );
  });

  it("drops frames of any supervisor module under /rlef/ (the child's helpers too)", () => {
    const stderr =
      'Traceback (most recent call last):\n  File "/rlef/_rlef_supervisor_child.py", line 158, in _flush\n    stream.flush()\n' +
      '  File "/sandbox/solution.py", line 3, in flush\n    os.write(1, b"")\nNameError: name \'os\' is not defined\n';
    const text = formatExecutionFeedback([item("", "", result(0, "RUNTIME_ERROR", { stderrHead: stderr }))]);
    expect(text).not.toContain("/rlef/");
    expect(text).toContain('Traceback (most recent call last):\n  File "solution.py", line 3, in flush\n');
  });

  it("timeout and out of memory, several bullets in test order, passing tests not listed", () => {
    const text = formatExecutionFeedback([
      item("a", "x", result(0, "TIME_LIMIT")),
      item("b", "y", result(1, "OK")),
      item("c", "z", result(2, "MEMORY_LIMIT")),
    ]);
    expect(text).toBe(
      "Your code failed the following tests:\n\n- input `a` failed: Execution took too long.\n- input `c` failed: Out of memory.\n\nGive it another try.\n" +
        INSTRUCTION,
    );
  });

  it("no code block, and the no-feedback ablation", () => {
    expect(formatNoFeedbackMessage()).toBe("Give it another try.\n" + INSTRUCTION);
    expect(formatNoCodeFeedback()).toBe(
      "Your response did not contain a code block, so it could not be run.\n\nGive it another try.\n" + INSTRUCTION,
    );
    expect(CODE_FENCE_INSTRUCTION).toBe(INSTRUCTION);
    expect(formatInitialPrompt("Sum two numbers")).toBe(
      "Provide a Python solution for the following competitive programming question: Sum two numbers.\n\n" + INSTRUCTION,
    );
  });

  it("truncates long fields at 2,000 characters with a marker", () => {
    const input = "9".repeat(5000);
    const text = formatExecutionFeedback([item(input, "1", result(0, "WRONG_ANSWER", { stdoutHead: "2" }))]);
    expect(text).toContain("- input `" + "9".repeat(2000) + "... [truncated 3000 characters]` failed:");
  });

  it("keeps the last lines of a long traceback", () => {
    const noise = Array.from({ length: 300 }, (_, i) => `debug line ${i}`).join("\n") + "\n";
    const stderr = noise + TRACE;
    const text = formatExecutionFeedback(
      [
        item(
          "1",
          "1",
          result(0, "RUNTIME_ERROR", { stderrHead: stderr.slice(0, 4096), stderrTail: stderr.slice(4096), stderrBytes: stderr.length }),
        ),
      ],
      { maxFieldChars: 200 },
    );
    const body = text.split("failed:\n")[1].split("\n\nGive it another try.")[0];
    expect(body).toMatch(/^\[truncated \d+ characters\]\n/);
    expect(body.endsWith("ZeroDivisionError: division by zero")).toBe(true);
    expect(body.length).toBeLessThanOrEqual(200 + 40);
    const omitted = Number(body.match(/^\[truncated (\d+) characters\]/)![1]);
    expect(omitted + body.split("\n").slice(1).join("\n").length).toBe(
      stderr.trimEnd().replace('"/sandbox/solution.py"', '"solution.py"').length,
    );
  });

  it("shows a huge observed output as its head, counting what the capture dropped", () => {
    const r = result(0, "WRONG_ANSWER", {
      stdoutHead: "x".repeat(4096),
      stdoutTail: "y".repeat(4096),
      stdoutBytes: 10_000_000,
      stdoutTruncated: true,
    });
    const text = formatExecutionFeedback([item("1", "1", r)]);
    expect(text).toContain("but got `" + "x".repeat(2000) + `... [truncated ${10_000_000 - 2000} characters]\``);
  });

  it("output limit: a wrong-output bullet that says the cap was exceeded", () => {
    const r = result(0, "OUTPUT_LIMIT", {
      stdoutHead: "y\n".repeat(2048),
      stdoutBytes: 64 << 20,
      stdoutTruncated: true,
      outputLimited: "stdout",
    });
    const text = formatExecutionFeedback([item("1", "1", r)]);
    expect(text).toMatch(/but got `(y\n){1000}\.\.\. \[truncated \d+ characters\] \[output limit exceeded on stdout\]`/);
  });

  it("a crash that printed nothing says how the process ended", () => {
    const text = formatExecutionFeedback([item("1", "1", result(0, "RUNTIME_ERROR", { exitCode: null, signal: 11 }))]);
    expect(text).toContain("- input `1` failed:\nProcess was killed by signal 11 (SIGSEGV).\n\nGive it another try.");
  });

  it("never blames the program for a sandbox error, and refuses when nothing failed", () => {
    expect(() => formatExecutionFeedback([item("1", "1", result(0, "WRONG_ANSWER")), item("2", "2", result(1, "SANDBOX_ERROR"))])).toThrow(
      SandboxErrorInFeedbackError,
    );
    expect(() => formatExecutionFeedback([item("1", "1", result(0, "OK"))])).toThrow(/every test passed/);
  });
});
