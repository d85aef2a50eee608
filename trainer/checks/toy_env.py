"""A minimal in-Python RLEF environment: "print the hidden number".

The turn-1 prompt (the paper's initial prompt) never contains the number, so a first attempt can only
guess. A wrong attempt gets the paper's execution-feedback message, whose "Expected output `N`" is the
only place N appears. Reward: +1 if the final submission prints N, −1 otherwise; −0.2 for a non-final
reply without a code block (docs/method.md §4.2). Used by the warm-up and by the learning check.
"""
from __future__ import annotations

import random
import re
import subprocess
import sys
from dataclasses import dataclass
from typing import Optional

PROBLEM = "A hidden number N is fixed by the judge. Print N."
INITIAL_PROMPT = ("Provide a Python solution for the following competitive programming question: {problem}.\n\n"
                  "Your code should be enclosed in triple backticks like so: ```python YOUR CODE HERE ```. "
                  "Use the backticks for your code only.")
RETRY = ("Give it another try.\nYour code should be enclosed in triple backticks like so: ```python YOUR CODE HERE ```. "
         "Use the backticks for your code only.")
CODE_BLOCK = re.compile(r"```(python3?|py)?[ \t]*\n(.*?)```", re.DOTALL)
PRINT_LITERAL = re.compile(r"^\s*print\((-?\d+)\)\s*$")


@dataclass
class Attempt:
    code: Optional[str]
    output: Optional[str]
    error: Optional[str]
    passed: bool


# The learning check runs on 2 shared CPU cores where attention cost grows with the square of the context:
# its turn-1 message is this short statement instead of the paper's 255-byte initial prompt. The feedback
# message keeps the paper's format verbatim, since it is what the policy must learn to read.
COMPACT_PROMPT = "Print the hidden number N."


def initial_prompt(style: str = "compact") -> str:
    if style == "paper":
        return INITIAL_PROMPT.format(problem=PROBLEM)
    if style == "compact":
        return COMPACT_PROMPT
    raise ValueError(f"unknown prompt style '{style}' (expected 'compact' or 'paper')")


def reply_for(number: int) -> str:
    """The reply shape the warm-up teaches."""
    return f"```python\nprint({number})\n```"


def extract_code(reply: str) -> Optional[str]:
    """First ```python block, else the first untagged block, else None (docs/method.md §8.1)."""
    blocks = CODE_BLOCK.findall(reply)
    for tag, body in blocks:
        if tag:
            return body
    return blocks[0][1] if blocks else None


def run_code(code: str, timeout_s: float = 2.0) -> tuple[Optional[str], Optional[str]]:
    """(stdout, error). `print(<int>)` is answered directly; anything else runs in an isolated interpreter."""
    literal = PRINT_LITERAL.match(code)
    if literal:
        return literal.group(1) + "\n", None
    try:
        done = subprocess.run([sys.executable, "-I", "-S", "-c", code], input="", capture_output=True, text=True,
                              timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return None, "Execution took too long."
    if done.returncode != 0:
        return done.stdout, (done.stderr.strip().splitlines() or ["error"])[-1][-300:]
    return done.stdout, None


def judge(reply: str, hidden: int) -> Attempt:
    code = extract_code(reply)
    if code is None:
        return Attempt(None, None, None, False)
    output, error = run_code(code)
    passed = error is None and output is not None and output.split() == [str(hidden)]
    return Attempt(code, output, error, passed)


def feedback(attempt: Attempt, hidden: int) -> str:
    """The paper's feedback message for the single (public) test, with input `` (the program reads nothing)."""
    if attempt.code is None:
        return "Your reply did not contain a code block.\n\n" + RETRY
    if attempt.error == "Execution took too long.":
        bullet = "- input `` failed: Execution took too long."
    elif attempt.error is not None:
        bullet = f"- input `` failed:\n{attempt.error}"
    else:
        bullet = f"- input `` failed:\nExpected output `{hidden}` but got `{(attempt.output or '').strip()}`"
    return f"Your code failed the following tests:\n\n{bullet}\n\n{RETRY}"


def turn_reward(attempt: Attempt, is_final: bool) -> float:
    if is_final:
        return 1.0 if attempt.passed else -1.0
    if attempt.passed:
        return 1.0  # the episode ends here: this reply is the submission
    return -0.2 if attempt.code is None else 0.0


def sample_hidden(rng: random.Random, low: int = 0, high: int = 9) -> int:
    return rng.randint(low, high)
