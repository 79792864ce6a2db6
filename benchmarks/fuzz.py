"""Fuzz the agreement reader and the drafter for a bounded time and count what happened (issue 21).

Usage: ``python3 benchmarks/fuzz.py [--seconds 120] [--seed 0]``

The cases are ``tests/fuzz_cases.py`` (the suite runs some of them in ``tests/test_fuzz.py``). Half the time
goes to the reader and half to the drafter; the figures printed are the cases tried, and per outcome:
ok, refused (an input error, as documented), crashes, partial outputs and leaks, with the first seed of each
non-ok outcome to replay (``reader_case(seed, folder)`` / ``drafter_case(seed, folder)``). The exit code is 1
when there was a crash, a partial output or a leak.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_cases import Tally, drafter_case, reader_case  # noqa: E402


def run(seconds: float, seed: int) -> dict[str, Tally]:
    tallies = {"reader": Tally(), "drafter": Tally()}
    cases = {"reader": reader_case, "drafter": drafter_case}
    with tempfile.TemporaryDirectory(prefix="forenad-fuzz-") as tmp:
        for name, case in cases.items():
            deadline = time.perf_counter() + seconds / 2
            tally = tallies[name]
            folder = Path(tmp) / name
            folder.mkdir()
            current = seed
            while time.perf_counter() < deadline:
                outcome, detail = case(current, folder)
                tally.add(current, outcome, detail)
                current += 1
    return tallies


def report(tallies: dict[str, Tally], seconds: float) -> bool:
    clean = True
    print(f"fuzz run, {seconds:.0f} s:")
    for name, tally in tallies.items():
        print(
            f"  {name:8}: {tally.cases:6} cases, {tally.ok} ok, {tally.refused} refused, "
            f"{tally.crash} crashes, {tally.partial} partial outputs, {tally.leak} leaks"
        )
        if tally.reasons:
            print("    refused: " + ", ".join(f"{why} {n}" for why, n in tally.reasons.most_common()))
        for kind, (seed, detail) in tally.first.items():
            clean = False
            print(f"    first {kind}: seed {seed}: {detail}")
    return clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    tallies = run(args.seconds, args.seed)
    raise SystemExit(0 if report(tallies, args.seconds) else 1)


if __name__ == "__main__":
    main()
