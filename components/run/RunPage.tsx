import "@/components/ui/dashboard.css";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePageUser } from "@/components/auth/require-page-user";
import { CancelRunButton } from "@/components/launch/CancelRunButton";
import { hasRole, PERMISSIONS } from "@/lib/auth/roles";
import { isCancellable } from "@/lib/runs/cancel-run";
import { getPrisma } from "@/lib/db/client";
import { readRunSummary } from "@/lib/runs/read-run-summary";
import { episodeFiltersToParams, parseEpisodeFilters } from "@/lib/queries/episodes/episode-filters";
import { getRun } from "@/lib/queries/runs/get-run";
import { listLabelFilterOptions } from "@/lib/queries/annotations/list-label-filter-options";
import { listDatasetFacets } from "@/lib/queries/datasets/list-dataset-facets";
import { listEpisodesPage } from "@/lib/queries/episodes/list-episodes-page";
import { isLiveStatus } from "@/lib/queries/runs/run-filters";
import { toJsonRow } from "@/lib/queries/to-json-row";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatDateTime } from "@/components/ui/format";
import { EpisodeTable } from "./EpisodeTable";
import { RunCharts } from "./RunCharts";
import { RunConfigSummary } from "./RunConfigSummary";
import { RunLiveProgress } from "./RunLiveProgress";
import { RunMetricCards } from "./RunMetricCards";
import { RunTrainingCurves } from "./RunTrainingCurves";
import { PageHeader } from "@/components/ui/PageHeader";

type SearchParams = Record<string, string | string[] | undefined>;

/** /runs/:id — header with live progress, metric cards, charts, training curves, the episode table. */
export async function RunPage({ runId, searchParams }: { runId: string; searchParams: SearchParams }) {
  const { user } = await requirePageUser(PERMISSIONS.read, `/runs/${runId}`);
  const db = getPrisma();
  const run = await getRun(db, runId);
  if (!run) notFound();
  const filters = parseEpisodeFilters(searchParams);
  const pageParams = episodeFiltersToParams(filters);
  const after = [searchParams.after].flat()[0];
  const before = [searchParams.before].flat()[0];
  if (after) pageParams.set("after", after);
  if (before) pageParams.set("before", before);
  const [episodes, facets, labels] = await Promise.all([
    listEpisodesPage(db, { runId, filters, after, before }),
    listDatasetFacets(db, run.dataset.id),
    listLabelFilterOptions(db),
  ]);
  // a summary stored by an older version is recomputed from the episodes (both intervals, exclusions)
  const summary = await readRunSummary(db, run);
  const turnLimit = summary?.turnLimit ?? Number((run.config as { environment?: { turnLimit?: number } })?.environment?.turnLimit ?? 3);
  const live = isLiveStatus(run.status);

  return (
    <section data-testid="run-page">
      <PageHeader
        titleTestId="run-name"
        crumbs={
          <>
            <Link href="/runs">Runs</Link> / {run.kind.toLowerCase()}
          </>
        }
        title={<>{run.name}</>}
      >
        {isCancellable(run.status) && hasRole(user.role, PERMISSIONS.launchRuns) ? <CancelRunButton runId={run.id} /> : null}
      </PageHeader>
      <RunLiveProgress
        runId={run.id}
        initial={toJsonRow({
          id: run.id,
          status: run.status,
          progressTotal: run.progressTotal,
          progressDone: run.progressDone,
          progressErrored: run.progressErrored,
          trainStep: run.trainStep,
          statusReason: run.statusReason,
          error: run.error,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          updatedAt: run.updatedAt,
        })}
      />
      <div className="meta-row" style={{ marginTop: 10 }}>
        <span>
          policy <b>{run.policyLabel}</b>
        </span>
        {run.checkpoint ? (
          <span>
            checkpoint{" "}
            <Link href={`/runs/${run.checkpoint.runId}`}>
              step {run.checkpoint.step} of {run.checkpoint.run.name}
            </Link>
          </span>
        ) : null}
        {run.parentRun ? (
          <span>
            launched by training run <Link href={`/runs/${run.parentRun.id}`}>{run.parentRun.name}</Link>
          </span>
        ) : null}
        <span>
          dataset <Link href={`/datasets/${run.dataset.id}`}>{run.dataset.name}</Link> ({run.split})
        </span>
        <span>
          created <b>{formatDateTime(run.createdAt)}</b>
        </span>
        {run.finishedAt ? (
          <span>
            finished <b>{formatDateTime(run.finishedAt)}</b>
          </span>
        ) : null}
        <span>
          by <b>{run.launchedBy ? (run.launchedBy.name ?? run.launchedBy.email) : "CLI"}</b>
        </span>
      </div>
      <RunConfigSummary config={run.config} />
      {run.notices.length ? (
        <ul className="run-notices" data-testid="run-notices">
          {run.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}

      <h2>Metrics</h2>
      {summary ? (
        <>
          <RunMetricCards summary={summary} />
          <RunCharts summary={summary} />
        </>
      ) : (
        <EmptyState title={live ? "Metrics appear when the run completes" : "No summary stored for this run"}>
          {live
            ? "1@3 with its bootstrap intervals, the per-turn analysis and code-change charts are computed over all episodes at the end."
            : run.summary
              ? "The stored summary does not match the current schema."
              : null}
        </EmptyState>
      )}

      {run.kind === "TRAIN" ? (
        <>
          <h2>Training curves</h2>
          <Suspense fallback={<div className="skeleton-block" style={{ height: 260 }} />}>
            <RunTrainingCurves runId={run.id} />
          </Suspense>
        </>
      ) : null}

      <h2>Episodes</h2>
      <EpisodeTable
        runId={run.id}
        initialSearch={pageParams.toString()}
        initialPage={episodes}
        live={live}
        options={{ datasetId: run.dataset.id, turnLimit, difficulties: facets.difficulties.map((d) => d.value), labels }}
      />
    </section>
  );
}
