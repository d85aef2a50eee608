"""RLEF Studio fork-server: run every test of one submission inside one sandbox.

Started once per submission as PID 1 of the sandbox's PID namespace
(`bwrap --as-pid-1 ... python3 /rlef/supervisor.py`). It compiles
/sandbox/solution.py once; for each test frame from Node it forks a fresh
child that behaves like `python3 solution.py` (see _rlef_supervisor_child.py),
relays the child's stdout/stderr to Node and reports exit status and rusage.

Why PID 1: signals from inside the namespace cannot kill it (a program's
kill(-1, SIGKILL) only hits the test's own processes), orphans of a test
(setsid, double fork) are re-parented to it, and kill(-1, SIGKILL) from here
reaches every other process in the sandbox: that is how a test is cleaned up.

File descriptors: 3 = frames from Node, 4 = frames to Node, 5 = our own
diagnostics. 0/1/2 belong to the test being run (/dev/null in between).

Wire format (integers little-endian):
  Node -> here: b'C' u32 0 u32 0                           (the program is in place: compile it)
                b'T' u32 meta_len u32 body_len meta body   (one test; body = stdin)
                b'Q' u32 0 u32 0                           (quit)
  here -> Node: type(1) u32 test_index u32 payload_len payload
     b'H' hello, b'O' stdout bytes, b'E' stderr bytes, b'R' result,
     b'X' fatal error (UTF-8 text, then exit).
  meta, hello and result are flat records "key=value,key=value" (ints,
  floats, words): no json import, which would cost every sandbox ~5 ms of
  start-up (json pulls in re).

Deliberately no `threading` import: whether the program imports it must stay
observable exactly as in a fresh interpreter.
"""

import fcntl
import gc
import os
import resource
import select
import signal
import sys
import time
import warnings

import _rlef_supervisor_child as child
from _rlef_supervisor_io import FRAME, FROM_NODE, TO_NODE, decode_record, encode_record, grow_pipe, send_error, send_record
from _rlef_supervisor_isolation import PR_SET_DUMPABLE, Isolation
from _rlef_supervisor_relay import Relay, discard, read_exact, splice_exactly

# argv: solution path, then "sandboxed" (PID 1 of a bwrap sandbox) or
# "unsandboxed" (the development-only --unsafe-no-sandbox mode: no kill(-1),
# no /tmp wipe; tests are killed by process group and, as orphans re-parented
# to us as child subreaper, one by one), then the isolation record
# (warm-sandbox.ts): join = cgroup.procs fds we write "0" to at start ("6.7"),
# uid/gid = the test identity (root-run pools: not ours, so a test cannot
# prlimit, renice or signal us), tmp/shm = sizes of each test's fresh tmpfs.
SOLUTION_PATH = sys.argv[1] if len(sys.argv) > 1 else "/sandbox/solution.py"
SANDBOXED = (sys.argv[2] if len(sys.argv) > 2 else "sandboxed") == "sandboxed"
ISOLATION = decode_record((sys.argv[3] if len(sys.argv) > 3 else "").encode())
JOIN_FDS = [int(fd) for fd in ISOLATION.get("join", "").split(".") if fd]
TEST_UID = int(ISOLATION["uid"]) if ISOLATION.get("uid") else None
TEST_GID = int(ISOLATION["gid"]) if ISOLATION.get("gid") else None
# Per-test namespaces need the capabilities bwrap grants us in the slot's own
# user namespace, which only a root-run pool has (slot-userns.ts).
FRESH_NAMESPACES = SANDBOXED and TEST_UID is not None
SOLUTION_DIR = os.path.dirname(SOLUTION_PATH)
# What `python3 solution.py`, run from the solution's directory, would see.
PLAIN_ORIG_ARGV = [sys.executable, os.path.basename(SOLUTION_PATH)]
# Without per-test namespaces (a pool not run as root) the scratch dirs are emptied instead.
WIPE_DIRS = ("/tmp", "/dev/shm") if SANDBOXED and not FRESH_NAMESPACES else ()
DIAGNOSTICS = 5
RECURSION_PROBE = "def f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\ndepth = f(1)\n"


def _libc():
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def _python_frames():
    frame, depth = sys._getframe(1), 0
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    return depth


class Compiled:
    """The program compiled once, as `python3 solution.py` compiles it.

    `error`: the SyntaxError the file-based compile raises (the child prints
    it). `fallback`: compile() could not be trusted to match the file-based
    compile (a NUL byte in the source, the compiler's own RecursionError or
    MemoryError on a deeply nested expression, anything unexpected), so each
    test child execs a fresh interpreter on the file instead, which then fails
    exactly as `python3 solution.py` does. Never an exception here: whatever
    the source, the supervisor lives (a 3 KB expression must be the
    program's RUNTIME_ERROR, not our SANDBOX_ERROR).

    The compiler's recursion budget (3.11) is the recursion limit minus the
    depth of the Python frames calling it; python3 compiles a file at depth
    0, so the limit is raised by our depth while compiling."""

    def __init__(self):
        self.code = None
        self.error = None
        self.fallback = False
        self.warnings = []
        try:
            with open(SOLUTION_PATH, "rb") as f:
                source = f.read()
            limit = sys.getrecursionlimit()
            sys.setrecursionlimit(limit + _python_frames())
            try:
                with warnings.catch_warnings(record=True) as caught:
                    try:
                        self.code = compile(source, SOLUTION_PATH, "exec", dont_inherit=True)
                    except SyntaxError as exc:
                        self.error = exc
                self.warnings = list(caught)
            finally:
                sys.setrecursionlimit(limit)
        except BaseException:
            self.code = self.error = None
            self.warnings = []
            self.fallback = True


def _wipe(path):
    """Empty a scratch dir, iteratively: a program's 10,000 nested directories
    must not exhaust our recursion limit (the fallback without fresh namespaces)."""
    stack = [(path, False)]
    while stack:
        directory, listed = stack.pop()
        if listed:
            try:
                os.rmdir(directory)
            except OSError:
                pass
            continue
        if directory != path:
            stack.append((directory, True))
        try:
            entries = os.listdir(directory)
        except OSError:
            continue
        for name in entries:
            full = os.path.join(directory, name)
            try:
                if os.path.isdir(full) and not os.path.islink(full):
                    os.chmod(full, 0o700)
                    stack.append((full, False))
                else:
                    os.unlink(full)
            except OSError:
                pass


def _children():
    mine = str(os.getpid()).encode()
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                if f.read().rsplit(b")", 1)[1].split()[1] == mine:
                    found.append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    return found


def kill_everything_else():
    """SIGKILL every other process of the sandbox and reap until none is left."""
    while True:
        if SANDBOXED:
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
        else:
            for pid in _children():
                for kill in (os.killpg, os.kill):
                    try:
                        kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _limits(meta):
    """(resource, soft, hard) for a test child, computed before the fork;
    the child's niceness (Node's own) is the last item."""
    memory = int(meta["memoryLimitBytes"]) + int(meta["addressSpaceSlackBytes"])
    cpu = int(meta["cpuLimitSeconds"])
    files = int(meta["fileSizeLimitBytes"])
    return (
        (resource.RLIMIT_AS, memory, memory),
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_FSIZE, files, files),
        (resource.RLIMIT_NOFILE, int(meta["openFilesLimit"]), int(meta["openFilesLimit"])),
        (resource.RLIMIT_NPROC, int(meta["processLimit"]), int(meta["processLimit"])),
        (resource.RLIMIT_CORE, 0, 0),
        int(meta.get("niceness", 0)),
    )


class Supervisor:
    def __init__(self):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # PID 1 with a handler could be interrupted from inside
        self.devnull = os.open("/dev/null", os.O_RDWR)
        self.libc = _libc()
        # Non-dumpable: /proc/1/{fd,mem,environ} and ptrace are closed to the
        # test processes, so they cannot forge frames to Node.
        self.libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        if not SANDBOXED:
            self.libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
        grow_pipe(TO_NODE)
        # One pair of pipes for all tests: after a test every writer is dead
        # and reaped, so draining to EAGAIN takes exactly that test's output.
        self.out_r, self.out_w = os.pipe()
        self.err_r, self.err_w = os.pipe()
        for fd in (self.out_r, self.err_r):
            grow_pipe(fd)
            os.set_blocking(fd, False)
        self.fresh = None
        # We live in the slot's cgroups from here on, so every test child is
        # born in them: no migration per test (on cgroup v1 each one would wait
        # for an RCU grace period). Node keeps the cgroup's OOM killer off us.
        for fd in JOIN_FDS:
            os.write(fd, b"0")
            os.close(fd)
        self.relay = Relay()
        self.bounce = os.pipe()
        grow_pipe(self.bounce[1])
        self.compiled = None
        self.isolation = Isolation(
            self.libc,
            fresh_namespaces=FRESH_NAMESPACES,
            sandboxed=SANDBOXED,
            test_ids=None if TEST_UID is None else (TEST_UID, TEST_GID),
            reset_oom=bool(JOIN_FDS),
            tmp_bytes=int(ISOLATION.get("tmp", 64 << 20)),
            shm_bytes=int(ISOLATION.get("shm", 16 << 20)),
        )

    def read_frame(self):
        """(kind, meta, stdin memfd or None), or None at EOF. A test's input
        goes from the pipe straight into its memfd; the next frames stay in the pipe."""
        header = read_exact(FROM_NODE, FRAME.size)
        if header is None:
            return None
        kind, meta_len, body_len = FRAME.unpack(header)
        meta_bytes = read_exact(FROM_NODE, meta_len) if meta_len else b""
        if meta_bytes is None:
            return None
        stdin_fd = None
        if kind == b"T":
            stdin_fd = os.memfd_create("stdin", 0)
            if not splice_exactly(FROM_NODE, stdin_fd, body_len, self.bounce):
                return None
            os.lseek(stdin_fd, 0, os.SEEK_SET)
        elif body_len and read_exact(FROM_NODE, body_len) is None:
            return None
        return kind, decode_record(meta_bytes), stdin_fd

    def serve(self):
        """Main loop. Returns a FreshProcess only inside a forked test child.

        We may be started before the program exists (a warm standby): the
        first frame, 'C', says /sandbox/solution.py is now written."""
        frame = self.read_frame()
        if frame is None or frame[0] != b"C":
            return None
        self.compiled = Compiled()
        send_record(b"H", 0, {"python": sys.version.split()[0], "compiled": self.compiled.error is None, "pid": os.getpid()})
        gc.freeze()  # children's collections skip our objects: fewer copy-on-write faults
        while True:
            frame = self.read_frame()
            if frame is None or frame[0] == b"Q":
                kill_everything_else()
                return None
            kind, meta, stdin_fd = frame
            if kind != b"T":
                send_error(f"unknown frame type {kind!r}")
                return None
            fresh = self.run_test(int(meta["index"]), meta, stdin_fd)
            if fresh is not None:
                return fresh

    def run_test(self, index, meta, stdin_fd):
        os.dup2(stdin_fd, 0)
        os.close(stdin_fd)
        for source, target in ((self.out_w, 1), (self.err_w, 2)):
            os.dup2(source, target)
            fcntl.fcntl(target, fcntl.F_SETFL, 0)  # a test may have set O_NONBLOCK/O_APPEND on the shared pipe
        if self.fresh is None:
            # Built once, on the first test's fds, and never touched by us
            # again: each child gets a pristine copy. Every test's fds 0/1/2
            # are of the same kinds (a memfd, two pipes), so the streams'
            # cached properties (seekable, block size) hold for all of them.
            self.fresh = child.FreshProcess(SOLUTION_PATH, PLAIN_ORIG_ARGV, RECURSION_BUMP)
        limits = _limits(meta)
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            self.become_test_process(limits)
            return self.fresh
        try:
            self.isolation.renew_ipc()  # the next test's, made while this one runs
        except OSError as exc:
            os.kill(pid, signal.SIGKILL)
            kill_everything_else()
            send_error(f"cannot make the next test's IPC namespace: {exc}")  # ours: Node retries in a fresh sandbox
            os._exit(1)
        # Touch as little memory as possible while the child runs: every page
        # we write now is copied (copy-on-write) for us; after it exits, reuse is free.
        result = self.supervise(index, meta, pid, started)
        for fd in (0, 1, 2):
            os.dup2(self.devnull, fd)
        for path in WIPE_DIRS:
            _wipe(path)
        if FRESH_NAMESPACES:
            try:
                self.isolation.refresh()
            except OSError as exc:
                send_error(f"cannot renew the scratch dirs: {exc}")  # ours: Node retries in a fresh sandbox
                os._exit(1)
        self.relay.send(index, encode_record(result))
        self.relay.scrub()
        return None

    def become_test_process(self, limits):
        if not SANDBOXED:
            os.setpgid(0, 0)
            self.libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG: die with us
        try:
            self.isolation.enter()
        except OSError as exc:
            send_error(f"test setup failed: {exc}")  # ours, not the program's: Node retries
            os._exit(125)
        os.closerange(3, max(1 << 16, os.sysconf("SC_OPEN_MAX")))  # every fd but 0/1/2, however high
        *rlimits, niceness = limits
        for limit, soft, hard in rlimits:
            resource.setrlimit(limit, (soft, hard))
        # We may run at a higher priority than Node (to keep deadlines on a
        # busy machine); the program runs at Node's, as a plain python3 would.
        if os.getpriority(os.PRIO_PROCESS, 0) != niceness:
            try:
                os.setpriority(os.PRIO_PROCESS, 0, niceness)
            except OSError:
                pass
        if self.compiled.fallback:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            try:
                os.chdir(SOLUTION_DIR)
                os.execv(sys.executable, PLAIN_ORIG_ARGV)
            finally:
                os._exit(127)

    def supervise(self, index, meta, pid, started):
        out_r, err_r = self.out_r, self.err_r
        limit_s = int(meta["timeLimitMs"]) / 1000.0
        deadline = started + limit_s
        caps = {out_r: int(meta["stdoutLimitBytes"]), err_r: int(meta["stderrLimitBytes"])}
        kinds = {out_r: b"O", err_r: b"E"}
        counts = {out_r: 0, err_r: 0}
        limited = []
        pidfd = os.pidfd_open(pid)
        poller = select.poll()
        for fd in (out_r, err_r, pidfd):
            poller.register(fd, select.POLLIN)
        relay = self.relay

        def drain(fd):
            """Relay what fd holds now (until EAGAIN), up to the cap (then the test ends)."""
            while counts[fd] <= caps[fd]:
                n = relay.read(fd, kinds[fd], index, caps[fd] - counts[fd])
                if not n:
                    return
                counts[fd] += n
                if counts[fd] > caps[fd] and not limited:
                    limited.append("stdout" if fd == out_r else "stderr")

        timed_out = exited = False
        while not exited and not limited:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            for fd, _ in poller.poll(max(1, int(remaining * 1000) + 1)):
                if fd == pidfd:
                    exited = True
                else:
                    drain(fd)
        finished = time.monotonic()
        os.close(pidfd)
        if not exited:
            os.kill(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
        # As at the end of a plain run: nothing the test started may outlive
        # it (daemons, setsid, double forks); then take what they all wrote.
        kill_everything_else()
        for fd in (out_r, err_r):
            drain(fd)
            discard(fd, self.devnull)
        wall_s = finished - started
        cpu_s = usage.ru_utime + usage.ru_stime
        # Whoever noticed it: past the limit in wall or CPU time is TIME_LIMIT,
        # even when the program exited before we woke up.
        timed_out = timed_out or wall_s > limit_s or cpu_s > limit_s
        return {
            "wallMs": round(wall_s * 1000, 3),
            "timedOut": timed_out,
            "outputLimited": limited[0] if limited else None,
            "stdoutBytes": counts[out_r],
            "stderrBytes": counts[err_r],
            "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "cpuMs": round(cpu_s * 1000, 3),
            "peakMemoryBytes": usage.ru_maxrss * 1024,
        }


# Our own tracebacks go to the diagnostics fd, never into a test's stderr.
sys.stdout = sys.stderr = open(DIAGNOSTICS, "w", closefd=False)
try:
    _supervisor = Supervisor()
except OSError as _exc:
    send_error(f"cannot start: {_exc}")
    os._exit(1)
# Frames our module level adds under the program's module frame: recurse from
# an exec'd module at exactly the depth where children exec the program; a
# fresh interpreter reaches limit - 1 from its module.
_probe = {}
exec(compile(RECURSION_PROBE, "<recursion-probe>", "exec"), _probe)
RECURSION_BUMP = max(0, sys.getrecursionlimit() - 1 - _probe["depth"])
del _probe
_fresh = _supervisor.serve()
if _fresh is None:
    os._exit(0)
# --- only a forked test child gets here ---
# It runs the program, then ends as `python3 solution.py` does (child.end).
_compiled = _supervisor.compiled
_preloaded = _fresh.preloaded
_globals = _fresh.enter(_compiled.warnings)
del _supervisor, _fresh
_ending = []
if _compiled.error is not None:
    _ending.append(_compiled.error.with_traceback(None))
else:
    try:
        exec(_compiled.code, _globals)
    except BaseException as _exc:
        _ending.append(_exc.with_traceback(_exc.__traceback__.tb_next))  # drop our own frame
        del _exc
del _compiled, _globals
child.end(_ending, _preloaded)
