import "@/components/ui/dashboard.css";
import Link from "next/link";
import { requirePageUser } from "@/components/auth/require-page-user";
import { hasRole, PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { listDatasets } from "@/lib/queries/datasets/list-datasets";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatDateTime } from "@/components/ui/format";
import { ImportDatasetForm } from "./ImportDatasetForm";
import { DataTable } from "@/components/ui/DataTable";

/** /datasets — every dataset with its size and runs, and the upload form. */
export async function DatasetsPage() {
  const { user } = await requirePageUser(PERMISSIONS.read, "/datasets");
  const datasets = await listDatasets(getPrisma());
  return (
    <section className="stack" data-testid="datasets-page">
      <div className="page-header">
        <h1>Datasets</h1>
        <span className="muted">{datasets.length}</span>
      </div>
      {datasets.length === 0 ? (
        <EmptyState title="No datasets yet">
          Import one below, or from the command line: <code>npx rlef import file.jsonl --dataset NAME</code>.
        </EmptyState>
      ) : (
        <DataTable
          testId="datasets-table"
          head={
            <>
              <th>Name</th>
              <th>Source</th>
              <th className="num">Problems</th>
              <th className="num">Runs</th>
              <th className="num">Imports</th>
              <th>Last import</th>
              <th>Description</th>
            </>
          }
        >
          {datasets.map((d) => (
            <tr key={d.id} data-testid="dataset-row">
              <td>
                <Link href={`/datasets/${d.id}`} data-testid="dataset-link">
                  {d.name}
                </Link>
              </td>
              <td>{d.source}</td>
              <td className="num">{d.problemCount.toLocaleString("en-US")}</td>
              <td className="num">
                <Link href={`/runs?dataset=${d.id}`}>{d._count.runs}</Link>
              </td>
              <td className="num">{d._count.imports}</td>
              <td>{formatDateTime(d.importedAt)}</td>
              <td className="muted">{d.description ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <ImportDatasetForm canImport={hasRole(user.role, PERMISSIONS.importDatasets)} />
    </section>
  );
}
