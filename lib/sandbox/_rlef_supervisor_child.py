"""What a forked test child does: be `python3 solution.py`, as Py_RunMain is.

Imported by supervisor.py. The expensive objects of a fresh process (std
streams, the __main__ module) are built by the parent *before* the fork on
the test's own fds 0/1/2, so the child only assigns them: every object a
child creates or touches costs copy-on-write page faults.
"""

import atexit
import builtins
import gc
import importlib.machinery
import io
import os
import _signal
import sys
import types
import warnings
import weakref

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
        # Modules loaded before the program starts: their dicts hold nothing of it.
        self.preloaded = frozenset(sys.modules)

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


# --- the end of a program's life: pythonrun.c, then Py_FinalizeEx ----------
#
# CPython 3.11 (Modules/main.c Py_RunMain, Python/pythonrun.c
# _PyRun_SimpleFileObject, Python/pylifecycle.c Py_FinalizeEx), step by step:
#   1. the module ends; flush_io(): sys.stderr.flush(), sys.stdout.flush(), errors dropped
#   2. an exception: PyErr_Print: SystemExit -> its code (a non-int code is
#      printed to sys.stderr, status 1); anything else -> sys.last_*,
#      sys.excepthook (status 1; a KeyboardInterrupt also means "die by SIGINT")
#   3. threading._shutdown() (joins non-daemon threads)
#   4. atexit callbacks (last registered first)
#   5. flush_std_files(): sys.stdout then sys.stderr, unless None or closed; a
#      failure -> status 120 (stdout's is reported through sys.unraisablehook)
#   6. gc.collect()
#   7. finalize_modules(): builtins._ and sys.path/argv/last_*/... set to None,
#      sys.stdin/stdout/stderr restored from sys.__std*__, sys.modules emptied,
#      builtins restored (not done here: it would cost ~0.5 ms a test, and only
#      a program that rebinds builtins *and* relies on them in a finaliser
#      could tell), gc, then the dicts of modules still alive cleared in
#      reverse import order (names with one leading underscore first), __del__s
#      and unclosed files' finalisers running as they go
#   8. the sys dict wiped (the std streams flush as they are freed, silently);
#      exit(status), or kill(getpid(), SIGINT)
# The child does exactly these steps, then os._exit: what CPython does after
# them (freeing every object of the interpreter) has no observable effect and
# would copy-on-write the whole heap (~6 ms a test). Step 7 skips the dicts of
# modules that were loaded before the program started (the supervisor's and
# the start-up ones), which hold none of the program's objects.

_MISSING = object()
_DISPLAY = sys.__excepthook__  # PyErr_Display, whatever the program does to sys.__excepthook__
_DEFAULT_UNRAISABLE = sys.__unraisablehook__
_SYS_CLEARED = ("path", "argv", "ps1", "ps2", "last_type", "last_value", "last_traceback", "path_hooks", "path_importer_cache", "meta_path", "__interactive_hook__")


def _unraisable_args_type():
    """sys.UnraisableHookArgs is not exposed by name: catch one instance."""
    caught = []
    saved = sys.unraisablehook
    sys.unraisablehook = caught.append

    class Raises:
        def __del__(self):
            raise RuntimeError

    Raises()
    sys.unraisablehook = saved
    return type(caught[0])


_UNRAISABLE_ARGS = _unraisable_args_type()


def _without_our_frame(exc):
    """An exception caught here has our calling frame first in its traceback;
    CPython's, caught in C, starts at the program's frame."""
    tb = exc.__traceback__
    return exc.with_traceback(tb.tb_next if tb is not None else None)


def _write_unraisable(exc, obj):
    """PyErr_WriteUnraisable(obj) (Python/errors.c): sys.unraisablehook, or
    the default when it is missing/None or itself fails."""
    args = _UNRAISABLE_ARGS((type(exc), exc, exc.__traceback__, None, obj))
    hook = getattr(sys, "unraisablehook", None)
    if hook is None:
        _DEFAULT_UNRAISABLE(args)
        return
    try:
        hook(args)
    except BaseException as hook_exc:
        hook_exc = _without_our_frame(hook_exc)
        _DEFAULT_UNRAISABLE(_UNRAISABLE_ARGS((type(hook_exc), hook_exc, hook_exc.__traceback__, "Exception ignored in sys.unraisablehook", hook)))


def _write_stderr(text):
    """PySys_WriteStderr: sys.stderr.write, or fd 2 (C's stderr) when that
    fails, sys.stderr being None or missing included."""
    try:
        sys.stderr.write(text)
    except BaseException:
        try:
            os.write(2, text.encode())
        except OSError:
            pass


def _display(exc, tb):
    """PyErr_Display: the default printer, on sys.stderr as it is now."""
    try:
        _DISPLAY(type(exc), exc, tb)
    except BaseException:
        pass


def flush_io():
    """Step 1. This is where a FastIO wrapper's buffer reaches fd 1, while the
    program's globals (its `os`) still exist."""
    for name in ("stderr", "stdout"):
        try:
            getattr(sys, name).flush()
        except BaseException:
            pass


def _print_exception(exc):
    """Step 2 for anything but SystemExit (pythonrun.c _PyErr_PrintEx).
    Called outside any `except` block, so an exception of the hook has no
    __context__ of ours. Returns a SystemExit the hook raised (CPython then
    exits with it)."""
    tb = exc.__traceback__
    sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, tb
    hook = getattr(sys, "excepthook", _MISSING)
    if hook is _MISSING:
        _write_stderr("sys.excepthook is missing\n")
        _display(exc, tb)
        return None
    try:
        hook(type(exc), exc, tb)
    except SystemExit as hook_exit:
        return hook_exit
    except BaseException as hook_exc:
        hook_exc = _without_our_frame(hook_exc)
        _write_stderr("Error in sys.excepthook:\n")
        _display(hook_exc, hook_exc.__traceback__)
        _write_stderr("\nOriginal exception was:\n")
        _display(exc, tb)
    return None


def _system_exit_status(exc):
    """Step 2 for SystemExit (pythonrun.c _Py_HandleSystemExit)."""
    code = getattr(exc, "code", None)
    if code is None:
        return 0
    if isinstance(code, int):
        return code if -(1 << 63) <= code < (1 << 63) else -1  # (int)PyLong_AsLong: -1 on overflow
    stream = getattr(sys, "stderr", None)
    try:
        if stream is not None:
            stream.write(str(code))  # PyFile_WriteObject(code, sys.stderr, Py_PRINT_RAW)
        else:
            os.write(2, str(code).encode(errors="backslashreplace"))  # PyObject_Print to C's stderr
    except BaseException:
        pass
    _write_stderr("\n")
    return 1


def _file_is_closed(stream):
    try:
        return bool(stream.closed)
    except BaseException:
        return False


def _flush_std_files():
    """Step 5. False when a flush failed (exit status 120)."""
    ok = True
    out, err = getattr(sys, "stdout", None), getattr(sys, "stderr", None)
    if out is not None and not _file_is_closed(out):
        try:
            out.flush()
        except BaseException as exc:
            _write_unraisable(_without_our_frame(exc), out)
            ok = False
    if err is not None and not _file_is_closed(err):
        try:
            err.flush()
        except BaseException:
            ok = False
    return ok


def _flush_silently():
    """Step 8. By then finalize_modules has wiped the sys dict, so CPython's
    second flush_std_files finds nothing: what the restored std streams still
    buffer is flushed when they are deallocated, and a failure there is
    silent (iobase_finalize)."""
    for name in ("stdout", "stderr"):
        try:
            getattr(sys, name).flush()
        except BaseException:
            pass


def _clear_module_dict(d):
    """_PyModule_ClearDict: names with one leading underscore, then all but __builtins__, set to None."""
    for first_pass in (True, False):
        for key in list(d):
            if not isinstance(key, str) or d.get(key) is None:
                continue
            private = key[:1] == "_" and key[1:2] != "_"
            if private if first_pass else key != "__builtins__":
                try:
                    d[key] = None
                except BaseException as exc:
                    _write_unraisable(_without_our_frame(exc), None)


def _finalize_modules(preloaded):
    """Step 7 (pylifecycle.c finalize_modules), for the program's modules."""
    sys_dict = vars(sys)
    builtins_dict = vars(builtins)
    builtins_dict["_"] = None
    global _KEPT_IMPORT_STATE
    # The import system's state (sys.path, meta_path, path_hooks,
    # path_importer_cache) is held until _exit, like the preloaded modules:
    # freeing its finders' caches would only copy-on-write pages.
    _KEPT_IMPORT_STATE = [sys_dict.get(name) for name in _SYS_CLEARED if not name.startswith("last_")]
    for name in _SYS_CLEARED:
        sys_dict[name] = None
    for name in ("stdin", "stdout", "stderr"):
        sys_dict[name] = sys_dict.get(f"__{name}__")
    modules = sys_dict["modules"]
    alive, kept = [], []
    for name, module in modules.items():
        if name == "__main__" or name not in preloaded:
            if isinstance(module, types.ModuleType):
                alive.append(weakref.ref(module))
        else:
            kept.append(module)
    del module
    # The preloaded modules are held until _exit: tearing them down would
    # free (and copy-on-write) half the heap, and nothing of the program is
    # in them. (CPython sets every entry to None before clearing the dict;
    # with nothing freed in between, clearing at once ends the same.)
    global _KEPT
    _KEPT = kept
    modules.clear()
    gc.collect()
    for ref in reversed(alive):
        module = ref()
        if module is not None and module is not sys and module is not builtins:
            _clear_module_dict(vars(module))
        del module


def end(holder, preloaded):
    """The program's module has ended, with the exception in `holder` if any
    (popped, so that no reference of ours keeps it or its frames alive:
    CPython drops a SystemExit before finalising). Ends the process."""
    exc = holder.pop() if holder else None
    flush_io()
    status, interrupted = 0, False
    if isinstance(exc, SystemExit):
        status = _system_exit_status(exc)
    elif exc is not None:
        hook_exit = _print_exception(exc)
        if hook_exit is not None:
            status = _system_exit_status(hook_exit)
            del hook_exit
        else:
            status, interrupted = 1, type(exc) is KeyboardInterrupt  # exactly, as run_eval_code_obj tests it
    del exc
    threading = sys.modules.get("threading")
    if threading is not None:
        try:
            threading._shutdown()
        except BaseException as exc:
            _write_unraisable(_without_our_frame(exc), threading)
            del exc
    del threading
    atexit._run_exitfuncs()
    if not _flush_std_files():
        status = 120
    if gc.isenabled():
        gc.collect()
    _finalize_modules(preloaded)
    _flush_silently()
    if interrupted:
        _signal.signal(_signal.SIGINT, _signal.SIG_DFL)
        os.kill(os.getpid(), _signal.SIGINT)
        status = 130
    os._exit(status & 0xFF)
