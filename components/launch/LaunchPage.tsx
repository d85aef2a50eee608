import Link from "next/link";
import { Forbidden } from "@/components/auth/Forbidden";
import { requirePageUser } from "@/components/auth/require-page-user";
import { PERMISSIONS } from "@/lib/auth/roles";
import { evalConfigDefaults, trainConfigDefaults } from "@/lib/config/form-input";
import { getPrisma } from "@/lib/db/client";
import { EvalLaunchForm } from "./EvalLaunchForm";
import { listLaunchOptions } from "../../lib/queries/launch/list-launch-options";
import { TrainLaunchForm } from "./TrainLaunchForm";
import "@/components/ui/dashboard.css";
import "@/components/auth/auth.css";
import "./launch.css";

export async function LaunchPage({ kind, dataset }: { kind: "eval" | "train"; dataset?: string }) {
  const { allowed } = await requirePageUser(PERMISSIONS.launchRuns, "/launch");
  if (!allowed) return <Forbidden role={PERMISSIONS.launchRuns} what="Launching runs" />;
  const options = await listLaunchOptions(getPrisma());
  return (
    <div data-testid="launch-page">
      <div className="page-header">
        <h1>Launch</h1>
        <nav className="tabs">
          <Link href="/launch?kind=eval" className={kind === "eval" ? "active" : ""} data-testid="tab-eval">
            Eval run
          </Link>
          <Link href="/launch?kind=train" className={kind === "train" ? "active" : ""} data-testid="tab-train">
            Training run
          </Link>
        </nav>
      </div>
      {options.datasets.length === 0 ? (
        <p className="card">
          No datasets yet: import one first (Datasets page or <code>npx rlef import</code>).
        </p>
      ) : kind === "eval" ? (
        <EvalLaunchForm options={options} defaults={evalConfigDefaults()} initialDataset={dataset} />
      ) : (
        <TrainLaunchForm options={options} defaults={trainConfigDefaults()} initialDataset={dataset} />
      )}
    </div>
  );
}
