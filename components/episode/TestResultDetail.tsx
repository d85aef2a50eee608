"use client";
import type { JudgedTestView } from "@/lib/queries/episodes/get-episode-with-turns";
import { joinStream } from "@/lib/queries/test-result-schema";
import { ExpectedActual } from "./ExpectedActual";

/** Input, expected vs actual (difference marked) and stderr of one test run. */
export function TestResultDetail({ result }: { result: JudgedTestView }) {
  const actual = joinStream(result.stdoutHead, result.stdoutTail, result.stdoutTruncated);
  const stderr = joinStream(result.stderrHead, result.stderrTail, result.stderrTruncated);
  const test = result.test;
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
      {stderr.trim() ? (
        <div>
          <div className="io-label">stderr</div>
          <pre className="io-box" style={{ color: "var(--bad)" }}>
            {stderr}
          </pre>
        </div>
      ) : null}
      {result.sandboxError ? <div className="notice bad">sandbox error: {result.sandboxError}</div> : null}
    </div>
  );
}
