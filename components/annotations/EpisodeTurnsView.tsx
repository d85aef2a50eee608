import type { EpisodeReview } from "@/lib/queries/annotations/annotation-episode-review";

function outcome(e: Pick<EpisodeReview, "status" | "solved" | "solvedAtTurn">) {
  if (e.status === "ERRORED") return <span className="badge warn">errored</span>;
  if (e.solved) return <span className="badge ok">solved{e.solvedAtTurn ? ` at turn ${e.solvedAtTurn}` : ""}</span>;
  return <span className="badge bad">failed</span>;
}

/**
 * An episode's attempts in order: each turn's code, its public-test verdict, and the feedback the
 * model got next. Plain, light markup (no editor), so two fit side by side and the queue stays fast.
 * `highlightTurn` marks the turn being annotated.
 */
export function EpisodeTurnsView({
  episode,
  highlightTurn,
  showStatement,
}: {
  episode: EpisodeReview;
  highlightTurn?: number | null;
  showStatement?: boolean;
}) {
  return (
    <div className="episode-turns" data-testid="episode-turns" data-episode-id={episode.id}>
      <div className="meta-row">
        {outcome(episode)}
        <span>
          sample <b>#{episode.sampleIndex}</b>
        </span>
        <span>
          turns <b>{episode.turnsUsed}</b>
        </span>
        {episode.finalReward !== null ? (
          <span>
            reward <b>{episode.finalReward.toFixed(2)}</b>
          </span>
        ) : null}
        {episode.firstErrorKind ? (
          <span>
            first error <b>{episode.firstErrorKind}</b>
          </span>
        ) : null}
        <a href={`/episodes/${episode.id}`}>full episode page</a>
      </div>
      {showStatement ? (
        <details className="card statement">
          <summary>
            <b>{episode.problem.name}</b> — statement
          </summary>
          <pre className="statement-text">{episode.problem.description}</pre>
        </details>
      ) : null}
      {episode.error ? <pre className="card">{episode.error}</pre> : null}
      {episode.turns.map((t) => (
        <article key={t.index} className={`turn-block ${highlightTurn === t.index ? "highlight" : ""}`} data-testid="turn-block">
          <header>
            <b>Turn {t.index + 1}</b>
            <span className={`badge ${t.publicVerdict === "OK" ? "ok" : "bad"}`}>{t.publicVerdict}</span>
            <span className="muted">
              public {t.publicPassed}/{t.publicTotal}
            </span>
            {t.identicalToPrevious ? (
              <span className="badge warn">identical to previous</span>
            ) : t.codeChange !== null ? (
              <span className="muted">changed {(t.codeChange * 100).toFixed(0)}%</span>
            ) : null}
          </header>
          <pre>
            <code>{t.code ?? "(no code block in the reply)"}</code>
          </pre>
          {t.feedback ? (
            <div className="feedback">
              <pre>{t.feedback}</pre>
            </div>
          ) : null}
        </article>
      ))}
    </div>
  );
}
