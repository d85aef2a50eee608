import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface TrainerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** SIGKILL, as a crash would */
  kill(): Promise<void>;
}

/** Start the Python trainer (Debian's torch, CPU) on a free port; resolves once it listens. */
export function startTrainer(args: string[], opts: { python?: string; log?: boolean } = {}): Promise<TrainerProcess> {
  const child = spawn(opts.python ?? "/usr/bin/python3", ["-m", "rlef_trainer.server", "--port", "0", "--device", "cpu", ...args], {
    cwd: path.join(process.cwd(), "trainer"),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`trainer did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (opts.log) process.stderr.write(`[trainer] ${chunk}`);
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          baseUrl: match[1],
          child,
          kill: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGKILL");
            }),
        });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`trainer exited (${code}) before listening:\n${output}`));
    });
  });
}
