"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { episodeFiltersToParams, parseEpisodeFilters, type EpisodeFilters } from "@/lib/queries/episodes/episode-filters";
import type { EpisodesPage } from "@/lib/queries/episodes/list-episodes-page";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatSigned } from "@/components/ui/format";
import { OutcomeBadge } from "@/components/ui/OutcomeBadge";
import { VerdictBadge } from "@/components/ui/VerdictBadge";
import { EpisodeFiltersBar, type EpisodeFilterOptions } from "./EpisodeFiltersBar";
import { episodeCountQueryOptions, episodesQueryOptions } from "./episodes-query";
import { useUrlSearch } from "./useUrlSearch";
import { DataTable } from "@/components/ui/DataTable";

/**
 * The run's episodes with every filter in the URL. The first page comes from
 * the server render; filter and page changes fetch only this table's data.
 */
export function EpisodeTable({
  runId,
  initialSearch,
  initialPage,
  options,
  live,
}: {
  runId: string;
  initialSearch: string;
  initialPage: EpisodesPage;
  options: EpisodeFilterOptions;
  live: boolean;
}) {
  const [params, push] = useUrlSearch();
  const filters = parseEpisodeFilters(params);
  const filterSearch = episodeFiltersToParams(filters).toString();
  const pageParams = new URLSearchParams(filterSearch);
  for (const key of ["after", "before"]) if (params.get(key)) pageParams.set(key, params.get(key)!);
  const search = pageParams.toString();

  const rowsQuery = useQuery(
    episodesQueryOptions(runId, search, { initialData: search === initialSearch ? initialPage : undefined, live }),
  );
  const countQuery = useQuery(episodeCountQueryOptions(runId, filterSearch, live));
  const page = rowsQuery.data;

  const setFilters = (patch: Partial<EpisodeFilters>) => push(episodeFiltersToParams({ ...filters, ...patch }));
  const goTo = (cursor: { after?: string; before?: string } | null) => {
    const next = new URLSearchParams(filterSearch);
    if (cursor?.after) next.set("after", cursor.after);
    if (cursor?.before) next.set("before", cursor.before);
    push(next);
  };
  const navQuery = new URLSearchParams({ run: runId, ...Object.fromEntries(new URLSearchParams(filterSearch)) }).toString();
  const problemName = filters.problem ? (page?.rows.find((r) => r.problemId === filters.problem)?.problem.name ?? null) : null;

  return (
    <div data-testid="episode-table-section" aria-busy={rowsQuery.isFetching || rowsQuery.isPlaceholderData}>
      <EpisodeFiltersBar filters={filters} options={options} onChange={setFilters} problemName={problemName} />
      {rowsQuery.error ? <div className="notice bad">Could not load episodes: {rowsQuery.error.message}</div> : null}
      {!page ? (
        <div className="skeleton-block" style={{ height: 240 }} aria-busy="true" />
      ) : page.rows.length === 0 ? (
        <EmptyState title={filterSearch ? "No episodes match these filters" : "No episodes yet"}>
          {filterSearch
            ? "Loosen or clear the filters above."
            : live
              ? "Episodes appear here as the worker finishes them."
              : "This run recorded no episodes."}
        </EmptyState>
      ) : (
        <DataTable
          testId="episode-table"
          head={
            <>
              <th>Problem</th>
              <th className="num">Sample</th>
              <th>Outcome</th>
              <th>Public</th>
              <th className="num">Turns</th>
              <th>First error</th>
              <th>Code</th>
              <th className="num">Reward</th>
              <th>Step</th>
              <th>Labels</th>
            </>
          }
        >
          {page.rows.map((row) => (
            <tr
              key={row.id}
              data-testid="episode-row"
              data-turns={row.turnsUsed}
              data-first-error={row.firstErrorKind ?? ""}
              className={rowsQuery.isPlaceholderData ? "is-stale" : undefined}
            >
              <td>
                <Link href={`/episodes/${row.id}?${navQuery}`} data-testid="episode-link">
                  {row.problem.name}
                </Link>
                {row.problem.difficulty ? (
                  <span className="muted" style={{ fontSize: 12 }}>
                    {" "}
                    · {row.problem.difficulty}
                  </span>
                ) : null}
                {!filters.problem ? (
                  <button
                    type="button"
                    className="button small"
                    style={{ marginLeft: 6 }}
                    title="only this problem"
                    onClick={() => setFilters({ problem: row.problemId })}
                  >
                    ⊂
                  </button>
                ) : null}
              </td>
              <td className="num">{row.sampleIndex}</td>
              <td>
                <OutcomeBadge status={row.status} solved={row.solved} />
                {row.solvedAtTurn ? (
                  <span className="muted" style={{ fontSize: 12 }}>
                    {" "}
                    at turn {row.solvedAtTurn}
                  </span>
                ) : null}
              </td>
              <td>{row.passedPublic === null ? "—" : row.passedPublic ? "yes" : "no"}</td>
              <td className="num">{row.turnsUsed}</td>
              <td>{row.firstErrorKind ? <VerdictBadge verdict={row.firstErrorKind} /> : <span className="muted">none</span>}</td>
              <td>{row.invalidCode ? <span className="badge warn">invalid</span> : <span className="muted">ok</span>}</td>
              <td className="num">{formatSigned(row.finalReward)}</td>
              <td>{row.checkpoint ? `ckpt ${row.checkpoint.step}` : row.trainStep !== null ? `step ${row.trainStep}` : "—"}</td>
              <td>
                {row.labels.map((l) => (
                  <span key={l.name} className="label-chip" style={{ background: l.color }}>
                    {l.name}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="table-foot">
        <span data-testid="episode-count">
          {countQuery.data
            ? `${countQuery.data.count.toLocaleString("en-US")} episode${countQuery.data.count === 1 ? "" : "s"}`
            : "counting…"}
          {rowsQuery.isFetching ? " · loading…" : ""}
        </span>
        <nav className="pager" aria-label="episode pages">
          <button
            type="button"
            className="button small"
            disabled={!params.get("after") && !params.get("before")}
            onClick={() => goTo(null)}
          >
            « First
          </button>
          <button type="button" className="button small" disabled={!page?.prevCursor} onClick={() => goTo({ before: page!.prevCursor! })}>
            ‹ Previous
          </button>
          <button
            type="button"
            className="button small"
            data-testid="episodes-next"
            disabled={!page?.nextCursor}
            onClick={() => goTo({ after: page!.nextCursor! })}
          >
            Next ›
          </button>
        </nav>
      </div>
    </div>
  );
}
