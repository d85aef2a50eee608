import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { detectCgroups } from "./cgroups";
import { judgeSubmission } from "./judge-submission";
import { SandboxPool } from "./pool";

// Issue 12.1's acceptance: 1 GiB held through memfd and through SysV shm
// (pages RLIMIT_AS never sees) under a 256 MiB limit is MEMORY_LIMIT, the host
// never holds more than the limit for it, and it is all back after the verdict.
const MiB = 1024 ** 2;
const LIMIT = 256 * MiB;
const HOARD = `import ctypes, os, sys
how = sys.stdin.readline().strip()
size = 32 << 20
if how == "memfd":
    chunk = b"m" * size
    fds = [os.memfd_create("hoard") for _ in range(32)]
    for fd in fds:
        os.write(fd, chunk)
else:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.shmat.restype = ctypes.c_void_p
    for _ in range(32):
        sid = libc.shmget(0, ctypes.c_size_t(size), 0o1600)
        addr = libc.shmat(sid, None, 0)
        ctypes.memset(addr, 1, size)
        libc.shmdt(ctypes.c_void_p(addr))
print("held 1 GiB")
`;

/** System-wide shared memory (shmem, tmpfs, memfd and SysV pages), from /proc/meminfo. */
function shmemBytes(): number {
  return Number(/^Shmem:\s+(\d+) kB/m.exec(readFileSync("/proc/meminfo", "utf8"))?.[1] ?? 0) * 1024;
}

const pool = new SandboxPool({ concurrency: 1, uidBase: 63000 + (process.pid % 500) * 2, prewarm: false });
afterAll(() => pool.close());

describe.runIf(detectCgroups().mode !== null)("memory cgroup", () => {
  it.each(["fast", "plain"] as const)(
    "1 GiB in memfd and SysV shm under 256 MiB is MEMORY_LIMIT and the host gets it back (%s)",
    async (engine) => {
      const before = shmemBytes();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, shmemBytes())), 5);
      const result = await judgeSubmission(
        {
          code: HOARD,
          language: "python3",
          tests: ["memfd", "shm", "memfd", "shm"].map((how) => ({ input: `${how}\n`, output: "held 1 GiB\n" })),
          timeLimitMs: 10_000,
          memoryLimitBytes: LIMIT,
          mode: "all",
          engine,
        },
        { pool },
      );
      clearInterval(sampler);
      expect(result.tests.map((t) => t.verdict)).toEqual(["MEMORY_LIMIT", "MEMORY_LIMIT", "MEMORY_LIMIT", "MEMORY_LIMIT"]);
      // The cgroup's limit (memory limit + 32 MiB slack) bounds what the host ever held for it.
      expect(peak - before).toBeLessThan(LIMIT + 96 * MiB);
      // SysV segments die with the test's IPC namespace, memfds with their last holder (asynchronously: wait a little).
      const deadline = performance.now() + 5_000;
      while (shmemBytes() - before > 32 * MiB && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(shmemBytes() - before).toBeLessThan(32 * MiB);
    },
  );
});
