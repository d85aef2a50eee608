"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ComparableRun } from "@/lib/queries/compare/compare-run-options";
import { compareHref } from "./format";
import { LabeledSelect } from "@/components/ui/form/LabeledSelect";

function runOption(run: ComparableRun): { value: string; label: string } {
  const ckpt = run.checkpointStep !== null ? ` · step ${run.checkpointStep}` : "";
  return {
    value: run.id,
    label: `${run.name}${ckpt} — ${run.datasetName}/${run.split} · ${run.status.toLowerCase()} · ${run.createdAt.slice(0, 16).replace("T", " ")}`,
  };
}

/** Choose run A (baseline) and run B (candidate); B is limited to runs on A's dataset. */
export function RunPicker({ runs, a, b }: { runs: ComparableRun[]; a?: string; b?: string }) {
  const router = useRouter();
  const [runA, setRunA] = useState(a ?? runs[1]?.id ?? runs[0]?.id ?? "");
  const datasetId = runs.find((r) => r.id === runA)?.datasetId;
  const candidates = runs.filter((r) => r.datasetId === datasetId && r.id !== runA);
  const [runB, setRunB] = useState(b ?? "");
  const chosenB = candidates.some((r) => r.id === runB) ? runB : (candidates[0]?.id ?? "");

  return (
    <form
      className="filters compare-picker"
      data-testid="run-picker"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(compareHref({ a: runA, b: chosenB }));
      }}
    >
      <LabeledSelect
        className="grow"
        label="Run A (baseline)"
        value={runA}
        onChange={setRunA}
        options={runs.map(runOption)}
        testId="pick-a"
      />
      <LabeledSelect
        className="grow"
        label="Run B (candidate, same dataset)"
        value={chosenB}
        onChange={setRunB}
        options={candidates.map(runOption)}
        testId="pick-b"
      />
      <button type="submit" className="button primary" disabled={!runA || !chosenB} data-testid="compare-submit">
        Compare
      </button>
      {a && b ? (
        <button type="button" className="button" onClick={() => router.push(compareHref({ a: b, b: a }))} data-testid="compare-swap">
          Swap A ↔ B
        </button>
      ) : null}
    </form>
  );
}
