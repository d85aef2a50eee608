"""pytest tests for runner.py: verdicts come from real python3 processes, as in check_dataset.py."""
import time
from pathlib import Path

from runner import MEMORY_LIMIT, OK, RUNTIME_ERROR, TIME_LIMIT, WRONG_ANSWER, judge, outputs_match

MEMORY = 256 * 1024 * 1024


def program(tmp_path: Path, source: str) -> str:
    path = tmp_path / "solution.py"
    path.write_text(source)
    return str(path)


def test_tokens_compare_ignoring_whitespace_and_case():
    assert outputs_match("YES\n3 4\n", "yes 3   4")
    assert not outputs_match("1 2", "1 2 3")
    assert not outputs_match("abc", "abd")


def test_integers_compare_exactly_even_when_huge():
    assert outputs_match("1000000000000000000", "+1000000000000000000")
    assert not outputs_match("445431227", "445431226")
    assert not outputs_match("1000000000000000000", "1000000000000000001")


def test_decimals_compare_within_tolerance():
    assert outputs_match("0.1", "0.100001")
    assert not outputs_match("0.1", "0.10002")
    assert outputs_match("1e20", "1.000001e20")  # relative tolerance for large magnitudes


def test_verdicts_of_real_programs(tmp_path):
    echo = program(tmp_path, "print(int(input()) * 2)")
    assert judge(echo, "21\n", "42\n", 1, MEMORY)[0] == OK
    assert judge(echo, "21\n", "43\n", 1, MEMORY)[0] == WRONG_ANSWER
    assert judge(program(tmp_path, "print([][0])"), "", "0", 1, MEMORY)[0] == RUNTIME_ERROR
    assert judge(program(tmp_path, "x = bytearray(10**9)"), "", "0", 1, MEMORY)[0] == MEMORY_LIMIT


def test_busy_loop_is_stopped_at_the_cpu_limit(tmp_path):
    started = time.monotonic()
    verdict, seconds = judge(program(tmp_path, "while True:\n    pass\n"), "", "0", 1, MEMORY)
    assert verdict == TIME_LIMIT and seconds >= 1
    assert time.monotonic() - started < 3.5  # killed near 1 s of CPU, not at the 3 s wall-clock fallback
