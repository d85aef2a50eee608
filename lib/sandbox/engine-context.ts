import { StreamingChecker } from "../judge/checker";
import type { ResolvedLimits } from "./limits";
import { OutputCapture } from "./output-capture";
import type { PythonRuntime } from "./python-runtime";
import type { SlotResources } from "./slot-resources";
import type { TestCase } from "../problems/problem-record";
import type { JudgeMode } from "./types";
import type { WarmSandbox } from "./warm-sandbox";
import { PROGRAM_ENV } from "./program-env";

/**
 * One concurrency slot of the pool. uid/gid: what polices the tests (the fast
 * engine's supervisor, bwrap); testUid/testGid: what the programs run as, so a
 * program can reach nothing that judges it. All null when we cannot switch
 * users (not root).
 */
export interface SandboxSlot {
  id: number;
  uid: number | null;
  gid: number | null;
  testUid: number | null;
  testGid: number | null;
  /** Keep a started sandbox waiting for this slot's next submission (fast engine). */
  prewarm: boolean;
  standby: Promise<WarmSandbox> | null;
  /** Made once per slot on first use (slot-resources.ts): its cgroups and user namespace. */
  resources: Promise<SlotResources> | null;
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
  resources: SlotResources;
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

/** The supervisor's identity (the fast engine's police). */
export function spawnIdentity(slot: SandboxSlot): { uid?: number; gid?: number } {
  return slot.uid === null || slot.gid === null ? {} : { uid: slot.uid, gid: slot.gid };
}

/** The programs' identity (the plain engine's whole sandbox runs as it). */
export function testIdentity(slot: SandboxSlot): { uid?: number; gid?: number } {
  return slot.testUid === null || slot.testGid === null ? {} : { uid: slot.testUid, gid: slot.testGid };
}

/**
 * No variable of ours (DATABASE_URL, API keys) reaches bwrap or the program:
 * only PROGRAM_ENV (what an unsandboxed program starts with; bwrap clears it
 * and sets it again inside). Typed loosely because Next augments ProcessEnv.
 */
export function emptyEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...PROGRAM_ENV, ...extra } as NodeJS.ProcessEnv;
}
