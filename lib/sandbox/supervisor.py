"""RLEF Studio fork-server: run every test of one submission inside one sandbox.

Started once per submission as PID 1 of the sandbox's PID namespace
(`bwrap --as-pid-1 ... python3 /rlef/supervisor.py`). It compiles
/sandbox/solution.py once, then for each test frame from Node it forks a fresh
child that behaves like `python3 /sandbox/solution.py` (same __main__, argv,
sys.path, std streams, exit codes, tracebacks, finalisation), relays the
child's stdout/stderr to Node, and reports exit status and rusage.

Why PID 1: signals from inside the namespace cannot kill it (so a program's
kill(-1, SIGKILL) only hits the test's own processes), orphans of a test
(setsid, double fork) are re-parented to it, and kill(-1, SIGKILL) from here
reaches every other process in the sandbox, which is how a test is cleaned up.

Wire format (all integers little-endian):
  Node -> here: b'T' u32 json_len u32 body_len json body   (one test; body = stdin)
                b'Q' u32 0 u32 0                           (quit)
  here -> Node: type(1) u32 test_index u32 payload_len payload
     b'H' hello JSON, b'O' stdout bytes, b'E' stderr bytes, b'R' result JSON,
     b'X' fatal error JSON (then exit).

Deliberately no `threading` import: whether the user's program imports it must
stay observable exactly as in a fresh interpreter.
"""

import atexit
import fcntl
import gc
import json
import os
import resource
import select
import signal
import struct
import sys
import time
import warnings

# argv: solution path, then "sandboxed" (PID 1 of a bwrap sandbox) or
# "unsandboxed" (the development-only --unsafe-no-sandbox mode: no kill(-1),
# no /tmp wipe; tests are killed by process group and as orphans re-parented
# to us as child subreaper).
SOLUTION_PATH = sys.argv[1] if len(sys.argv) > 1 else "/sandbox/solution.py"
SANDBOXED = (sys.argv[2] if len(sys.argv) > 2 else "sandboxed") == "sandboxed"
SOLUTION_DIR = os.path.dirname(SOLUTION_PATH)
# What `python3 solution.py`, run from the solution's directory, would see.
PLAIN_ORIG_ARGV = [sys.executable, os.path.basename(SOLUTION_PATH)]
WIPE_DIRS = ("/tmp", "/dev/shm") if SANDBOXED else ()
CHUNK = 1 << 20
PIPE_BYTES = 1 << 20  # bigger pipes: a program printing megabytes costs fewer wake-ups
FRAME_OUT = struct.Struct("<cII")
FRAME_IN = struct.Struct("<cII")


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def send(kind, index, payload):
    header = FRAME_OUT.pack(kind, index, len(payload))
    if len(payload) < 4096:
        _write_all(1, header + payload)
        return
    written = os.writev(1, [header, payload])
    if written < len(header):
        _write_all(1, header[written:])
        written = len(header)
    _write_all(1, memoryview(payload)[written - len(header):])


def _grow_pipe(fd):
    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except OSError:
        pass


def send_json(kind, index, obj):
    send(kind, index, json.dumps(obj).encode())


def _read_exact(n):
    parts = []
    while n:
        chunk = os.read(0, min(n, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def read_frame():
    header = _read_exact(FRAME_IN.size)
    if header is None:
        return None
    kind, json_len, body_len = FRAME_IN.unpack(header)
    meta = json.loads(_read_exact(json_len) or b"{}") if json_len else {}
    body = _read_exact(body_len) if body_len else b""
    return kind, meta, body


def _set_dumpable(flag):
    # Non-dumpable makes /proc/1/{fd,mem,environ} and ptrace unavailable to
    # the same-uid test processes, so they cannot forge protocol frames.
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_DUMPABLE = 4
    if libc.prctl(PR_SET_DUMPABLE, flag, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE)")
    return libc


class Compiled:
    """The program compiled once. `fallback` means compile() cannot reproduce
    the file-based parser of `python3 solution.py` (a NUL byte in the source),
    so each test child execs a fresh interpreter instead."""

    def __init__(self):
        self.code = None
        self.error = None
        self.fallback = False
        with open(SOLUTION_PATH, "rb") as f:
            source = f.read()
        with warnings.catch_warnings(record=True) as caught:
            try:
                self.code = compile(source, SOLUTION_PATH, "exec", dont_inherit=True)
            except SyntaxError as exc:
                self.error = exc
            except ValueError:
                self.fallback = True
        self.warnings = list(caught)


# Frames our module level adds under the program's module frame: recurse from
# an exec'd module at exactly the depth where children exec the program (module
# level, below); a fresh interpreter reaches limit - 1 from its module.
RECURSION_PROBE = "def f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\ndepth = f(1)\n"


def _wipe(path):
    try:
        entries = os.listdir(path)
    except OSError:
        return
    for name in entries:
        full = os.path.join(path, name)
        try:
            if os.path.isdir(full) and not os.path.islink(full):
                os.chmod(full, 0o700)
                _wipe(full)
                os.rmdir(full)
            else:
                os.unlink(full)
        except OSError:
            pass


def _children():
    mine = str(os.getpid())
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if fields[1].decode() == mine:
            found.append(int(entry))
    return found


def kill_everything_else():
    """SIGKILL every other process in the namespace and reap until none is left."""
    if not SANDBOXED:
        while True:
            for pid in _children():
                for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
                    try:
                        target()
                    except OSError:
                        pass
            try:
                os.waitpid(-1, 0)
            except ChildProcessError:
                return
    while True:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _limits(meta):
    mem = int(meta["memoryLimitBytes"]) + int(meta.get("addressSpaceSlackBytes", 32 << 20))
    cpu = int(meta["cpuLimitSeconds"])
    return [
        (resource.RLIMIT_AS, mem),
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_FSIZE, int(meta["fileSizeLimitBytes"])),
        (resource.RLIMIT_NOFILE, int(meta["openFilesLimit"])),
        (resource.RLIMIT_NPROC, int(meta["processLimit"])),
        (resource.RLIMIT_CORE, 0),
    ]


class ChildJob:
    """What the forked child needs once it is back at module level."""

    def __init__(self, compiled, libc, recursion_bump):
        self.compiled = compiled
        self.libc = libc
        self.recursion_bump = recursion_bump


def _become_test_process(meta, stdin_fd, out_w, err_w, libc):
    if not SANDBOXED:
        os.setpgid(0, 0)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG: die with the supervisor
    os.dup2(stdin_fd, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    os.closerange(3, 1 << 16)
    for limit in _limits(meta):
        soft = limit[1]
        hard = limit[2] if len(limit) > 2 else soft
        resource.setrlimit(limit[0], (soft, hard))
    libc.prctl(4, 1, 0, 0, 0)  # dumpable again, like a fresh process
    signal.signal(signal.SIGINT, signal.default_int_handler)


def run_test(index, meta, stdin_bytes, compiled, libc):
    """Run one test; returns a ChildJob in the forked child, None in the parent.

    (A child of a program that needs the fresh-interpreter fallback never
    returns: it execs python3 on the file.)"""
    stdin_fd = os.memfd_create("stdin", 0)
    _write_all(stdin_fd, stdin_bytes)
    os.lseek(stdin_fd, 0, os.SEEK_SET)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    _grow_pipe(out_r)
    _grow_pipe(err_r)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _become_test_process(meta, stdin_fd, out_w, err_w, libc)
        if compiled.fallback:
            _exec_fresh_interpreter()
        return ChildJob(compiled, libc, RECURSION_BUMP)
    os.close(stdin_fd)
    os.close(out_w)
    os.close(err_w)
    result = _supervise(index, meta, pid, started, out_r, err_r)
    os.close(out_r)
    os.close(err_r)
    for path in WIPE_DIRS:
        _wipe(path)
    send_json(b"R", index, result)
    return None


def _exec_fresh_interpreter():
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        os.chdir(SOLUTION_DIR)
        os.execv(sys.executable, PLAIN_ORIG_ARGV)
    finally:
        os._exit(127)


def _supervise(index, meta, pid, started, out_r, err_r):
    deadline = started + int(meta["timeLimitMs"]) / 1000.0
    caps = {out_r: int(meta["stdoutLimitBytes"]), err_r: int(meta["stderrLimitBytes"])}
    kinds = {out_r: b"O", err_r: b"E"}
    counts = {out_r: 0, err_r: 0}
    open_fds = {out_r, err_r}
    state = {"outputLimited": None}
    pidfd = os.pidfd_open(pid)
    poller = select.poll()
    for fd in (out_r, err_r, pidfd):
        poller.register(fd, select.POLLIN)

    def drain(fd, once):
        """Relay what fd holds (one read if once, else until EOF or EAGAIN)."""
        while True:
            try:
                chunk = os.read(fd, CHUNK)
            except BlockingIOError:
                return
            if not chunk:
                poller.unregister(fd)
                open_fds.discard(fd)
                return
            room = caps[fd] - counts[fd]
            counts[fd] += len(chunk)
            if room > 0:
                send(kinds[fd], index, chunk[:room])
            if counts[fd] > caps[fd]:
                if state["outputLimited"] is None:
                    state["outputLimited"] = "stdout" if fd == out_r else "stderr"
                return
            if once:
                return

    timed_out = False
    exited = False
    while not exited:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        for fd, _ in poller.poll(max(1, int(remaining * 1000) + 1)):
            if fd == pidfd:
                exited = True
            elif fd in open_fds:
                drain(fd, True)
        if state["outputLimited"]:
            break
    finished = time.monotonic()
    os.close(pidfd)
    if not exited:
        os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    # Like the end of a plain run: keep what is already written, then nothing
    # the test started may outlive it (daemons, setsid, double forks).
    for fd in list(open_fds):
        os.set_blocking(fd, False)
        drain(fd, False)
    kill_everything_else()
    for fd in list(open_fds):
        drain(fd, False)
    result = {
        "wallMs": round((finished - started) * 1000, 3),
        "timedOut": timed_out,
        "outputLimited": state["outputLimited"],
        "stdoutBytes": counts[out_r],
        "stderrBytes": counts[err_r],
        "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "cpuMs": round((usage.ru_utime + usage.ru_stime) * 1000, 3),
        "peakMemoryBytes": usage.ru_maxrss * 1024,
    }
    return result


def serve():
    """Main loop of PID 1. Returns a ChildJob only inside a forked test child."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _grow_pipe(1)
    libc = _set_dumpable(0)
    if not SANDBOXED:
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: orphans of a test come to us
    try:
        compiled = Compiled()
    except OSError as exc:
        send_json(b"X", 0, {"error": f"cannot read {SOLUTION_PATH}: {exc}"})
        return None
    send_json(b"H", 0, {
        "python": sys.version.split()[0],
        "compiled": compiled.error is None,
        "pid": os.getpid(),
    })
    gc.collect()
    gc.freeze()  # children's collections then skip our objects: fewer copy-on-write faults
    while True:
        frame = read_frame()
        if frame is None or frame[0] == b"Q":
            kill_everything_else()
            return None
        kind, meta, body = frame
        if kind != b"T":
            send_json(b"X", 0, {"error": f"unknown frame type {kind!r}"})
            return None
        job = run_test(int(meta["index"]), meta, body, compiled, libc)
        if job is not None:
            return job


# ---------------------------------------------------------------------------
# Below: what a test child does, mirroring CPython's Py_RunMain for a script.


def _std_stream(fd, name, template, mode):
    import io

    raw = io.FileIO(fd, mode + "b", closefd=False)
    raw.name = name
    buffered = (io.BufferedReader if mode == "r" else io.BufferedWriter)(raw)
    stream = io.TextIOWrapper(
        buffered,
        encoding=template.encoding,
        errors=template.errors,
        newline="\n",
        line_buffering=template.line_buffering,
        write_through=False,
    )
    stream.mode = mode
    return stream


def _hide_recursion_bump(bump):
    """The program's module runs `bump` frames deeper than in a fresh
    interpreter: raise the limit by that much and let the program see and set
    the limit as if it were not (exact for the main thread)."""
    if not bump:
        return
    get_limit, set_limit = sys.getrecursionlimit, sys.setrecursionlimit
    set_limit(get_limit() + bump)

    def getrecursionlimit():
        return get_limit() - bump

    def setrecursionlimit(limit):
        if not isinstance(limit, int):
            return set_limit(limit)
        return set_limit(limit + bump if limit >= 1 else limit)

    getrecursionlimit.__doc__, setrecursionlimit.__doc__ = get_limit.__doc__, set_limit.__doc__
    sys.getrecursionlimit, sys.setrecursionlimit = getrecursionlimit, setrecursionlimit


def child_prepare(job):
    import importlib.machinery
    import types

    sys.stdin = sys.__stdin__ = _std_stream(0, "<stdin>", sys.__stdin__, "r")
    sys.stdout = sys.__stdout__ = _std_stream(1, "<stdout>", sys.__stdout__, "w")
    sys.stderr = sys.__stderr__ = _std_stream(2, "<stderr>", sys.__stderr__, "w")
    sys.argv = [PLAIN_ORIG_ARGV[1]]
    sys.orig_argv = list(PLAIN_ORIG_ARGV)
    sys.path[0] = SOLUTION_DIR
    _hide_recursion_bump(job.recursion_bump)
    main = types.ModuleType("__main__")
    main.__file__ = SOLUTION_PATH
    main.__cached__ = None
    main.__loader__ = importlib.machinery.SourceFileLoader("__main__", SOLUTION_PATH)
    main.__annotations__ = {}
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    for w in job.compiled.warnings:
        warnings.showwarning(w.message, w.category, w.filename, w.lineno, None, w.line)
    return main.__dict__


def _print_uncaught(exc):
    sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, exc.__traceback__
    hook = getattr(sys, "excepthook", None)
    if hook is None:
        print("sys.excepthook is missing", file=sys.__stderr__)
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
        return
    try:
        hook(type(exc), exc, exc.__traceback__)
    except BaseException as hook_exc:
        err = sys.__stderr__
        print("Error in sys.excepthook:", file=err)
        sys.__excepthook__(type(hook_exc), hook_exc, hook_exc.__traceback__)
        print("\nOriginal exception was:", file=err)
        sys.__excepthook__(type(exc), exc, exc.__traceback__)


def _system_exit_status(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code if -(1 << 63) <= code < (1 << 63) else -1
    stream = getattr(sys, "stderr", None)
    try:
        if stream is not None:
            stream.write(str(code))
            stream.write("\n")
    except BaseException:
        pass
    return 1


def child_uncaught(exc, skip_frames):
    """Status for an exception that left the program, printed as CPython would."""
    if isinstance(exc, SystemExit):
        return _system_exit_status(exc)
    tb = exc.__traceback__
    for _ in range(skip_frames):
        tb = tb.tb_next if tb is not None else None
    exc.__traceback__ = tb
    _print_uncaught(exc)
    return 130 if isinstance(exc, KeyboardInterrupt) else 1


def _flush(stream):
    if stream is None or getattr(stream, "closed", True):
        return True
    try:
        stream.flush()
        return True
    except BaseException as exc:
        sys.unraisablehook(_Unraisable(exc, stream))
        return False


class _Unraisable:
    def __init__(self, exc, obj):
        self.exc_type, self.exc_value, self.exc_traceback = type(exc), exc, exc.__traceback__
        self.err_msg, self.object = None, obj


def child_finish(status, main_globals, interrupted):
    # Py_FinalizeEx order: wait for threads, atexit, flush std streams.
    threading = sys.modules.get("threading")
    if threading is not None:
        try:
            threading._shutdown()
        except BaseException as exc:
            sys.unraisablehook(_Unraisable(exc, threading._shutdown))
    atexit._run_exitfuncs()
    if not _flush(sys.stdout):
        status = 120
    _flush(sys.stderr)
    # Module teardown: the program's objects die, so unclosed files it opened
    # get flushed and its __del__ methods run, as at interpreter exit.
    if threading is None or threading.active_count() <= 1:
        main_globals.clear()
        gc.collect()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        _flush(stream)
    if interrupted:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    os._exit(status & 0xFF)


_probe = {}
exec(compile(RECURSION_PROBE, "<recursion-probe>", "exec"), _probe)
RECURSION_BUMP = max(0, sys.getrecursionlimit() - 1 - _probe["depth"])
del _probe
_job = serve()
if _job is None:
    os._exit(0)
_globals = child_prepare(_job)
_status = 0
_interrupted = False
if _job.compiled.error is not None:
    _status = child_uncaught(_job.compiled.error.with_traceback(None), 0)
else:
    try:
        exec(_job.compiled.code, _globals)
    except BaseException as _exc:
        _interrupted = isinstance(_exc, KeyboardInterrupt)
        _status = child_uncaught(_exc, 1)
        del _exc
child_finish(_status, _globals, _interrupted)
