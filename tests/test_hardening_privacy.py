"""Hardening (issue 8), privacy: the personnummer is never printed in full.

Decision: no command prints a personnummer at all except masked (``19121212-****``), so there is no
``--visa-personnummer`` / ``--show-personnummer`` flag: the full number is only ever in the user's own
agreement file. These tests hold every place it could leak to that: the terminal output of ``check`` (text,
JSON, ``--facts``, both languages), ``draft``, ``templates``, ``new`` and the error messages of files that
fail around the personnummer; the provenance JSON, the documents' custom properties and text; and every log
record (captured at DEBUG).
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forenad.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
UPPSALA_TEXT = (ROOT / "examples" / "uppsala-professor-overlakare.yaml").read_text(encoding="utf-8")
NUMBER = "19121212-1212"
FORMS = ("19121212-1212", "191212121212", "121212-1212", "1212121212", "1212-1212")
WITH_NUMBER = UPPSALA_TEXT.replace("  birth_year: 1971", f"  personnummer: {NUMBER}", 1)
runner = CliRunner()

# Files that fail (or warn) next to the personnummer, so its value is near every error message.
FAILING = {
    "birth year mismatch": WITH_NUMBER.replace(
        f"  personnummer: {NUMBER}", f"  personnummer: {NUMBER}\n  birth_year: 1971", 1
    ),
    "duplicate key": WITH_NUMBER.replace(
        f"  personnummer: {NUMBER}", f"  personnummer: {NUMBER}\n  personnummer: {NUMBER}", 1
    ),
    "as a number": WITH_NUMBER.replace(f"personnummer: {NUMBER}", "personnummer: 191212121212", 1),
    "in a list": WITH_NUMBER.replace(f"personnummer: {NUMBER}", f"personnummer: [{NUMBER}]", 1),
    "in birth_year": WITH_NUMBER.replace(f"personnummer: {NUMBER}", f"birth_year: {NUMBER}", 1),
    "in a date": WITH_NUMBER.replace("start_date: 2026-01-01", f"start_date: {NUMBER}", 1),
    "bad YAML on its line": WITH_NUMBER.replace(f"personnummer: {NUMBER}", f"personnummer: {NUMBER}: x", 1),
    "unclosed quote": WITH_NUMBER.replace(f"personnummer: {NUMBER}", f'personnummer: "{NUMBER}', 1),
    "misspelt key": WITH_NUMBER.replace(f"personnummer: {NUMBER}", f"personnumer: {NUMBER}", 1),
    "in an unknown section": WITH_NUMBER + f"\npersonuppgifter: {{personnummer: {NUMBER}}}\n",
}


def assert_absent(text: str, where: str) -> None:
    for form in FORMS:
        assert form not in text, f"{form} in {where}: {text[:3000]}"


@pytest.fixture(autouse=True)
def _debug_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)


def invoke(caplog: pytest.LogCaptureFixture, *args: object) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    logs = "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    assert_absent(result.output, f"output of {args[:2]}")
    assert_absent(logs, "log records")
    return result.output


def test_check_never_prints_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = tmp_path / "avtal.yaml"
    source.write_text(WITH_NUMBER, encoding="utf-8")
    for extra in ([], ["--facts"], ["--format", "json"], ["--format", "json", "--facts"], ["--lang", "en"]):
        invoke(caplog, "check", source, "--on", "2026-06-01", *extra)


@pytest.mark.parametrize("case", sorted(FAILING))
def test_errors_never_print_it(tmp_path: Path, caplog: pytest.LogCaptureFixture, case: str) -> None:
    source = tmp_path / "avtal.yaml"
    source.write_text(FAILING[case], encoding="utf-8")
    for lang in ("sv", "en"):
        invoke(caplog, "check", source, "--lang", lang)
        invoke(caplog, "check", source, "--format", "json", "--lang", lang)
        invoke(caplog, "draft", source, "-o", tmp_path / f"ut-{lang}", "--lang", lang, "--on", "2026-06-01")


def test_draft_and_its_files_never_hold_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = tmp_path / "avtal.yaml"
    source.write_text(WITH_NUMBER, encoding="utf-8")
    out = tmp_path / "ut"
    invoke(caplog, "draft", source, "-o", out, "--on", "2026-06-01")
    invoke(caplog, "draft", source, "-o", out, "--on", "2026-06-01")  # refused: files exist
    invoke(caplog, "draft", source, "-o", out, "--on", "2026-06-01", "--final")
    provenance = sorted(out.glob("*.provenance.json"))
    documents = sorted(out.glob("*.docx"))
    assert provenance and documents
    for path in provenance:
        json.loads(path.read_text(encoding="utf-8"))
        assert_absent(path.read_text(encoding="utf-8"), path.name)
    for path in documents:
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            custom = archive.read("docProps/custom.xml").decode()
            assert "forenad" in custom
            assert_absent(custom, f"{path.name} custom properties")
            for name in archive.namelist():
                assert_absent(archive.read(name).decode("utf-8", errors="replace"), f"{path.name}:{name}")


def test_templates_commands_never_print_it(caplog: pytest.LogCaptureFixture) -> None:
    invoke(caplog, "templates", "list")
    invoke(caplog, "templates", "list", "--format", "json")
    invoke(caplog, "templates", "check", "anstallningsbevis")


def test_new_masks_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    answers = {
        "model": "forenad_tva_anstallningar",
        "id": "ORU-RÖL-2026-003",
        "employer.1.name": 5,
        "employer.2.name": "Region Örebro län",
        "person.name": "Åsa Öberg",
        "person.birth": NUMBER,
        "person.profession": "sjuksköterska",
        "start_date": "2026-01-01",
        "part.1.position": "lektor",
        "part.1.monthly_salary": 23500,
        "part.2.position": "specialistsjukskoterska",
        "part.2.monthly_salary": 23500,
        "check": True,
        "draft": False,
    }
    file = tmp_path / "svar.json"
    file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "avtal.yaml"
    output = invoke(caplog, "new", "-o", out, "--answers", file)
    assert "19121212-****" in output  # the answer is confirmed, masked
    assert NUMBER in out.read_text(encoding="utf-8")  # only the user's own file holds it
