"""The first process of a plain-engine sandbox, run as
`python3 -I -S -c <this file's text> pid1|exec`; it becomes, or starts, the
program's own `python3 solution.py`.

pid1 (sandboxed: bwrap --as-pid-1): we are PID 1 of the sandbox's PID
namespace instead of bwrap's own monitor, which the program could ptrace and
whose /proc/1/{mem,environ,fd} it could read (same uid, dumpable). We make
ourselves non-dumpable, close every inherited descriptor but 0/1/2, fork the
program, reap whatever it leaves, and exit with its status the way bwrap
reports one (the exit code, or 128 + the signal that killed it). When we
exit, the kernel kills everything else in the namespace.

exec (unsandboxed development mode): close the inherited descriptors and
become the program.

Either way the program is a fresh `python3 solution.py`: sys.argv,
sys.orig_argv, the environment and the signal dispositions are those of a
direct start (this interpreter ignores SIGPIPE and SIGXFSZ, and exec would
pass that on).
"""

import os
import signal
import sys


def close_inherited():
    for name in os.listdir("/proc/self/fd"):
        if int(name) > 2:
            try:
                os.close(int(name))
            except OSError:
                pass  # the listing's own descriptor, already closed


def become_program():
    for sig in (signal.SIGPIPE, signal.SIGXFSZ):
        signal.signal(sig, signal.SIG_DFL)
    try:
        os.execv(sys.executable, [sys.executable, "solution.py"])
    finally:
        os._exit(127)


if sys.argv[1] == "exec":
    close_inherited()
    become_program()

import ctypes  # noqa: E402  (only PID 1 needs it)

ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
close_inherited()
program = os.fork()
if program == 0:
    become_program()
while True:
    pid, status = os.wait()
    if pid == program:
        break
os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
