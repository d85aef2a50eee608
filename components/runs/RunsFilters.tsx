"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { LabeledSelect } from "@/components/ui/form/LabeledSelect";
import { RUN_KINDS, RUN_SORTS, RUN_STATUSES, runFiltersToParams, type RunFilters } from "@/lib/queries/runs/run-filters";

const lowerCased = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.toLowerCase() }));

const SORT_LABELS: Record<(typeof RUN_SORTS)[number], string> = { newest: "Newest first", oldest: "Oldest first", name: "Name" };

/** Filter and sort controls; every change becomes the URL (and resets to the first page). */
export function RunsFilters({ filters, datasets }: { filters: RunFilters; datasets: { id: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(filters.q ?? "");
  const apply = (patch: Partial<RunFilters>) => {
    const next = { ...filters, ...patch };
    const params = runFiltersToParams(next);
    router.push(params.size ? `${pathname}?${params}` : pathname);
  };
  return (
    <form
      className="filters"
      data-testid="runs-filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply({ q: q.trim() || undefined });
      }}
    >
      <LabeledSelect
        label="Kind"
        value={filters.kind ?? ""}
        onChange={(v) => apply({ kind: (v || undefined) as RunFilters["kind"] })}
        options={lowerCased(RUN_KINDS)}
        emptyLabel="all"
      />
      <LabeledSelect
        label="Status"
        value={filters.status ?? ""}
        onChange={(v) => apply({ status: (v || undefined) as RunFilters["status"] })}
        options={lowerCased(RUN_STATUSES)}
        emptyLabel="all"
      />
      <LabeledSelect
        label="Dataset"
        value={filters.dataset ?? ""}
        onChange={(v) => apply({ dataset: v || undefined })}
        options={datasets.map((d) => ({ value: d.id, label: d.name }))}
        emptyLabel="all"
      />
      <LabeledSelect
        label="Sort"
        value={filters.sort ?? "newest"}
        onChange={(v) => apply({ sort: v === "newest" ? undefined : (v as RunFilters["sort"]) })}
        options={RUN_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
      />
      <label className="grow">
        Name
        <input type="search" value={q} placeholder="search run names…" onChange={(e) => setQ(e.target.value)} />
      </label>
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
