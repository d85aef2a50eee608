import Link from "next/link";
import { Forbidden } from "@/components/auth/Forbidden";
import { requirePageUser } from "@/components/auth/require-page-user";
import { queueSpecFromParams } from "@/lib/annotations/queue-spec";
import { PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { listAnnotationLabels } from "@/lib/queries/annotations/annotation-labels";
import { getQueueRun } from "@/lib/queries/annotations/get-queue-run";
import { episodeFiltersToParams } from "@/lib/queries/episodes/episode-filters";
import { QueueReviewer } from "./QueueReviewer";
import "@/components/ui/dashboard.css";
import "./annotations.css";
import { PageHeader } from "@/components/ui/PageHeader";

export async function QueuePage({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const { allowed } = await requirePageUser(PERMISSIONS.annotate, "/annotations/queue");
  if (!allowed) return <Forbidden role={PERMISSIONS.annotate} what="The annotation queue" />;
  const spec = queueSpecFromParams(searchParams);
  if (!spec)
    return (
      <p className="card">
        Start a queue from the <Link href="/annotations">Annotations</Link> page (or add <code>?run=&lt;id&gt;</code> and the run
        page&apos;s filters).
      </p>
    );
  const db = getPrisma();
  const [run, labels] = await Promise.all([getQueueRun(db, spec.runId), listAnnotationLabels(db)]);
  if (!run)
    return (
      <p className="card" data-testid="queue-error">
        No run with id {spec.runId}.
      </p>
    );
  const filters = episodeFiltersToParams(spec.filters);
  return (
    <div data-testid="queue-page">
      <PageHeader
        crumbs={
          <>
            <Link href="/annotations">Annotations</Link> / queue
          </>
        }
        title={<>Review queue</>}
      >
        <span className="muted">
          <Link href={`/runs/${run.id}?${filters}`}>{run.name}</Link>
          {filters.toString() ? ` · ${filters.toString().replace(/&/g, ", ").replace(/=/g, ": ")}` : " · all episodes"}
        </span>
      </PageHeader>
      <QueueReviewer spec={spec} labels={labels.map(({ id, name, color, description }) => ({ id, name, color, description }))} />
    </div>
  );
}
