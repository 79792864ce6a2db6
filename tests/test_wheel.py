"""A plain ``pip install .`` carries the rules, parameters, rule cases and templates, which live at the
repository's top level, inside the package; an installed forenad works from any directory, and so does the
library example of docs/library.md."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_carries_the_data(tmp_path: Path) -> None:
    if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0:
        pytest.skip("pip is not available")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("forenad-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"forenad/{path.relative_to(ROOT).as_posix()}"
        for folder in ("rules", "templates")
        for path in (ROOT / folder).rglob("*")
        if path.is_file()
    }
    assert expected and expected <= names, sorted(expected - names)[:5]
    # Installed into a folder of its own, it checks an example from another directory.
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    elsewhere = tmp_path / "annanstans"
    elsewhere.mkdir()
    example = elsewhere / "avtal.yaml"
    shutil.copy(ROOT / "examples" / "uppsala-professor-overlakare.yaml", example)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import forenad; "
        "run = forenad.check(sys.argv[2], on=__import__('datetime').date(2026, 6, 1)); "
        "assert forenad.__file__.startswith(sys.argv[1]), forenad.__file__; "
        "print(len(run.results[0].findings), run.exit_code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target), str(example)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "0"
    # The library example of docs/library.md, copied elsewhere, runs against the installed package alone.
    library_example = shutil.copy(ROOT / "docs" / "examples" / "library_example.py", elsewhere / "exempel.py")
    code = (
        "import runpy, sys; sys.path.insert(0, sys.argv[1]); import forenad; "
        "assert forenad.__file__.startswith(sys.argv[1]), forenad.__file__; "
        "runpy.run_path(sys.argv[2], run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target), library_example],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "FinalRefused: ['extent.sum_differs_from_total']" in result.stdout
