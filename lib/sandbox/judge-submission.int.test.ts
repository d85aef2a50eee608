import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SandboxUnavailableError } from "./bwrap";
import { judgeSubmission } from "./judge-submission";
import { SandboxPool } from "./pool";
import type { JudgeEngine, JudgeRequest } from "./types";

const pool = new SandboxPool({ concurrency: 2, uidBase: 58000 + (process.pid % 500) * 2 });
afterAll(() => pool.close()); // stop the standby sandboxes (and their work dirs)
const saved = { ...process.env };
afterEach(() => {
  for (const key of ["RLEF_BWRAP", "RLEF_SANDBOX_TMPDIR"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const doubling: Omit<JudgeRequest, "mode"> = {
  code: "n = int(input())\nprint(n * 2 if n != 3 else 0)\n",
  language: "python3",
  tests: [1, 2, 3, 4].map((n) => ({ input: `${n}\n`, output: `${n * 2}\n` })),
};
const engines: JudgeEngine[] = ["fast", "plain"];

describe("judgeSubmission", () => {
  it.each(engines)("summarises run-all and stop-on-first-failure (%s)", async (engine) => {
    const all = await judgeSubmission({ ...doubling, mode: "all", engine }, { pool });
    expect(all).toMatchObject({ verdict: "WRONG_ANSWER", passed: 3, total: 4, skipped: 0, engine, sandboxed: true });
    expect(all.tests.map((t) => t.verdict)).toEqual(["OK", "OK", "WRONG_ANSWER", "OK"]);
    const stop = await judgeSubmission({ ...doubling, mode: "stop-on-first-failure", engine }, { pool });
    expect(stop).toMatchObject({ verdict: "WRONG_ANSWER", passed: 2, total: 4, skipped: 1 });
    expect(stop.tests.map((t) => t.index)).toEqual([0, 1, 2]);
  });

  it("refuses to run without bubblewrap, naming the package", async () => {
    process.env.RLEF_BWRAP = "/nonexistent/bwrap";
    const attempt = judgeSubmission({ ...doubling, mode: "all" }, { pool });
    await expect(attempt).rejects.toBeInstanceOf(SandboxUnavailableError);
    await expect(judgeSubmission({ ...doubling, mode: "all" }, { pool })).rejects.toThrow(/package `bubblewrap`/);
  });

  it.each(engines)("--unsafe-no-sandbox runs the program unisolated and says so (%s)", async (engine) => {
    process.env.RLEF_BWRAP = "/nonexistent/bwrap";
    const result = await judgeSubmission({ ...doubling, mode: "all", engine, unsafeNoSandbox: true }, { pool });
    expect(result).toMatchObject({ sandboxed: false, passed: 3, verdict: "WRONG_ANSWER" });
    const daemon = await judgeSubmission(
      {
        code: "import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(30)\nprint('ok')\n",
        language: "python3",
        tests: [{ input: "", output: "ok" }],
        mode: "all",
        engine,
        unsafeNoSandbox: true,
        timeLimitMs: 2000,
      },
      { pool },
    );
    expect(daemon.verdict).toBe("OK");
  });

  it.runIf(process.getuid?.() === 0).each(engines)(
    "a sandbox that cannot start is SANDBOX_ERROR, not the program's fault (%s)",
    async (engine) => {
      // The slot's uid cannot enter a private temp dir, so bwrap cannot mount the code.
      const privateDir = mkdtempSync(path.join(os.tmpdir(), "rlef-private-"));
      chmodSync(privateDir, 0o700);
      process.env.RLEF_SANDBOX_TMPDIR = privateDir;
      try {
        const result = await judgeSubmission({ ...doubling, mode: "all", engine }, { pool });
        expect(result.verdict).toBe("SANDBOX_ERROR");
        expect(result.tests.length).toBeGreaterThan(0);
        expect(result.tests.every((t) => t.verdict === "SANDBOX_ERROR" && /Permission denied|start/.test(t.sandboxError ?? ""))).toBe(true);
      } finally {
        rmSync(privateDir, { recursive: true, force: true });
      }
    },
  );

  it("a syntax error is a runtime error with Python's own message, on every test", async () => {
    const result = await judgeSubmission({ code: "print(1\n", language: "python3", tests: doubling.tests, mode: "all" }, { pool });
    expect(result.tests.map((t) => t.verdict)).toEqual(["RUNTIME_ERROR", "RUNTIME_ERROR", "RUNTIME_ERROR", "RUNTIME_ERROR"]);
    expect(result.tests[0].stderrHead).toContain("SyntaxError: '(' was never closed");
  });

  it("judges concurrent submissions through one pool", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        judgeSubmission({ code: `print(${i})\n`, language: "python3", tests: [{ input: "", output: String(i) }], mode: "all" }, { pool }),
      ),
    );
    expect(results.map((r) => r.verdict)).toEqual(Array(6).fill("OK"));
  });
});
