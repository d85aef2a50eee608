#!/usr/bin/env python3
"""Lint the Python trainer with the settings in trainer/pyproject.toml: ruff when installed, else flake8.

ruff is not packaged for Debian 12 and PyPI is not reachable here, so CI uses Debian's flake8 (pyflakes +
pycodestyle) configured to the same rule selection; a developer with ruff gets the same checks from
`ruff check trainer`.
"""
import os
import shutil
import subprocess
import sys
import tomllib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "trainer")


def main() -> int:
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as handle:
        settings = tomllib.load(handle)["tool"]["flake8"]
    if shutil.which("ruff"):
        return subprocess.call(["ruff", "check", "."], cwd=ROOT)
    command = [sys.executable, "-m", "flake8", f"--max-line-length={settings['max-line-length']}",
               f"--select={','.join(settings['select'])}", f"--extend-ignore={','.join(settings['extend-ignore'])}",
               "rlef_trainer", "checks", "tests", "../bench/trainer-gpu-check.py"]
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
