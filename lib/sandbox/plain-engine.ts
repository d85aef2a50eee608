import { spawn } from "node:child_process";
import { open, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import { bwrapArgs } from "./bwrap";
import { classifyVerdict, sandboxErrorResult, toTestResult, type RunObservation } from "./classify-verdict";
import { emptyEnv, testIdentity, TestOutput, type EngineContext } from "./engine-context";
import type { ResolvedLimits } from "./limits";
import { readSandboxSource } from "./sandbox-source";
import type { TestResult } from "./types";
import { waitForProcessHeadroom, waitUntilGone } from "./uid-processes";
import { createWorkdir, type Workdir } from "./workdir";

/**
 * The reference path: a fresh sandbox and a fresh `python3 solution.py` per
 * test, stdin from a regular file (as DeepMind's executor and the fast path
 * give it), rlimits set by prlimit(1) before bwrap starts. CPU time and peak
 * memory are not measurable from here and are reported as null.
 */
export async function runPlainEngine(ctx: EngineContext): Promise<TestResult[]> {
  const workdir = await createWorkdir(ctx.code);
  try {
    const results: TestResult[] = [];
    for (let index = 0; index < ctx.tests.length; index++) {
      let result: TestResult;
      try {
        result = await runOne(ctx, workdir, index);
      } catch (err) {
        result = sandboxErrorResult(index, `plain engine: ${(err as Error).message}`);
      }
      results.push(result);
      if (ctx.mode === "stop-on-first-failure" && result.verdict !== "OK") break;
    }
    return results;
  } finally {
    await workdir.cleanup();
  }
}

function prlimitArgs(limits: ResolvedLimits): string[] {
  return [
    `--as=${limits.memoryLimitBytes + limits.addressSpaceSlackBytes}`,
    `--cpu=${limits.cpuLimitSeconds}:${limits.cpuLimitSeconds + 1}`,
    `--fsize=${limits.fileSizeLimitBytes}`,
    `--nofile=${limits.openFilesLimit}`,
    `--nproc=${limits.processLimit}`,
    "--core=0",
  ];
}

/**
 * The program starts through _rlef_plain_init.py (passed with -c: nothing to
 * mount): every inherited descriptor but 0/1/2 closed, and, sandboxed, a
 * non-dumpable PID 1 of ours in place of bwrap's traceable monitor.
 */
/** Read on first use, not at import: the web bundle imports this module but never runs a program. */
function plainInitSource(): string {
  return readSandboxSource("_rlef_plain_init.py");
}

/** Where the slot's cgroup.procs fds sit for the wrapper (cgroups.ts). */
const JOIN_FD = 4;

function command(ctx: EngineContext, workdir: Workdir): { file: string; args: string[] } {
  const init = (mode: "pid1" | "exec") => [ctx.runtime.executable, "-I", "-S", "-c", plainInitSource(), mode];
  const limited =
    ctx.bwrap === null
      ? ["prlimit", ...prlimitArgs(ctx.limits), "--", ...init("exec")]
      : [
          "prlimit",
          ...prlimitArgs(ctx.limits),
          "--",
          ctx.bwrap,
          "--json-status-fd",
          "3",
          ...bwrapArgs({ runtime: ctx.runtime, codeDir: workdir.codeDir, asPid1: true, command: init("pid1") }),
        ];
  const joins = ctx.resources.cgroup?.joinFds ?? [];
  if (joins.length === 0) return { file: limited[0], args: limited.slice(1) };
  // The sandbox joins the slot's cgroups before anything of it starts, then the fds are closed.
  const fds = joins.map((_, i) => JOIN_FD + i);
  const script = `${fds.map((fd) => `echo 0 >&${fd}`).join(" && ")} && exec "$@" ${fds.map((fd) => `${fd}>&-`).join(" ")}`;
  return { file: "/bin/sh", args: ["-c", script, "sh", ...limited] };
}

async function runOne(ctx: EngineContext, workdir: Workdir, index: number): Promise<TestResult> {
  const test = ctx.tests[index];
  if (ctx.slot.testUid !== null) await waitForProcessHeadroom(ctx.slot.testUid, Math.floor(ctx.limits.processLimit / 2));
  const stdinPath = workdir.stdinPath(index);
  await writeFile(stdinPath, test.input, { mode: 0o600 });
  const stdin = await open(stdinPath, "r");
  try {
    return await execute(ctx, workdir, index, stdin.fd);
  } finally {
    await stdin.close();
    await unlink(stdinPath).catch(() => {});
  }
}

function execute(ctx: EngineContext, workdir: Workdir, index: number, stdinFd: number): Promise<TestResult> {
  const { limits } = ctx;
  const output = new TestOutput(ctx.tests[index].output);
  const { file, args } = command(ctx, workdir);
  const started = performance.now();
  const cgroup = ctx.resources.cgroup;
  const oomKillsBefore = cgroup?.oomKills() ?? 0;
  const child = spawn(file, args, {
    stdio: [stdinFd, "pipe", "pipe", ctx.bwrap === null ? "ignore" : "pipe", ...(cgroup?.joinFds ?? [])],
    env: emptyEnv(),
    cwd: workdir.codeDir,
    detached: ctx.bwrap === null,
    ...testIdentity(ctx.slot),
  });
  let timedOut = false;
  let outputLimited: "stdout" | "stderr" | null = null;
  const kill = () => {
    if (ctx.bwrap === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }
    child.kill("SIGKILL");
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, limits.timeLimitMs);
  // Past the cap the test ends at once; only the bytes up to it are kept.
  const relay = (stream: "stdout" | "stderr", chunk: Buffer) => {
    if (outputLimited) return;
    const cap = stream === "stdout" ? limits.stdoutLimitBytes : limits.stderrLimitBytes;
    const room = cap - output[stream].bytes;
    const kept = chunk.length > room ? chunk.subarray(0, Math.max(0, room)) : chunk;
    if (stream === "stdout") output.pushStdout(kept);
    else output.pushStderr(kept);
    if (chunk.length > room) {
      outputLimited = stream;
      kill();
    }
  };
  let status = "";
  child.stdio[3]?.on("data", (chunk: Buffer) => (status += chunk.toString()));
  child.stdout!.on("data", (chunk: Buffer) => relay("stdout", chunk));
  child.stderr!.on("data", (chunk: Buffer) => relay("stderr", chunk));
  // The test ends when its process does; the namespace's teardown (a fork
  // bomb's 64 processes) may hold the pipes a little longer.
  let endedAt = 0;
  child.once("exit", () => {
    endedAt = performance.now();
    clearTimeout(timer); // the test is over when its process is
    // Unsandboxed, a daemon the program left behind may hold the pipes open
    // (sandboxed, the namespace's teardown closes them): stop reading.
    if (ctx.bwrap === null) {
      setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, UNSANDBOXED_EXIT_GRACE_MS).unref();
    }
  });
  return new Promise((resolve) => {
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve(sandboxErrorResult(index, `cannot start ${file}: ${err.message}`));
    });
    child.on("close", async (code, signalName) => {
      clearTimeout(timer);
      const timeMs = (endedAt || performance.now()) - started;
      await sandboxGone(status);
      // bwrap reports "exit-code" only when the command ran: without it (and
      // without our own kill) the sandbox failed to start, which is our fault.
      const ran = /"exit-code"/.test(status);
      if (ctx.bwrap !== null && !ran && !timedOut && outputLimited === null) {
        const why = (output.stderr.headText() + output.stderr.tailText()).trim() || `bwrap exited with ${code ?? signalName}`;
        resolve(sandboxErrorResult(index, `sandbox failed to start: ${why}`, Math.round(timeMs)));
        return;
      }
      // bwrap reports a signal death of its command as exit status 128+N.
      let exitCode = code;
      let signal = signalName ? signalNumber(signalName) : null;
      if (ctx.bwrap !== null && !timedOut && outputLimited === null && code !== null && code > 128 && code < 160) {
        signal = code - 128;
        exitCode = null;
      }
      const run: RunObservation = {
        index,
        timeMs,
        cpuMs: null,
        peakMemoryBytes: null,
        exitCode,
        signal,
        timedOut,
        outputLimited,
        memoryLimitHit: (cgroup?.oomKills() ?? 0) > oomKillsBefore,
        stdout: output.stdout,
        stderr: output.stderr,
      };
      resolve(
        toTestResult(
          run,
          classifyVerdict(run, limits, () => output.check()),
        ),
      );
    });
  });
}

const UNSANDBOXED_EXIT_GRACE_MS = 200;

/**
 * bwrap exits as soon as its PID 1 reports the command's status, before that
 * PID 1 has finished killing the rest of the namespace; wait for it (its
 * host pid is in --json-status-fd's JSON) so nothing of the test outlives the call.
 */
async function sandboxGone(status: string): Promise<void> {
  const pid = Number(/"child-pid":\s*(\d+)/.exec(status)?.[1]);
  if (pid) await waitUntilGone(pid);
}

function signalNumber(name: NodeJS.Signals): number {
  return os.constants.signals[name] ?? -1;
}
