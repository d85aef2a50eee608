import type { Db } from "../db/client";
import { countActiveAdmins, LastAdminError } from "./change-user-role";
import { revokeUserSessions } from "./revoke-sessions";

type Tx = Pick<Db, "user" | "session">;

/**
 * Deactivate (or reactivate) an account. A deactivated user cannot sign in and every session of
 * theirs ends now; their runs and annotations stay. The last active admin cannot be deactivated.
 * Run it in a serializable transaction, like changeUserRole.
 */
export async function setUserActive(
  tx: Tx,
  userId: string,
  active: boolean,
  now = new Date(),
): Promise<{ id: string; active: boolean; revokedSessions: number } | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
  if (!user) return null;
  if (!active && user.role === "ADMIN" && !user.deactivatedAt && (await countActiveAdmins(tx)) <= 1) throw new LastAdminError();
  await tx.user.update({ where: { id: userId }, data: { deactivatedAt: active ? null : (user.deactivatedAt ?? now) } });
  const revokedSessions = active ? 0 : await revokeUserSessions(tx, userId);
  return { id: userId, active, revokedSessions };
}
