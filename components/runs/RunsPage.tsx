import "@/components/ui/dashboard.css";
import { requirePageUser } from "@/components/auth/require-page-user";
import { hasRole, PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { countRuns } from "@/lib/queries/runs/count-runs";
import { listDatasets } from "@/lib/queries/datasets/list-datasets";
import { listRunsPage } from "@/lib/queries/runs/list-runs-page";
import { parseRunFilters, runFiltersToParams } from "@/lib/queries/runs/run-filters";
import { RunsFilters } from "./RunsFilters";
import { RunsTable } from "./RunsTable";

type SearchParams = Record<string, string | string[] | undefined>;

/** /runs: every eval and training run, filterable and sortable, live while runs progress. */
export async function RunsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requirePageUser(PERMISSIONS.read, "/runs");
  const db = getPrisma();
  const filters = parseRunFilters(searchParams);
  const cursor = { after: [searchParams.after].flat()[0] ?? null, before: [searchParams.before].flat()[0] ?? null };
  const [page, total, datasets] = await Promise.all([listRunsPage(db, { filters, ...cursor }), countRuns(db, filters), listDatasets(db)]);
  const params = runFiltersToParams(filters);
  if (cursor.after) params.set("after", cursor.after);
  if (cursor.before) params.set("before", cursor.before);
  return (
    <section>
      <div className="page-header">
        <h1>Runs</h1>
        <span className="muted" data-testid="runs-total">
          {total.toLocaleString("en-US")} run{total === 1 ? "" : "s"}
        </span>
      </div>
      <RunsFilters filters={filters} datasets={datasets.map((d) => ({ id: d.id, name: d.name }))} />
      <RunsTable search={params.toString()} filters={filters} initialPage={page} canCancel={hasRole(user.role, PERMISSIONS.launchRuns)} />
    </section>
  );
}
