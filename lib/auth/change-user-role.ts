import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";

export class LastAdminError extends Error {
  constructor() {
    super("this is the last admin; make someone else admin first");
    this.name = "LastAdminError";
  }
}

type Tx = Pick<Db, "user">;

/**
 * Change a user's role, refusing to demote the last admin. Run it in a serializable transaction
 * so two admins demoting each other at once cannot both succeed.
 */
export async function changeUserRole(tx: Tx, userId: string, role: Role): Promise<{ id: string; role: Role } | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) return null;
  if (user.role === "ADMIN" && role !== "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) <= 1) throw new LastAdminError();
  return tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
}
