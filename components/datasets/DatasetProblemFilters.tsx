"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { LabeledSelect } from "@/components/ui/form/LabeledSelect";
import type { DatasetFacets } from "@/lib/queries/datasets/list-dataset-facets";
import type { DatasetProblemFilterValues as Filters } from "@/lib/queries/datasets/list-dataset-problems";

const withCounts = (facet: { value: string; count: number }[]) => facet.map((f) => ({ value: f.value, label: `${f.value} (${f.count})` }));

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
      <LabeledSelect
        label="Split"
        value={filters.split ?? ""}
        onChange={(v) => apply({ split: v || undefined })}
        options={withCounts(facets.splits)}
        emptyLabel="all"
      />
      <LabeledSelect
        label="Difficulty"
        value={filters.difficulty ?? ""}
        onChange={(v) => apply({ difficulty: v || undefined })}
        options={withCounts(facets.difficulties)}
        emptyLabel="all"
      />
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
