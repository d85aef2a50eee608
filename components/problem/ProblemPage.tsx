import "@/components/ui/dashboard.css";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/components/auth/require-page-user";
import { PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { getProblem } from "@/lib/queries/problems/get-problem";
import type { TestList } from "@/lib/queries/episodes/get-test-excerpts";
import { listEpisodesPage } from "@/lib/queries/episodes/list-episodes-page";
import { listProblemRunStats } from "@/lib/queries/problems/list-problem-run-stats";
import { listProblemTests } from "@/lib/queries/problems/list-problem-tests";
import { listReferenceSolutions } from "@/lib/queries/problems/list-reference-solutions";
import { CheckpointSolveRateChart } from "@/components/charts/CheckpointSolveRateChart";
import { prepareCheckpointSolveRates } from "@/components/charts/prepare-checkpoint-solve-rates";
import { CodeViewer } from "@/components/episode/CodeViewer";
import { ProblemStatement } from "@/components/episode/ProblemStatement";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatBytes, formatDuration } from "@/components/ui/format";
import { ProblemEpisodes } from "./ProblemEpisodes";
import { ProblemRunStats } from "./ProblemRunStats";
import { ProblemTests } from "./ProblemTests";
import { PageHeader } from "@/components/ui/PageHeader";

type SearchParams = Record<string, string | string[] | undefined>;
const LISTS: TestList[] = ["public", "private", "generated"];
const PAGE_SIZE: Record<TestList, number> = { public: 10, private: 5, generated: 5 };

const first = (v: string | string[] | undefined) => [v].flat()[0];

/** /problems/:id — statement, tests, reference solutions, results per run and checkpoint, every episode. */
export async function ProblemPage({ problemId, searchParams }: { problemId: string; searchParams: SearchParams }) {
  await requirePageUser(PERMISSIONS.read, `/problems/${problemId}`);
  const db = getPrisma();
  const problem = await getProblem(db, problemId);
  if (!problem) notFound();
  const offsets = Object.fromEntries(LISTS.map((l) => [l, Math.max(0, Number(first(searchParams[`${l}From`])) || 0)])) as Record<
    TestList,
    number
  >;
  const after = first(searchParams.after);
  const before = first(searchParams.before);
  const [tests, solutions, stats, episodes] = await Promise.all([
    Promise.all(LISTS.map((list) => listProblemTests(db, problemId, list, { offset: offsets[list], limit: PAGE_SIZE[list] }))),
    listReferenceSolutions(db, problemId),
    listProblemRunStats(db, problemId),
    listEpisodesPage(db, { problemId, after, before, limit: 50 }),
  ]);
  const totals: Record<TestList, number> = {
    public: problem.publicTestCount,
    private: problem.privateTestCount,
    generated: problem.generatedTestCount,
  };
  const testsHref = (list: TestList, offset: number) => {
    const params = new URLSearchParams();
    for (const l of LISTS) if ((l === list ? offset : offsets[l]) > 0) params.set(`${l}From`, String(l === list ? offset : offsets[l]));
    return `/problems/${problemId}${params.size ? `?${params}` : ""}#tests`;
  };
  const episodesHref = (cursor: { after?: string; before?: string } | null) =>
    `/problems/${problemId}${cursor?.after ? `?after=${cursor.after}` : cursor?.before ? `?before=${cursor.before}` : ""}#episodes`;
  const checkpointSeries = prepareCheckpointSolveRates(stats);
  const trainingRunNames = Object.fromEntries(
    stats.flatMap((s) => (s.run.checkpoint ? [[s.run.checkpoint.runId, s.run.checkpoint.run.name]] : [])),
  );

  return (
    <section className="stack" data-testid="problem-page">
      <div>
        <PageHeader
          titleTestId="problem-name"
          crumbs={
            <>
              <Link href="/datasets">Datasets</Link> / <Link href={`/datasets/${problem.dataset.id}`}>{problem.dataset.name}</Link> /
              problem
            </>
          }
          title={<>{problem.name}</>}
        >
          <span className="muted">{problem.externalId}</span>
        </PageHeader>
        <div className="meta-row">
          <span>
            split <b>{problem.split}</b>
          </span>
          {problem.difficulty ? (
            <span>
              difficulty <b>{problem.difficulty}</b>
            </span>
          ) : null}
          {problem.rating ? (
            <span>
              rating <b>{problem.rating}</b>
            </span>
          ) : null}
          <span>
            time limit <b>{formatDuration(problem.timeLimitMs)}</b>
          </span>
          <span>
            memory limit <b>{formatBytes(problem.memoryLimitBytes)}</b>
          </span>
          {problem.tags.length ? (
            <span>
              tags <b>{problem.tags.join(", ")}</b>
            </span>
          ) : null}
        </div>
      </div>
      <ProblemStatement markdown={problem.description} open />

      <div>
        <h2>Results by run</h2>
        {stats.length === 0 ? (
          <EmptyState title="No run has attempted this problem yet" />
        ) : (
          <div className="stack">
            {checkpointSeries.length ? <CheckpointSolveRateChart series={checkpointSeries} runNames={trainingRunNames} /> : null}
            <ProblemRunStats problemId={problem.id} stats={stats} />
          </div>
        )}
      </div>

      <div id="episodes">
        <h2>Episodes</h2>
        {episodes.rows.length === 0 ? (
          <EmptyState title="No episodes of this problem" />
        ) : (
          <ProblemEpisodes problemId={problem.id} page={episodes} hrefFor={episodesHref} onFirstPage={!after && !before} />
        )}
      </div>

      <div id="tests">
        <h2>Tests</h2>
        <div className="stack">
          {LISTS.map((list, i) => (
            <ProblemTests
              key={list}
              list={list}
              total={totals[list]}
              tests={tests[i]}
              offset={offsets[list]}
              pageSize={PAGE_SIZE[list]}
              hrefFor={testsHref}
            />
          ))}
        </div>
      </div>

      <div>
        <h2>
          Reference solutions{" "}
          <span className="muted" style={{ fontWeight: 400 }}>
            ({solutions.total})
          </span>
        </h2>
        {solutions.solutions.length === 0 ? (
          <EmptyState title="This problem has no reference solutions" />
        ) : (
          <div className="stack">
            {solutions.solutions.map((s, i) => (
              <div key={i} className="panel" data-testid="reference-solution">
                <h3>
                  {s.language}
                  {s.codeLength > s.code.length ? (
                    <span className="muted">
                      {" "}
                      (first {s.code.length.toLocaleString("en-US")} of {s.codeLength.toLocaleString("en-US")} chars)
                    </span>
                  ) : null}
                </h3>
                <CodeViewer code={s.code} />
              </div>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
