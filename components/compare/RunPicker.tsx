"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ComparableRun } from "@/lib/queries/compare/compare-run-options";
import { compareHref } from "./format";

function optionLabel(run: ComparableRun): string {
  const ckpt = run.checkpointStep !== null ? ` · step ${run.checkpointStep}` : "";
  return `${run.name}${ckpt} — ${run.datasetName}/${run.split} · ${run.status.toLowerCase()} · ${run.createdAt.slice(0, 16).replace("T", " ")}`;
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
      <label className="grow">
        Run A (baseline)
        <select value={runA} onChange={(e) => setRunA(e.target.value)} data-testid="pick-a">
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {optionLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        Run B (candidate, same dataset)
        <select value={chosenB} onChange={(e) => setRunB(e.target.value)} data-testid="pick-b">
          {candidates.map((r) => (
            <option key={r.id} value={r.id}>
              {optionLabel(r)}
            </option>
          ))}
        </select>
      </label>
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
