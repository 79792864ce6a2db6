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
heavy = sorted(m for m in sys.modules if m in {heavy!r} or m.split('.')[0] in {heavy!r})
print('HEAVY', heavy, file=sys.stderr)
"""


def imported_heavy(argv: list[str], heavy: tuple[str, ...] = HEAVY, env: dict[str, str] | None = None) -> str:
    code = PROBE.format(argv=argv, heavy=heavy)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    line = [x for x in proc.stderr.splitlines() if x.startswith("HEAVY")]
    assert line, proc.stderr
    return line[-1]


def test_check_does_not_import_word_or_spreadsheet_libraries() -> None:
    assert imported_heavy(["forenad", "check", str(EXAMPLE), "--on", "2026-06-01"]) == "HEAVY []"


def test_check_json_does_not_import_them_either() -> None:
    assert imported_heavy(["forenad", "check", str(EXAMPLE), "--format", "json"]) == "HEAVY []"


def test_version_does_not_import_them() -> None:
    assert imported_heavy(["forenad", "--version"]) == "HEAVY []"


def test_a_second_check_of_a_valid_file_imports_neither_ruamel_nor_babels_numbers(
    tmp_path: Path,
) -> None:
    """What a one-file check may skip once the disk cache holds the rules, the parameters and the locale's
    symbols: ruamel.yaml (a valid file is read by the fast reader), Babel's number module and its locale
    data, and the economics printer."""
    import os

    env = {**os.environ, "FORENAD_CACHE_DIR": str(tmp_path / "cache")}
    skipped = ("ruamel", "babel.numbers", "forenad.cli.render_economics")
    argv = ["forenad", "check", str(EXAMPLE), "--on", "2026-06-01"]
    imported_heavy(argv, skipped, env)  # fills the cache
    assert imported_heavy(argv, skipped, env) == "HEAVY []"


def test_the_app_is_narrowed_to_the_command_named_and_whole_otherwise() -> None:
    import typer

    from forenad.cli.app import app, app_for

    def names(a: typer.Typer) -> set[str]:
        group = typer.main.get_command(a)
        assert isinstance(group, typer.core.TyperGroup)
        return set(group.commands)

    everything = names(app)
    assert {"check", "draft", "params", "rules", "templates", "new", "compare", "survey"} <= everything
    assert names(app_for(["check", "x.yaml"])) == {"check"}
    assert names(app_for(["params", "list"])) == {"params"}
    assert names(app_for(["templates"])) == {"templates"}
    for args in ([], ["--help"], ["chek"], ["x.yaml"]):
        assert app_for(args) is app, args
    assert names(app) == everything  # narrowing leaves the application itself whole


def test_the_collector_is_paused_for_start_up_only() -> None:
    """Start-up runs with the cyclic garbage collector paused and its objects frozen; the work itself (a batch
    of drafts leaves cycles) runs with the collector on."""
    code = (
        "import gc, sys\n"
        "from forenad.cli import _started\n"
        "app = _started(['check'])\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 10000, len(app.registered_commands))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == ["True", "True", "1"], proc.stderr


def test_a_locale_cache_entry_of_another_shape_is_not_used(tmp_path: Path) -> None:
    """The locale's symbols and plural rules are cached as plain data; an entry an older forenad left in
    another shape is rebuilt from Babel, never unpacked into a wrong answer or a crash."""
    import os

    code = (
        "import pickle, sys\n"
        "from pathlib import Path\n"
        "from forenad.presentation import formatting\n"
        "from forenad.presentation.formatting import count, format_number\n"
        "print(count(2, 'fil', 'filer', 'sv'), format_number(1234.5, 'sv'))\n"
        "for entry in Path(sys.argv[1]).glob('cldr-*.pickle'):\n"
        "    entry.write_bytes(pickle.dumps(formatting._LocaleFacts('x', 'y', {})))\n"
    )
    env = {**os.environ, "FORENAD_CACHE_DIR": str(tmp_path)}
    first = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert first.stdout.split() == ["2", "filer", "1", "234,5"], first.stderr
    assert list(tmp_path.glob("cldr-*.pickle"))
    second = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert second.stdout == first.stdout, second.stderr
