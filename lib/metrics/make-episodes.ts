import { createSeededRandom, randomInt, type RandomSource } from "./seeded-random";
import { PUBLIC_VERDICTS, type PublicVerdict } from "../episode/types";
import type { AttemptOutcome, EpisodeOutcome } from "./types";

/**
 * Seeded random episodes for tests and benchmarks: each problem gets its own
 * difficulty, each rollout stops at the first public pass or at the turn limit,
 * and final submissions that passed public tests are sometimes wrong on the
 * private ones, so every branch of the metrics is exercised.
 */
export interface RandomEpisodesOptions {
  seed: number;
  problems: number;
  rollouts: number | [min: number, max: number];
  turnLimit: number;
  erroredRate?: number;
  invalidCodeRate?: number;
}

const FAILING: PublicVerdict[] = PUBLIC_VERDICTS.filter((v) => v !== "OK" && v !== "INVALID_CODE");
const SNIPPETS = [
  "n = int(input())",
  "print(n * 2)",
  "print(sum(map(int, input().split())))",
  "for i in range(n):",
  "    print(i)",
  "import sys",
];

export function makeRandomEpisodes(options: RandomEpisodesOptions): EpisodeOutcome[] {
  const random = createSeededRandom(options.seed);
  const episodes: EpisodeOutcome[] = [];
  for (let p = 0; p < options.problems; p++) {
    const passChance = random() * 0.7;
    const privateFailChance = random() * 0.5;
    const count =
      typeof options.rollouts === "number"
        ? options.rollouts
        : options.rollouts[0] + randomInt(random, options.rollouts[1] - options.rollouts[0] + 1);
    for (let s = 0; s < count; s++) {
      episodes.push(makeEpisode(random, `problem-${p}`, s, passChance, privateFailChance, options));
    }
  }
  return episodes;
}

function makeEpisode(
  random: RandomSource,
  problemId: string,
  sampleIndex: number,
  passChance: number,
  privateFailChance: number,
  options: RandomEpisodesOptions,
): EpisodeOutcome {
  const turns: AttemptOutcome[] = [];
  let code = randomCode(random);
  for (let t = 0; t < options.turnLimit; t++) {
    const invalid = random() < (options.invalidCodeRate ?? 0.1);
    const passed = !invalid && random() < passChance;
    const verdict: PublicVerdict = invalid ? "INVALID_CODE" : passed ? "OK" : FAILING[randomInt(random, FAILING.length)];
    if (!invalid && random() < 0.6) code = random() < 0.3 ? code : mutate(code, random);
    turns.push({ index: t, hasCode: !invalid, publicVerdict: verdict, code: invalid ? undefined : code });
    if (passed) break;
  }
  const last = turns[turns.length - 1];
  const passedPublic = last.publicVerdict === "OK";
  const solved = passedPublic && random() >= privateFailChance;
  last.solvedIfSubmitted = solved;
  return { problemId, sampleIndex, solved, passedPublic, errored: random() < (options.erroredRate ?? 0), turns };
}

function randomCode(random: RandomSource): string {
  const lines = 1 + randomInt(random, 4);
  return Array.from({ length: lines }, () => SNIPPETS[randomInt(random, SNIPPETS.length)]).join("\n");
}

function mutate(code: string, random: RandomSource): string {
  return `${code}\n${SNIPPETS[randomInt(random, SNIPPETS.length)]}`;
}
