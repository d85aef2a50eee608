import { afterAll, describe, expect, it } from "vitest";
import { judgeSubmission } from "./judge-submission";
import { SandboxPool } from "./pool";
import { livingProcesses } from "./uid-processes";

// Issue 12.2: a failure of the sandbox that the program did not cause is
// retried in a fresh sandbox, never the program's verdict nor a silent exclusion.
const pool = new SandboxPool({ concurrency: 1, uidBase: 63600 + (process.pid % 200) * 2, prewarm: false });
afterAll(() => pool.close());

describe.runIf(process.getuid?.() === 0)("fast engine retries", () => {
  it("reruns the tests from the one whose sandbox died, in a fresh sandbox", async () => {
    const [supervisorUid] = pool.uids;
    // First a submission that makes the slot's user namespace (its helper also runs as that uid).
    await judgeSubmission({ code: "print(1)\n", language: "python3", tests: [{ input: "", output: "1\n" }], mode: "all" }, { pool });
    let killed = 0;
    // While the first test sleeps, kill the sandbox from outside (as a host OOM kill or a bug would).
    const killer = setInterval(() => {
      if (killed > 0) return;
      const supervisor = livingProcesses(supervisorUid).find((p) => p.command.startsWith("python"));
      if (!supervisor) return;
      process.kill(supervisor.pid, "SIGKILL");
      killed++;
    }, 20);
    const result = await judgeSubmission(
      {
        code: "import time\nn = int(input())\nif n == 1:\n    time.sleep(0.5)\nprint(n * 2)\n",
        language: "python3",
        tests: [1, 2, 3, 4].map((n) => ({ input: `${n}\n`, output: `${n * 2}\n` })),
        timeLimitMs: 3000,
        mode: "all",
        engine: "fast",
      },
      { pool },
    );
    clearInterval(killer);
    expect(killed, JSON.stringify(result.tests.map((t) => t.sandboxError ?? t.verdict))).toBe(1);
    expect(
      result.tests.map((t) => [t.index, t.verdict]),
      JSON.stringify(result.tests.map((t) => t.sandboxError ?? t.verdict)),
    ).toEqual([
      [0, "OK"],
      [1, "OK"],
      [2, "OK"],
      [3, "OK"],
    ]);
  });
});
