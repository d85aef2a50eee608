import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_PROGRAMS } from "./hostile-programs";
import { HARDENING_PROGRAMS } from "./hostile-programs-hardening";
import { judgeSubmission } from "./judge-submission";
import { SandboxPool } from "./pool";
import { livingProcesses } from "./uid-processes";

const LIMIT_MS = 1000;
/** Every program runs on a problem with four tests, so what one test leaves behind shows in the next. */
const TESTS = 4;
// The acceptance margin. On a machine that other work keeps saturated, kills
// and 64 MiB relays can run late; RLEF_HOSTILE_MARGIN_MS widens it there.
const MARGIN_MS = Number(process.env.RLEF_HOSTILE_MARGIN_MS ?? 100);
const MEMORY_BYTES = 256 * 1024 ** 2;
// The test process's own resident memory, module graph included:
// bounded means a 1 GB output or input never lands in it, whatever the programs do.
const RSS_LIMIT_BYTES = 384 * 1024 ** 2;
// A uid range of our own, so "no surviving process" cannot see other runs' sandboxes.
// No standby sandbox: after each judgement nothing of ours may be left running.
const pool = new SandboxPool({ concurrency: 1, uidBase: 62000 + (process.pid % 1000) * 2, prewarm: false });
const isRoot = process.getuid?.() === 0;

let tmpdir: string;
let savedTmpdir: string | undefined;
let maxRss = 0;
let sampler: NodeJS.Timeout;

beforeAll(() => {
  savedTmpdir = process.env.TMPDIR;
  tmpdir = mkdtempSync(path.join(os.tmpdir(), "rlef-hostile-"));
  chmodSync(tmpdir, 0o711); // bwrap runs as the slot uid and must reach the workdirs
  process.env.TMPDIR = tmpdir; // our workdirs go here, so leftovers are visible
  process.env.RLEF_HOSTILE_SECRET = "do-not-leak";
  process.env.DATABASE_URL ??= "postgres://secret@127.0.0.1:5432/db";
  sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage.rss())), 10);
});

afterAll(() => {
  clearInterval(sampler);
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(tmpdir, { recursive: true, force: true });
});

const cases = [...HOSTILE_PROGRAMS, ...HARDENING_PROGRAMS].flatMap((program) =>
  (program.engines ?? (["fast", "plain"] as const)).map((engine) => ({ program, engine })),
);

describe("hostile programs", () => {
  it.each(cases)("$program.name ($engine)", async ({ program, engine }) => {
    const startedAt = performance.now();
    const limitMs = program.timeLimitMs ?? LIMIT_MS;
    const result = await judgeSubmission(
      {
        code: program.code,
        language: "python3",
        tests: Array.from({ length: TESTS }, (_, i) => ({
          input: program.inputs?.[i] ?? program.input ?? "",
          output: program.expectedOutput ?? "blocked",
        })),
        timeLimitMs: limitMs,
        memoryLimitBytes: MEMORY_BYTES,
        mode: "all",
        engine,
      },
      { pool },
    );
    expect(result.tests).toHaveLength(TESTS);
    for (const test of result.tests) {
      const detail = JSON.stringify({
        ...test,
        stdoutHead: test.stdoutHead.slice(0, 300),
        stdoutTail: test.stdoutTail.slice(-300),
        stderrHead: test.stderrHead.slice(0, 300),
        stderrTail: test.stderrTail.slice(-500),
      });
      expect(program.verdicts, `test ${test.index}: ${detail}`).toContain(test.verdict);
      expect(test.timeMs, `test ${test.index}: ${detail}`).toBeLessThanOrEqual(limitMs + MARGIN_MS);
    }
    expect(performance.now() - startedAt).toBeLessThan(TESTS * (limitMs + 1_000) + 5_000);
    // Nothing of the test outlives the call, on the host or in our temp dir.
    for (const uid of pool.allUids) expect(livingProcesses(uid)).toEqual([]);
    expect(readdirSync(tmpdir)).toEqual([]);
    for (const file of ["/root/rlef-hostile-pwned", "/etc/rlef-hostile-pwned", "/tmp/fill", "/x"]) {
      expect(existsSync(file), file).toBe(false);
    }
    expect(process.memoryUsage.rss()).toBeLessThan(RSS_LIMIT_BYTES);
  });

  it("kept our resident memory under 300 MB throughout", () => {
    expect(maxRss).toBeGreaterThan(0);
    expect(maxRss).toBeLessThan(RSS_LIMIT_BYTES);
  });

  it.runIf(isRoot).each(["fast", "plain"] as const)("runs the program as its slot's unprivileged uid (%s)", async (engine) => {
    const result = await judgeSubmission(
      {
        code: "import os\nprint(os.getuid(), os.geteuid(), os.getgid(), os.getgroups())\n",
        language: "python3",
        tests: [{ input: "", output: "" }],
        mode: "all",
        engine,
      },
      { pool },
    );
    const [uid] = pool.testUids;
    expect(result.tests[0].stdoutHead.trim()).toBe(`${uid} ${uid} ${uid} []`);
  });

  it("a sandbox survives a program's kill(-1, 9) and runs the next tests", async () => {
    const result = await judgeSubmission(
      {
        code: "import os\ntry:\n    os.kill(-1, 9)\nexcept OSError:\n    pass\nprint(int(input()) * 2)\n",
        language: "python3",
        tests: [1, 2, 3].map((n) => ({ input: `${n}\n`, output: `${n * 2}\n` })),
        timeLimitMs: LIMIT_MS,
        mode: "all",
      },
      { pool },
    );
    expect(result.tests.map((t) => t.verdict)).toEqual(["OK", "OK", "OK"]);
  });
});
