"""``forenad check DIR…``: folders walked into agreement files, one bad file never stopping the others, and
the summary (counts worked out by hand from the findings of the shipped examples on 2026-06-01)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import forenad
from forenad.cli.app import app
from forenad.io import dump_json
from forenad.portfolio import agreement_files, check_paths, sources, summarize

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
UPPSALA = EXAMPLES / "uppsala-professor-overlakare.yaml"
OREBRO = EXAMPLES / "orebro-lektor-specialistsjukskoterska.yaml"
SORMLAND = EXAMPLES / "sormland-kombinationsanstallning-fysioterapeut.yaml"
ON = ("--on", "2026-06-01")

runner = CliRunner()


def run(*args: object) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *(str(a) for a in args)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """Five files to read, and files that a folder never contributes.

    On 2026-06-01 (see each example's findings):

    - ``a-uppsala.yaml``: info cost_settlement, info pension;
    - ``nested/orebro-bl.yml`` (the lektor made a biträdande lektor): error legal_basis, warning vacation,
      info vacation, warning notice;
    - ``nested/deeper/sormland.json`` (the example written as JSON): info vacation, warning notice;
    - ``nested/bad.yaml``: not YAML; ``nested/not-an-agreement.yaml``: YAML but no agreement.
    """
    root = tmp_path / "portfolio"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "a-uppsala.yaml").write_text(UPPSALA.read_text(encoding="utf-8"), encoding="utf-8")
    orebro = OREBRO.read_text(encoding="utf-8").replace("    position: lektor\n", "    position: doktorand\n")
    assert "doktorand" in orebro
    (root / "nested" / "orebro-bl.yml").write_text(orebro, encoding="utf-8")
    (root / "nested" / "deeper" / "sormland.json").write_text(
        dump_json(forenad.load(SORMLAND)), encoding="utf-8"
    )
    (root / "nested" / "bad.yaml").write_text("id: x\nparts: [\n", encoding="utf-8")
    (root / "nested" / "not-an-agreement.yaml").write_text("title: anteckningar\n", encoding="utf-8")
    # Never read: hidden, not YAML/JSON, the configuration file.
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.yaml").write_text("broken: [\n", encoding="utf-8")
    (root / "nested" / ".backup.yaml").write_text("broken: [\n", encoding="utf-8")
    (root / "notes.md").write_text("# anteckningar\n", encoding="utf-8")
    (root / "forenad.toml").write_text("[params]\n", encoding="utf-8")
    (root / "utkast.docx").write_bytes(b"PK")
    return root


EXPECTED_ORDER = [
    "a-uppsala.yaml",
    "nested/bad.yaml",
    "nested/deeper/sormland.json",
    "nested/not-an-agreement.yaml",
    "nested/orebro-bl.yml",
]

EXPECTED_SUMMARY = {
    "files": 5,
    "valid": 3,
    "with_errors": 1,
    "with_warnings": 2,
    "invalid": 2,
    "incomplete": 0,
    "findings": {"error": 1, "warning": 3, "info": 4},
    "findings_by_topic": {
        "legal_basis": {"error": 1, "warning": 0, "info": 0},
        "vacation": {"error": 0, "warning": 1, "info": 2},
        "pension": {"error": 0, "warning": 0, "info": 1},
        "notice": {"error": 0, "warning": 2, "info": 0},
        "cost_settlement": {"error": 0, "warning": 0, "info": 1},
    },
}


def relative(paths: list[Path] | list[str], root: Path) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


def test_a_folder_is_every_agreement_file_under_it_sorted(portfolio: Path) -> None:
    assert relative(agreement_files([portfolio]), portfolio) == EXPECTED_ORDER


def test_files_named_on_their_own_are_kept_as_given(portfolio: Path, tmp_path: Path) -> None:
    notes = portfolio / "notes.md"
    missing = tmp_path / "saknas.yaml"
    listed = sources([notes, missing, portfolio / "nested"])
    assert [s.path for s in listed[:2]] == [notes, missing]
    assert relative([s.path for s in listed[2:]], portfolio) == EXPECTED_ORDER[1:]
    assert all(s.error is None for s in listed)


def test_a_file_already_named_is_not_repeated_from_its_folder(portfolio: Path) -> None:
    first = portfolio / "nested" / "orebro-bl.yml"
    files = agreement_files([first, portfolio])
    assert files[0] == first
    assert len(files) == len(EXPECTED_ORDER)
    assert relative(files[1:], portfolio) == [p for p in EXPECTED_ORDER if p != "nested/orebro-bl.yml"]


def test_summary_counts(portfolio: Path) -> None:
    run = check_paths([portfolio], on=dt.date(2026, 6, 1), facts=False)
    assert relative([r.file for r in run.results], portfolio) == EXPECTED_ORDER
    summary = summarize(run)
    assert summary.as_json() == EXPECTED_SUMMARY
    assert [c.topic for c in summary.topics] == list(EXPECTED_SUMMARY["findings_by_topic"])  # type: ignore[arg-type]
    assert run.exit_code == 2


def test_check_folder_json(portfolio: Path) -> None:
    code, out, _ = run(portfolio, "--format", "json", *ON)
    assert code == 2
    data = json.loads(out)
    assert set(data) == {"forenad", "evaluated_on", "results", "summary"}  # the contract's keys, plus one
    assert data["summary"] == EXPECTED_SUMMARY
    results = data["results"]
    assert relative([r["file"] for r in results], portfolio) == EXPECTED_ORDER
    for result in results:
        assert {"file", "valid", "input_errors", "findings", "facts"} <= set(result)
    valid = {Path(r["file"]).name: r["valid"] for r in results}
    assert valid == {
        "a-uppsala.yaml": True,
        "bad.yaml": False,
        "sormland.json": True,
        "not-an-agreement.yaml": False,
        "orebro-bl.yml": True,
    }
    # One failing file stops nothing: the files after it were evaluated, with their facts.
    orebro = results[-1]
    assert "legal_basis.forenad_not_teacher_post" in [f["rule"] for f in orebro["findings"]]
    assert orebro["facts"]["economics"]["employers"]


def test_check_folder_text_sv(portfolio: Path) -> None:
    code, out, _ = run(portfolio, *ON)
    assert code == 2
    positions = [out.index(str(portfolio / p)) for p in EXPECTED_ORDER]
    assert positions == sorted(positions)
    assert ".hidden" not in out and "notes.md" not in out and "forenad.toml" not in out
    assert ".backup.yaml" not in out
    summary = out[out.index("Sammanfattning") :]
    assert "5 filer: 3 giltiga (1 med fel, 2 med varningar), 2 ogiltiga" in summary
    lines = {line.split()[0] if line.split() else "": line.split() for line in summary.splitlines()}
    assert lines["Rättslig"][-3:] == ["1", "0", "0"]
    assert lines["Semester"][-3:] == ["0", "1", "2"]
    assert lines["Pension"][-3:] == ["0", "0", "1"]
    assert lines["Uppsägningstid"][-3:] == ["0", "2", "0"]
    assert lines["Kostnadsfördelning"][-3:] == ["0", "0", "1"]
    assert lines["Summa"][-3:] == ["1", "3", "4"]


def test_check_folder_text_en(portfolio: Path) -> None:
    code, out, _ = run(portfolio, "--lang", "en", *ON)
    assert code == 2
    summary = out[out.index("Summary") :]
    assert "5 files: 3 valid (1 with errors, 2 with warnings), 2 invalid" in summary
    assert "Legal basis" in summary and "Cost settlement" in summary and "Total" in summary


def test_exit_codes_follow_the_contract(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    (clean / "sub").mkdir(parents=True)
    (clean / "sub" / "uppsala.yaml").write_text(UPPSALA.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(clean, *ON)
    assert code == 0
    assert "1 fil: 1 giltig (0 med fel, 0 med varningar), 0 ogiltiga" in out
    (clean / "bl.yaml").write_text(
        OREBRO.read_text(encoding="utf-8").replace("position: lektor\n", "position: doktorand\n"),
        encoding="utf-8",
    )
    assert run(clean, *ON)[0] == 1
    (clean / "sub" / "trasig.json").write_text("{", encoding="utf-8")
    assert run(clean, *ON)[0] == 2


def test_a_folder_without_agreements_is_an_input_error(portfolio: Path, tmp_path: Path) -> None:
    empty = tmp_path / "tom"
    (empty / ".git").mkdir(parents=True)
    (empty / ".git" / "config.yaml").write_text("a: 1\n", encoding="utf-8")
    (empty / "README.md").write_text("x\n", encoding="utf-8")
    code, out, _ = run(empty, *ON)
    assert code == 2
    assert f"✗ {empty}: kan inte läsas eller valideras" in out
    assert "mappen innehåller inga avtalsfiler (*.yaml, *.yml, *.json" in out
    code, out, _ = run(empty, UPPSALA, "--format", "json", "--lang", "en", *ON)
    assert code == 2
    data = json.loads(out)
    assert [r["valid"] for r in data["results"]] == [False, True]
    assert data["results"][0]["input_errors"][0]["message"].startswith("the folder holds no agreement files")
    assert data["summary"]["invalid"] == 1 and data["summary"]["files"] == 2
    # An empty sub-folder of a folder that has agreements is no error.
    (portfolio / "tom").mkdir()
    assert relative(agreement_files([portfolio]), portfolio) == EXPECTED_ORDER


def test_an_unreadable_sub_folder_is_reported(portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = portfolio / "låst"
    locked.mkdir()
    (locked / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # as if the folder's mode were 000 (the tests may run as root)
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    listed = sources([portfolio])
    problems = [s for s in listed if s.error is not None]
    assert [s.path for s in problems] == [locked]
    assert problems[0].error is not None
    assert problems[0].error.message("sv") == "mappen kan inte läsas (Permission denied)"
    assert relative([s.path for s in listed if s.error is None], portfolio) == EXPECTED_ORDER
    run = check_paths([portfolio], on=dt.date(2026, 6, 1), facts=False)
    assert run.exit_code == 2 and summarize(run).invalid == 3


def test_files_alone_keep_their_output() -> None:
    """Without a folder the output is what it was: no summary table, and the JSON has the contract's keys."""
    code, out, _ = run(UPPSALA, *ON)
    assert code == 0
    assert "Sammanfattning" not in out
    code, out, _ = run(UPPSALA, "--format", "json", *ON)
    assert set(json.loads(out)) == {"forenad", "evaluated_on", "results"}


def test_a_directory_named_like_a_file_is_not_walked(tmp_path: Path) -> None:
    odd = tmp_path / "avtal.yaml"
    odd.mkdir()
    (odd / "uppsala.yaml").write_text(UPPSALA.read_text(encoding="utf-8"), encoding="utf-8")
    assert agreement_files([odd]) == [odd]
    code, out, _ = run(odd, *ON)
    assert code == 2 and "är en katalog, inte en fil" in out


def test_incomplete_checks_are_counted() -> None:
    """A valid file whose check could not make an error-level rule (``FileResult.complete`` false) is
    counted as incomplete, and the text says so."""
    from types import SimpleNamespace

    from rich.console import Console

    from forenad.cli.render_portfolio import print_summary
    from forenad.report import CheckRun

    results = [
        SimpleNamespace(valid=True, findings=[], complete=False),
        SimpleNamespace(valid=True, findings=[], complete=True),
        SimpleNamespace(valid=False, findings=[], complete=False),  # invalid: not counted again
    ]
    summary = summarize(CheckRun(dt.date(2027, 1, 1), results))  # type: ignore[arg-type]
    assert (summary.files, summary.valid, summary.invalid, summary.incomplete) == (3, 2, 1, 1)
    console = Console(record=True, width=120)
    print_summary(summary, "sv", console)
    assert "1 ofullständigt prövade (ett värde saknas)" in console.export_text()
