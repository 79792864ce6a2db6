"""``forenad draft`` on the command line: batches, --force, exit codes, unsafe templates, PDF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from forenad.cli.app import app
from forenad.render.pdf import soffice

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
OREBRO = ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml"
TJANSTEKOP_BASE = ROOT / "rules" / "tests" / "bases" / "tjanstekop.yaml"
ADJUNGERING_BASE = ROOT / "rules" / "tests" / "bases" / "adjungering.yaml"

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def make_template(directory: Path, text: str, *, models: str = "[forenad_en_arbetsgivare]") -> Path:
    """An organisation's template: one paragraph of ``text`` (in one run) and its sidecar."""
    directory.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    document.add_paragraph().add_run(text)
    document.save(str(directory / "template.docx"))
    (directory / "template.yaml").write_text(
        "id: egen-mall\nversion: '1'\nlanguage: sv\ndocument: egen\ntitle: Egen mall\n"
        f"models: {models}\nfields: [person.name]\n",
        encoding="utf-8",
    )
    return directory


def test_draft_writes_docx_and_provenance(tmp_path: Path) -> None:
    code, out = run("draft", UPPSALA, "-o", tmp_path, "--on", "2026-06-01")
    assert code == 0, out
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "uppsala-professor-overlakare.anstallningsbevis-uu.docx",
        "uppsala-professor-overlakare.anstallningsbevis-uu.provenance.json",
        "uppsala-professor-overlakare.samverkansavtal-forenad.docx",
        "uppsala-professor-overlakare.samverkansavtal-forenad.provenance.json",
    ]
    assert "4 filer skrivna" in out
    assert not list(tmp_path.glob(".*.part"))  # atomic writes leave no temporary files


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    assert run("draft", UPPSALA, "-o", tmp_path, "--on", "2026-06-01")[0] == 0
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    (tmp_path / "uppsala-professor-overlakare.samverkansavtal-forenad.docx").write_bytes(b"mine")
    code, out = run("draft", UPPSALA, OREBRO, "-o", tmp_path, "--on", "2026-06-01")
    assert code == 2
    assert "--force" in out and "hoppades över: filerna finns redan" in out
    assert (tmp_path / "uppsala-professor-overlakare.samverkansavtal-forenad.docx").read_bytes() == b"mine"
    assert list(tmp_path.glob("orebro*"))  # the other agreement is written
    assert set(before) == {p.name for p in tmp_path.iterdir() if not p.name.startswith("orebro")}
    code, out = run("draft", UPPSALA, "-o", tmp_path, "--on", "2026-06-01", "--force")
    assert code == 0, out
    assert (tmp_path / "uppsala-professor-overlakare.samverkansavtal-forenad.docx").read_bytes()[:2] == b"PK"


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text("id: x\nmodel: okand\n", encoding="utf-8")
    out_dir = tmp_path / "ut"
    code, out = run("draft", bad, UPPSALA, tmp_path / "finns-inte.yaml", "-o", out_dir, "--on", "2026-06-01")
    assert code == 2
    assert "trasig.yaml" in out and "finns-inte.yaml" in out
    assert "3 avtal: 1 klart, 0 överhoppade, 2 misslyckade" in out
    assert (out_dir / "uppsala-professor-overlakare.samverkansavtal-forenad.docx").is_file()


def test_template_by_id_and_model_mismatch(tmp_path: Path) -> None:
    code, out = run("draft", UPPSALA, "-o", tmp_path, "--template", "anstallningsbevis", "--on", "2026-06-01")
    assert code == 0, out
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".json"]
    code, out = run(
        "draft", UPPSALA, "-o", tmp_path / "b", "--template", "tjanstekopsavtal", "--on", "2026-06-01"
    )
    assert code == 2
    assert "tjanstekop" in out and "forenad_en_arbetsgivare" in out
    code, out = run("draft", UPPSALA, "-o", tmp_path / "c", "--template", "samverkansavtal-foren")
    assert code == 2
    assert "samverkansavtal-forenad" in out  # did you mean


@pytest.mark.parametrize(
    "tag",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ person.__class__ }}",
        "{{ person.name.upper() }}",
        "{% include 'x' %}",
        "{{ 'x' * 100000000 }}",
    ],
)
def test_unsafe_template_is_refused_and_nothing_written(tmp_path: Path, tag: str) -> None:
    template = make_template(tmp_path / "mall", f"Hej {{{{ person.name }}}} {tag}")
    out_dir = tmp_path / "ut"
    code, out = run("draft", UPPSALA, "-o", out_dir, "--template", template, "--on", "2026-06-01")
    assert code == 2, out
    assert not out_dir.exists() or not any(out_dir.iterdir())
    code, out = run("templates", "check", template)
    assert code == 2, out


def test_the_sandbox_stops_what_slips_past_the_check(tmp_path: Path) -> None:
    """Rendering an unchecked template: the sandbox (not only the static check) refuses Python internals."""
    import forenad
    from forenad.render.api import render_document
    from forenad.render.catalogue import resolve_template
    from forenad.render.errors import TemplateError

    agreement = forenad.load(UPPSALA)
    for tag in ("{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}", "{{ range(10) }}"):
        template = resolve_template(make_template(tmp_path / str(abs(hash(tag))), tag))
        with pytest.raises(TemplateError):
            render_document(agreement, template)


def test_organisation_template_that_is_safe_is_used(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "mall", "Avtal för {{ person.name }}, {{ parts[0].monthly_salary|kr }}."
    )
    out_dir = tmp_path / "ut"
    code, out = run("draft", UPPSALA, "-o", out_dir, "--template", template, "--on", "2026-06-01")
    assert code == 0, out
    written = out_dir / "uppsala-professor-overlakare.egen-mall.docx"
    text = docx.Document(str(written)).paragraphs[0].text.replace("\u00a0", " ")
    assert text == "Avtal för Karin Ekholm, 46 000 kr."
    record = json.loads((out_dir / "uppsala-professor-overlakare.egen-mall.provenance.json").read_text())
    assert record["template"]["source"] == "template.docx"


def test_pdf_without_soffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORENAD_SOFFICE", str(tmp_path / "finns-inte-soffice"))
    code, out = run("draft", UPPSALA, "-o", tmp_path / "ut", "--pdf", "--on", "2026-06-01")
    assert code == 2
    assert "LibreOffice" in out
    assert not (tmp_path / "ut").exists()


def test_final_with_missing_values_fails_that_file(tmp_path: Path) -> None:
    code, out = run("draft", TJANSTEKOP_BASE, "-o", tmp_path, "--final", "--on", "2026-06-01")
    assert code == 2
    assert "Del 1 (specialistsjuksköterska): parts.0." in out and "saknas" in out
    assert not any(tmp_path.iterdir())


def test_english_messages_and_documents(tmp_path: Path) -> None:
    code, out = run("draft", UPPSALA, "-o", tmp_path, "--lang", "en", "--on", "2026-06-01")
    assert code == 0, out
    assert "files written" in out
    assert (tmp_path / "uppsala-professor-overlakare.samverkansavtal-forenad-en.docx").is_file()


def test_logs_never_show_the_personnummer(tmp_path: Path) -> None:
    text = UPPSALA.read_text(encoding="utf-8").replace("birth_year: 1971", "personnummer: 19121212-1212")
    source = tmp_path / "med-personnummer.yaml"
    source.write_text(text, encoding="utf-8")
    code, out = run("draft", source, "-o", tmp_path / "ut", "--on", "2026-06-01")
    assert code == 0, out
    assert "1212-1212" not in out


def test_exit_1_when_findings_have_errors(tmp_path: Path) -> None:
    # A doktorand is not a teacher post: it cannot be förenad (HF 4 kap. 2 §).
    text = UPPSALA.read_text(encoding="utf-8").replace("position: professor", "position: doktorand", 1)
    source = tmp_path / "postdoktor.yaml"
    source.write_text(text, encoding="utf-8")
    code, out = run("draft", source, "-o", tmp_path / "ut", "--on", "2026-06-01")
    assert code == 1, out
    assert (tmp_path / "ut" / "postdoktor.samverkansavtal-forenad.docx").is_file()


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_for_every_draft(tmp_path: Path) -> None:
    samples = [*EXAMPLES, TJANSTEKOP_BASE, ADJUNGERING_BASE]
    code, out = run("draft", *samples, "-o", tmp_path, "--pdf", "--on", "2026-06-01")
    assert code in (0, 1), out
    drafts = sorted(tmp_path.glob("*.docx"))
    assert drafts
    for draft in drafts:
        pdf = draft.with_suffix(".pdf")
        assert pdf.is_file(), pdf.name
        assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_library_pdf(tmp_path: Path) -> None:
    import forenad

    paths = forenad.draft(UPPSALA, tmp_path, template="samverkansavtal-forenad", pdf=True)
    assert sorted(p.suffix for p in paths) == [".docx", ".json", ".pdf"]
