import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import type { RestartPolicy } from "./restart-policy";
import { Supervisor } from "./supervisor";

// Real child processes (a node that sleeps), killed with SIGKILL as the OOM killer would.
const sleeper = () =>
  new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1e6)"], { stdio: "ignore" });
    child.once("spawn", () => resolve(child));
    child.once("error", reject);
  });
const fast: RestartPolicy = { initialDelayMs: 50, maxDelayMs: 200, healthyAfterMs: 60_000, maxRapidRestarts: 3 };
const until = async (fn: () => boolean, ms = 10_000) => {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};
const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

let supervisor: Supervisor | null = null;
afterEach(async () => {
  await supervisor?.stop();
  supervisor = null;
});

describe("Supervisor", () => {
  it("restarts a child killed with SIGKILL, with a new pid, and says so", async () => {
    const lines: string[] = [];
    supervisor = new Supervisor(
      fast,
      (l) => lines.push(l),
      () => {
        throw new Error("gave up");
      },
    );
    await supervisor.add({ name: "web", start: sleeper });
    const first = supervisor.pids().web!;
    process.kill(first, "SIGKILL");
    await until(() => supervisor!.pids().web !== undefined && supervisor!.pids().web !== first);
    expect(lines[0]).toMatch(/^the web was killed by SIGKILL; restarting it in 0\.1 s/);
    expect(lines[1]).toBe(`the web is back (pid ${supervisor.pids().web})`);
  });

  it("gives up after maxRapidRestarts deaths in a row, and at once with a limit of 0", async () => {
    for (const limit of [2, 0]) {
      let gaveUp = "";
      supervisor = new Supervisor(
        { ...fast, maxRapidRestarts: limit },
        () => {},
        (_name, reason) => {
          gaveUp = reason;
        },
      );
      await supervisor.add({ name: "worker", start: sleeper });
      for (let i = 0; i <= limit; i++) {
        await until(() => supervisor!.pids().worker !== undefined);
        process.kill(supervisor.pids().worker!, "SIGKILL");
        await until(() => supervisor!.pids().worker === undefined);
      }
      await until(() => gaveUp !== "");
      expect(gaveUp).toMatch(limit ? /giving up after 2 restarts in a row/ : /restarts are off: RLEF_RESTART_LIMIT=0/);
      await supervisor.stop();
    }
  });

  it("stop() ends every child, also when one of them had died (the old shutdown waited forever for it)", async () => {
    supervisor = new Supervisor(
      { ...fast, initialDelayMs: 60_000 },
      () => {},
      () => {},
    );
    await supervisor.add({ name: "database", start: sleeper, stopLast: true });
    await supervisor.add({ name: "web", start: sleeper });
    const { database, web } = supervisor.pids();
    process.kill(web!, "SIGKILL");
    await until(() => supervisor!.pids().web === undefined);
    await supervisor.stop(); // the restart scheduled in 60 s is cancelled
    expect([gone(database!), gone(web!)]).toEqual([true, true]);
  });
});
