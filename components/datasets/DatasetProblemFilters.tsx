"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import type { DatasetFacets } from "@/lib/queries/datasets/list-dataset-facets";
import type { DatasetProblemFilterValues as Filters } from "@/lib/queries/datasets/list-dataset-problems";

/** Split, difficulty and name filters of a dataset's problem list, kept in the URL. */
export function DatasetProblemFilters({ filters, facets }: { filters: Filters; facets: DatasetFacets }) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(filters.q ?? "");
  const apply = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
    router.push(params.size ? `${pathname}?${params}` : pathname);
  };
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply({ q: q.trim() || undefined });
      }}
    >
      <label>
        Split
        <select value={filters.split ?? ""} onChange={(e) => apply({ split: e.target.value || undefined })}>
          <option value="">all</option>
          {facets.splits.map((s) => (
            <option key={s.value} value={s.value}>
              {s.value} ({s.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        Difficulty
        <select value={filters.difficulty ?? ""} onChange={(e) => apply({ difficulty: e.target.value || undefined })}>
          <option value="">all</option>
          {facets.difficulties.map((d) => (
            <option key={d.value} value={d.value}>
              {d.value} ({d.count})
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        Name
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="search problems…" />
      </label>
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
