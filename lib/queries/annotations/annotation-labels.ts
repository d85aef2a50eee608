import type { Db } from "../../db/client";

export interface AnnotationLabelRow {
  id: string;
  name: string;
  description: string | null;
  color: string;
  annotations: number;
}

/** The managed label set, in a stable order, with how often each is used. */
export async function listAnnotationLabels(db: Db): Promise<AnnotationLabelRow[]> {
  const rows = await db.annotationLabel.findMany({
    // createMany gives the seeded labels one timestamp; cuids keep their insertion order.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, description: true, color: true, _count: { select: { annotations: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, annotations: _count.annotations }));
}
