import Link from "next/link";
import type { EpisodeDetail } from "@/lib/queries/episodes/get-episode-with-turns";
import { formatBytes, formatDuration, formatSigned } from "@/components/ui/format";
import { OutcomeBadge } from "@/components/ui/OutcomeBadge";
import { VerdictBadge } from "@/components/ui/VerdictBadge";

function Kv({ k, children, testId }: { k: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="kv" data-testid={testId}>
      <div className="k">{k}</div>
      <div className="v">{children}</div>
    </div>
  );
}

/** Outcome, reward parts summed over turns, turns used, checkpoint and sampling settings at a glance. */
export function EpisodeHeader({ episode }: { episode: EpisodeDetail }) {
  const config = (episode.run.config ?? {}) as {
    environment?: { turnLimit?: number; feedback?: string };
    sampling?: { temperature?: number; topP?: number; maxTokens?: number; seed?: number };
  };
  const sum = (key: "terminal" | "invalidCode" | "kl") => episode.turns.reduce((s, t) => s + (t.rewardParts[key] ?? 0), 0);
  const sampling = config.sampling;
  const p = episode.problem;
  return (
    <div className="episode-header" data-testid="episode-header">
      <Kv k="outcome" testId="episode-outcome">
        <OutcomeBadge status={episode.status} solved={episode.solved} />
        {episode.solvedAtTurn ? <span className="muted"> at turn {episode.solvedAtTurn}</span> : null}
      </Kv>
      <Kv k="return (sum of rewards)">
        {formatSigned(episode.finalReward ?? episode.turns.reduce((s, t) => s + (t.rewardParts.total ?? 0), 0))}
      </Kv>
      <Kv k="reward parts">
        <span title="terminal">{formatSigned(sum("terminal"))}</span> <span className="muted">·</span>{" "}
        <span title="invalid code">{formatSigned(sum("invalidCode"))}</span> <span className="muted">·</span>{" "}
        <span title="KL">{formatSigned(sum("kl"), 4)}</span>
        <div className="muted" style={{ fontSize: 11, fontWeight: 400 }}>
          terminal · invalid code · KL
        </div>
      </Kv>
      <Kv k="turns used">
        {episode.turnsUsed} / {config.environment?.turnLimit ?? "?"}
      </Kv>
      <Kv k="first error">{episode.firstErrorKind ? <VerdictBadge verdict={episode.firstErrorKind} /> : "none"}</Kv>
      <Kv k="passed public">
        {episode.passedPublic === null ? "—" : episode.passedPublic ? "yes" : "no"}
        {episode.invalidCode ? (
          <span className="badge warn" style={{ marginLeft: 6 }}>
            invalid code
          </span>
        ) : null}
      </Kv>
      <Kv k="policy">{episode.run.policyLabel}</Kv>
      <Kv k="checkpoint">
        {episode.checkpoint ? `step ${episode.checkpoint.step}` : episode.trainStep !== null ? `train step ${episode.trainStep}` : "—"}
      </Kv>
      <Kv k="sampling">
        {sampling ? `T=${sampling.temperature ?? "?"} · top-p ${sampling.topP ?? "?"} · max ${sampling.maxTokens ?? "?"}` : "—"}
        {sampling?.seed !== undefined ? ` · seed ${sampling.seed}` : ""}
      </Kv>
      <Kv k="feedback mode">{config.environment?.feedback ?? "execution"}</Kv>
      <Kv k="problem">
        <Link href={`/problems/${p.id}`} prefetch={false} data-testid="problem-link">
          {p.name}
        </Link>
        {p.difficulty ? <span className="muted"> · {p.difficulty}</span> : null}
      </Kv>
      <Kv k="limits">
        {formatDuration(p.timeLimitMs)} · {formatBytes(p.memoryLimitBytes)}
      </Kv>
      <Kv k="sample">#{episode.sampleIndex}</Kv>
      {episode.error ? (
        <Kv k="error">
          <span style={{ color: "var(--bad)" }}>{episode.error}</span>
        </Kv>
      ) : null}
    </div>
  );
}
