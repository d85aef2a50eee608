import os from "node:os";
import { classifyVerdict, sandboxErrorResult, toTestResult } from "./classify-verdict";
import { TestOutput, type EngineContext } from "./engine-context";
import { WATCHDOG_GRACE_MS } from "./limits";
import { acquireSandbox, prepareStandby } from "./standby";
import { decodeRecord, encodeQuitFrame, encodeRecord, encodeTestFrame, helloSchema, rawResultSchema, type Frame, type RawResult } from "./supervisor-protocol";
import type { TestResult } from "./types";
import type { WarmSandbox } from "./warm-sandbox";

const STARTUP_TIMEOUT_MS = 20_000;
/** Tests queued ahead in the supervisor's input so it never waits for us between tests. */
const LOOKAHEAD = 2;

/**
 * The fast path: one sandbox per submission (started ahead of time when the
 * slot has a standby), supervisor.py as its PID 1, a fork per test. Tests run
 * one after another in test order.
 */
export async function runFastEngine(ctx: EngineContext): Promise<TestResult[]> {
  if (ctx.tests.length === 0) return [];
  const config = { runtime: ctx.runtime, bwrap: ctx.bwrap };
  const sandbox = await acquireSandbox(ctx.slot, config);
  let session: FastSession | null = null;
  try {
    session = new FastSession(ctx, sandbox);
    return await session.run();
  } finally {
    // A healthy supervisor is asked to quit (it kills and reaps everything first); otherwise SIGKILL.
    await sandbox.dispose(session?.healthy ? encodeQuitFrame() : undefined);
    prepareStandby(ctx.slot, config);
  }
}

class FastSession {
  private readonly results: TestResult[] = [];
  private readonly outputs = new Map<number, TestOutput>();
  private readonly limitsRecord: string;
  private current = 0;
  private sent = 0;
  private started = false;
  private finished = false;
  private timer: NodeJS.Timeout | null = null;
  private testStartedAt = 0;
  private resolve!: (results: TestResult[]) => void;
  /** False after a SANDBOX_ERROR or with a test still running: the sandbox is killed, not asked to quit. */
  healthy = true;

  constructor(
    private readonly ctx: EngineContext,
    private readonly sandbox: WarmSandbox,
  ) {
    // The test children run at our niceness (the supervisor itself may run higher).
    this.limitsRecord = encodeRecord({ ...ctx.limits, niceness: os.getPriority() });
  }

  async run(): Promise<TestResult[]> {
    const done = new Promise<TestResult[]>((resolve) => (this.resolve = resolve));
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
    this.arm(STARTUP_TIMEOUT_MS, "the sandbox did not start");
    if (!this.finished) await this.sandbox.load(this.ctx.code);
    return done;
  }

  private onFrame(frame: Frame): void {
    if (this.finished) return;
    switch (frame.type) {
      case "H":
        helloSchema.parse(decodeRecord(frame.payload));
        this.started = true;
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
    while (this.sent < tests.length && this.sent < this.current + LOOKAHEAD) {
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
    this.arm(this.ctx.limits.timeLimitMs + WATCHDOG_GRACE_MS, "the supervisor stopped responding");
  }

  private onResult(index: number, raw: RawResult): void {
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
    const { diagnostics } = this.sandbox;
    const stderr = (diagnostics.headText() + diagnostics.tailText()).trim();
    const detail = stderr ? `${reason}; sandbox stderr: ${stderr.slice(-2000)}` : reason;
    const last = this.ctx.mode === "all" ? this.ctx.tests.length : Math.min(this.current + 1, this.ctx.tests.length);
    const elapsed = this.started ? performance.now() - this.testStartedAt : 0;
    for (let index = this.current; index < last; index++) {
      this.results.push(sandboxErrorResult(index, detail, index === this.current ? Math.round(elapsed) : 0));
    }
    this.healthy = false;
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.current < this.sent) this.healthy = false; // a look-ahead test is running: no point waiting for it
    this.resolve(this.results);
  }
}
