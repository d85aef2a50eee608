import Link from "next/link";
import { getPrisma } from "@/lib/db/client";
import { countRecords } from "@/lib/queries/home/count-records";

export async function HomePage() {
  const { datasets, runs, episodes } = await countRecords(getPrisma());
  return (
    <section>
      <h1>RLEF Studio</h1>
      <p className="muted">Train code LLMs with execution feedback, and see what they do turn by turn.</p>
      <div style={{ display: "flex", gap: 16 }}>
        <div className="card" data-testid="count-datasets">
          <Link href="/datasets">{datasets} datasets</Link>
        </div>
        <div className="card" data-testid="count-runs">
          <Link href="/runs">{runs} runs</Link>
        </div>
        <div className="card" data-testid="count-episodes">
          {episodes} episodes
        </div>
      </div>
    </section>
  );
}
