/** The few config values people ask about first, with the full JSON one click away. */
export function RunConfigSummary({ config }: { config: unknown }) {
  const c = (config ?? {}) as {
    rolloutsPerProblem?: number;
    environment?: { turnLimit?: number; feedback?: string; judgeTests?: string };
    sampling?: { temperature?: number; topP?: number; maxTokens?: number };
    trainerConfig?: Record<string, unknown>;
  };
  return (
    <>
      <details className="meta-row" data-testid="run-config">
        <summary>
          {c.environment?.turnLimit ?? 3} turns · {c.rolloutsPerProblem ?? 1} rollouts/problem · feedback {c.environment?.feedback ?? "execution"} ·
          T={c.sampling?.temperature ?? "?"} top-p={c.sampling?.topP ?? "?"} · judged on {c.environment?.judgeTests ?? "?"}
        </summary>
        <pre style={{ fontSize: 12, maxHeight: 360, overflow: "auto" }}>{JSON.stringify(config, null, 2)}</pre>
      </details>
      {c.trainerConfig ? <TrainerConfigLine config={c.trainerConfig} /> : null}
    </>
  );
}

const SHOWN: [key: string, label: string][] = [
  ["lr", "lr"], ["critic_lr", "critic lr"], ["kl_beta", "β"], ["clip_eps", "ε"], ["value_clip", "value clip"],
  ["minibatches", "minibatches"], ["warmup_updates", "warm-up"], ["weight_decay", "weight decay"], ["batch_episodes", "batch"],
];

/** What the trainer said it trains this run with (its echo at registration, every preset value resolved). */
function TrainerConfigLine({ config }: { config: Record<string, unknown> }) {
  return (
    <div className="meta-row" data-testid="trainer-config">
      <span>trainer: <b>{String(config.algo)}</b> · {String(config.finetune)} fine-tuning · preset {String(config.preset)}</span>
      {SHOWN.map(([key, label]) => (config[key] === undefined ? null : (
        <span key={key} data-testid={`trainer-config-${key}`}>{label} <b>{String(config[key])}</b></span>
      )))}
    </div>
  );
}
