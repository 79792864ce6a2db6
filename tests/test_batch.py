"""Batch drafting: --jobs 2 writes the same files as --jobs 1, a bad file does not stop the others,
clashes are found before anything is written, an agreement whose files exist is skipped and the others are
written, --final refuses an agreement with errors, --quiet, the progress bar, memory-free streaming."""

from __future__ import annotations

import shutil
from pathlib import Path

from batch_helpers import normalised
from typer.testing import CliRunner

from forenad.cli.app import app
from forenad.render.batch import BatchOptions, names_may_clash, preflight, run_batch

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "rules" / "tests" / "bases").glob("*.yaml")
)
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"

runner = CliRunner()


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_two_jobs_write_the_same_files_as_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    code_one, out_one = run("draft", *SOURCES, "-o", one, "--on", "2026-06-01", "--jobs", "1")
    code_two, out_two = run("draft", *SOURCES, "-o", two, "--on", "2026-06-01", "--jobs", "2")
    assert code_one == code_two
    assert code_one in (0, 1), out_one
    assert out_one.replace(str(one), "DIR") == out_two.replace(str(two), "DIR")  # same report, same order
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    assert len(names) >= 2 * len(SOURCES)
    for name in names:
        assert normalised(one / name) == normalised(two / name), name


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out"
    code, output = run("draft", UPPSALA, bad, SOURCES[0], "-o", out, "--on", "2026-06-01", "--jobs", "2")
    assert code == 2, output
    assert "trasig.yaml" in output and "inget skrivet" in output
    written = {p.name.split(".")[0] for p in out.iterdir()}
    assert written == {UPPSALA.stem, SOURCES[0].stem}
    assert "3 avtal: 2 klara, 0 överhoppade, 1 misslyckat" in output


def test_two_inputs_with_one_output_name_are_refused_before_writing(tmp_path: Path) -> None:
    other = tmp_path / "annan"
    other.mkdir()
    copy = shutil.copy(UPPSALA, other / UPPSALA.name)
    code, output = run("draft", UPPSALA, copy, "-o", tmp_path / "out", "--on", "2026-06-01", "--jobs", "2")
    assert code == 2
    assert "samma utdatafil" in output
    assert "2 avtal: 1 klart, 0 överhoppade, 1 misslyckat" in output


def test_an_agreement_whose_files_exist_is_skipped_and_the_others_written(tmp_path: Path) -> None:
    assert run("draft", UPPSALA, "-o", tmp_path, "--on", "2026-06-01")[0] == 0
    kept = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, output = run("draft", SOURCES[0], UPPSALA, "-o", tmp_path, "--on", "2026-06-01", "--jobs", "2")
    assert code == 2, output  # an output that exists is still exit 2: nothing stale passes as written
    assert f"{UPPSALA}: hoppades över: filerna finns redan" in output
    assert all(name in output for name in kept)  # the files that stood in the way are listed
    assert "2 avtal: 1 klart, 1 överhoppat, 0 misslyckade" in output and "--force" in output
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name in kept} == kept  # untouched
    assert any(p.name.startswith(SOURCES[0].stem + ".") for p in tmp_path.iterdir())  # the other: written
    code, output = run("draft", SOURCES[0], UPPSALA, "-o", tmp_path, "--on", "2026-06-01", "--force")
    assert code == 0 and "2 avtal: 2 klara, 0 överhoppade" in output


def test_final_documents_are_refused_for_an_agreement_with_errors(tmp_path: Path) -> None:
    text = UPPSALA.read_text(encoding="utf-8")
    assert text.count("extent_percent: 50") == 2
    bad = tmp_path / "for-mycket.yaml"
    bad.write_text(text.replace("extent_percent: 50", "extent_percent: 90", 1), encoding="utf-8")
    out = tmp_path / "ut"
    code, output = run("draft", bad, "-o", out, "--final", "--on", "2026-06-01")
    assert code == 1, output
    assert not out.exists() or not any(out.iterdir())  # nothing written
    assert "inget slutligt dokument: avtalet har 3 fel" in output
    for rule in (
        "extent.employer_above_full_time",
        "extent.sum_differs_from_total",
        "working_time.one_employer_above_limit",
    ):
        assert rule in output
    assert "140 %" in output
    code, output = run("draft", bad, "-o", out, "--on", "2026-06-01", "--lang", "en")
    assert code == 1 and "1 agreement with rule findings of severity error" in output  # a draft: written
    assert len(list(out.glob("*.docx"))) == 2


def test_quiet_prints_only_what_went_wrong_and_the_summary(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    code, output = run("draft", UPPSALA, bad, "-o", tmp_path / "ut", "--on", "2026-06-01", "--quiet")
    assert code == 2
    lines = output.strip().splitlines()
    assert lines[0].startswith("✗") and "trasig.yaml" in lines[0]
    assert str(UPPSALA) not in output and ".docx" not in output
    assert lines[-1] == "2 avtal: 1 klart, 0 överhoppade, 1 misslyckat, 2 dokument"


def test_progress_bar_on_request(tmp_path: Path) -> None:
    code, output = run("draft", UPPSALA, "-o", tmp_path, "--on", "2026-06-01", "--progress")
    assert code == 0
    assert "Utkast" in output and "dokument på" in output


def test_names_alone_rule_clashes_out(tmp_path: Path) -> None:
    assert not names_may_clash(["a/x.yaml", "b/y.yaml"], tmp_path / "none", force=False)
    assert names_may_clash(["a/x.yaml", "b/x.yaml"], tmp_path, force=False)
    assert names_may_clash(["a/x.yaml", "b/x.samverkansavtal.yaml"], tmp_path, force=True)
    assert not names_may_clash(["a/x.yaml", "b/x-y.yaml"], tmp_path, force=True)
    (tmp_path / "x.samverkansavtal-forenad.docx").write_bytes(b"")
    assert names_may_clash(["a/x.yaml"], tmp_path, force=False)
    assert not names_may_clash(["a/x.yaml"], tmp_path, force=True)


def test_run_batch_streams_outcomes_in_order(tmp_path: Path) -> None:
    files = [SOURCES[0], tmp_path / "saknas.yaml", UPPSALA]
    options = BatchOptions(tmp_path / "out")
    found = preflight(files, options)
    assert not found.existing and not found.clashes
    outcomes = run_batch(files, options, jobs=2)
    first = next(outcomes)  # a generator: results arrive as the files finish
    rest = list(outcomes)
    assert [o.ok for o in [first, *rest]] == [True, False, True]
    assert rest[0].code == 2
    assert all(Path(p).is_file() for p in first.written)


def test_the_library_refuses_a_final_document_naming_the_errors(tmp_path: Path) -> None:
    import datetime as dt

    import pytest

    import forenad
    from forenad.errors import ForenadError
    from forenad.render.errors import FinalRefused

    agreement = forenad.load(UPPSALA)
    agreement.parts[0].extent_percent = 90  # type: ignore[assignment]
    with pytest.raises(FinalRefused) as caught:
        forenad.draft(agreement, tmp_path, on=dt.date(2026, 6, 1), final=True)
    assert isinstance(caught.value, ForenadError)
    assert {f.rule for f in caught.value.findings} >= {"extent.employer_above_full_time"}
    assert "140 %" in caught.value.message("sv")
    assert caught.value.message("en").startswith("no final document: the agreement has 3 errors")
    assert not list(tmp_path.iterdir())
