"""The public API: one verb per job, typed, with names that do not change with import order, and every error
raised on purpose a ``ForenadError``."""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import forenad
from forenad.errors import ForenadError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
UPPSALA = EXAMPLES / "uppsala-professor-overlakare.yaml"
ON = dt.date(2026, 6, 1)


def test_check_takes_an_agreement_a_file_a_folder_or_several() -> None:
    agreement = forenad.load(UPPSALA)
    one = forenad.check(agreement, on=ON)
    assert [r.file for r in one.results] == ["<UU-RU-2026-014>"]
    assert one.as_json()["evaluated_on"] == "2026-06-01"
    by_path = forenad.check(str(UPPSALA), on=ON)
    assert [r.file for r in by_path.results] == [str(UPPSALA)]
    # The same findings whichever way the agreement came in.
    assert [f.rule for f in one.results[0].findings] == [f.rule for f in by_path.results[0].findings]
    folder = forenad.check(EXAMPLES, on=ON)
    assert len(folder.results) == len(list(EXAMPLES.glob("*.yaml")))
    mixed = forenad.check([agreement, UPPSALA, EXAMPLES], on=ON)
    assert len(mixed.results) == 2 + len(folder.results)
    assert mixed.exit_code == 0


def test_check_reports_bad_input_and_refuses_a_wrong_type(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text("id: [", encoding="utf-8")
    run = forenad.check([bad, UPPSALA], on=ON)
    assert [r.valid for r in run.results] == [False, True]
    assert run.exit_code == 2
    with pytest.raises(TypeError, match="an Agreement or a path"):
        forenad.check([42], on=ON)  # type: ignore[list-item]


def test_compare_is_the_function_however_it_is_imported() -> None:
    # Importing the package behind it never turns forenad.compare into a module.
    importlib.import_module("forenad.comparison")
    importlib.import_module("forenad.comparison.build")
    assert callable(forenad.compare) and forenad.compare.__name__ == "compare"
    code = (
        "import forenad.comparison, forenad; import types; "
        "assert not isinstance(forenad.compare, types.ModuleType); print(forenad.compare.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "forenad.comparison.build"


def test_every_public_name_resolves() -> None:
    for name in forenad.__all__:
        assert getattr(forenad, name) is not None, name


def test_the_public_names_are_listed_once_for_python_and_for_the_type_checker() -> None:
    """``__all__`` (what ``from forenad import *`` and mypy's re-exports see), ``_EXPORTS`` (what is loaded
    on first use) and the ``TYPE_CHECKING`` imports (the names' types) are the same names, and the type
    checker's import of each is the object Python loads."""
    import ast

    assert forenad.__all__ == sorted(forenad.__all__, key=lambda n: (not n[0].isupper(), n))
    assert set(forenad.__all__) == set(forenad._EXPORTS) | {"__version__"}
    assert len(forenad.__all__) == len(set(forenad.__all__))
    tree = ast.parse(Path(forenad.__file__).read_text(encoding="utf-8"))
    (block,) = [
        node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    typed = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert set(typed) == set(forenad._EXPORTS)
    for name, module in typed.items():
        assert module is not None
        assert getattr(importlib.import_module(module), name) is getattr(forenad, name), name


def test_import_forenad_loads_nothing_but_the_version() -> None:
    code = (
        "import sys, forenad; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'forenad', 'pydantic', 'docx', 'docxtpl', 'openpyxl', 'jinja2', 'lxml', 'yaml', 'ruamel'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['forenad', 'forenad._version']"


def test_the_errors_raised_on_purpose_are_public_and_forenad_errors() -> None:
    errors = [getattr(forenad, name) for name in forenad.__all__ if name.endswith(("Error", "Exists"))]
    errors.remove(forenad.InputError)  # one problem of an agreement file (a record, not an exception)
    errors += [forenad.FinalRefused, forenad.ParameterNotInForce]
    for error in errors:
        assert issubclass(error, ForenadError), error
    assert issubclass(forenad.FinalRefused, forenad.DraftError)
    assert issubclass(forenad.OutputExists, forenad.OutputError) and issubclass(forenad.OutputError, OSError)


def test_errors_raised_on_purpose_are_forenad_errors(tmp_path: Path) -> None:
    from forenad.files import OutputExists, write_atomic

    target = tmp_path / "a.txt"
    target.write_text("mitt", encoding="utf-8")
    with pytest.raises(ForenadError) as caught:
        write_atomic(target, b"nytt")
    assert isinstance(caught.value, OutputExists) and isinstance(caught.value, FileExistsError)
    assert "--force" in caught.value.message("sv") and "--force" in caught.value.message("en")
    assert target.read_text(encoding="utf-8") == "mitt"
    with pytest.raises(ForenadError):
        forenad.load(tmp_path / "saknas.yaml")
    from forenad.params import default_parameters

    with pytest.raises(ForenadError):
        default_parameters().at("inkomstbasbelopp", dt.date(2015, 1, 1))
    with pytest.raises(ForenadError):
        default_parameters().get("inkomstbasbelop")


def test_changes_and_summarize_are_public_functions() -> None:
    importlib.import_module("forenad.changes_report")
    assert callable(forenad.changes) and forenad.changes.__name__ == "changes"
    report = forenad.changes([UPPSALA], dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    assert isinstance(report, forenad.ChangeReport)
    assert [entry.label for entry in report.changed] == [str(UPPSALA)]
    # The 2027 amounts are not in the shipped parameters: the checks that need them say so from 1 January.
    assert {(c.kind, c.rule) for c in report.changed[0].findings} == {
        ("appeared", "dates.parameter_not_in_force")
    }
    summary = forenad.summarize(forenad.check(EXAMPLES, on=ON))
    assert isinstance(summary, forenad.Summary)
    assert summary.files == len(list(EXAMPLES.glob("*.yaml"))) and summary.as_json()["files"] == summary.files
