"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { RUN_KINDS, RUN_SORTS, RUN_STATUSES, runFiltersToParams, type RunFilters } from "@/lib/queries/runs/run-filters";

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
      <label>
        Kind
        <select value={filters.kind ?? ""} onChange={(e) => apply({ kind: (e.target.value || undefined) as RunFilters["kind"] })}>
          <option value="">all</option>
          {RUN_KINDS.map((k) => (
            <option key={k} value={k}>
              {k.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={filters.status ?? ""} onChange={(e) => apply({ status: (e.target.value || undefined) as RunFilters["status"] })}>
          <option value="">all</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        Dataset
        <select value={filters.dataset ?? ""} onChange={(e) => apply({ dataset: e.target.value || undefined })}>
          <option value="">all</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort
        <select
          value={filters.sort ?? "newest"}
          onChange={(e) => apply({ sort: e.target.value === "newest" ? undefined : (e.target.value as RunFilters["sort"]) })}
        >
          {RUN_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
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
