import type { HostileProgram } from "./hostile-programs";

/**
 * Hostile programs from the red-team pass of issue 12 (memory the rlimits do
 * not see, making the judge fail, outliving the limit, leaking between tests).
 * The suite runs each on FOUR tests (inputs from `inputs`, one per test), so
 * what one test leaves behind shows in the next. Probes print "blocked" when
 * nothing leaked, as in hostile-programs.ts.
 */
const SECRET = (i: number) => `rlef-input-${i}-${"q".repeat(8)}-${i * 7919}`;

const GiB = 1 << 30;
/** Memory hogs end at the cgroup's limit well within this, even on a saturated machine. */
const HOG_LIMIT_MS = 5_000;

export const HARDENING_PROGRAMS: HostileProgram[] = [
  // 12.1: memory that RLIMIT_AS does not count
  {
    name: "1 GiB written into a memfd",
    code: `import os
chunk = b"m" * (16 << 20)
fds = []
for i in range(${GiB} // len(chunk)):
    if i % 2 == 0:
        fds.append(os.memfd_create("hoard"))  # 32 MiB each: under RLIMIT_FSIZE
    os.write(fds[-1], chunk)
print("held")
`,
    verdicts: ["MEMORY_LIMIT"],
    timeLimitMs: HOG_LIMIT_MS,
  },
  {
    name: "1 GiB left in detached SysV shared memory",
    code: `import ctypes
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
size = 64 << 20
for _ in range(${GiB} // size):
    sid = libc.shmget(0, ctypes.c_size_t(size), 0o1600)  # IPC_PRIVATE, IPC_CREAT | 0600
    addr = libc.shmat(sid, None, 0)
    ctypes.memset(addr, 1, size)
    libc.shmdt(ctypes.c_void_p(addr))  # detached, never removed: it outlives us
print("held")
`,
    verdicts: ["MEMORY_LIMIT"],
    timeLimitMs: HOG_LIMIT_MS,
  },
  {
    name: "12 processes of 100 MiB each (per-process limits times the process limit)",
    code: `import os, time
for _ in range(12):
    if os.fork() == 0:
        block = bytearray(100 << 20)
        for i in range(0, len(block), 4096):
            block[i] = 1
        time.sleep(30)
        os._exit(0)
os.wait()  # the first child to end: one the kernel killed, or none before the time limit
print("held")
`,
    verdicts: ["MEMORY_LIMIT"],
    timeLimitMs: HOG_LIMIT_MS,
  },
  // 12.2(b): the supervisor's clean-up must survive what a program leaves in /tmp
  {
    name: "1,100 nested directories in /tmp",
    code: `import os
os.chdir("/tmp")
for _ in range(1100):
    os.mkdir("d")
    os.chdir("d")
open("leaf", "w").write("x")
print("blocked")
`,
    verdicts: ["OK"],
  },
  // 12.2(c) / 12.3: nothing that polices a test shares its uid
  {
    name: "prlimit(1, RLIMIT_NPROC, 0), renice and signals at the supervisor",
    code: `import os, resource, signal
for attempt in (
    lambda: resource.prlimit(1, resource.RLIMIT_NPROC, (0, 0)),
    lambda: resource.prlimit(1, resource.RLIMIT_NOFILE, (3, 3)),
    lambda: os.setpriority(os.PRIO_PROCESS, 1, 19),
    lambda: os.kill(1, signal.SIGSTOP),
    lambda: os.kill(1, signal.SIGTERM),
):
    try:
        attempt()
    except OSError:
        pass
print("blocked")
`,
    verdicts: ["OK"],
  },
  {
    name: "renices the supervisor, burns every core, exits just past the limit",
    code: `import os, time
start = time.monotonic()
try:
    os.setpriority(os.PRIO_PROCESS, 1, 19)
except OSError:
    pass
for _ in range(4):
    if os.fork() == 0:
        while True:
            pass
while time.monotonic() - start < 1.05:
    pass
print("blocked")
os._exit(0)
`,
    verdicts: ["TIME_LIMIT"],
  },
  // 12.4: each test starts from nothing of the earlier ones
  {
    name: "files in /tmp and /dev/shm with the directories' mtime restored",
    code: `import os
leaked = any(os.listdir(d) for d in ("/tmp", "/dev/shm"))
for d in ("/tmp", "/dev/shm"):
    st = os.stat(d)
    try:
        open(os.path.join(d, "marker"), "w").write("earlier test")
    except OSError:
        pass
    try:
        os.utime(d, ns=(st.st_atime_ns, st.st_mtime_ns))  # hide the change (needs to own the dir)
    except OSError:
        pass
print("LEAKED" if leaked else "blocked")
`,
    verdicts: ["OK"],
  },
  {
    name: "a SysV message queue carries data to the next test",
    code: `import ctypes
libc = ctypes.CDLL(None, use_errno=True)
class Msg(ctypes.Structure):
    _fields_ = [("mtype", ctypes.c_long), ("text", ctypes.c_char * 64)]
qid = libc.msgget(0x52_4C_45_46, 0o1600)  # a fixed key, IPC_CREAT | 0600
got = Msg()
leaked = qid >= 0 and libc.msgrcv(qid, ctypes.byref(got), 64, 0, 0o4000) > 0  # IPC_NOWAIT
if qid >= 0:
    libc.msgsnd(qid, ctypes.byref(Msg(1, b"from an earlier test")), 64, 0o4000)
print("LEAKED" if leaked else "blocked")
`,
    verdicts: ["OK"],
  },
  {
    name: "a POSIX message queue carries data to the next test",
    code: `import ctypes
libc = ctypes.CDLL(None, use_errno=True)
O_RDONLY, O_CREAT = 0, 0o100
leaked = libc.mq_open(b"/rlef-carry", O_RDONLY) >= 0
libc.mq_open(b"/rlef-carry", O_CREAT | O_RDONLY, 0o600, None)
print("LEAKED" if leaked else "blocked")
`,
    verdicts: ["OK"],
  },
  {
    name: "SysV shared memory, a semaphore and a queue with private keys, found by listing",
    code: `import ctypes
libc = ctypes.CDLL(None, use_errno=True)
tables = [open(f"/proc/sysvipc/{t}").read().splitlines()[1:] for t in ("shm", "sem", "msg")]
libc.shmget(0, 1 << 16, 0o1600)  # IPC_PRIVATE: no key to find it by, only the listing
libc.semget(0, 1, 0o1600)
libc.msgget(0, 0o1600)
print("LEAKED" if any(tables) else "blocked")
`,
    verdicts: ["OK"],
  },
  {
    name: "SysV ids count what earlier tests created and removed",
    code: `import ctypes
libc = ctypes.CDLL(None, use_errno=True)
first = libc.shmget(0, 1 << 12, 0o1600)  # IPC_PRIVATE; a fresh IPC namespace hands out id 0 first
libc.shmctl(first, 0, None)  # IPC_RMID: nothing is left to list
print("blocked" if first == 0 else "LEAKED %d" % first)
`,
    verdicts: ["OK"],
  },
  {
    name: "a key in the user keyring carries data to the next test",
    code: `import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
SYS = {"x86_64": (248, 250), "aarch64": (217, 219)}.get(os.uname().machine)
leaked = False
if SYS:
    add_key, keyctl = SYS
    USER_KEYRING = -4
    KEYCTL_SEARCH = 10
    found = libc.syscall(keyctl, KEYCTL_SEARCH, USER_KEYRING, b"user", b"rlef-carry", 0)
    leaked = found > 0
    libc.syscall(add_key, b"user", b"rlef-carry", b"earlier test", 12, USER_KEYRING)
print("LEAKED" if leaked else "blocked")
`,
    verdicts: ["OK"],
  },
  {
    name: "another test's input in the program's own memory",
    inputs: [1, 2, 3, 4].map((i) => `${SECRET(i)}\n`),
    code: `import ctypes, re, sys
mine = sys.stdin.readline().strip().encode()
sys.stderr.write(mine.decode() + "\\n")  # our output passes through the supervisor too
try:
    mem = open("/proc/self/mem", "rb", 0)
except OSError:
    mem = None  # not dumpable: read our memory through ctypes instead
found = set()
for line in open("/proc/self/maps"):
    fields = line.split()
    span, perms = fields[:2]
    if not perms.startswith("r") or (len(fields) > 5 and fields[5] in ("[vvar]", "[vsyscall]", "[vvar_vclock]")):
        continue
    start, end = (int(x, 16) for x in span.split("-"))
    if end - start > (256 << 20) or (mem is None and len(fields) > 5 and not fields[5].startswith("[")):
        continue
    try:
        if mem is not None:
            mem.seek(start)
            data = mem.read(end - start)
        else:
            data = ctypes.string_at(start, end - start)
    except (OSError, ValueError, OverflowError):
        continue
    found.update(re.findall(rb"rlef-input-\\d-q{8}-\\d+", data))
found.discard(mine)
print("LEAKED " + repr(sorted(found))[:200] if found else "blocked")
`,
    verdicts: ["OK"],
  },
  {
    name: "a daemon of an earlier test still running",
    code: `import os, time
me = os.getpid()
others = [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, me)]
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(1000)
    os._exit(0)
os.wait()
print("LEAKED" if others else "blocked")
`,
    verdicts: ["OK"],
  },
];
