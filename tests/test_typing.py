"""``mypy --strict`` passes on ``src/`` (the settings are ``[tool.mypy]`` in pyproject.toml).

mypy and the stub packages it needs are in the ``test`` extra, so this runs in CI; it is skipped only where
mypy is not installed at all.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_mypy_strict_passes_on_the_source(tmp_path: Path) -> None:
    # A cache of its own (cold each run, about 5 s) so that no stale cache of a developer's is trusted.
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--no-color-output",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, f"mypy found problems:\n{proc.stdout}{proc.stderr}"
