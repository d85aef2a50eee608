import Link from "next/link";
import { EpisodeAnnotations } from "@/components/annotations/EpisodeAnnotations";
import { EpisodeTurnsView } from "@/components/annotations/EpisodeTurnsView";
import { requirePageUser } from "@/components/auth/require-page-user";
import { getPrisma } from "@/lib/db/client";
import { loadProblemSideBySide, type ProblemSideBySide } from "@/lib/queries/compare/compare-problem-episodes";
import { compareHref } from "./format";
import "@/components/ui/dashboard.css";
import "@/components/annotations/annotations.css";
import "./compare.css";
import { PageHeader } from "@/components/ui/PageHeader";

type Side = ProblemSideBySide["a"];

function EpisodeColumn({ label, side, hrefFor }: { label: string; side: Side; hrefFor: (episodeId: string) => string }) {
  return (
    <div className="episode-col" data-testid={`side-${label}`}>
      <h2>
        {label} · {side.run ? <Link href={`/runs/${side.run.id}`}>{side.run.name}</Link> : "missing run"}
      </h2>
      <div className="episode-picker">
        {side.episodes.map((e) => (
          <Link
            key={e.id}
            href={hrefFor(e.id)}
            className={`${e.solved ? "ok" : "bad"} ${side.detail?.id === e.id ? "active" : ""}`}
            title={`sample ${e.sampleIndex}: ${e.solved ? "solved" : "failed"}, ${e.turnsUsed} turns`}
          >
            #{e.sampleIndex} {e.solved ? "✓" : "✗"}
          </Link>
        ))}
      </div>
      {side.detail ? (
        <>
          <EpisodeTurnsView episode={side.detail} />
          <EpisodeAnnotations episodeId={side.detail.id} turnsUsed={side.detail.turnsUsed} />
        </>
      ) : (
        <p className="muted">This run has no episode of this problem.</p>
      )}
    </div>
  );
}

export async function SideBySidePage({ a, b, problem, ea, eb }: { a?: string; b?: string; problem?: string; ea?: string; eb?: string }) {
  await requirePageUser("viewer", "/compare");
  if (!a || !b || !problem) return <p className="card">Open this view from a comparison: it needs runs a and b and a problem.</p>;
  const data = await loadProblemSideBySide(getPrisma(), { runA: a, runB: b, problemId: problem, episodeA: ea, episodeB: eb });
  if (!data)
    return (
      <p className="card" data-testid="compare-error">
        No problem with id {problem}.
      </p>
    );
  const base = { a, b, problem, ea: data.a.detail?.id, eb: data.b.detail?.id };
  const href = (over: Record<string, string | undefined>) =>
    `/compare/episodes?${new URLSearchParams(Object.entries({ ...base, ...over }).filter(([, v]) => v) as [string, string][])}`;
  return (
    <div data-testid="side-by-side-page">
      <PageHeader
        crumbs={
          <>
            <Link href={compareHref({ a, b })}>Compare</Link> / problem
          </>
        }
        title={<>{data.problem.name}</>}
      >
        <span className="muted">
          {data.problem.externalId}
          {data.problem.difficulty ? ` · ${data.problem.difficulty}` : ""}
        </span>
        <Link href={`/problems/${data.problem.id}`}>problem page</Link>
      </PageHeader>
      <div className="side-by-side">
        <EpisodeColumn label="A" side={data.a} hrefFor={(id) => href({ ea: id })} />
        <EpisodeColumn label="B" side={data.b} hrefFor={(id) => href({ eb: id })} />
      </div>
    </div>
  );
}
