"""Hardening, round two (issue 21), item 9: the library used carelessly.

- ``forenad.check_files("x.yaml")`` (one path, not a list) used to check the characters one by one.
  Decision (the friendly one): one path — ``str`` or ``os.PathLike`` — is one file; a list of anything but
  paths raises ``TypeError`` naming the item. ``forenad.compare`` reads one path or one agreement likewise.
- An :class:`~forenad.Agreement` changed in Python after validation (pydantic does not validate assignments)
  was drafted unchecked ("-5 kr per månad"). ``forenad.draft``, ``forenad.evaluate``, ``render_document`` and
  ``forenad.compare`` validate it again (``model_validate(model_dump())``) and refuse it with the input
  errors a file gets; they go on with the fresh copy.
- One unreadable file (a directory, a missing file, an I/O error, a NUL in its name) never stops a batch.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import forenad
from forenad.cli.app import app
from forenad.errors import AgreementFileError
from forenad.io import parse_agreement
from forenad.render import render_document
from forenad.render.catalogue import shipped_template

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
OREBRO = ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml"
ON = dt.date(2026, 6, 1)
runner = CliRunner()


@pytest.mark.parametrize("path", [str(UPPSALA), UPPSALA])
def test_check_files_with_one_path_checks_that_file(path: str | Path) -> None:
    run = forenad.check_files(path, on=ON)
    assert [r.file for r in run.results] == [str(UPPSALA)]
    assert run.results[0].input_errors == []


@pytest.mark.parametrize("bad", [[UPPSALA, 42], [b"avtal.yaml"], 42, None])
def test_check_files_refuses_what_is_no_path(bad: Any) -> None:
    with pytest.raises(TypeError, match="path"):
        forenad.check_files(bad)


def test_compare_with_one_path_or_one_agreement() -> None:
    assert len(forenad.compare(str(UPPSALA), on=ON).columns) == 1
    assert len(forenad.compare(forenad.load(UPPSALA), on=ON).columns) == 1


def test_an_unreadable_file_never_stops_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "katalog.yaml"
    folder.mkdir()
    inputs = [folder, tmp_path / "finns-inte.yaml", "a\x00b.yaml", UPPSALA, "/proc/self/mem", OREBRO]
    run = forenad.check_files(inputs, on=ON)
    assert [bool(r.input_errors) for r in run.results] == [True, True, True, False, True, False]
    assert all(e.message("en") for r in run.results for e in r.input_errors)


def test_an_unreadable_file_never_stops_a_cli_batch(tmp_path: Path) -> None:
    folder = tmp_path / "katalog.yaml"
    folder.mkdir()
    for command in (["check"], ["draft", "-o", str(tmp_path / "ut")], ["compare"]):
        args = [*command, str(folder), str(tmp_path / "finns-inte.yaml"), str(UPPSALA), "--on", "2026-06-01"]
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (command, result.output)
        assert "uppsala" in result.output.lower()
    assert len(list((tmp_path / "ut").glob("uppsala-*.docx"))) == 2


def _changed() -> forenad.Agreement:
    agreement = forenad.load(UPPSALA)
    agreement.parts[0].monthly_salary = Decimal(-5)  # pydantic does not check an assignment
    return agreement


def _file_error() -> AgreementFileError:
    text = UPPSALA.read_text(encoding="utf-8").replace("monthly_salary: 46000", "monthly_salary: -5", 1)
    result = parse_agreement(text)
    return AgreementFileError(result.file, list(result.errors))


def test_a_changed_agreement_is_refused_by_draft_with_a_files_error(tmp_path: Path) -> None:
    with pytest.raises(AgreementFileError) as caught:
        forenad.draft(_changed(), tmp_path, on=ON)
    assert not list(tmp_path.iterdir())
    expected = _file_error()
    assert [(e.path, e.message("sv")) for e in caught.value.errors] == [
        (e.path, e.message("sv")) for e in expected.errors
    ]
    assert caught.value.errors[0].message("sv") == "värdet måste vara större än 0"


def test_a_changed_agreement_is_refused_everywhere() -> None:
    with pytest.raises(AgreementFileError):
        forenad.evaluate(_changed(), ON)
    with pytest.raises(AgreementFileError):
        render_document(_changed(), shipped_template("samverkansavtal-forenad"), on=ON)
    cmp = forenad.compare([_changed(), UPPSALA], on=ON)
    assert len(cmp.columns) == 1 and cmp.input_errors[0].errors[0].path == "parts.0.monthly_salary"


def test_a_type_that_is_no_agreement_is_refused() -> None:
    with pytest.raises(TypeError):
        forenad.draft(["a.yaml", "b.yaml"], "ut")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        forenad.evaluate({"id": "x"}, ON)  # type: ignore[arg-type]


def test_the_draft_is_made_from_the_agreement_as_validated(tmp_path: Path) -> None:
    """A valid change is drafted (validated again, not refused); the object is not kept for later."""
    agreement = forenad.load(UPPSALA)
    agreement.person.name = "Åsa Öberg"
    paths = forenad.draft(agreement, tmp_path, on=ON)
    import docx

    document = docx.Document(str(next(p for p in paths if p.name.endswith("samverkansavtal-forenad.docx"))))
    assert any("Åsa Öberg" in p.text for p in document.paragraphs)


_MUTATIONS = st.sampled_from(
    [
        ("parts", 0, "monthly_salary", Decimal(-5)),
        ("parts", 0, "extent_percent", Decimal(0)),
        ("parts", 0, "extent_percent", Decimal("100.5")),
        ("parts", 0, "employer", "finns-inte"),
        ("main_employer", "okand"),
        ("person", "name", ""),
        ("person", "birth_year", "nittonhundra"),
        ("end_date", dt.date(1999, 1, 1)),
        ("parts", 0, "monthly_salary", Decimal(50_000)),
        ("person", "name", "Ny Person"),
        ("title", "x" * 300),
        ("employers", 0, "id", "UU"),
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(_MUTATIONS, min_size=1, max_size=3))
def test_a_changed_agreement_is_drafted_exactly_when_its_file_would_be(
    tmp_path_factory: pytest.TempPathFactory, mutations: list[tuple[Any, ...]]
) -> None:
    """The property: an agreement changed in Python is drafted if and only if the same change written into
    its file is valid, and refused with the same input errors otherwise."""
    agreement = forenad.load(UPPSALA)
    data: dict[str, Any] = copy.deepcopy(agreement.model_dump())
    for *where, value in mutations:
        target: Any = agreement
        node: Any = data
        for key in where[:-1]:
            target = target[key] if isinstance(key, int) else getattr(target, key)
            node = node[key]
        setattr(target, where[-1], value)
        node[where[-1]] = value
    as_file = forenad.Agreement.model_validate  # what reading the same data from a file does
    try:
        as_file(data)
        file_valid = True
    except Exception:
        file_valid = False
    out = tmp_path_factory.mktemp("draft")
    try:
        forenad.draft(agreement, out, on=ON)
        drafted = True
    except AgreementFileError:
        drafted = False
    assert drafted == file_valid, mutations
    assert bool(list(out.iterdir())) == drafted
