/** The few config values people ask about first, with the full JSON one click away. */
export function RunConfigSummary({ config }: { config: unknown }) {
  const c = (config ?? {}) as {
    rolloutsPerProblem?: number;
    environment?: { turnLimit?: number; feedback?: string; judgeTests?: string };
    sampling?: { temperature?: number; topP?: number; maxTokens?: number };
  };
  return (
    <details className="meta-row" data-testid="run-config">
      <summary>
        {c.environment?.turnLimit ?? 3} turns · {c.rolloutsPerProblem ?? 1} rollouts/problem · feedback {c.environment?.feedback ?? "execution"} ·
        T={c.sampling?.temperature ?? "?"} top-p={c.sampling?.topP ?? "?"} · judged on {c.environment?.judgeTests ?? "?"}
      </summary>
      <pre style={{ fontSize: 12, maxHeight: 360, overflow: "auto" }}>{JSON.stringify(config, null, 2)}</pre>
    </details>
  );
}
