import Link from "next/link";

interface RunHead {
  id: string;
  name: string;
  status: string;
  policyLabel: string;
  split: string;
  progressDone: number;
  progressTotal: number;
  dataset: { name: string };
  checkpoint: { step: number } | null;
  createdAt: string;
}

export function RunHeaderCard({ side, run }: { side: "A" | "B"; run: RunHead }) {
  return (
    <div className="card run-head" data-testid={`run-head-${side}`}>
      <div className="muted">{side === "A" ? "A · baseline" : "B · candidate"}</div>
      <div>
        <Link href={`/runs/${run.id}`}>
          <b>{run.name}</b>
        </Link>
      </div>
      <div className="muted">
        {run.policyLabel}
        {run.checkpoint ? ` · step ${run.checkpoint.step}` : ""} · {run.dataset.name}/{run.split} ·{" "}
        <span className={`badge ${run.status === "COMPLETED" ? "ok" : run.status === "FAILED" ? "bad" : "live"}`}>
          {run.status.toLowerCase()}
        </span>{" "}
        {run.progressDone}/{run.progressTotal} episodes
      </div>
    </div>
  );
}
