import Link from "next/link";
import { currentUser } from "@/components/auth/current-user";
import { hasRole, PERMISSIONS } from "@/lib/auth/roles";

/** A "Launch" link for list pages; renders nothing for users who may not launch. */
export async function LaunchButton({ kind = "eval", dataset }: { kind?: "eval" | "train"; dataset?: string }) {
  const user = await currentUser();
  if (!user || !hasRole(user.role, PERMISSIONS.launchRuns)) return null;
  const params = new URLSearchParams({ kind, ...(dataset ? { dataset } : {}) });
  return <Link href={`/launch?${params}`} className="button primary" data-testid="launch-button">Launch {kind === "eval" ? "eval" : "training"}</Link>;
}
