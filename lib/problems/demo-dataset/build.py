"""Builds demo.jsonl (Hugging Face CodeContests rows) and splits.json from the modules in src/.

    python3 build.py           # rebuild both files
    python3 build.py --check   # exit 1 if the committed files differ from a fresh build

Expected outputs are whatever the reference solution prints, so a wrong reference shows up in
check_dataset.py only through its self-consistency; that is why every input is also validated against
the statement's constraints here (each module's validate()).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from problem_sources import ProblemSource, load_problems
from runner import OK, cpu_count, run_program

HERE = Path(__file__).resolve().parent
JSONL_PATH = HERE / "demo.jsonl"
SPLITS_PATH = HERE / "splits.json"
MEMORY_LIMIT_BYTES = 256 * 1024 * 1024
PYTHON3 = 3  # CodeContests' Language enum
# Each split gets 2 easy, 2 medium and 2 hard problems; everything else is train.
SPLITS = {
    "valid": ["second-best-score", "leap-years", "budget-pairs", "maze-steps", "study-plan", "course-order"],
    "test": ["bracket-depth", "rotation-password", "next-taller", "cable-cutting", "island-count", "convoy-split"],
}
# Build runs references with slack so a busy machine does not fail the build; check_dataset.py enforces
# the real limit.
BUILD_TIME_SLACK = 4.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = parser.parse_args()

    problems = sorted(load_problems(), key=lambda p: (p.module.DIFFICULTY, p.module.RATING, p.slug))
    rows = build_rows(problems)
    jsonl = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    splits = json.dumps(split_names(problems), indent=2) + "\n"

    if args.check:
        stale = [path.name for path, text in ((JSONL_PATH, jsonl), (SPLITS_PATH, splits))
                 if not path.exists() or path.read_text() != text]
        if stale:
            print(f"stale: {', '.join(stale)} differ from a fresh build; run python3 build.py", file=sys.stderr)
            return 1
        print("demo.jsonl and splits.json are up to date")
        return 0

    JSONL_PATH.write_text(jsonl)
    SPLITS_PATH.write_text(splits)
    print(f"wrote {len(rows)} problems to {JSONL_PATH.name} ({len(jsonl.encode()) / 1e6:.2f} MB) and {SPLITS_PATH.name}")
    return 0


def split_names(problems: list[ProblemSource]) -> dict[str, list[str]]:
    by_slug = {p.slug: p.name for p in problems}
    unknown = [slug for slugs in SPLITS.values() for slug in slugs if slug not in by_slug]
    if unknown:
        raise SystemExit(f"build.py SPLITS names unknown problems: {unknown}")
    return {split: [by_slug[slug] for slug in slugs] for split, slugs in SPLITS.items()}


def build_rows(problems: list[ProblemSource]) -> list[dict]:
    inputs = [{"public": p.public_inputs(), "private": p.private_inputs()} for p in problems]
    jobs = []  # (problem index, "public"|"private", test index, input)
    for index, problem in enumerate(problems):
        if len(inputs[index]["private"]) < 10:
            raise SystemExit(f"src/{problem.slug}.py: gen_private_inputs returned {len(inputs[index]['private'])} tests, need at least 10")
        validate = getattr(problem.module, "validate", None)
        for kind, texts in inputs[index].items():
            for test_index, text in enumerate(texts):
                if validate:
                    try:
                        validate(text)
                    except Exception as error:  # any failure means the input breaks the statement
                        raise SystemExit(f"src/{problem.slug}.py: {kind} input #{test_index} violates the constraints: {error!r}")
                jobs.append((index, kind, test_index, text))

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for problem in problems:
            path = Path(tmp) / f"{problem.slug}.py"
            path.write_text(problem.module.REFERENCE)
            paths.append(str(path))
        # Longest inputs first so the pool's tail is short.
        jobs.sort(key=lambda job: -len(job[3]))
        with ProcessPoolExecutor(max_workers=cpu_count()) as pool:
            futures = [(job, pool.submit(run_program, paths[job[0]], job[3],
                                         problems[job[0]].module.TIME_LIMIT * BUILD_TIME_SLACK, MEMORY_LIMIT_BYTES))
                       for job in jobs]
            results = {job[:3]: future.result() for job, future in futures}

    rows = []
    for index, problem in enumerate(problems):
        outputs = {}
        for kind, texts in inputs[index].items():
            outputs[kind] = []
            for test_index in range(len(texts)):
                run = results[(index, kind, test_index)]
                if run.status != OK:
                    raise SystemExit(f"src/{problem.slug}.py: reference got {run.status} on {kind} input #{test_index}:\n{run.stderr[-1500:]}")
                outputs[kind].append(run.stdout)
        rows.append(make_row(problem, inputs[index]["public"], outputs["public"], inputs[index]["private"], outputs["private"]))
    return rows


def make_row(problem: ProblemSource, public_in, public_out, private_in, private_out) -> dict:
    module = problem.module
    seconds = float(module.TIME_LIMIT)
    wrong_sources = [source for _label, source in problem.wrong_solutions()]
    return {
        "name": problem.name,
        "description": describe(problem, public_in, public_out),
        "public_tests": {"input": public_in, "output": public_out},
        "private_tests": {"input": private_in, "output": private_out},
        "generated_tests": {"input": [], "output": []},
        "source": 0,
        "difficulty": module.DIFFICULTY,
        "solutions": {"language": [PYTHON3], "solution": [module.REFERENCE]},
        "incorrect_solutions": {"language": [PYTHON3] * len(wrong_sources), "solution": wrong_sources},
        "cf_contest_id": 0,
        "cf_index": "",
        "cf_points": 0.0,
        "cf_rating": module.RATING,
        "cf_tags": list(module.TAGS),
        "is_description_translated": False,
        "untranslated_description": "",
        "time_limit": {"seconds": int(seconds), "nanos": int(round((seconds - int(seconds)) * 1e9))},
        "memory_limit_bytes": MEMORY_LIMIT_BYTES,
        "input_file": "",
        "output_file": "",
    }


def describe(problem: ProblemSource, inputs: list[str], outputs: list[str]) -> str:
    """The statement followed by its examples, laid out as CodeContests descriptions are."""
    parts = [problem.module.STATEMENT.strip(), "Examples" if len(inputs) > 1 else "Example"]
    for text_in, text_out in zip(inputs, outputs):
        parts += ["Input", text_in.rstrip("\n"), "Output", text_out.rstrip("\n")]
    if problem.note():
        parts += ["Note", problem.note()]
    return "\n\n".join(parts).rstrip() + "\n"


if __name__ == "__main__":
    sys.exit(main())
