import type { Db } from "../db/client";

export interface AnnotationLabelOption {
  name: string;
  color: string;
}

/** Every label, for the episode table's label filter. */
export function listAnnotationLabels(db: Db): Promise<AnnotationLabelOption[]> {
  return db.annotationLabel.findMany({ select: { name: true, color: true }, orderBy: { name: "asc" }, take: 500 });
}
