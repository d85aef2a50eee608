import { describe, expect, it } from "vitest";
import type { TestResult } from "../sandbox/types";
import { formatFunctionFeedback } from "./function-feedback";
import { functionTestCase } from "../sandbox/function-test";
import { formatHumanEvalPrompt, formatMbppPrompt, humanEvalResponsePrefix } from "./templates";
import { initialPromptOf, promptStyleOf, responsePrefixOf } from "./episode-prompts";

const INSTRUCTION =
  "Your code should be enclosed in triple backticks like so: ```python YOUR CODE HERE ```. Use the backticks for your code only.";

function result(index: number, verdict: TestResult["verdict"], stdout = "", stderr = ""): TestResult {
  return {
    index,
    verdict,
    timeMs: 1,
    cpuMs: 1,
    peakMemoryBytes: null,
    exitCode: verdict === "RUNTIME_ERROR" ? 1 : 0,
    signal: null,
    stdoutHead: stdout,
    stdoutTail: "",
    stderrHead: stderr,
    stderrTail: "",
    stdoutBytes: stdout.length,
    stderrBytes: stderr.length,
    outputLimited: null,
    stdoutTruncated: false,
    stderrTruncated: false,
  };
}

const assertTest = (code: string) => functionTestCase({ mode: "assert", entry: "add", code, show: code });

describe("HumanEval+ / MBPP+ templates (App. C.4/C.5)", () => {
  it("HumanEval+ initial prompt and response prefix, byte for byte", () => {
    const prompt = 'def add(a, b):\n    """Add."""\n';
    expect(formatHumanEvalPrompt(prompt)).toBe(
      'Write a solution to the following problem and make sure that it passes the tests:\ndef add(a, b):\n    """Add."""\n',
    );
    expect(humanEvalResponsePrefix(prompt)).toBe('```python\ndef add(a, b):\n    """Add."""\n');
  });

  it("MBPP+ initial prompt lists the tests and ends with the backtick instruction", () => {
    expect(formatMbppPrompt("Write a function to add two numbers.", ["assert add(1, 2) == 3", "assert add(0, 0) == 0"])).toBe(
      "Provide a Python solution for the following problem: Write a function to add two numbers.\nYour code should pass these tests:\n\n" +
        "assert add(1, 2) == 3\nassert add(0, 0) == 0\n\n" +
        INSTRUCTION,
    );
  });

  it("prompt style comes from the problem's tag and picks the template", () => {
    const publicTests = [assertTest("assert add(1, 2) == 3")];
    expect(promptStyleOf(["humaneval", "prompt:humanevalplus"])).toBe("humanevalplus");
    expect(promptStyleOf(["dp"])).toBeNull();
    expect(initialPromptOf({ description: "Task.", publicTests, promptStyle: "mbppplus" })).toContain("\n\nassert add(1, 2) == 3\n\n");
    expect(initialPromptOf({ description: "Sum two numbers", publicTests: [], promptStyle: null })).toBe(
      `Provide a Python solution for the following competitive programming question: Sum two numbers.\n\n${INSTRUCTION}`,
    );
    expect(responsePrefixOf({ description: "def f():\n", publicTests, promptStyle: "humanevalplus" })).toBe("```python\ndef f():\n");
    expect(responsePrefixOf({ description: "x", publicTests, promptStyle: "mbppplus" })).toBeNull();
  });

  it("feedback lists failures with their AssertionError, traceback or timeout, and successes, in test order", () => {
    const tests = [
      assertTest("assert add(1, 2) == 3"),
      assertTest("assert add(2, 2) == 4"),
      assertTest("assert add(0, 1) == 1"),
      assertTest("assert add(5, 5) == 10"),
    ];
    const trace = 'Traceback (most recent call last):\n  File "solution.py", line 2, in add\nZeroDivisionError: division by zero\n';
    const results = [
      result(0, "OK", "RLEF-FUNCTION-TEST PASS\n"),
      result(1, "WRONG_ANSWER", 'RLEF-FUNCTION-TEST FAIL {"message": "5 != 4"}\n'),
      result(2, "RUNTIME_ERROR", "", trace),
      result(3, "TIME_LIMIT"),
    ];
    const items = results.map((r) => ({ input: tests[r.index].input, expectedOutput: tests[r.index].output, result: r }));
    const body =
      "Your code failed some test cases:\n\n" +
      "- Success: `assert add(1, 2) == 3`\n" +
      "- Failure: `assert add(2, 2) == 4`:\n`5 != 4`\n" +
      "- Failure: `assert add(0, 1) == 1`:\n" +
      trace.trimEnd() +
      "\n" +
      "- Failure: `assert add(5, 5) == 10`:\nExecution took too long.\n\n";
    expect(formatFunctionFeedback(items, "humanevalplus")).toBe(`${body}Give it another try.`);
    expect(formatFunctionFeedback(items, "mbppplus")).toBe(`${body}Give it another try.\n${INSTRUCTION}`);
  });

  it("refuses to give feedback when everything passed or the sandbox failed", () => {
    const tests = [assertTest("assert add(1, 2) == 3")];
    const ok = [{ input: tests[0].input, expectedOutput: tests[0].output, result: result(0, "OK") }];
    expect(() => formatFunctionFeedback(ok, "humanevalplus")).toThrow(/every test passed/);
    const broken = [{ input: tests[0].input, expectedOutput: tests[0].output, result: result(0, "SANDBOX_ERROR") }];
    expect(() => formatFunctionFeedback(broken, "humanevalplus")).toThrow(/SANDBOX_ERROR/);
  });
});
