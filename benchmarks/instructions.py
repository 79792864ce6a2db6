"""Instructions counted for the `check` benchmark: a deterministic companion to the timings in `run.py`.

Usage: python3 benchmarks/instructions.py [--n 1000]   (needs valgrind: ``apt-get install valgrind``)

Wall times on a shared machine drift by a third between runs, so two versions of the engine are hard to
compare by timing alone. Valgrind's cachegrind counts the machine instructions a process executes, the same
on every run (the hash seed is fixed). Each line runs in a process of its own under cachegrind: one that only
sets up (imports, the agreements, rules and parameters, a short warm-up), and one for each line that then
does its work once; the set-up is subtracted. The ratios are against validation counted the same way.

Instructions are not time: Python code runs fewer instructions a cycle than pydantic's compiled validator,
so the timed ratio of `run.py` is higher than the ratio counted here (about 1.4× on the machine the figures
in README.md come from).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINES = {
    "setup": "set-up only (subtracted from the others)",
    "validate": "pydantic validation only",
    "check": "check (validate + rules)",
    "check_one_year": "  the same, every birth year 1975",
}


def work(mode: str, n: int) -> None:
    """The work of one line, run inside cachegrind."""
    sys.path.insert(0, str(HERE))
    import run  # the benchmark's own agreements and date

    from forenad.engine import default_rules, evaluate
    from forenad.model import Agreement
    from forenad.params import default_parameters

    data = run.example_shaped(n)
    if mode == "check_one_year":
        for d in data:
            d["person"]["birth_year"] = 1975
    rules, params = default_rules(), default_parameters()
    for d in run.example_shaped(50, seed=2):  # imports, compiled plans, keys, Babel's locale data: once
        findings, _ = evaluate(Agreement.model_validate(d), run.ON, rules=rules, params=params, facts=False)
        for finding in findings:
            finding.text("sv")
            _ = finding.unverified
    if mode == "validate":
        for d in data:
            Agreement.model_validate(d)
    elif mode.startswith("check"):
        for d in data:
            agreement = Agreement.model_validate(d)
            findings, _ = evaluate(agreement, run.ON, rules=rules, params=params, facts=False)
            for finding in findings:
                finding.text("sv")
                _ = finding.unverified


def count(mode: str, n: int) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    argv = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--work",
        mode,
        "--n",
        str(n),
    ]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--work", choices=list(LINES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.work is not None:
        work(args.work, args.n)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("benchmarks/instructions.py needs valgrind (apt-get install valgrind)")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        counts = dict(zip(LINES, pool.map(lambda mode: count(mode, args.n), LINES), strict=True))
    setup = counts.pop("setup")
    base = counts["validate"] - setup
    print(f"check, instructions counted: {args.n} example-shaped agreements")
    for mode, total in counts.items():
        own = total - setup
        ratio = "baseline" if mode == "validate" else f"{own / base:5.2f}×"
        print(f"  {LINES[mode]:34s}: {own / args.n / 1e3:8.1f} k instructions each  {ratio}")


if __name__ == "__main__":
    main()
