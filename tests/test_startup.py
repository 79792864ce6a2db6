"""`forenad check` and `forenad --version` start fast: they never import the Word or spreadsheet libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
HEAVY = ("docx", "docxtpl", "openpyxl", "jinja2", "lxml")

PROBE = """
import sys
from forenad.cli import main
sys.argv = {argv!r}
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r})
print('HEAVY', heavy, file=sys.stderr)
"""


def imported_heavy(argv: list[str]) -> str:
    code = PROBE.format(argv=argv, heavy=HEAVY)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    line = [x for x in proc.stderr.splitlines() if x.startswith("HEAVY")]
    assert line, proc.stderr
    return line[-1]


def test_check_does_not_import_word_or_spreadsheet_libraries() -> None:
    assert imported_heavy(["forenad", "check", str(EXAMPLE), "--on", "2026-06-01"]) == "HEAVY []"


def test_check_json_does_not_import_them_either() -> None:
    assert imported_heavy(["forenad", "check", str(EXAMPLE), "--format", "json"]) == "HEAVY []"


def test_version_does_not_import_them() -> None:
    assert imported_heavy(["forenad", "--version"]) == "HEAVY []"
