import type { Db } from "../../db/client";
import { ActionError } from "../action-result";

export interface AnnotationBody {
  turnIndex?: number | null;
  labelIds: string[];
  note?: string;
}

/** Checks shared by create and update: something to say, labels that exist, a turn the episode has. */
export async function checkAnnotationBody(db: Db, episodeId: string, body: AnnotationBody): Promise<void> {
  if (body.labelIds.length === 0 && !body.note) {
    throw new ActionError("INVALID_INPUT", "choose a label or write a note", { labelIds: ["choose a label or write a note"] });
  }
  const episode = await db.episode.findUnique({ where: { id: episodeId }, select: { turnsUsed: true } });
  if (!episode) throw new ActionError("NOT_FOUND", "no such episode", { episodeId: ["no such episode"] });
  if (body.turnIndex != null && body.turnIndex >= episode.turnsUsed) {
    throw new ActionError("INVALID_INPUT", `the episode has ${episode.turnsUsed} turns`, {
      turnIndex: [`the episode has ${episode.turnsUsed} turns`],
    });
  }
  const unique = [...new Set(body.labelIds)];
  const found = await db.annotationLabel.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new ActionError("INVALID_INPUT", "a label no longer exists; reload", { labelIds: ["unknown label"] });
}

export async function writeAnnotation(db: Db, episodeId: string, body: AnnotationBody, authorId: string): Promise<{ id: string }> {
  await checkAnnotationBody(db, episodeId, body);
  return db.annotation.create({
    data: {
      episodeId,
      turnIndex: body.turnIndex ?? null,
      note: body.note || null,
      authorId,
      labels: { connect: [...new Set(body.labelIds)].map((id) => ({ id })) },
    },
    select: { id: true },
  });
}
