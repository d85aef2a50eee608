import { chrf } from "../../metrics/chrf";
import { randomInt, type RandomSource } from "../../metrics/seeded-random";
import type { PublicVerdict } from "../../episode/types";
import type { EpisodeOutcome as MetricsEpisode } from "../../metrics/types";
import { makeProgram, mutateProgram } from "./synthetic-program";
import type { SyntheticTest } from "./synthetic-problem";

const BACKTICKS =
  "Your code should be enclosed in triple backticks like so: ```python YOUR CODE HERE ```. Use the backticks for your code only.";
const FAILURES: { kind: PublicVerdict; weight: number }[] = [
  { kind: "WRONG_ANSWER", weight: 0.6 },
  { kind: "RUNTIME_ERROR", weight: 0.25 },
  { kind: "TIME_LIMIT", weight: 0.1 },
  { kind: "MEMORY_LIMIT", weight: 0.05 },
];

export interface SyntheticTurn {
  index: number;
  extractionRule: string;
  publicVerdict: PublicVerdict;
  publicPassed: number;
  publicTotal: number;
  reward: number;
  rewardParts: { terminal: number; invalidCode: number; kl: number; total: number };
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  codeChange: number | null;
  identicalToPrevious: boolean | null;
  messages: { role: string; content: string }[];
  reply: string;
  code: string | null;
  testResults: object[];
  feedback: string | null;
  finalResults: object | null;
}

export interface SyntheticEpisode {
  turns: SyntheticTurn[];
  turnsUsed: number;
  finalReward: number;
  solved: boolean;
  passedPublic: boolean;
  invalidCode: boolean;
  firstErrorKind: PublicVerdict | null;
  solvedAtTurn: number | null;
  /** the same episode as the metrics library reads it */
  outcome: MetricsEpisode;
}

export interface EpisodeShape {
  /** chance that an attempt passes the public tests; grows a little with each feedback */
  passChance: number;
  /** chance that a public pass still fails the private tests */
  privateFailChance: number;
  invalidCodeRate: number;
  turnLimit: number;
  programLines: number;
  /** when set, every turn is judged on this many public tests (the scale benchmark's 50) */
  publicTestsOverride?: SyntheticTest[];
}

function pickFailure(random: RandomSource): PublicVerdict {
  let r = random();
  for (const f of FAILURES) {
    if ((r -= f.weight) <= 0) return f.kind;
  }
  return "WRONG_ANSWER";
}

function wrongOutput(expected: string, random: RandomSource): string {
  const n = Number.parseInt(expected, 10);
  return Number.isFinite(n) ? `${n + 1 + randomInt(random, 9)}\n` : `${expected.trim()}x\n`;
}

const TRACEBACK = (line: number) =>
  `Traceback (most recent call last):\n  File "solution.py", line ${line}, in <module>\n    main()\n  File "solution.py", line ${line - 3}, in main\n    print(solve(data))\nValueError: invalid literal for int() with base 10: ''`;

function judgeTests(tests: SyntheticTest[], kind: PublicVerdict, random: RandomSource, stopOnFailure: boolean) {
  const failing = new Set<number>();
  if (kind !== "OK") {
    failing.add(randomInt(random, tests.length));
    for (let i = 0; i < tests.length; i++) if (random() < 0.3) failing.add(i);
  }
  const results: object[] = [];
  for (let i = 0; i < tests.length; i++) {
    const verdict = failing.has(i) ? kind : "OK";
    const stdout = verdict === "OK" ? tests[i].output : verdict === "WRONG_ANSWER" ? wrongOutput(tests[i].output, random) : "";
    results.push({
      index: i,
      verdict,
      timeMs: verdict === "TIME_LIMIT" ? 10_000 : 18 + randomInt(random, 60),
      cpuMs: verdict === "TIME_LIMIT" ? 9_990 : 10 + randomInt(random, 40),
      peakMemoryBytes: verdict === "MEMORY_LIMIT" ? 1024 ** 3 : (9 + randomInt(random, 20)) * 1024 * 1024,
      exitCode: verdict === "OK" || verdict === "WRONG_ANSWER" ? 0 : verdict === "RUNTIME_ERROR" ? 1 : null,
      signal: verdict === "TIME_LIMIT" || verdict === "MEMORY_LIMIT" ? 9 : null,
      stdoutHead: stdout,
      stdoutTail: "",
      stdoutBytes: stdout.length,
      stdoutTruncated: false,
      stderrHead: verdict === "RUNTIME_ERROR" ? TRACEBACK(40) : "",
      stderrTail: "",
      stderrBytes: verdict === "RUNTIME_ERROR" ? TRACEBACK(40).length : 0,
      stderrTruncated: false,
    });
    if (stopOnFailure && verdict !== "OK") break;
  }
  return { results, failing: [...failing].sort((a, b) => a - b) };
}

function feedbackFor(tests: SyntheticTest[], results: object[]): string {
  const bullets = (results as { index: number; verdict: string; stdoutHead: string; stderrHead: string }[])
    .filter((r) => r.verdict !== "OK")
    .map((r) => {
      const input = tests[r.index].input;
      if (r.verdict === "WRONG_ANSWER")
        return `- input \`${input}\` failed:\nExpected output \`${tests[r.index].output}\` but got \`${r.stdoutHead}\``;
      if (r.verdict === "RUNTIME_ERROR") return `- input \`${input}\` failed:\n${r.stderrHead}`;
      if (r.verdict === "TIME_LIMIT") return `- input \`${input}\` failed: Execution took too long.`;
      return `- input \`${input}\` failed: Out of memory.`;
    });
  return `Your code failed the following tests:\n\n${bullets.join("\n")}\n\nGive it another try.\n${BACKTICKS}`;
}

/** One rollout of up to turnLimit attempts with everything the episode page shows. */
export function makeEpisode(
  random: RandomSource,
  problem: { description: string; publicTests: SyntheticTest[]; privateTests: SyntheticTest[]; generatedTests: SyntheticTest[] },
  shape: EpisodeShape,
): SyntheticEpisode {
  const publicTests = shape.publicTestsOverride ?? problem.publicTests;
  const judged = [...publicTests, ...problem.privateTests, ...problem.generatedTests];
  const messages: { role: string; content: string }[] = [
    {
      role: "user",
      content: `Provide a Python solution for the following competitive programming question: ${problem.description}.\n\n${BACKTICKS}`,
    },
  ];
  const turns: SyntheticTurn[] = [];
  let previousCode: string | null = null;
  let solved = false;
  for (let t = 0; t < shape.turnLimit; t++) {
    const isLast = t === shape.turnLimit - 1;
    const invalid = random() < shape.invalidCodeRate;
    const code: string | null = invalid
      ? null
      : previousCode === null
        ? makeProgram(random, shape.programLines)
        : random() < 0.06
          ? previousCode
          : mutateProgram(random, previousCode, 0.5);
    const passes = !invalid && random() < Math.min(0.95, shape.passChance * (1 + 0.35 * t));
    const kind: PublicVerdict = invalid ? "INVALID_CODE" : passes ? "OK" : pickFailure(random);
    const pub = invalid ? { results: [], failing: [] } : judgeTests(publicTests, kind, random, false);
    const reply = invalid
      ? "I think the answer is to take the maximum and multiply it by n, which is straightforward."
      : `Here is my ${t === 0 ? "solution" : "corrected solution"}. ${t === 0 ? "It reads the input and" : "I fixed the issue the failing test revealed; it now"} computes the answer directly.\n\n\`\`\`python\n${code}\n\`\`\`\n\nThe complexity is O(n).`;
    const ends = passes || isLast;
    let finalResults: object | null = null;
    if (ends) {
      const privateFails = !passes || random() < shape.privateFailChance;
      solved = !privateFails;
      if (invalid) finalResults = { solved: false, verdict: "WRONG_ANSWER", results: [], passed: 0, total: judged.length };
      else {
        const finalKind: PublicVerdict = solved ? "OK" : passes ? pickFailure(random) : kind;
        const run = judgeTests(judged, finalKind, random, true);
        if (!solved && passes) {
          // the public tests passed, so the failure the judge stops at is a hidden test
          const at = publicTests.length + randomInt(random, Math.max(1, judged.length - publicTests.length));
          run.results = (run.results as { index: number; verdict: string }[]).slice(0, at).map((r) => ({ ...r, verdict: "OK" }));
          run.results.push({ ...(judgeTests([judged[at]], finalKind, random, true).results[0] as object), index: at });
        }
        const passed = (run.results as { verdict: string }[]).filter((r) => r.verdict === "OK").length;
        finalResults = { solved, verdict: solved ? "OK" : finalKind, results: run.results, passed, total: judged.length };
      }
    }
    const terminal = ends ? (solved ? 1 : -1) : 0;
    const invalidPenalty = invalid && !isLast && !ends ? -0.2 : 0;
    const kl = -Math.round(random() * 0.02 * 1e4) / 1e4;
    const feedback = ends
      ? null
      : invalid
        ? `Your reply did not contain a code block.\n\nGive it another try.\n${BACKTICKS}`
        : feedbackFor(publicTests, pub.results);
    const comparable = code !== null && previousCode !== null;
    turns.push({
      index: t,
      extractionRule: invalid ? "none" : "python_fence",
      publicVerdict: kind,
      publicPassed: invalid ? 0 : publicTests.length - pub.failing.length,
      publicTotal: publicTests.length,
      reward: terminal + invalidPenalty + kl,
      rewardParts: { terminal, invalidCode: invalidPenalty, kl, total: terminal + invalidPenalty + kl },
      promptTokens: 300 + 250 * t,
      completionTokens: 120 + randomInt(random, 400),
      latencyMs: 400 + randomInt(random, 3000),
      codeChange: comparable ? 1 - chrf(code!, previousCode!) : null,
      identicalToPrevious: comparable ? code === previousCode : null,
      messages: messages.slice(),
      reply,
      code,
      testResults: pub.results,
      feedback,
      finalResults,
    });
    messages.push({ role: "assistant", content: reply });
    if (feedback) messages.push({ role: "user", content: feedback });
    if (code !== null) previousCode = code;
    if (ends) break;
  }
  const last = turns[turns.length - 1];
  const firstFailure = turns.find((t) => t.publicVerdict !== "OK");
  return {
    turns,
    turnsUsed: turns.length,
    finalReward: turns.reduce((s, t) => s + t.rewardParts.total, 0),
    solved,
    passedPublic: last.publicVerdict === "OK",
    invalidCode: turns.some((t) => t.code === null),
    firstErrorKind: firstFailure?.publicVerdict ?? null,
    solvedAtTurn: solved ? turns.length : null,
    outcome: {
      problemId: "",
      sampleIndex: 0,
      solved,
      passedPublic: last.publicVerdict === "OK",
      errored: false,
      turns: turns.map((t, i) => ({
        index: i,
        hasCode: t.code !== null,
        publicVerdict: t.publicVerdict,
        solvedIfSubmitted: i === turns.length - 1 ? solved : undefined,
        code: t.code ?? undefined,
      })),
    },
  };
}
