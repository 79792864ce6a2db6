"""A portfolio of distinct agreements checked from files (issue 18): 10,000 agreements that differ in
structure, birth year, salaries and dates, read from disk and checked with the whole catalogue on one core.
The goal: at most 20 s for 10,000, linear in their number."""

from __future__ import annotations

import copy
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ON = dt.date(2026, 6, 1)
POSITIONS = ["professor", "lektor", "bitradande_lektor", "adjunkt", "overlakare", "specialistlakare",
             "sjukskoterska", "specialistsjukskoterska", "fysioterapeut", "distriktsskoterska"]  # fmt: skip


def distinct(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` agreements from the examples, each different: start date, positions, birth year, salaries,
    extents, employment starts and titles vary, so that no two share a structure."""
    from forenad import yamlio

    rng = random.Random(seed)
    bases = [yamlio.load(p).data for p in sorted((ROOT / "examples").glob("*.yaml"))]
    out = []
    for i in range(n):
        data = copy.deepcopy(bases[i % len(bases)])
        data["id"] = f"P-{i:05d}"
        data["start_date"] = (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1200))).isoformat()
        data["person"].pop("personnummer", None)
        data["person"]["birth_year"] = rng.randint(1955, 2002)
        data["person"]["name"] = f"Person {i}"
        first = rng.randint(10, 90)
        extents = [first, 100 - first] if len(data["parts"]) == 2 else [100]
        for part, extent in zip(data["parts"], extents, strict=False):
            part["extent_percent"] = extent
            part["monthly_salary"] = round(rng.randint(25_000, 120_000) * extent / 100)
            part.pop("employed_since", None)
            if rng.random() < 0.3:
                part["position"] = rng.choice(POSITIONS)
            part["title"] = f"{part.get('title') or part['position']} {i}"
        out.append(data)
    return out


def write(agreements: list[dict[str, Any]], folder: Path) -> None:
    from forenad.io import dump_yaml
    from forenad.model import Agreement

    for data in agreements:
        text = dump_yaml(Agreement.model_validate(data))
        (folder / f"{data['id']}.yaml").write_text(text, encoding="utf-8")


def bench_portfolio(sizes: list[int]) -> None:
    import forenad

    largest = max(sizes)
    agreements = distinct(largest)
    print(f"portfolio: distinct agreements read from files and checked on one core, on {ON}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(sizes):
            folder = Path(tmp) / str(size)
            folder.mkdir()
            write(agreements[:size], folder)
            forenad.check(sorted(folder.glob("*.yaml"))[:5], on=ON, facts=False)  # imports and caches once
            start = time.perf_counter()
            run = forenad.check(folder, on=ON, facts=False)
            for result in run.results:
                for finding in result.findings:
                    finding.text("sv")
            elapsed = time.perf_counter() - start
            invalid = sum(1 for r in run.results if not r.valid)
            goal = "  goal ≤ 20 s" if size == 10_000 else ""
            print(
                f"  {size:6d} agreements: {elapsed:6.2f} s ({elapsed / size * 1e3:5.2f} ms each, "
                f"{invalid} invalid){goal}"
            )


if __name__ == "__main__":
    bench_portfolio([int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1000,5000,10000").split(",")])
