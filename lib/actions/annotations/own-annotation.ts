import type { SessionUser } from "../../auth/session-user";
import type { Db } from "../../db/client";
import { ActionError } from "../action-result";

/** Annotators change their own annotations; admins change anyone's. */
export async function loadOwnAnnotation(db: Db, id: string, user: SessionUser): Promise<{ id: string; episodeId: string }> {
  const row = await db.annotation.findUnique({ where: { id }, select: { id: true, episodeId: true, authorId: true } });
  if (!row) throw new ActionError("NOT_FOUND", "no such annotation");
  if (row.authorId !== user.id && user.role !== "ADMIN")
    throw new ActionError("FORBIDDEN", "only its author or an admin can change this annotation");
  return row;
}
