"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { ProblemSuggestion } from "@/lib/queries/problems/search-problems";
import { fetchJson } from "@/components/ui/fetch-json";

/** Type a problem name, pick a suggestion: filters the table to that problem. */
export function ProblemPicker({
  datasetId,
  problemId,
  problemName,
  onPick,
}: {
  datasetId: string;
  problemId: string | null;
  problemName: string | null;
  onPick: (problemId: string | null) => void;
}) {
  const listId = useId();
  const [text, setText] = useState("");
  const { data } = useQuery({
    queryKey: ["problem-suggestions", datasetId, text],
    queryFn: ({ signal }) =>
      fetchJson<{ problems: ProblemSuggestion[] }>(`/api/datasets/${datasetId}/problems?q=${encodeURIComponent(text)}`, signal),
    enabled: text.length > 0,
    staleTime: 60_000,
  });
  if (problemId) {
    return (
      <label>
        Problem
        <span className="row" style={{ gap: 6 }}>
          <span className="badge" data-testid="problem-filter-chip">
            {problemName ?? problemId}
          </span>
          <button type="button" className="button small" onClick={() => onPick(null)} aria-label="clear problem filter">
            ×
          </button>
        </span>
      </label>
    );
  }
  return (
    <label>
      Problem
      <input
        list={listId}
        value={text}
        placeholder="name…"
        data-testid="filter-problem"
        onChange={(e) => {
          const value = e.target.value;
          const match = data?.problems.find((p) => p.name === value);
          if (match) {
            setText("");
            onPick(match.id);
          } else setText(value);
        }}
      />
      <datalist id={listId}>
        {(data?.problems ?? []).map((p) => (
          <option key={p.id} value={p.name}>
            {p.externalId}
          </option>
        ))}
      </datalist>
    </label>
  );
}
