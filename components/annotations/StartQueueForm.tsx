"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LabeledSelect } from "@/components/ui/form/LabeledSelect";
import { queueHref } from "@/lib/annotations/queue-spec";
import type { EpisodeFilters } from "@/lib/queries/episodes/episode-filters";

const SETS: { key: string; label: string; filters: EpisodeFilters }[] = [
  { key: "failed", label: "failed episodes", filters: { outcome: "failed" } },
  { key: "failed-public", label: "failed, but passed the public tests", filters: { outcome: "failed", public: "yes" } },
  { key: "all", label: "all episodes", filters: {} },
  { key: "solved", label: "solved episodes", filters: { outcome: "solved" } },
];

/** Start a queue over a set of one run's episodes; any run-page filter URL works as a queue too. */
export function StartQueueForm({ runs }: { runs: { id: string; name: string }[] }) {
  const router = useRouter();
  const [run, setRun] = useState(runs[0]?.id ?? "");
  const [set, setSet] = useState(SETS[0].key);
  if (runs.length === 0) return null;
  return (
    <form
      className="filters"
      data-testid="start-queue"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(queueHref({ runId: run, filters: SETS.find((s) => s.key === set)!.filters }));
      }}
    >
      <LabeledSelect
        className="grow"
        label="Review queue: run"
        value={run}
        onChange={setRun}
        options={runs.map((r) => ({ value: r.id, label: r.name }))}
        testId="queue-run"
      />
      <LabeledSelect
        label="Episodes"
        value={set}
        onChange={setSet}
        options={SETS.map((s) => ({ value: s.key, label: s.label }))}
        testId="queue-set"
      />
      <button type="submit" className="button primary" data-testid="queue-start">
        Start reviewing
      </button>
    </form>
  );
}
