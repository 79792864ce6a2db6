"""The benchmarks stay runnable (``python3 benchmarks/run.py``): each piece on a tiny size, so a change of a
library call they use fails here, not when someone measures. Figures are not asserted (benchmarks measure,
tests do not time)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(autouse=True)
def _beside() -> None:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))


def test_the_batch_and_portfolio_benchmarks_run(capsys: pytest.CaptureFixture[str]) -> None:
    import batch_bench  # type: ignore[import-not-found]
    import portfolio_bench  # type: ignore[import-not-found]

    batch_bench.bench_batch([3], 1)
    portfolio_bench.bench_portfolio([5])
    out = capsys.readouterr().out
    assert "3 agreements →" in out and "(0 failed)" in out
    assert "5 agreements:" in out and "0 invalid" in out


def test_the_check_and_draft_benchmarks_run(capsys: pytest.CaptureFixture[str]) -> None:
    import run  # type: ignore[import-not-found]

    run.bench_check(5, 1)
    run.bench_draft(1, documents=2)
    out = capsys.readouterr().out
    assert "check (validate + rules)" in out and "forenad render_document" in out
