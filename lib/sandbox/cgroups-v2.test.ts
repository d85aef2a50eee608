import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The cgroup v2 path, on a directory laid out as a v2 hierarchy (this machine has v1, CI may have
 * either): which files the limits go to and where the OOM count comes from. The kernel side (that
 * the limits hold) is memory-cgroup.int.test.ts on whichever hierarchy the machine has.
 */
const isRoot = process.getuid?.() === 0;
let root: string;

async function cgroupsAt(controllers: string) {
  writeFileSync(path.join(root, "cgroup.controllers"), controllers);
  process.env.RLEF_SANDBOX_CGROUP_ROOT = root;
  vi.resetModules();
  return import("./cgroups");
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "rlef-cgroup-v2-"));
});
afterEach(() => {
  delete process.env.RLEF_SANDBOX_CGROUP_ROOT;
  rmSync(root, { recursive: true, force: true });
});

describe.runIf(isRoot)("cgroup v2", () => {
  it("enables memory and pids for our group, sets memory.max, memory.swap.max and pids.max, counts OOM kills from memory.events", async () => {
    const { detectCgroups, SlotCgroup } = await cgroupsAt("cpuset cpu io memory hugetlb pids rdma misc\n");
    expect(detectCgroups()).toEqual({ mode: "v2", reason: null });
    expect(readFileSync(path.join(root, "rlef-sandbox", "cgroup.subtree_control"), "utf8")).toBe("+memory +pids");

    const slot = SlotCgroup.create("uid-61000")!;
    const dir = path.join(root, "rlef-sandbox", "uid-61000");
    expect(slot.mode).toBe("v2");
    expect(slot.joinFds).toHaveLength(1); // one hierarchy: one cgroup.procs to join
    expect(existsSync(path.join(dir, "cgroup.procs"))).toBe(true);

    slot.apply({ memoryBytes: 300 << 20, processes: 64 });
    const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
    expect([read("memory.max"), read("memory.swap.max"), read("pids.max")]).toEqual([String(300 << 20), "0", "64"]);
    writeFileSync(path.join(dir, "memory.max"), "unchanged");
    slot.apply({ memoryBytes: 300 << 20, processes: 64 });
    expect(read("memory.max")).toBe("unchanged"); // same limits: no write per submission
    slot.apply({ memoryBytes: 200 << 20, processes: 32 });
    expect([read("memory.max"), read("pids.max")]).toEqual([String(200 << 20), "32"]);

    writeFileSync(path.join(dir, "memory.events"), "low 0\nhigh 0\nmax 9\noom 3\noom_kill 2\noom_group_kill 0\n");
    writeFileSync(path.join(dir, "memory.current"), "1234567\n");
    expect(slot.oomKills()).toBe(2);
    expect(slot.usageBytes()).toBe(1234567);
    slot.close();
  });

  it("without the pids controller there are no cgroups, and the reason says so", async () => {
    const { detectCgroups, cgroupNotice } = await cgroupsAt("cpu io memory\n");
    expect(detectCgroups()).toEqual({ mode: null, reason: `cgroup v2 at ${root} lacks the memory or pids controller` });
    expect(cgroupNotice()).toMatch(/^sandbox without a memory cgroup \(cgroup v2 at .* lacks the memory or pids controller\)/);
  });
});
