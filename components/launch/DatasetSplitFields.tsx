"use client";
import { useState } from "react";
import { FieldError } from "@/components/ui/form/FieldError";
import type { LaunchOptions } from "../../lib/queries/launch/list-launch-options";

/** Dataset and split selects; the split list follows the chosen dataset. */
export function DatasetSplitFields({
  datasets,
  initialDataset,
  preferredSplit,
  errors,
}: {
  datasets: LaunchOptions["datasets"];
  initialDataset?: string;
  preferredSplit: string;
  errors: { dataset?: string; split?: string };
}) {
  const [dataset, setDataset] = useState(datasets.find((d) => d.name === initialDataset)?.name ?? datasets[0]?.name ?? "");
  const splits = datasets.find((d) => d.name === dataset)?.splits ?? [];
  const defaultSplit = splits.find((s) => s.split === preferredSplit)?.split ?? splits[0]?.split;
  return (
    <>
      <label>
        Dataset
        <select name="dataset" value={dataset} onChange={(e) => setDataset(e.target.value)} data-testid="field-dataset">
          {datasets.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
            </option>
          ))}
        </select>
        <FieldError field="dataset" message={errors.dataset} />
      </label>
      <label>
        Split
        <select name="split" key={dataset} defaultValue={defaultSplit} data-testid="field-split">
          {splits.map((s) => (
            <option key={s.split} value={s.split}>
              {s.split} ({s.problems} problems)
            </option>
          ))}
        </select>
        <FieldError field="split" message={errors.split} />
      </label>
    </>
  );
}
