"""``forenad survey`` over many agreement files, as a ratio to ``forenad check`` over the same files in the
same run (issue 22: goal at most 1.2×).

Usage: python3 benchmarks/survey_bench.py [--n 10000] [--repeat 3]

The files are example-shaped agreements (``run.example_shaped``) written as YAML into a temporary folder.
Both sides run in this process with the rules and parameters loaded once, as one CLI process would:
check is :func:`forenad.portfolio.check_paths` with each finding's message written (what ``forenad
check`` prints); survey is :func:`forenad.survey` (every fact, for the economics) and its text output.
The two are timed round robin and the best of ``--repeat`` is kept for each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ON, example_shaped  # type: ignore[import-not-found]

from forenad import io as forenad_io
from forenad.engine import default_rules
from forenad.kartlaggning import survey
from forenad.kartlaggning.output import to_text
from forenad.model import Agreement
from forenad.params import default_parameters
from forenad.portfolio import check_paths


def write_portfolio(folder: Path, n: int) -> None:
    for i, data in enumerate(example_shaped(n)):
        sub = folder / f"org{i % 4}"
        sub.mkdir(parents=True, exist_ok=True)
        agreement = Agreement.model_validate(data)
        (sub / f"avtal{i:05d}.yaml").write_text(forenad_io.dump_yaml(agreement), "utf-8")


def bench_survey(n: int, repeat: int) -> None:
    rules, params = default_rules(), default_parameters()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "portfolj"
        write_portfolio(folder, n)

        def check() -> None:
            run = check_paths([folder], on=ON, rules=rules, params=params, facts=False)
            for result in run.results:
                for finding in result.findings:
                    finding.text("sv")

        def surveyed() -> None:
            to_text(survey([folder], ON, rules=rules, params=params))

        best = {"check": float("inf"), "survey": float("inf")}
        for _ in range(repeat):
            for label, work in (("check", check), ("survey", surveyed)):
                start = time.perf_counter()
                work()
                best[label] = min(best[label], time.perf_counter() - start)
    base = best["check"]
    print(f"survey: {n} agreement files, best of {repeat}")
    print(f"  {'forenad check (same files)':28s}: {base:7.2f} s ({base / n * 1e3:5.2f} ms each)  baseline")
    value = best["survey"]
    print(
        f"  {'forenad survey (text)':28s}: {value:7.2f} s ({value / n * 1e3:5.2f} ms each)  "
        f"{value / base:5.2f}×  goal ≤ 1.2×"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench_survey(args.n, args.repeat)


if __name__ == "__main__":
    main()
