"""A bounded fuzz run of the agreement reader and the drafter (issue 21), as part of the suite.

The cases are in ``tests/fuzz_cases.py``; hypothesis draws their seeds (``max_examples`` bounds the run). A
crash (an exception that is not a documented input error), a partial set of output files or a leak (a
temporary file or an open descriptor left behind) fails the run and names the seed to replay. The longer
run with the figures is ``python3 benchmarks/fuzz.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz_cases import drafter_case, reader_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SEEDS = st.integers(0, 2**32 - 1)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=SEEDS)
def test_fuzz_the_reader(tmp_path_factory: pytest.TempPathFactory, seed: int) -> None:
    outcome, detail = reader_case(seed, tmp_path_factory.mktemp("read"))
    assert outcome in ("ok", "refused"), f"reader_case({seed}): {outcome} {detail}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=SEEDS)
def test_fuzz_the_drafter(tmp_path_factory: pytest.TempPathFactory, seed: int) -> None:
    outcome, detail = drafter_case(seed, tmp_path_factory.mktemp("draft"))
    assert outcome in ("ok", "refused"), f"drafter_case({seed}): {outcome} {detail}"


def test_the_cases_replay(tmp_path: Path) -> None:
    """The same seed gives the same case (so a failure can be replayed)."""
    first = [reader_case(seed, tmp_path) for seed in range(5)]
    assert first == [reader_case(seed, tmp_path) for seed in range(5)]
