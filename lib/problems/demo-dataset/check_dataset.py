"""Checks demo.jsonl: every reference passes every test, every wrong solution fails a private test.

    python3 check_dataset.py          # stops a wrong solution at its first private failure of the intended kind
    python3 check_dataset.py --full   # runs every wrong solution on every test

Also checks the row format (Hugging Face CodeContests), splits.json, the file size, that the statements
show their public tests, and that demo.jsonl matches the sources in src/ (run build.py after editing).
Prints a table; exits 1 on any violation.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from problem_sources import intended_kind, load_problems
from runner import OK, RUNTIME_ERROR, TIME_LIMIT, WRONG_ANSWER, cpu_count, judge

HERE = Path(__file__).resolve().parent
JSONL_PATH = HERE / "demo.jsonl"
SPLITS_PATH = HERE / "splits.json"
MAX_BYTES = 5_000_000
KIND_VERDICT = {"WA": WRONG_ANSWER, "RE": RUNTIME_ERROR, "TLE": TIME_LIMIT}
SHORT = {OK: "ok", WRONG_ANSWER: "WA", RUNTIME_ERROR: "RE", TIME_LIMIT: "TLE", "MEMORY_LIMIT": "MLE"}
ROW_TYPES = {
    "name": str, "description": str, "public_tests": dict, "private_tests": dict, "generated_tests": dict,
    "source": int, "difficulty": int, "solutions": dict, "incorrect_solutions": dict, "cf_contest_id": int,
    "cf_index": str, "cf_points": float, "cf_rating": int, "cf_tags": list, "is_description_translated": bool,
    "untranslated_description": str, "time_limit": dict, "memory_limit_bytes": int, "input_file": str,
    "output_file": str,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="run wrong solutions on every test")
    args = parser.parse_args()
    started = time.monotonic()

    violations: list[str] = []
    rows = read_rows(violations)
    check_sources_match(rows, violations)
    check_splits(rows, violations)
    results = run_all(rows, args.full)
    print_table(rows, results, violations)

    elapsed = time.monotonic() - started
    print(f"\n{len(rows)} problems, checked in {elapsed:.1f} s with {cpu_count()} workers")
    if violations:
        print(f"\n{len(violations)} violation(s):")
        for violation in violations:
            print(f"  - {violation}")
        return 1
    print("all checks passed")
    return 0


def read_rows(violations: list[str]) -> list[dict]:
    size = JSONL_PATH.stat().st_size
    if size >= MAX_BYTES:
        violations.append(f"{JSONL_PATH.name} is {size / 1e6:.2f} MB, the budget is {MAX_BYTES / 1e6:.0f} MB")
    rows = []
    for line_number, line in enumerate(JSONL_PATH.read_text().splitlines(), start=1):
        row = json.loads(line)
        where = f"{JSONL_PATH.name}:{line_number} ({row.get('name', '?')})"
        for key, kind in ROW_TYPES.items():
            if not isinstance(row.get(key), kind) or (kind is int and isinstance(row.get(key), bool)):
                violations.append(f"{where}: field {key} should be {kind.__name__}")
        if set(row) != set(ROW_TYPES):
            violations.append(f"{where}: unexpected or missing fields {sorted(set(row) ^ set(ROW_TYPES))}")
        public, private = row["public_tests"], row["private_tests"]
        if not 1 <= len(public["input"]) <= 3 or len(public["input"]) != len(public["output"]):
            violations.append(f"{where}: public_tests must hold 1 to 3 input/output pairs")
        if len(private["input"]) < 10 or len(private["input"]) != len(private["output"]):
            violations.append(f"{where}: private_tests must hold at least 10 input/output pairs")
        for index, (text_in, text_out) in enumerate(zip(public["input"], public["output"])):
            if text_in.strip() not in row["description"] or text_out.strip() not in row["description"]:
                violations.append(f"{where}: public test #{index} is not shown in the description")
        if not row["incorrect_solutions"]["solution"]:
            violations.append(f"{where}: no incorrect solutions")
        rows.append(row)
    return rows


def check_sources_match(rows: list[dict], violations: list[str]) -> None:
    """demo.jsonl is generated; a row that differs from its source module means build.py was not re-run."""
    by_name = {p.name: p for p in load_problems()}
    for row in rows:
        problem = by_name.get(row["name"])
        if problem is None:
            violations.append(f"{row['name']}: no module in src/ defines it")
            continue
        wrong_sources = [source for _label, source in problem.wrong_solutions()]
        if row["solutions"]["solution"] != [problem.module.REFERENCE] or row["incorrect_solutions"]["solution"] != wrong_sources:
            violations.append(f"{row['name']}: solutions differ from src/{problem.slug}.py; run python3 build.py")
        row["_labels"] = [label for label, _source in problem.wrong_solutions()]
    missing = set(by_name) - {row["name"] for row in rows}
    if missing:
        violations.append(f"problems in src/ missing from {JSONL_PATH.name}: {sorted(missing)}; run python3 build.py")


def check_splits(rows: list[dict], violations: list[str]) -> None:
    splits = json.loads(SPLITS_PATH.read_text())
    names = {row["name"] for row in rows}
    seen: set[str] = set()
    for split, members in splits.items():
        if split not in ("valid", "test"):
            violations.append(f"{SPLITS_PATH.name}: unknown split {split!r} (only valid and test; the rest is train)")
        for name in members:
            if name not in names:
                violations.append(f"{SPLITS_PATH.name}: {split} names unknown problem {name!r}")
            if name in seen:
                violations.append(f"{SPLITS_PATH.name}: {name!r} is in more than one split")
            seen.add(name)


def run_all(rows: list[dict], full: bool) -> dict:
    """Runs every solution; returns {(row index, solution index): [(group, test index, verdict, seconds)]}.

    Solution index -1 is the reference; 0, 1, ... are the incorrect solutions.
    """
    jobs = []
    with tempfile.TemporaryDirectory() as tmp:
        for r, row in enumerate(rows):
            seconds = row["time_limit"]["seconds"] + row["time_limit"]["nanos"] / 1e9
            tests = [(group, i, text_in, text_out)
                     for group in ("public_tests", "private_tests", "generated_tests")
                     for i, (text_in, text_out) in enumerate(zip(row[group]["input"], row[group]["output"]))]
            sources = [(-1, row["solutions"]["solution"][0], None)]
            sources += [(s, source, KIND_VERDICT[intended_kind(label)])
                        for s, (source, label) in enumerate(zip(row["incorrect_solutions"]["solution"], row["_labels"]))]
            for s, source, stop_on in sources:
                path = Path(tmp) / f"p{r}_s{s}.py"
                path.write_text(source)
                jobs.append(((r, s), str(path), tests, seconds, row["memory_limit_bytes"], None if full else stop_on))
        # Likely time-outs first: they are the longest jobs, and a short tail keeps both cores busy.
        jobs.sort(key=lambda job: job[5] != TIME_LIMIT)
        with ProcessPoolExecutor(max_workers=cpu_count()) as pool:
            futures = {job[0]: pool.submit(run_solution, *job[1:]) for job in jobs}
            return {key: future.result() for key, future in futures.items()}


def run_solution(path: str, tests: list, seconds: float, memory: int, stop_on: str | None) -> list:
    outcomes = []
    for group, index, text_in, text_out in tests:
        verdict, used = judge(path, text_in, text_out, seconds, memory)
        outcomes.append((group, index, verdict, used))
        if stop_on and group == "private_tests" and verdict == stop_on:
            break
    return outcomes


def print_table(rows: list[dict], results: dict, violations: list[str]) -> None:
    print(f"{'problem':<20} {'diff':>4} {'rating':>6} {'tests':>7}  {'reference':<24} wrong solutions (public | private)")
    for r, row in enumerate(rows):
        limit = row["time_limit"]["seconds"] + row["time_limit"]["nanos"] / 1e9
        reference = results[(r, -1)]
        failed = [o for o in reference if o[2] != OK]
        slowest = max(o[3] for o in reference)
        for group, index, verdict, _used in failed:
            violations.append(f"{row['name']}: reference gets {verdict} on {group} #{index}")
        ref_text = (f"ok, max {slowest:.2f}s/{limit:g}s" if not failed else f"FAILS {len(failed)} test(s)")
        wrong_texts = []
        for s, label in enumerate(row["_labels"]):
            wrong_texts.append(describe_wrong(row, label, results[(r, s)], violations))
        counts = f"{len(row['public_tests']['input'])}+{len(row['private_tests']['input'])}"
        print(f"{row['name'][:20]:<20} {row['difficulty']:>4} {row['cf_rating']:>6} {counts:>7}  {ref_text:<24} {wrong_texts[0]}")
        for text in wrong_texts[1:]:
            print(f"{'':<66} {text}")


def describe_wrong(row: dict, label: str, outcomes: list, violations: list[str]) -> str:
    kind = intended_kind(label)
    public = [o for o in outcomes if o[0] == "public_tests" and o[2] != OK]
    private = [o for o in outcomes if o[0] != "public_tests" and o[2] != OK]
    observed = {SHORT.get(o[2], o[2]) for o in outcomes if o[2] != OK}
    if not private:
        violations.append(f"{row['name']}: wrong solution [{label}] passes every private test")
    elif kind not in observed:
        violations.append(f"{row['name']}: wrong solution [{label}] never fails with {kind}; observed {sorted(observed)}")
    public_text = "passes" if not public else f"{SHORT.get(public[0][2])} #{public[0][1]}"
    private_text = f"{SHORT.get(private[0][2])} #{private[0][1]}" if private else "PASSES"
    seen = "/".join(sorted(observed))
    return f"[{kind:>3}] {public_text:<9}| {private_text:<9} seen: {seen}"


if __name__ == "__main__":
    sys.exit(main())
