import type { RewardConfig } from "../config/run-config";
import type { RewardParts } from "./types";

/**
 * docs/method.md §4.1: +1/−1 on the final turn by the submission's verdict; −0.2 for a
 * non-final reply without code (a final one is simply a failure, −1); and the
 * KL term −β·mean over the reply's tokens of (log π − log π_ref) when the
 * policy supplied both log-prob sequences.
 */
export function turnReward(args: {
  isFinal: boolean;
  hasCode: boolean;
  solved: boolean;
  logprobs?: number[];
  refLogprobs?: number[];
  reward: RewardConfig;
}): RewardParts {
  const { isFinal, hasCode, solved, reward } = args;
  const terminal = isFinal ? (solved ? reward.success : reward.failure) : 0;
  const invalidCode = !isFinal && !hasCode ? reward.invalidCode : 0;
  const kl = -reward.klBeta * meanLogRatio(args.logprobs, args.refLogprobs);
  return { terminal, invalidCode, kl, total: terminal + invalidCode + kl };
}

function meanLogRatio(logprobs?: number[], ref?: number[]): number {
  if (!logprobs || !ref || logprobs.length === 0 || logprobs.length !== ref.length) return 0;
  let sum = 0;
  for (let i = 0; i < logprobs.length; i++) sum += logprobs[i] - ref[i];
  return sum / logprobs.length;
}
