"use client";
import { highlightDifference, type Segment } from "./highlight-difference";

function Marked({ segments, kind }: { segments: Segment[]; kind: "del" | "ins" }) {
  return (
    <>
      {segments.map((s, i) =>
        s.changed ? (
          kind === "del" ? (
            <del key={i} className="diff-del">
              {s.text}
            </del>
          ) : (
            <ins key={i} className="diff-ins">
              {s.text}
            </ins>
          )
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** Expected and actual output side by side with the difference marked on each side. */
export function ExpectedActual({
  expected,
  actual,
  expectedCut,
  actualCut,
}: {
  expected: string;
  actual: string;
  expectedCut?: boolean;
  actualCut?: boolean;
}) {
  const pair = highlightDifference(expected, actual);
  return (
    <div className="io-pair" data-testid="expected-actual">
      <div>
        <div className="io-label">expected{expectedCut ? " (cut)" : ""}</div>
        <pre className="io-box">
          <Marked segments={pair.expected} kind="del" />
          {expected === "" ? <span className="muted">(empty)</span> : null}
        </pre>
      </div>
      <div>
        <div className="io-label">
          actual{actualCut ? " (cut)" : ""}
          {pair.sameIgnoringTrailingSpace ? " · equal up to trailing whitespace" : ""}
        </div>
        <pre className="io-box">
          <Marked segments={pair.actual} kind="ins" />
          {actual === "" ? <span className="muted">(no output)</span> : null}
        </pre>
      </div>
    </div>
  );
}
