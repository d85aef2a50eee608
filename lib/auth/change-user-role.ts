import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { revokeUserSessions } from "./revoke-sessions";

export class LastAdminError extends Error {
  constructor() {
    super("this is the last admin; make someone else admin first");
    this.name = "LastAdminError";
  }
}

type Tx = Pick<Db, "user" | "session">;

/** Admins who can still sign in: a deactivated admin does not count towards "not the last one". */
export function countActiveAdmins(tx: Pick<Db, "user">): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", deactivatedAt: null } });
}

/**
 * Change a user's role, refusing to demote the last admin, and end the user's sessions (they sign
 * in again under the new role). Run it in a serializable transaction so two admins demoting each
 * other at once cannot both succeed.
 */
export async function changeUserRole(tx: Tx, userId: string, role: Role): Promise<{ id: string; role: Role } | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) return null;
  if (user.role === "ADMIN" && role !== "ADMIN" && (await countActiveAdmins(tx)) <= 1) throw new LastAdminError();
  const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
  if (user.role !== role) await revokeUserSessions(tx, userId);
  return updated;
}
