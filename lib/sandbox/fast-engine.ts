import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import type { Readable, Writable } from "node:stream";
import { SANDBOX_RUNTIME_DIR, SANDBOX_SOLUTION_PATH, bwrapArgs } from "./bwrap";
import { classifyVerdict, sandboxErrorResult, toTestResult } from "./classify-verdict";
import { emptyEnv, spawnIdentity, TestOutput, type EngineContext } from "./engine-context";
import { WATCHDOG_GRACE_MS } from "./limits";
import { OutputCapture } from "./output-capture";
import {
  encodeQuitFrame,
  encodeTestFrame,
  fatalSchema,
  FrameReader,
  helloSchema,
  rawResultSchema,
  type Frame,
} from "./supervisor-protocol";
import type { TestResult } from "./types";

/**
 * The supervisor enforces every deadline: on a busy machine a test's time-limit
 * kill must not wait for a CPU. As root we raise its priority; each test child
 * drops back to our own niceness first thing (supervisor.py), so programs
 * run exactly as a plain `python3` would. Not root: nothing happens.
 */
export const SUPERVISOR_NICENESS = -5;

function prioritiseSupervisor(spawnedPid: number | undefined, sandboxed: boolean): void {
  if (spawnedPid === undefined || process.getuid?.() !== 0) return;
  let pid = spawnedPid;
  if (sandboxed) {
    // bwrap --as-pid-1: the supervisor is the one child of the bwrap we spawned.
    try {
      pid = Number(readFileSync(`/proc/${spawnedPid}/task/${spawnedPid}/children`, "utf8").trim().split(/\s+/)[0]);
    } catch {
      return;
    }
  }
  try {
    if (pid) os.setPriority(pid, Math.max(-20, os.getPriority() + SUPERVISOR_NICENESS));
  } catch {
    // Not permitted (no CAP_SYS_NICE): deadlines are then as good as the scheduler makes them.
  }
}

const STARTUP_TIMEOUT_MS = 20_000;
/** Tests queued ahead in the supervisor's stdin so it never waits for us between tests. */
const LOOKAHEAD = 2;

/**
 * The fast path: one sandbox per submission, supervisor.py as its PID 1,
 * a fork per test. Tests run one after another in test order.
 */
export function runFastEngine(ctx: EngineContext): Promise<TestResult[]> {
  return new FastSession(ctx).run();
}

class FastSession {
  private readonly results: TestResult[] = [];
  private readonly outputs = new Map<number, TestOutput>();
  private readonly supervisorStderr = new OutputCapture();
  private child!: ChildProcess;
  private current = 0;
  private sent = 0;
  private started = false;
  private finished = false;
  private timer: NodeJS.Timeout | null = null;
  private testStartedAt = 0;
  private resolve!: (results: TestResult[]) => void;
  private readonly limitsJson: string;

  constructor(private readonly ctx: EngineContext) {
    this.limitsJson = JSON.stringify({ ...ctx.limits, niceness: os.getPriority() });
  }

  run(): Promise<TestResult[]> {
    const done = new Promise<TestResult[]>((resolve) => (this.resolve = resolve));
    if (this.ctx.tests.length === 0) {
      this.resolve([]);
      return done;
    }
    this.child = this.spawnSupervisor();
    const reader = new FrameReader((frame) => this.onFrame(frame));
    this.fromSupervisor.on("data", (chunk: Buffer) => {
      try {
        reader.push(chunk);
      } catch (err) {
        this.fail(`supervisor protocol error: ${(err as Error).message}`);
      }
    });
    this.diagnostics.on("data", (chunk: Buffer) => this.supervisorStderr.push(chunk));
    this.child.stderr!.on("data", (chunk: Buffer) => this.supervisorStderr.push(chunk));
    this.toSupervisor.on("error", () => {}); // EPIPE when the sandbox dies; reported through "exit"
    this.child.on("error", (err) => this.fail(`cannot start the sandbox: ${err.message}`));
    this.child.on("exit", (code, signal) => {
      if (!this.finished) this.fail(`sandbox exited unexpectedly (code ${code}, signal ${signal})`);
    });
    this.arm(STARTUP_TIMEOUT_MS, "the sandbox did not start");
    return done;
  }

  // supervisor.py's fds: 3 = frames to it, 4 = frames from it, 5 = its diagnostics; 0-2 are the tests'.
  private get toSupervisor(): Writable {
    return this.child.stdio[3] as Writable;
  }

  private get fromSupervisor(): Readable {
    return this.child.stdio[4] as Readable;
  }

  private get diagnostics(): Readable {
    return (this.child.stdio as unknown as (Readable | Writable | null)[])[5] as Readable;
  }

  private spawnSupervisor(): ChildProcess {
    const { ctx } = this;
    const python = ctx.runtime.executable;
    const options: SpawnOptions = {
      // fd 2 carries bwrap's own errors (a mount that failed) until the first test.
      stdio: ["ignore", "ignore", "pipe", "pipe", "pipe", "pipe"],
      env: emptyEnv(),
      ...spawnIdentity(ctx.slot),
    };
    if (ctx.bwrap === null) {
      return spawn(python, [ctx.workdir.supervisorPath, ctx.workdir.solutionPath, "unsandboxed"], {
        ...options,
        cwd: ctx.workdir.codeDir,
      });
    }
    const command = [python, `${SANDBOX_RUNTIME_DIR}/supervisor.py`, SANDBOX_SOLUTION_PATH, "sandboxed"];
    const args = bwrapArgs({
      runtime: ctx.runtime,
      codeDir: ctx.workdir.codeDir,
      runtimeDir: ctx.workdir.runtimeDir,
      asPid1: true,
      command,
    });
    return spawn(ctx.bwrap, args, options);
  }

  private onFrame(frame: Frame): void {
    if (this.finished) return;
    switch (frame.type) {
      case "H":
        helloSchema.parse(JSON.parse(frame.payload.toString()));
        this.started = true;
        prioritiseSupervisor(this.child.pid, this.ctx.bwrap !== null);
        this.beginTest();
        this.sendMore();
        return;
      case "O":
        this.outputs.get(frame.index)?.pushStdout(frame.payload);
        return;
      case "E":
        this.outputs.get(frame.index)?.pushStderr(frame.payload);
        return;
      case "R":
        this.onResult(frame.index, rawResultSchema.parse(JSON.parse(frame.payload.toString())));
        return;
      case "X":
        this.fail(`supervisor: ${fatalSchema.parse(JSON.parse(frame.payload.toString())).error}`);
        return;
    }
  }

  private sendMore(): void {
    const { tests } = this.ctx;
    while (this.sent < tests.length && this.sent < this.current + LOOKAHEAD) {
      const index = this.sent++;
      for (const part of encodeTestFrame(index, Buffer.from(tests[index].input, "utf8"), this.limitsJson)) {
        if (part.length > 0) this.toSupervisor.write(part);
      }
    }
  }

  private beginTest(): void {
    // Only the running test's expected output is tokenized and held.
    this.outputs.set(this.current, new TestOutput(this.ctx.tests[this.current].output));
    this.testStartedAt = performance.now();
    this.arm(this.ctx.limits.timeLimitMs + WATCHDOG_GRACE_MS, "the supervisor stopped responding");
  }

  private onResult(index: number, raw: ReturnType<typeof rawResultSchema.parse>): void {
    if (index !== this.current) return this.fail(`supervisor answered test ${index} while test ${this.current} was running`);
    const output = this.outputs.get(index)!;
    this.outputs.delete(index);
    const run = {
      index,
      timeMs: raw.wallMs,
      cpuMs: raw.cpuMs,
      peakMemoryBytes: raw.peakMemoryBytes,
      exitCode: raw.exitCode,
      signal: raw.signal,
      timedOut: raw.timedOut,
      outputLimited: raw.outputLimited,
      stdout: output.stdout,
      stderr: output.stderr,
    };
    const verdict = classifyVerdict(run, this.ctx.limits, () => output.check());
    this.results.push(toTestResult(run, verdict));
    this.current++;
    const stop = this.ctx.mode === "stop-on-first-failure" && verdict !== "OK";
    if (stop || this.current === this.ctx.tests.length) return this.finish();
    this.beginTest();
    this.sendMore();
  }

  private arm(ms: number, reason: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fail(`${reason} within ${ms} ms`), ms);
  }

  /** The test that was running, and in run-all mode every later one, become SANDBOX_ERROR. */
  private fail(reason: string): void {
    if (this.finished) return;
    const stderr = this.supervisorStderr.headText() + this.supervisorStderr.tailText();
    const detail = stderr.trim() ? `${reason}; sandbox stderr: ${stderr.trim().slice(-2000)}` : reason;
    const last = this.ctx.mode === "all" ? this.ctx.tests.length : Math.min(this.current + 1, this.ctx.tests.length);
    const elapsed = this.started ? performance.now() - this.testStartedAt : 0;
    for (let index = this.current; index < last; index++) {
      this.results.push(sandboxErrorResult(index, detail, index === this.current ? Math.round(elapsed) : 0));
    }
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    const child = this.child;
    const gone = () => this.resolve(this.results);
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return gone();
    child.once("exit", gone);
    if (this.current < this.sent || this.results.some((r) => r.verdict === "SANDBOX_ERROR")) {
      child.kill("SIGKILL");
      return;
    }
    this.toSupervisor.end(encodeQuitFrame());
    setTimeout(() => child.kill("SIGKILL"), 2_000).unref();
  }
}
