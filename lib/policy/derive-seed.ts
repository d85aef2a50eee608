import { createHash } from "node:crypto";

/**
 * The seed one request is sampled with: a reproducible function of the run's seed and the request's
 * (problem, sample, turn). Sending the run's seed unchanged with every request made every rollout of
 * a conversation identical on vLLM, collapsing pass@k, n@k and every interval (issue 10.10). The
 * problem is named by its stable external id, so a rerun on another database draws the same seeds.
 * The result is a non-negative 31-bit integer, which every OpenAI-compatible server accepts.
 */
export function deriveSampleSeed(runSeed: number, problemKey: string, sampleIndex: number, turnIndex: number): number {
  const digest = createHash("sha256").update(`rlef-seed:${runSeed}:${problemKey}:${sampleIndex}:${turnIndex}`).digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}
