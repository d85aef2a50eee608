import os from "node:os";
import { classifyVerdict, sandboxErrorResult, toTestResult } from "./classify-verdict";
import { TestOutput, type EngineContext } from "./engine-context";
import { WATCHDOG_GRACE_MS } from "./limits";
import { acquireSandbox, prepareStandby } from "./standby";
import {
  decodeRecord,
  encodeQuitFrame,
  encodeRecord,
  encodeTestFrame,
  helloSchema,
  rawResultSchema,
  type Frame,
  type RawResult,
} from "./supervisor-protocol";
import type { TestResult } from "./types";
import type { WarmSandbox } from "./warm-sandbox";

const STARTUP_TIMEOUT_MS = 20_000;
/** Tests queued ahead in the supervisor's input so it never waits for us between tests (they wait in the pipe, never in its memory). */
const LOOKAHEAD = 2;
const LOOKAHEAD_MAX_INPUT = 1 << 20;
/** Fresh sandboxes a submission may take after failures that are ours (the sandbox died or did not start). */
const MAX_RETRIES = 2;

/** How a session ended: all its tests done (or stopped at a failure), or the sandbox failed at test `index`. */
type SessionEnd = { failed: null } | { failed: { index: number; reason: string } };

/**
 * The fast path: one sandbox per submission (started ahead of time when the
 * slot has a standby), supervisor.py as its PID 1, a fork per test. Tests run
 * one after another in test order. A failure of the sandbox itself (it died,
 * did not start, spoke nonsense) is never the program's verdict: the tests
 * from the one it failed on are retried in a fresh sandbox, and only when that
 * keeps failing do they become SANDBOX_ERROR.
 */
export async function runFastEngine(ctx: EngineContext): Promise<TestResult[]> {
  const results: TestResult[] = [];
  const config = { runtime: ctx.runtime, bwrap: ctx.bwrap };
  for (let attempt = 0; results.length < ctx.tests.length; attempt++) {
    const sandbox = await acquireSandbox(ctx.slot, config);
    let session: FastSession | null = null;
    let end: SessionEnd;
    try {
      session = new FastSession(ctx, sandbox, results.length);
      end = await session.run();
      results.push(...session.results);
    } finally {
      // A healthy supervisor is asked to quit (it kills and reaps everything first); otherwise SIGKILL.
      await sandbox.dispose(session?.healthy ? encodeQuitFrame() : undefined);
      prepareStandby(ctx.slot, config);
    }
    const last = results[results.length - 1];
    if (ctx.mode === "stop-on-first-failure" && last && last.verdict !== "OK") break;
    if (end.failed === null) continue; // done, or the watchdog ended a test: the rest go to a fresh sandbox
    if (attempt < MAX_RETRIES) {
      console.warn(`[rlef sandbox] retrying from test ${end.failed.index} in a fresh sandbox: ${end.failed.reason}`);
      continue;
    }
    const stop = ctx.mode === "all" ? ctx.tests.length : end.failed.index + 1;
    for (let index = end.failed.index; index < stop; index++) results.push(sandboxErrorResult(index, end.failed.reason));
    break;
  }
  return results;
}

class FastSession {
  readonly results: TestResult[] = [];
  private readonly outputs = new Map<number, TestOutput>();
  private readonly limitsRecord: string;
  private current: number;
  private sent: number;
  private finished = false;
  private timer: NodeJS.Timeout | null = null;
  private testStartedAt = 0;
  private oomKills: number;
  private resolve!: (end: SessionEnd) => void;
  /** False after a failure or with a test still running: the sandbox is killed, not asked to quit. */
  healthy = true;

  constructor(
    private readonly ctx: EngineContext,
    private readonly sandbox: WarmSandbox,
    first: number,
  ) {
    this.current = this.sent = first;
    // The test children run at our niceness (the supervisor itself may run higher).
    this.limitsRecord = encodeRecord({ ...ctx.limits, niceness: os.getPriority() });
    this.oomKills = ctx.resources.cgroup?.oomKills() ?? 0;
  }

  async run(): Promise<SessionEnd> {
    const done = new Promise<SessionEnd>((resolve) => (this.resolve = resolve));
    this.sandbox.attach(
      (frame) => {
        try {
          this.onFrame(frame);
        } catch (err) {
          this.fail(`supervisor protocol error: ${(err as Error).message}`);
        }
      },
      (code, signal) => {
        if (!this.finished) this.fail(`sandbox exited unexpectedly (code ${code}, signal ${signal})`);
      },
    );
    this.arm(STARTUP_TIMEOUT_MS, () => this.fail(`the sandbox did not start within ${STARTUP_TIMEOUT_MS} ms`));
    if (!this.finished) await this.sandbox.load(this.ctx.code);
    return done;
  }

  private onFrame(frame: Frame): void {
    if (this.finished) return;
    switch (frame.type) {
      case "H":
        helloSchema.parse(decodeRecord(frame.payload));
        this.sandbox.prioritise();
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
        this.onResult(frame.index, rawResultSchema.parse(decodeRecord(frame.payload)));
        return;
      case "X":
        this.fail(`supervisor: ${frame.payload.toString("utf8")}`);
        return;
    }
  }

  private sendMore(): void {
    const { tests } = this.ctx;
    // A big input waits for its turn: queued ahead it would only double what we hold.
    const fits = (index: number) => index === this.current || tests[index].input.length < LOOKAHEAD_MAX_INPUT;
    while (this.sent < tests.length && this.sent < this.current + LOOKAHEAD && fits(this.sent)) {
      const index = this.sent++;
      for (const part of encodeTestFrame(index, Buffer.from(tests[index].input, "utf8"), this.limitsRecord)) {
        if (part.length > 0) this.sandbox.toSupervisor.write(part);
      }
    }
  }

  private beginTest(): void {
    // Only the running test's expected output is tokenized and held.
    this.outputs.set(this.current, new TestOutput(this.ctx.tests[this.current].output));
    this.testStartedAt = performance.now();
    this.arm(this.ctx.limits.timeLimitMs + WATCHDOG_GRACE_MS, () => this.watchdog());
  }

  /**
   * Our own deadline, out of the program's reach: the test has run past its
   * limit by our clock, so it is TIME_LIMIT whatever became of the
   * supervisor's; the sandbox is killed and later tests get a fresh one.
   */
  private watchdog(): void {
    if (this.finished) return;
    const index = this.current;
    const output = this.outputs.get(index) ?? new TestOutput("");
    const timeMs = performance.now() - this.testStartedAt;
    console.warn(`[rlef sandbox] test ${index}: no result ${Math.round(timeMs)} ms after it started; TIME_LIMIT by our watchdog`);
    const run = {
      index,
      timeMs,
      cpuMs: null,
      peakMemoryBytes: null,
      exitCode: null,
      signal: 9,
      timedOut: true,
      outputLimited: null,
      stdout: output.stdout,
      stderr: output.stderr,
    };
    this.results.push(toTestResult(run, "TIME_LIMIT"));
    this.current++;
    this.healthy = false;
    this.finish({ failed: null });
  }

  private onResult(index: number, raw: RawResult): void {
    if (index !== this.current) return this.fail(`supervisor answered test ${index} while test ${this.current} was running`);
    const output = this.outputs.get(index)!;
    this.outputs.delete(index);
    // Every process of the test is dead and reaped by now: its OOM kills are counted.
    const oomKills = this.ctx.resources.cgroup?.oomKills() ?? 0;
    const memoryLimitHit = oomKills > this.oomKills;
    this.oomKills = oomKills;
    const run = {
      index,
      timeMs: raw.wallMs,
      cpuMs: raw.cpuMs,
      peakMemoryBytes: raw.peakMemoryBytes,
      exitCode: raw.exitCode,
      signal: raw.signal,
      timedOut: raw.timedOut,
      outputLimited: raw.outputLimited,
      memoryLimitHit,
      stdout: output.stdout,
      stderr: output.stderr,
    };
    const verdict = classifyVerdict(run, this.ctx.limits, () => output.check());
    this.results.push(toTestResult(run, verdict));
    this.current++;
    const stop = this.ctx.mode === "stop-on-first-failure" && verdict !== "OK";
    if (stop || this.current === this.ctx.tests.length) return this.finish({ failed: null });
    this.beginTest();
    this.sendMore();
  }

  private arm(ms: number, onTimeout: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(onTimeout, ms);
  }

  /** The sandbox failed (our fault, never the program's) while test `current` was running: runFastEngine retries from it. */
  private fail(reason: string): void {
    if (this.finished) return;
    // The program filled the cgroup and the kernel's OOM killer took the supervisor
    // with it: that is the program's doing, MEMORY_LIMIT; later tests get a fresh sandbox.
    if (this.outputs.has(this.current) && (this.ctx.resources.cgroup?.oomKills() ?? 0) > this.oomKills) {
      const output = this.outputs.get(this.current)!;
      const run = {
        index: this.current,
        timeMs: performance.now() - this.testStartedAt,
        cpuMs: null,
        peakMemoryBytes: null,
        exitCode: null,
        signal: 9,
        timedOut: false,
        outputLimited: null,
        stdout: output.stdout,
        stderr: output.stderr,
      };
      this.results.push(toTestResult(run, "MEMORY_LIMIT"));
      this.current++;
      this.healthy = false;
      return this.finish({ failed: null });
    }
    const { diagnostics } = this.sandbox;
    const stderr = (diagnostics.headText() + diagnostics.tailText()).trim();
    const detail = stderr ? `${reason}; sandbox stderr: ${stderr.slice(-2000)}` : reason;
    this.healthy = false;
    this.finish({ failed: { index: this.current, reason: detail } });
  }

  private finish(end: SessionEnd): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.current < this.sent) this.healthy = false; // a look-ahead test is running: no point waiting for it
    this.resolve(end);
  }
}
