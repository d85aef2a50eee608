import type { ChildProcess } from "node:child_process";
import { decideRestart, type RestartPolicy } from "./restart-policy";

/** A child process `rlef start` keeps alive. `start` resolves once the child is up (Postgres: ready for connections). */
export interface SupervisedService {
  name: string;
  start(): Promise<ChildProcess>;
  /** how to stop it cleanly (default SIGTERM); the supervisor SIGKILLs it after stopTimeoutMs */
  stopSignal?: NodeJS.Signals;
  /** stopped after every other service (the database the others write to) */
  stopLast?: boolean;
}

interface Entry {
  service: SupervisedService;
  child: ChildProcess | null;
  startedAt: number;
  rapidRestarts: number;
  timer: NodeJS.Timeout | null;
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * Keeps `rlef start`'s children (embedded Postgres, web, worker) running: a child that dies while we
 * are not shutting down is restarted after the policy's backoff; when the policy gives up, `onGiveUp`
 * is called (start.ts then stops everything and exits non-zero). Before this, one dead child sent the
 * parent into a shutdown that waited forever for the dead child's "exit" (a child killed by a signal
 * has exitCode null), with Postgres up and nothing serving.
 */
export class Supervisor {
  private readonly entries: Entry[] = [];
  private stopping = false;

  constructor(
    private readonly policy: RestartPolicy,
    private readonly log: (line: string) => void,
    private readonly onGiveUp: (name: string, reason: string) => void,
    private readonly stopTimeoutMs = 15_000,
  ) {}

  /** Start a service (or adopt `running`, a child started before supervision began) and watch it. */
  async add(service: SupervisedService, running?: ChildProcess): Promise<void> {
    const entry: Entry = { service, child: null, startedAt: Date.now(), rapidRestarts: 0, timer: null };
    this.entries.push(entry);
    this.watch(entry, running ?? (await service.start()));
  }

  /** The current pid of each service (what an operator or the fault-injection test kills). */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries(this.entries.map((e) => [e.service.name, e.child && alive(e.child) ? e.child.pid : undefined]));
  }

  private watch(entry: Entry, child: ChildProcess): void {
    entry.child = child;
    entry.startedAt = Date.now();
    if (!alive(child)) return void this.died(entry, child.exitCode, child.signalCode);
    child.once("exit", (code, signal) => this.died(entry, code, signal));
  }

  private died(entry: Entry, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const name = entry.service.name;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const decision = decideRestart(this.policy, entry.rapidRestarts, Date.now() - entry.startedAt);
    entry.rapidRestarts = decision.attempt;
    if (!decision.restart) {
      const reason =
        this.policy.maxRapidRestarts === 0
          ? `the ${name} ${how} (restarts are off: RLEF_RESTART_LIMIT=0)`
          : `the ${name} ${how}; giving up after ${this.policy.maxRapidRestarts} restarts in a row`;
      this.log(reason);
      this.onGiveUp(name, reason);
      return;
    }
    this.log(
      `the ${name} ${how}; restarting it in ${(decision.delayMs / 1000).toFixed(1)} s (restart ${decision.attempt} of at most ${this.policy.maxRapidRestarts} in a row)`,
    );
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (this.stopping) return;
      entry.service.start().then(
        (next) => {
          if (this.stopping) {
            next.kill("SIGTERM");
            return;
          }
          this.log(`the ${name} is back (pid ${next.pid})`);
          this.watch(entry, next);
        },
        // a failed start counts as one more death at once (Postgres refuses to start while the old
        // server's backends still hold its shared memory: the backoff gives them time to exit)
        (err: Error) => {
          this.log(`the ${name} did not start: ${err.message.split("\n")[0]}`);
          entry.startedAt = Date.now();
          this.died(entry, 1, null);
        },
      );
    }, decision.delayMs);
  }

  /** Stop watching and stop every child: the apps in parallel, then what they depend on (stopLast). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const entry of this.entries) if (entry.timer) clearTimeout(entry.timer);
    const stopOne = (entry: Entry) => stopChild(entry.child, entry.service.stopSignal ?? "SIGTERM", this.stopTimeoutMs);
    await Promise.all(this.entries.filter((e) => !e.service.stopLast).map(stopOne));
    await Promise.all(this.entries.filter((e) => e.service.stopLast).map(stopOne));
  }
}

/** Signal a child and resolve once it has exited, SIGKILLing it after timeoutMs. */
export function stopChild(child: ChildProcess | null, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  if (!child || !alive(child)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
