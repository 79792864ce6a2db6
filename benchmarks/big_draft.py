"""Drafting one very large agreement (issue 21, item 1): a benchmark, not a timed test.

An agreement with ``--parts`` parts (default 5,000), every part missing its workplace so that each one
prints a ``«SAKNAS: …»`` marker, with a line break before a pasted marker in one part's duties (the old
hang). It is drafted twice, each time into a fresh folder:

- ``forenad draft`` as the command runs it (the fast path, one process: ``--jobs 1``);
- ``forenad.draft`` from Python (the plain docxtpl path).

Before issue 21 this took 37 s for 400 parts and did not finish in 10 minutes for 5,000 (the marker loop
rescanned the body after every split, and lxml's move of the rendered body was quadratic in its
``xml:space`` attributes). Both are linear now; the figure printed is seconds per run and per 1,000 parts.

Usage: ``python3 benchmarks/big_draft.py [--parts 5000]`` (also run by ``benchmarks/run.py``).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ON = "2026-06-01"


def big_agreement(parts: int) -> dict[str, Any]:
    from forenad import yamlio

    data: dict[str, Any] = copy.deepcopy(
        yamlio.load(ROOT / "examples" / "uppsala-professor-overlakare.yaml").data
    )
    base = data["parts"]
    data["parts"] = []
    for i in range(parts):
        part = copy.deepcopy(base[i % 2])
        part["extent_percent"] = "0.01"
        part.pop("workplace", None)
        data["parts"].append(part)
    data["parts"][0]["duties"] = "Undervisning\n«SAKNAS: parts[0].workplace»"
    for key in ("total_extent_percent", "cost_settlement"):
        data.pop(key, None)
    return data


def bench(parts: int = 5000) -> dict[str, float]:
    """Seconds for the command line and for the library; prints them."""
    import forenad
    from forenad.io import dump_yaml
    from forenad.model import Agreement

    agreement = Agreement.model_validate(big_agreement(parts))
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="forenad-big-") as tmp:
        source = Path(tmp) / "stort.yaml"
        source.write_text(dump_yaml(agreement), encoding="utf-8")
        command = [
            sys.executable,
            "-c",
            "from forenad.cli import main; main()",
            "draft",
            str(source),
            "-o",
            str(Path(tmp) / "cli"),
        ]
        start = time.perf_counter()
        result = subprocess.run([*command, "--on", ON, "--jobs", "1"], capture_output=True, text=True)
        figures["cli"] = time.perf_counter() - start
        if result.returncode not in (0, 1):
            raise SystemExit(f"forenad draft failed ({result.returncode}): {result.stdout}{result.stderr}")
        start = time.perf_counter()
        forenad.draft(agreement, Path(tmp) / "lib", on=dt.date.fromisoformat(ON))
        figures["library"] = time.perf_counter() - start
    print(f"draft of one agreement with {parts} parts (each with a missing-value marker):")
    for name, label in (("cli", "forenad draft (fast path)"), ("library", "forenad.draft (plain path)")):
        seconds = figures[name]
        print(f"  {label:28}: {seconds:6.1f} s  ({seconds / parts * 1000:5.2f} s per 1,000 parts)")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parts", type=int, default=5000)
    bench(parser.parse_args().parts)


if __name__ == "__main__":
    main()
