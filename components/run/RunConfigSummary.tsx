/** The few config values people ask about first, with the full JSON one click away. */
export function RunConfigSummary({ config }: { config: unknown }) {
  const c = (config ?? {}) as {
    preset?: string;
    rolloutsPerProblem?: number;
    environment?: {
      turnLimit?: number;
      feedback?: string;
      judgeTests?: string;
      feedbackTests?: string;
      feedbackTestCount?: number;
      feedbackMaxFailures?: number;
    };
    sampling?: { temperature?: number; topP?: number; maxTokens?: number; seed?: number };
    trainerConfig?: Record<string, unknown>;
  };
  const env = c.environment ?? {};
  // App. B.3: replies run on more tests than the public ones, with a cap on the failures shown
  const loopTests =
    env.feedbackTests === "public+hidden"
      ? `in-loop tests: ${env.feedbackTestCount ?? 20} of public, private, generated (App. B.3), up to ${env.feedbackMaxFailures ?? 8} failures shown`
      : "in-loop tests: public";
  return (
    <>
      <details className="meta-row" data-testid="run-config">
        <summary>
          {c.preset ? (
            <b data-testid="run-protocol" title="a checked protocol: lib/config/eval-presets.ts">
              protocol {c.preset} ·{" "}
            </b>
          ) : null}
          {env.turnLimit ?? 3} turns · {c.rolloutsPerProblem ?? 1} rollouts/problem · feedback {env.feedback ?? "execution"} ·{" "}
          <span data-testid="run-feedback-tests">{loopTests}</span> · T={c.sampling?.temperature ?? "?"} top-p={c.sampling?.topP ?? "?"}
          {c.sampling?.seed !== undefined ? ` seed ${c.sampling.seed} (per request derived)` : ""} · judged on {env.judgeTests ?? "?"}
        </summary>
        <pre style={{ fontSize: 12, maxHeight: 360, overflow: "auto" }}>{JSON.stringify(config, null, 2)}</pre>
      </details>
      {c.trainerConfig ? <TrainerConfigLine config={c.trainerConfig} /> : null}
    </>
  );
}

const SHOWN: [key: string, label: string][] = [
  ["lr", "lr"],
  ["critic_lr", "critic lr"],
  ["kl_beta", "β"],
  ["clip_eps", "ε"],
  ["value_clip", "value clip"],
  ["minibatches", "minibatches"],
  ["warmup_updates", "warm-up"],
  ["weight_decay", "weight decay"],
  ["batch_episodes", "batch"],
];

/** What the trainer said it trains this run with (its echo at registration, every preset value resolved). */
function TrainerConfigLine({ config }: { config: Record<string, unknown> }) {
  return (
    <div className="meta-row" data-testid="trainer-config">
      <span>
        trainer: <b>{String(config.algo)}</b> · {String(config.finetune)} fine-tuning · preset {String(config.preset)}
      </span>
      {SHOWN.map(([key, label]) =>
        config[key] === undefined ? null : (
          <span key={key} data-testid={`trainer-config-${key}`}>
            {label} <b>{String(config[key])}</b>
          </span>
        ),
      )}
    </div>
  );
}
