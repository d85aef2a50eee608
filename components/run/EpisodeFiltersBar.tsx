"use client";
import { ERROR_KINDS, type EpisodeFilters } from "@/lib/queries/episodes/episode-filters";
import { formatVerdict } from "@/components/ui/format";
import { ProblemPicker } from "./ProblemPicker";
import { LabeledSelect } from "@/components/ui/form/LabeledSelect";

export interface EpisodeFilterOptions {
  datasetId: string;
  turnLimit: number;
  difficulties: string[];
  labels: { name: string; color: string }[];
}

/** Every filter of the episode table; each change is written to the URL by the parent. */
export function EpisodeFiltersBar({
  filters,
  options,
  onChange,
  problemName,
}: {
  filters: EpisodeFilters;
  options: EpisodeFilterOptions;
  onChange: (patch: Partial<EpisodeFilters>) => void;
  problemName: string | null;
}) {
  const select = (key: keyof EpisodeFilters, label: string, values: { value: string; label: string }[]) => (
    <LabeledSelect
      label={label}
      value={filters[key] === undefined ? "" : String(filters[key])}
      onChange={(v) => onChange({ [key]: v === "" ? undefined : key === "turns" ? Number(v) : v })}
      options={values}
      emptyLabel="any"
      testId={`filter-${key}`}
    />
  );
  const yesNo = [
    { value: "yes", label: "yes" },
    { value: "no", label: "no" },
  ];
  return (
    <div className="filters" data-testid="episode-filters">
      {select("outcome", "Outcome", [
        { value: "solved", label: "solved" },
        { value: "failed", label: "failed" },
        { value: "errored", label: "errored" },
      ])}
      {select("public", "Passed public", yesNo)}
      {select(
        "turns",
        "Turns used",
        Array.from({ length: options.turnLimit }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
      )}
      {select(
        "error",
        "First error",
        ERROR_KINDS.map((k) => ({ value: k, label: formatVerdict(k) })),
      )}
      {select("invalid", "Invalid code", yesNo)}
      {options.difficulties.length
        ? select(
            "difficulty",
            "Difficulty",
            options.difficulties.map((d) => ({ value: d, label: d })),
          )
        : null}
      {options.labels.length
        ? select(
            "label",
            "Label",
            options.labels.map((l) => ({ value: l.name, label: l.name })),
          )
        : null}
      <ProblemPicker
        datasetId={options.datasetId}
        problemId={filters.problem ?? null}
        problemName={problemName}
        onPick={(id) => onChange({ problem: id ?? undefined })}
      />
      <span className="spacer" />
      <button
        type="button"
        className="button small"
        onClick={() =>
          onChange({
            outcome: undefined,
            public: undefined,
            turns: undefined,
            error: undefined,
            invalid: undefined,
            problem: undefined,
            difficulty: undefined,
            label: undefined,
          })
        }
      >
        Clear filters
      </button>
    </div>
  );
}
