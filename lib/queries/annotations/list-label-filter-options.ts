import type { Db } from "../../db/client";

export interface LabelFilterOption {
  name: string;
  color: string;
}

/** Every label, for the episode table's label filter. */
export function listLabelFilterOptions(db: Db): Promise<LabelFilterOption[]> {
  return db.annotationLabel.findMany({ select: { name: true, color: true }, orderBy: { name: "asc" }, take: 500 });
}
