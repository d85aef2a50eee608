import type { Verdict } from "./types";

/**
 * Programs that attack the judge, for the hostile-program suite. Isolation
 * probes print "blocked" when every attempt failed, so OK means the sandbox held.
 * Run with small limits (1 s, 256 MiB) so the suite stays fast.
 */
export interface HostileProgram {
  name: string;
  code: string;
  input?: string;
  /** One input per test (the suite runs four), where they must differ. */
  inputs?: string[];
  expectedOutput?: string;
  verdicts: Verdict[];
  /** The suite's 1 s unless set: memory hogs get time to reach the limit on a busy machine. */
  timeLimitMs?: number;
  /** Engines the probe is meaningful for (default both). */
  engines?: ("fast" | "plain")[];
}

const STDIN_LINES = 4_545_454; // 11 bytes each: 49,999,994 bytes

const probe = (attempts: string) => `import os, socket, sys
def attempt():
${attempts
  .trim()
  .split("\n")
  .map((line) => `    ${line}`)
  .join("\n")}
try:
    leaked = attempt()
except Exception:
    leaked = False
print("LEAKED" if leaked else "blocked")
`;

const SECRET_NAMES = '("DATABASE_URL", "RLEF_HOSTILE_SECRET")';

export const HOSTILE_PROGRAMS: HostileProgram[] = [
  { name: "fork bomb", code: "import os\nwhile True:\n    os.fork()\n", verdicts: ["RUNTIME_ERROR", "TIME_LIMIT"] },
  { name: "memory bomb", code: "a = []\nwhile True:\n    a.append(bytearray(1 << 26))\n", verdicts: ["MEMORY_LIMIT"] },
  {
    name: "memory bomb touching its pages",
    code: "a = []\nwhile True:\n    a.append(b'x' * (1 << 24))\n",
    verdicts: ["MEMORY_LIMIT"],
  },
  { name: "infinite loop", code: "while True:\n    pass\n", verdicts: ["TIME_LIMIT"] },
  { name: "sleep forever", code: "import time\ntime.sleep(10**6)\n", verdicts: ["TIME_LIMIT"] },
  {
    name: "1 GB to stdout",
    code: "import sys\nb = b'x' * (1 << 20)\nfor _ in range(1024):\n    sys.stdout.buffer.write(b)\n",
    verdicts: ["OUTPUT_LIMIT"],
  },
  {
    name: "1 GB to stderr",
    code: "import sys\nb = b'x' * (1 << 20)\nfor _ in range(1024):\n    sys.stderr.buffer.write(b)\n",
    verdicts: ["OUTPUT_LIMIT"],
  },
  {
    name: "filling /tmp",
    code: "f = open('/tmp/fill', 'wb')\nwhile True:\n    f.write(b'x' * (1 << 20))\n    f.flush()\n",
    verdicts: ["RUNTIME_ERROR"],
  },
  {
    name: "writing outside /tmp",
    code: probe(`
for path in ("/sandbox/x", "/x", "/usr/x", "/root/rlef-hostile-pwned", "/etc/rlef-hostile-pwned", "/dev/x", "/proc/x"):
    try:
        open(path, "w").write("pwned")
        return True
    except OSError:
        pass
return False`),
    verdicts: ["OK"],
  },
  { name: "reading /etc/shadow", code: probe(`return bool(open("/etc/shadow").read())`), verdicts: ["OK"] },
  { name: "reading /root", code: probe(`return bool(os.listdir("/root"))`), verdicts: ["OK"] },
  {
    name: "reading /proc/1/environ",
    code: probe(`
data = open("/proc/1/environ", "rb").read()
return any(name.encode() in data for name in ${SECRET_NAMES})`),
    verdicts: ["OK"],
  },
  {
    name: "the worker's environment",
    code: probe(`
found = any(name in os.environ for name in ${SECRET_NAMES})
for pid in os.listdir("/proc"):
    try:
        data = open(f"/proc/{pid}/environ", "rb").read()
    except OSError:
        continue
    found = found or any(name.encode() in data for name in ${SECRET_NAMES})
return found`),
    verdicts: ["OK"],
  },
  {
    name: "reading the project's files",
    code: probe(`return any(os.path.exists(p) for p in ("/work/main/package.json", "/work", "/home", "/var/run/postgresql"))`),
    verdicts: ["OK"],
  },
  {
    name: "connecting to the database port on 127.0.0.1",
    code: probe(`
for port in (5432, 54339, 2024):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.3)
        return True
    except OSError:
        pass
return False`),
    verdicts: ["OK"],
  },
  {
    name: "connecting to an outside address",
    code: probe(`
for addr in (("1.1.1.1", 80), ("8.8.8.8", 53), ("registry.npmjs.org", 443)):
    try:
        socket.create_connection(addr, timeout=0.3)
        return True
    except OSError:
        pass
return False`),
    verdicts: ["OK"],
  },
  {
    name: "setsid double-fork daemon",
    code: "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(1000)\n    os._exit(0)\nprint('ok')\n",
    expectedOutput: "ok",
    verdicts: ["OK"],
  },
  {
    name: "kill(-1, 9) and kill(1, 9)",
    code: "import os\nfor pid in (-1, 1):\n    try:\n        os.kill(pid, 9)\n    except OSError:\n        pass\nprint('alive')\n",
    expectedOutput: "alive",
    verdicts: ["OK"],
  },
  {
    name: "50 MB of stdin",
    code: "import sys\ndata = sys.stdin.buffer.read()\nprint(len(data), data.count(b'\\n'))\n",
    input: "1234567890\n".repeat(STDIN_LINES),
    expectedOutput: `${11 * STDIN_LINES} ${STDIN_LINES}`,
    verdicts: ["OK"],
  },
  {
    name: "invalid UTF-8 output",
    code: "import sys\nsys.stdout.buffer.write(b'\\xff\\xfe\\xc3\\x28 ok\\n')\n",
    expectedOutput: "ok",
    verdicts: ["WRONG_ANSWER"],
  },
  {
    name: "a 10 MB single line",
    code: "print('a' * 10**7)\n",
    expectedOutput: "a".repeat(10 ** 7),
    verdicts: ["OK"],
  },
  {
    name: "threads bomb",
    code: "import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(100,), daemon=True).start()\n",
    verdicts: ["RUNTIME_ERROR", "MEMORY_LIMIT"],
  },
  {
    name: "deep recursion (RecursionError)",
    code: "def f(n):\n    return f(n + 1)\nf(0)\n",
    verdicts: ["RUNTIME_ERROR"],
  },
  {
    name: "deep recursion through C frames (stack overflow)",
    code: "import sys\nsys.setrecursionlimit(10**7)\ndef f(n):\n    return list(map(f, [n + 1]))\nf(0)\n",
    verdicts: ["RUNTIME_ERROR"],
  },
  {
    name: "forging protocol frames through /proc/1/fd",
    code: probe(`
for fd in (0, 1, 2):
    try:
        os.write(os.open(f"/proc/1/fd/{fd}", os.O_WRONLY), b"R\\x00\\x00\\x00\\x00\\x02\\x00\\x00\\x00{}")
        return True
    except OSError:
        pass
return False`),
    verdicts: ["OK"],
    // Only the fast engine has a supervisor to forge frames to; under plain, /proc/1 is bwrap's reaper.
    engines: ["fast"],
  },
];

// --- Issue 12 items 2(a) and 5 (judge engineer's block; kept apart from the
// sandbox engineer's additions above so that merges stay simple). ---
HOSTILE_PROGRAMS.push(
  {
    // 3 KB of unary minus: compiling it raises RecursionError in the
    // compiler. python3 prints "RecursionError: maximum recursion depth
    // exceeded during compilation" and exits 1: the program's RUNTIME_ERROR,
    // never a supervisor that died compiling it (SANDBOX_ERROR).
    name: "an expression too deep to compile",
    code: `x = ${"-".repeat(3000)}1\nprint("blocked")\n`,
    verdicts: ["RUNTIME_ERROR"],
  },
  {
    // Descriptors the judge inherited (pipes, sockets, the status fd) and
    // PID 1 of the sandbox (bwrap's monitor under plain, the supervisor under
    // fast): nothing but 0/1/2 is open, and PID 1 cannot be traced or read.
    name: "inherited descriptors and tracing PID 1",
    code: probe(`
import ctypes
def is_open(fd):
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False  # the listing's own descriptor, closed by now
if any(is_open(int(fd)) for fd in os.listdir("/proc/self/fd") if int(fd) > 2):
    return True
for what in ("mem", "environ", "fd/0", "maps"):
    try:
        with open(f"/proc/1/{what}", "rb") as f:
            f.read(1)
        if what != "mem":
            return True
        with open("/proc/1/maps", "rb"):
            return True
    except OSError:
        pass
libc = ctypes.CDLL(None, use_errno=True)
if libc.ptrace(16, 1, 0, 0) == 0:  # PTRACE_ATTACH
    return True
if libc.ptrace(0x4206, 1, 0, 0) == 0:  # PTRACE_SEIZE
    return True
return False`),
    verdicts: ["OK"],
  },
);
