"use client";
import type { JudgedTestView } from "@/lib/queries/episodes/get-episode-with-turns";
import { joinStream } from "@/lib/queries/test-result-schema";
import { ExpectedActual } from "./ExpectedActual";

/** Input, expected vs actual (difference marked) and stderr of one test run. */
export function TestResultDetail({ result }: { result: JudgedTestView }) {
  const actual = joinStream(result.stdoutHead, result.stdoutTail, result.stdoutTruncated);
  const stderr = joinStream(result.stderrHead, result.stderrTail, result.stderrTruncated);
  const test = result.test;
  if (test?.kind === "function") return <FunctionTestDetail result={result} stderr={stderr} />;
  return (
    <div className="stack" style={{ gap: 6 }}>
      {test ? (
        <div>
          <div className="io-label">
            input
            {test.inputLength > test.input.length
              ? ` (first ${test.input.length.toLocaleString("en-US")} of ${test.inputLength.toLocaleString("en-US")} chars)`
              : ""}
          </div>
          <pre className="io-box">{test.input}</pre>
        </div>
      ) : null}
      {test ? (
        <ExpectedActual
          expected={test.output}
          actual={actual}
          expectedCut={test.outputLength > test.output.length}
          actualCut={result.stdoutTruncated}
        />
      ) : (
        <div>
          <div className="io-label">output</div>
          <pre className="io-box">{actual || "(no output)"}</pre>
        </div>
      )}
      <ErrorOutput label="stderr" stderr={stderr} sandboxError={result.sandboxError} />
    </div>
  );
}

/**
 * A function-call test (HumanEval+/MBPP+) as its feedback names it: the assert or call, the expected
 * value of a call, the AssertionError message and the traceback; never the harness's JSON spec or
 * its pass line.
 */
function FunctionTestDetail({ result, stderr }: { result: JudgedTestView; stderr: string }) {
  const test = result.test!;
  return (
    <div className="stack" style={{ gap: 6 }} data-testid="function-test-detail">
      <div>
        <div className="io-label">test</div>
        <pre className="io-box">{test.input}</pre>
      </div>
      {test.output ? (
        <div>
          <div className="io-label">expected{test.outputLength > test.output.length ? " (cut)" : ""}</div>
          <pre className="io-box">{test.output}</pre>
        </div>
      ) : null}
      {result.assertion ? (
        <div>
          <div className="io-label">AssertionError</div>
          <pre className="io-box" style={{ color: "var(--bad)" }} data-testid="function-test-assertion">
            {result.assertion}
          </pre>
        </div>
      ) : null}
      <ErrorOutput label="traceback" stderr={stderr} sandboxError={result.sandboxError} />
    </div>
  );
}

/** What a test wrote to stderr (a traceback, for function tests) and the sandbox's own error, when there are any. */
function ErrorOutput({ label, stderr, sandboxError }: { label: string; stderr: string; sandboxError?: string | null }) {
  return (
    <>
      {stderr.trim() ? (
        <div>
          <div className="io-label">{label}</div>
          <pre className="io-box" style={{ color: "var(--bad)" }}>
            {stderr}
          </pre>
        </div>
      ) : null}
      {sandboxError ? <div className="notice bad">sandbox error: {sandboxError}</div> : null}
    </>
  );
}
