"""Batch drafting: --jobs 2 writes the same files as --jobs 1, a bad file does not stop the others,
clashes and existing files are found before anything is written, the progress bar, memory-free streaming."""

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
    assert "3 avtal: 2 klara, 1 misslyckade" in output


def test_two_inputs_with_one_output_name_are_refused_before_writing(tmp_path: Path) -> None:
    other = tmp_path / "annan"
    other.mkdir()
    copy = shutil.copy(UPPSALA, other / UPPSALA.name)
    code, output = run("draft", UPPSALA, copy, "-o", tmp_path / "out", "--on", "2026-06-01", "--jobs", "2")
    assert code == 2
    assert "samma utdatafil" in output
    assert "2 avtal: 1 klara, 1 misslyckade" in output


def test_existing_outputs_stop_the_whole_batch(tmp_path: Path) -> None:
    assert run("draft", UPPSALA, "-o", tmp_path, "--on", "2026-06-01")[0] == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    code, output = run("draft", SOURCES[0], UPPSALA, "-o", tmp_path, "--on", "2026-06-01", "--jobs", "2")
    assert "finns redan" in output
    assert code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written, not even the other file
    code, _ = run("draft", SOURCES[0], UPPSALA, "-o", tmp_path, "--on", "2026-06-01", "--force")
    assert code == 0


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
    assert preflight(files, options) == ([], {})
    outcomes = run_batch(files, options, jobs=2)
    first = next(outcomes)  # a generator: results arrive as the files finish
    rest = list(outcomes)
    assert [o.ok for o in [first, *rest]] == [True, False, True]
    assert rest[0].code == 2
    assert all(Path(p).is_file() for p in first.written)
