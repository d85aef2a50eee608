"""What a forked test child does: be `python3 solution.py`, as Py_RunMain is.

Imported by supervisor.py. The expensive objects of a fresh process (std
streams, the __main__ module) are built by the parent *before* the fork on
the test's own fds 0/1/2, so the child only assigns them: every object a
child creates or touches costs copy-on-write page faults.
"""

import atexit
import gc
import importlib.machinery
import io
import os
import _signal
import signal
import sys
import types
import warnings

# The interpreter made these for /dev/null at start-up, under the same
# environment a fresh `python3 solution.py` gets: copy their encoding, errors
# and buffering (stderr is line-buffered, stdout is not).
_TEMPLATES = {0: sys.__stdin__, 1: sys.__stdout__, 2: sys.__stderr__}
_NAMES = {0: "<stdin>", 1: "<stdout>", 2: "<stderr>"}


def _std_stream(fd):
    mode = "r" if fd == 0 else "w"
    template = _TEMPLATES[fd]
    raw = io.FileIO(fd, mode + "b", closefd=False)
    raw.name = _NAMES[fd]
    buffered = (io.BufferedReader if fd == 0 else io.BufferedWriter)(raw)
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


class FreshProcess:
    """Everything `python3 solution.py` has at start-up, built in the parent
    once fds 0/1/2 are the test's stdin file and output pipes."""

    def __init__(self, solution_path, orig_argv, recursion_bump):
        self.solution_path = solution_path
        self.solution_dir = os.path.dirname(solution_path)
        self.orig_argv = list(orig_argv)
        self.argv = [self.orig_argv[1]]
        self.recursion_hooks = _recursion_hooks(recursion_bump)
        self.streams = [_std_stream(0), _std_stream(1), _std_stream(2)]
        self.main = types.ModuleType("__main__")
        self.main.__file__ = solution_path
        self.main.__cached__ = None
        self.main.__loader__ = importlib.machinery.SourceFileLoader("__main__", solution_path)
        self.main.__annotations__ = {}
        self.main.__builtins__ = __builtins__

    def enter(self, compile_warnings):
        """In the child: become the fresh process. Returns the program's globals."""
        # _signal, not signal: the enum wrapping there touches many objects (copy-on-write).
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
        sys.stdin, sys.stdout, sys.stderr = self.streams
        sys.__stdin__, sys.__stdout__, sys.__stderr__ = self.streams
        sys.argv = self.argv
        sys.orig_argv = self.orig_argv
        sys.path[0] = self.solution_dir
        if self.recursion_hooks:
            bump, getter, setter = self.recursion_hooks
            sys.setrecursionlimit(sys.getrecursionlimit() + bump)
            sys.getrecursionlimit, sys.setrecursionlimit = getter, setter
        sys.modules["__main__"] = self.main
        for w in compile_warnings:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno, None, w.line)
        return self.main.__dict__


def _recursion_hooks(bump):
    """The program's module runs `bump` frames deeper than in a fresh
    interpreter: the child raises the limit by that much, and these stand-ins
    for sys.get/setrecursionlimit let the program see and set the limit as if
    it were not (exact for the main thread)."""
    if not bump:
        return None
    get_limit, set_limit = sys.getrecursionlimit, sys.setrecursionlimit

    def getrecursionlimit():
        return get_limit() - bump

    def setrecursionlimit(limit):
        if not isinstance(limit, int):
            return set_limit(limit)
        return set_limit(limit + bump if limit >= 1 else limit)

    getrecursionlimit.__doc__, setrecursionlimit.__doc__ = get_limit.__doc__, set_limit.__doc__
    return bump, getrecursionlimit, setrecursionlimit


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


def uncaught(exc, skip_frames):
    """Exit status for an exception that left the program, printed as CPython would."""
    if isinstance(exc, SystemExit):
        return _system_exit_status(exc)
    tb = exc.__traceback__
    for _ in range(skip_frames):
        tb = tb.tb_next if tb is not None else None
    exc.__traceback__ = tb  # drop our own frame: the traceback starts at the program's module
    _print_uncaught(exc)
    return 130 if isinstance(exc, KeyboardInterrupt) else 1


class _Unraisable:
    def __init__(self, exc, obj):
        self.exc_type, self.exc_value, self.exc_traceback = type(exc), exc, exc.__traceback__
        self.err_msg, self.object = None, obj


def _flush(stream):
    if stream is None or getattr(stream, "closed", True):
        return True
    try:
        stream.flush()
        return True
    except BaseException as exc:
        sys.unraisablehook(_Unraisable(exc, stream))
        return False


def finish(status, main_globals, interrupted):
    """Py_FinalizeEx's observable steps, then _exit (a real finalisation would
    copy-on-write the whole heap): wait for threads, atexit, flush std streams,
    tear the program's module down (its __del__s run, its unclosed files flush)."""
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
    if threading is None or threading.active_count() <= 1:
        main_globals.clear()
        gc.collect()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        _flush(stream)
    if interrupted:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    os._exit(status & 0xFF)
