import { StreamingChecker } from "../judge/checker";
import type { ResolvedLimits } from "./limits";
import { OutputCapture } from "./output-capture";
import type { PythonRuntime } from "./python-runtime";
import type { TestCase } from "../problems/problem-record";
import type { JudgeMode } from "./types";
import type { WarmSandbox } from "./warm-sandbox";

/** One concurrency slot of the pool; uid/gid null when we cannot switch users (not root). */
export interface SandboxSlot {
  id: number;
  uid: number | null;
  gid: number | null;
  /** Keep a started sandbox waiting for this slot's next submission (fast engine). */
  prewarm: boolean;
  standby: Promise<WarmSandbox> | null;
}

export interface EngineContext {
  slot: SandboxSlot;
  code: string;
  runtime: PythonRuntime;
  /** Path of bwrap, or null for the unsafe unsandboxed mode. */
  bwrap: string | null;
  limits: ResolvedLimits;
  tests: TestCase[];
  mode: JudgeMode;
}

/** Excerpts and the streaming checker for one test: the full stdout is never kept. */
export class TestOutput {
  readonly stdout = new OutputCapture();
  readonly stderr = new OutputCapture();
  private readonly checker: StreamingChecker;

  constructor(expectedOutput: string) {
    this.checker = new StreamingChecker(expectedOutput);
  }

  pushStdout(chunk: Buffer): void {
    this.stdout.push(chunk);
    this.checker.push(chunk);
  }

  pushStderr(chunk: Buffer): void {
    this.stderr.push(chunk);
  }

  check() {
    return this.checker.finish();
  }
}

export function spawnIdentity(slot: SandboxSlot): { uid?: number; gid?: number } {
  return slot.uid === null || slot.gid === null ? {} : { uid: slot.uid, gid: slot.gid };
}

/** No variable of ours (DATABASE_URL, API keys) reaches bwrap or the program; typed loosely because Next augments ProcessEnv. */
export function emptyEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...extra } as NodeJS.ProcessEnv;
}
