/** The few config values people ask about first, with the full JSON one click away. */
export function RunConfigSummary({ config }: { config: unknown }) {
  const c = (config ?? {}) as {
    preset?: string;
    rolloutsPerProblem?: number;
    environment?: { turnLimit?: number; feedback?: string; judgeTests?: string; feedbackTests?: string; feedbackTestCount?: number; feedbackMaxFailures?: number };
    sampling?: { temperature?: number; topP?: number; maxTokens?: number; seed?: number };
  };
  const env = c.environment ?? {};
  // App. B.3: replies run on more tests than the public ones, with a cap on the failures shown
  const loopTests = env.feedbackTests === "public+hidden"
    ? `in-loop tests: ${env.feedbackTestCount ?? 20} of public, private, generated (App. B.3), up to ${env.feedbackMaxFailures ?? 8} failures shown`
    : "in-loop tests: public";
  return (
    <details className="meta-row" data-testid="run-config">
      <summary>
        {c.preset ? <b data-testid="run-protocol" title="a checked protocol: lib/config/eval-presets.ts">protocol {c.preset} · </b> : null}
        {env.turnLimit ?? 3} turns · {c.rolloutsPerProblem ?? 1} rollouts/problem · feedback {env.feedback ?? "execution"} ·{" "}
        <span data-testid="run-feedback-tests">{loopTests}</span> ·
        T={c.sampling?.temperature ?? "?"} top-p={c.sampling?.topP ?? "?"}{c.sampling?.seed !== undefined ? ` seed ${c.sampling.seed} (per request derived)` : ""} · judged on {env.judgeTests ?? "?"}
      </summary>
      <pre style={{ fontSize: 12, maxHeight: 360, overflow: "auto" }}>{JSON.stringify(config, null, 2)}</pre>
    </details>
  );
}
