import { redirect } from "next/navigation";
import { currentUser } from "@/components/auth/current-user";
import { hasRole, type RoleName } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

/**
 * For server components: the signed-in user, or a redirect to /login. The proxy already turned away
 * requests without a valid cookie; this also catches deleted users. `allowed` says whether the
 * user has `role`; the page shows <Forbidden> when not.
 */
export async function requirePageUser(role: RoleName = "viewer", path = "/"): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return { user, allowed: hasRole(user.role, role) };
}
