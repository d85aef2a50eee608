import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseProblemObject } from "../problems/parse-problem-object";
import { judgeSubmission } from "./judge-submission";
import { SandboxPool } from "./pool";
import type { JudgeEngine } from "./types";

const DATASET = path.resolve(import.meta.dirname, "../problems/demo-dataset/demo.jsonl");
const problems = existsSync(DATASET)
  ? readFileSync(DATASET, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => parseProblemObject(JSON.parse(line)))
  : [];
const pool = new SandboxPool({ concurrency: 2, uidBase: 59000 + (process.pid % 500) * 2 });
afterAll(() => pool.close()); // stop the standby sandboxes (and their work dirs)

describe.skipIf(problems.length === 0)("demo dataset: reference solutions pass, wrong ones fail, both engines agree", () => {
  it.concurrent.each(problems.map((p) => [p.name, p] as const))("%s", async (_, problem) => {
    const tests = [...problem.publicTests, ...problem.privateTests, ...problem.generatedTests];
    // Wrong solutions stop at their first failure (as the final judge does): most fail by timing out.
    const judge = (code: string, engine: JudgeEngine, correct: boolean) =>
      judgeSubmission(
        {
          code,
          language: "python3",
          tests,
          timeLimitMs: problem.timeLimitMs ?? undefined,
          memoryLimitBytes: problem.memoryLimitBytes ?? undefined,
          mode: correct ? "all" : "stop-on-first-failure",
          engine,
        },
        { pool },
      );
    const solutions = [
      ...problem.referenceSolutions.map((s) => ({ ...s, correct: true })),
      ...problem.wrongSolutions.map((s) => ({ ...s, correct: false })),
    ].filter((s) => /python/i.test(s.language));
    expect(solutions.some((s) => s.correct)).toBe(true);
    for (const solution of solutions) {
      const label = `${solution.correct ? "reference" : "wrong"} solution`;
      const fast = await judge(solution.code, "fast", solution.correct);
      const plain = await judge(solution.code, "plain", solution.correct);
      expect(fast.verdict, label).toBe(plain.verdict);
      if (solution.correct) expect(fast.verdict, label).toBe("OK");
      else expect(fast.verdict, label).not.toBe("OK");
      // Per test, identical verdicts; the one allowed difference is wall-clock
      // luck on a shared machine: a test that used a good part of its time
      // limit may time out under one engine only (plain also pays the
      // interpreter start inside the limit).
      const limit = problem.timeLimitMs ?? 10_000;
      const ran = Math.min(fast.tests.length, plain.tests.length);
      for (let i = 0; i < ran; i++) {
        const [a, b] = [fast.tests[i], plain.tests[i]];
        if (a.verdict === b.verdict) continue;
        const timing =
          (a.verdict === "TIME_LIMIT" || b.verdict === "TIME_LIMIT") && Math.max(a.cpuMs ?? 0, a.timeMs, b.timeMs) >= 0.25 * limit;
        expect(timing, `${label}, test ${i}: fast ${a.verdict} (${a.timeMs} ms) vs plain ${b.verdict} (${b.timeMs} ms)`).toBe(true);
      }
    }
  });
});
