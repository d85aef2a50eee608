import type { Db } from "../db/client";
import type { ChatMessage } from "../policy/types";
import type { SftExamplePayload } from "../trainer-api/trainer-client";

/** A successful trajectory of a source run, as the conversation `rlef export --format chat` writes. */
export interface SftSource {
  episodeId: string;
  messages: SftExamplePayload["messages"];
}

/**
 * The training data of an SFT run (paper Table 3, App. A.3): every solved episode of the source runs, in
 * a stable order (by episode id), as its full conversation up to and including the final, passing reply.
 * The trainer renders it with the served model's chat template and puts the loss on the replies.
 */
export async function loadSftSources(db: Db, sourceRuns: string[], datasetId: string): Promise<SftSource[]> {
  const runs = await db.run.findMany({ where: { id: { in: sourceRuns } }, select: { id: true, datasetId: true } });
  const missing = sourceRuns.filter((id) => !runs.some((r) => r.id === id));
  if (missing.length) throw new Error(`sft.sourceRuns: no run ${missing.join(", ")}`);
  const foreign = runs.filter((r) => r.datasetId !== datasetId);
  if (foreign.length) throw new Error(`sft.sourceRuns: run ${foreign[0].id} is on another dataset than this run`);
  const episodes = await db.episode.findMany({
    where: { runId: { in: sourceRuns }, status: "COMPLETED", solved: true },
    orderBy: { id: "asc" },
    select: { id: true, turns: { orderBy: { index: "desc" }, take: 1, select: { messages: true, reply: true } } },
  });
  return episodes
    .filter((e) => e.turns.length)
    .map((e) => {
      const last = e.turns[0];
      const history = (last.messages as unknown as ChatMessage[]).map((m) => ({ role: m.role, content: m.content }));
      return { episodeId: e.id, messages: [...history, { role: "assistant" as const, content: last.reply }] };
    });
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = (seed * 2654435761 + 1) >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The examples of SFT step `step`: epochs × a seeded shuffle of the sources, cut into batches. An example's
 * id names its epoch, so the same trajectory seen again in epoch 2 is a new training item, while a step
 * replayed after a crash resubmits exactly the same ids (the trainer counts each once).
 */
export function sftStepExamples(
  sources: SftSource[],
  opts: { step: number; batch: number; epochs: number; seed: number },
): SftExamplePayload[] {
  const start = opts.step * opts.batch;
  const out: SftExamplePayload[] = [];
  for (let k = start; k < Math.min(start + opts.batch, sources.length * opts.epochs); k++) {
    const epoch = Math.floor(k / sources.length);
    const source = shuffled(sources, opts.seed * 1000 + epoch)[k % sources.length];
    out.push({ example_id: `${source.episodeId}#epoch${epoch}`, messages: source.messages });
  }
  return out;
}

export function sftStepCount(sourceCount: number, batch: number, epochs: number): number {
  return Math.max(1, Math.ceil((sourceCount * epochs) / batch));
}
