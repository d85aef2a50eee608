import { spawn } from "node:child_process";
import { closeSync, openSync, writeFileSync } from "node:fs";

/**
 * A user namespace per slot that maps exactly two host uids (and gids) onto
 * themselves: the slot's supervisor uid and its test uid. bwrap joins it
 * (`--userns FD`) instead of making a one-uid namespace of its own, so inside
 * the sandbox the supervisor (uid A, with the capabilities it needs to build
 * each test's namespaces) and the test processes (uid B, none) never share a
 * uid: a program cannot prlimit, renice, signal or ptrace what polices it.
 *
 * Only a privileged process may write a two-line uid_map, so we make it: a
 * short-lived helper running as uid A (the namespace's owner, which is what
 * lets bwrap, also uid A, join it) unshares, waits for us to write the maps,
 * sets user.max_user_namespaces = 0 inside (no nested user namespaces: what
 * bwrap's --disable-userns did) and exits. Our open /proc/<pid>/ns/user fd
 * keeps the namespace alive for the slot's lifetime; no process is left over.
 */
export class SlotUserNamespace {
  private constructor(readonly fd: number) {}

  static async create(python: string, uid: number, testUid: number): Promise<SlotUserNamespace> {
    const helper = spawn(python, ["-I", "-S", "-c", HELPER], {
      stdio: ["pipe", "pipe", "pipe"],
      env: {} as NodeJS.ProcessEnv,
      cwd: "/",
      uid,
      gid: uid,
    });
    let out = "";
    let err = "";
    helper.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => helper.once("exit", (code) => resolve(code)));
    const line = (expected: string) =>
      new Promise<void>((resolve, reject) => {
        setTimeout(
          () => reject(new Error(`user namespace helper: no "${expected.trim()}" within ${HELPER_TIMEOUT_MS} ms`)),
          HELPER_TIMEOUT_MS,
        ).unref();
        const onData = (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes(expected)) {
            helper.stdout!.off("data", onData);
            resolve();
          }
        };
        helper.stdout!.on("data", onData);
        void exited.then((code) =>
          reject(new Error(`user namespace helper exited (${code}) before "${expected}": ${err.trim() || out.trim()}`)),
        );
      });
    try {
      await line("unshared\n");
      const map = `${uid} ${uid} 1\n${testUid} ${testUid} 1\n`;
      // One write() each: a map can be written only once.
      writeFileSync(`/proc/${helper.pid}/uid_map`, map);
      writeFileSync(`/proc/${helper.pid}/gid_map`, map);
      helper.stdin!.write("m");
      await line("sealed\n");
      const fd = openSync(`/proc/${helper.pid}/ns/user`, "r");
      helper.stdin!.end();
      await exited;
      return new SlotUserNamespace(fd);
    } catch (error) {
      helper.kill("SIGKILL");
      throw error;
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

const HELPER_TIMEOUT_MS = 10_000;

// -I -S: no site, no user paths; only ctypes and os.
const HELPER = `
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.unshare(0x10000000) != 0:
    sys.exit("unshare(CLONE_NEWUSER): " + os.strerror(ctypes.get_errno()))
os.write(1, b"unshared\\n")
if os.read(0, 1) != b"m":
    sys.exit("no maps")
with open("/proc/sys/user/max_user_namespaces", "w") as f:
    f.write("0")
os.write(1, b"sealed\\n")
os.read(0, 1)
`;
