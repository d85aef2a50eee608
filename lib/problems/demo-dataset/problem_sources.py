"""Loads the per-problem source modules in src/ and checks that each defines what build.py needs."""
from __future__ import annotations

import importlib.util
import random
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

SRC_DIR = Path(__file__).resolve().parent / "src"
FAILURE_KINDS = ("WA", "RE", "TLE")
REQUIRED = ("NAME", "DIFFICULTY", "RATING", "TAGS", "TIME_LIMIT", "STATEMENT", "PUBLIC_INPUTS",
            "gen_private_inputs", "REFERENCE", "WRONG")


@dataclass
class ProblemSource:
    slug: str
    module: ModuleType

    @property
    def name(self) -> str:
        return self.module.NAME

    def private_inputs(self) -> list[str]:
        # A string seed is hashed with SHA-512 by random.Random, so it is stable across runs and versions.
        return [_with_newline(text) for text in self.module.gen_private_inputs(random.Random(f"rlef-demo:{self.slug}"))]

    def public_inputs(self) -> list[str]:
        return [_with_newline(text) for text in self.module.PUBLIC_INPUTS]

    def wrong_solutions(self) -> list[tuple[str, str]]:
        """[(label, source)]; the label starts with the intended failure kind (see intended_kind)."""
        return list(self.module.WRONG)

    def note(self) -> str:
        return getattr(self.module, "NOTE", "").strip()


def _with_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def intended_kind(label: str) -> str:
    """A wrong solution's label starts with its intended failure kind: 'WA: ...', 'RE: ...', 'TLE: ...'."""
    kind = label.split(":", 1)[0].strip()
    if kind not in FAILURE_KINDS:
        raise ValueError(f"wrong-solution label {label!r} must start with one of {FAILURE_KINDS} and a colon")
    return kind


def load_problems() -> list[ProblemSource]:
    problems = []
    for path in sorted(SRC_DIR.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"demo_problem_{path.stem.replace('-', '_')}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        missing = [attr for attr in REQUIRED if not hasattr(module, attr)]
        if missing:
            raise ValueError(f"{path}: missing {', '.join(missing)}")
        if module.DIFFICULTY not in (1, 2, 3):
            raise ValueError(f"{path}: DIFFICULTY must be 1, 2 or 3, got {module.DIFFICULTY!r}")
        if not 1 <= len(module.PUBLIC_INPUTS) <= 3:
            raise ValueError(f"{path}: PUBLIC_INPUTS must hold 1 to 3 tests")
        if not module.WRONG:
            raise ValueError(f"{path}: WRONG must hold at least one (label, source) pair")
        for label, _source in module.WRONG:
            try:
                intended_kind(label)
            except ValueError as error:
                raise ValueError(f"{path}: {error}") from None
        problems.append(ProblemSource(path.stem, module))
    names = [p.name for p in problems]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"duplicate problem NAMEs in {SRC_DIR}: {sorted(duplicates)}")
    return problems
