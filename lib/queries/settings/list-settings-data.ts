import type { Db } from "@/lib/db/client";
import { listAnnotationLabels } from "@/lib/queries/annotations/annotation-labels";

export interface EndpointRow {
  id: string;
  name: string;
  kind: string;
  baseUrl: string;
  model: string;
  /** whether a key is stored; the key itself (even encrypted) never leaves the server */
  hasApiKey: boolean;
  runs: number;
}

export async function listSettingsData(db: Db) {
  const [users, endpoints, labels] = await Promise.all([
    db.user.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, name: true, role: true, createdAt: true, deactivatedAt: true },
    }),
    db.modelEndpoint.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true, baseUrl: true, model: true, apiKeyEncrypted: true, _count: { select: { runs: true } } },
    }),
    listAnnotationLabels(db),
  ]);
  const endpointRows: EndpointRow[] = endpoints.map(({ apiKeyEncrypted, _count, ...row }) => ({
    ...row,
    hasApiKey: apiKeyEncrypted !== null,
    runs: _count.runs,
  }));
  return {
    users: users.map(({ deactivatedAt, ...u }) => ({ ...u, createdAt: u.createdAt.toISOString(), active: !deactivatedAt })),
    endpoints: endpointRows,
    labels,
  };
}
