import "@/components/ui/dashboard.css";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/components/auth/require-page-user";
import { PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { findAdjacentEpisodes } from "@/lib/queries/episodes/find-adjacent-episodes";
import { getEpisodeWithTurns } from "@/lib/queries/episodes/get-episode-with-turns";
import { readEpisodeNavContext, readExplicitNavContext } from "./episode-nav-context";
import { EpisodeHeader } from "./EpisodeHeader";
import { EpisodeNav } from "./EpisodeNav";
import { EpisodeTurns } from "./EpisodeTurns";
import { FinalJudgement } from "./FinalJudgement";
import { ProblemStatement } from "./ProblemStatement";
import { PageHeader } from "@/components/ui/PageHeader";

type SearchParams = Record<string, string | string[] | undefined>;

/** /episodes/:id — one rollout: statement, header, every attempt with its tests and feedback, diffs, final judgement. */
export async function EpisodePage({ episodeId, searchParams }: { episodeId: string; searchParams: SearchParams }) {
  await requirePageUser(PERMISSIONS.read, `/episodes/${episodeId}`);
  const db = getPrisma();
  // With the list in the URL (the usual case) the neighbours load in parallel with the episode.
  const explicit = readExplicitNavContext(searchParams);
  const [episode, explicitAdjacent] = await Promise.all([
    getEpisodeWithTurns(db, episodeId),
    explicit ? findAdjacentEpisodes(db, episodeId, explicit.scope, explicit.filters) : null,
  ]);
  if (!episode) notFound();
  const nav = explicit ?? readEpisodeNavContext(searchParams, episode);
  const adjacent = explicitAdjacent ?? (await findAdjacentEpisodes(db, episode.id, nav.scope, nav.filters));
  const hrefOf = (id: string | null) => (id ? `/episodes/${id}${nav.query ? `?${nav.query}` : ""}` : null);
  const initialTurn = Number([searchParams.turn].flat()[0] ?? 1) - 1;
  const final = episode.turns.at(-1)?.final ?? null;

  return (
    <section className="episode-layout" data-testid="episode-page">
      <div>
        <PageHeader
          titleTestId="episode-title"
          crumbs={
            <>
              <Link href="/runs" prefetch={false}>
                Runs
              </Link>{" "}
              /{" "}
              <Link href={`/runs/${episode.run.id}`} prefetch={false}>
                {episode.run.name}
              </Link>{" "}
              / episode
            </>
          }
          title={
            <>
              {episode.problem.name}{" "}
              <span className="muted" style={{ fontWeight: 400, fontSize: 16 }}>
                sample {episode.sampleIndex}
              </span>
            </>
          }
        >
          <span className="spacer" />
          <EpisodeNav previousHref={hrefOf(adjacent.previousId)} nextHref={hrefOf(adjacent.nextId)} listHref={nav.listHref} />
        </PageHeader>
        <EpisodeHeader episode={episode} />
      </div>
      <ProblemStatement markdown={episode.problem.description} />
      {episode.annotations.length ? (
        <div className="panel" data-testid="annotations">
          <h3>Annotations</h3>
          {episode.annotations.map((a) => (
            <div key={a.id} className="row" style={{ fontSize: 13 }}>
              {a.labels.map((l) => (
                <span key={l.name} className="label-chip" style={{ background: l.color }}>
                  {l.name}
                </span>
              ))}
              {a.turnIndex !== null ? <span className="muted">turn {a.turnIndex + 1}</span> : null}
              <span>{a.note}</span>
              {a.author?.name ? <span className="muted">— {a.author.name}</span> : null}
            </div>
          ))}
        </div>
      ) : null}
      <EpisodeTurns
        key={episode.id}
        episodeId={episode.id}
        turns={episode.turns}
        initialTurn={Number.isFinite(initialTurn) ? initialTurn : 0}
      />
      {final ? (
        <FinalJudgement final={final} counts={episode.problem} />
      ) : episode.status === "RUNNING" ? (
        <div className="muted">The episode is still running.</div>
      ) : null}
    </section>
  );
}
