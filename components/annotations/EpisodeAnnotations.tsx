import { currentUser } from "@/components/auth/current-user";
import { hasRole, PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { listEpisodeAnnotations } from "@/lib/queries/annotations/annotation-episode-annotations";
import { listAnnotationLabels } from "@/lib/queries/annotations/annotation-labels";
import { AnnotationPanel } from "./AnnotationPanel";

/**
 * Drop-in annotation panel for any episode view (the episode page included): loads the label set,
 * the episode's annotations and what the signed-in user may do.
 */
export async function EpisodeAnnotations({
  episodeId,
  turnsUsed,
  initialTurn,
}: {
  episodeId: string;
  turnsUsed: number;
  initialTurn?: number | null;
}) {
  const db = getPrisma();
  const [user, labels, annotations] = await Promise.all([currentUser(), listAnnotationLabels(db), listEpisodeAnnotations(db, episodeId)]);
  const canAnnotate = user && hasRole(user.role, PERMISSIONS.annotate);
  return (
    <AnnotationPanel
      episodeId={episodeId}
      turnsUsed={turnsUsed}
      initialTurn={initialTurn}
      labels={labels.map(({ id, name, color, description }) => ({ id, name, color, description }))}
      annotations={annotations.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() }))}
      user={canAnnotate ? { id: user.id, isAdmin: user.role === "ADMIN" } : null}
    />
  );
}
