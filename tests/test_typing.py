"""``mypy --strict`` passes on ``src/`` and on the library example ``docs/examples/`` (the settings are
``[tool.mypy]`` in pyproject.toml), and every public name is typed for a caller.

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


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_every_public_name_has_a_type(tmp_path: Path) -> None:
    """``forenad.NAME`` is typed for a caller under ``mypy --strict``: re-exported (no "does not explicitly
    export"), and never ``Any`` (which a name missing from the ``TYPE_CHECKING`` imports would be)."""
    import forenad

    names = [name for name in forenad.__all__ if name != "__version__"]
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import forenad\n" + "".join(f"reveal_type(forenad.{name})\n" for name in names), encoding="utf-8"
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--no-color-output",
            "--no-error-summary",
            str(probe),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = proc.stdout.splitlines()
    revealed = [line for line in lines if "Revealed type is" in line]
    assert len(revealed) == len(names), proc.stdout + proc.stderr
    problems = [line for line in lines if "error:" in line or line.endswith('Revealed type is "Any"')]
    assert not problems, "\n".join(problems)
