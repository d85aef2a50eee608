"""Runs a Python 3 program on one test and judges it the way CodeContests does.

Shared by build.py (which needs the reference's output) and check_dataset.py (which needs verdicts).
Standard library only, so CI can run it with any Python 3.9+.
"""
from __future__ import annotations

import math
import os
import re
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass

OK = "OK"
WRONG_ANSWER = "WRONG_ANSWER"
RUNTIME_ERROR = "RUNTIME_ERROR"
TIME_LIMIT = "TIME_LIMIT"
MEMORY_LIMIT = "MEMORY_LIMIT"

# The sandbox's interpreter is "whatever python3 the machine has"; sys.executable avoids pyenv's shim,
# which is a bash script that adds ~50 ms to every start.
PYTHON = sys.executable or "python3"
# -I: isolated like the sandbox. -S: no site-packages; the solutions use only the standard library, and
# skipping site cuts start-up from ~85 ms to ~25 ms here, which is most of the checker's run time.
PYTHON_FLAGS = ["-I", "-S"]


@dataclass
class Execution:
    status: str  # OK when the program exited with code 0 within the limits, else a failure verdict
    stdout: str
    stderr: str
    seconds: float  # CPU time (user + system) of the program


def run_program(program_path: str, input_text: str, time_limit_s: float, memory_limit_bytes: int) -> Execution:
    """Runs one program on one input.

    The time limit applies to CPU time, so a machine busy with other work does not turn a correct program
    into a time-out; the wall clock only stops programs that sleep or wait (twice the limit plus a second).
    """
    cpu_cap = math.ceil(time_limit_s)

    def limit_resources() -> None:
        # Address-space limit: a program that allocates past it sees MemoryError, which we map to ML.
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit_bytes, memory_limit_bytes))
        # The kernel stops a busy loop right at the limit instead of us waiting for the wall clock.
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_cap, cpu_cap + 1))

    before = _children_cpu()
    try:
        done = subprocess.run(
            [PYTHON, *PYTHON_FLAGS, program_path],
            input=input_text.encode(),
            capture_output=True,
            timeout=2 * time_limit_s + 1,
            preexec_fn=limit_resources,
        )
    except subprocess.TimeoutExpired as expired:
        return Execution(TIME_LIMIT, _text(expired.stdout), _text(expired.stderr), max(_children_cpu() - before, time_limit_s))
    seconds = _children_cpu() - before
    stdout, stderr = _text(done.stdout), _text(done.stderr)
    if seconds > time_limit_s or done.returncode == -signal.SIGXCPU:
        # rusage and the kernel's CPU limit use different clocks; the limit's signal is the authority.
        return Execution(TIME_LIMIT, stdout, stderr, max(seconds, time_limit_s))
    if done.returncode == 0:
        return Execution(OK, stdout, stderr, seconds)
    if "MemoryError" in stderr[-2000:]:
        return Execution(MEMORY_LIMIT, stdout, stderr, seconds)
    return Execution(RUNTIME_ERROR, stdout, stderr, seconds)


def _children_cpu() -> float:
    # Only waited-for children count, and each pool worker runs one program at a time, so the delta
    # around subprocess.run is exactly that program's CPU time.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _text(raw: bytes | None) -> str:
    return (raw or b"").decode(errors="replace")


INTEGER = re.compile(r"[+-]?\d+")
DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
FLOAT_TOLERANCE = 1e-5


def outputs_match(expected: str, actual: str) -> bool:
    """The same rules as lib/judge/checker.ts (CodeContests' OutputsMatch, deliberate where it is silent):
    tokens split on whitespace, equal counts, each pair equal ignoring case, or two integers that are
    exactly equal, or two decimals within 1e-5 absolute or relative."""
    want, got = expected.split(), actual.split()
    if len(want) != len(got):
        return False
    return all(_tokens_match(w, g) for w, g in zip(want, got))


def _tokens_match(want: str, got: str) -> bool:
    if want.lower() == got.lower():
        return True
    if len(want) > 400 or len(got) > 400 or not DECIMAL.fullmatch(want) or not DECIMAL.fullmatch(got):
        return False
    if INTEGER.fullmatch(want) and INTEGER.fullmatch(got):
        # Exact: as doubles, 10^18 and 10^18 + 1 would compare equal and hide off-by-one answers.
        return int(want) == int(got)
    a, b = float(want), float(got)
    return abs(a - b) < FLOAT_TOLERANCE or abs(a - b) <= FLOAT_TOLERANCE * max(abs(a), abs(b))


def judge(program_path: str, input_text: str, expected: str, time_limit_s: float, memory_limit_bytes: int) -> tuple[str, float]:
    run = run_program(program_path, input_text, time_limit_s, memory_limit_bytes)
    if run.status != OK:
        return run.status, run.seconds
    return (OK if outputs_match(expected, run.stdout) else WRONG_ANSWER), run.seconds


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
