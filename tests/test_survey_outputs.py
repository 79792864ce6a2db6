"""The survey's outputs: the xlsx opens in openpyxl with its native charts, the docx reopens in python-docx
(and converts in LibreOffice where it is installed), and no output holds personal data: every person's
name, personnummer and salary, and every agreement id, in the input is searched for in the text of every
format (every XML part of the Word and Excel files)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from survey_portfolio import ON, Expected, generate, write

import forenad
from forenad.kartlaggning import Survey
from forenad.kartlaggning.output import charts, to_docx, to_json, to_markdown, to_text, to_xlsx

N = 240


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Expected], Survey, Survey]:
    folder = tmp_path_factory.mktemp("survey-out") / "p"
    agreements = generate(N, seed=7)
    write(folder, agreements)
    return (
        [e for _, e in agreements],
        forenad.survey([folder], on=ON),
        forenad.survey([folder], on=ON, suppress=False),
    )


def texts(survey: Survey, lang: str = "sv") -> dict[str, str]:
    """Every output as text: the text formats as they are, docx and xlsx as the text of every XML part
    (tags left out: their attributes hold sizes and ids, not data)."""
    out = {
        "text": to_text(survey, lang),  # type: ignore[arg-type]
        "md": to_markdown(survey, lang),  # type: ignore[arg-type]
        "json": to_json(survey, lang),  # type: ignore[arg-type]
    }
    for name, data in (("docx", to_docx(survey, lang)), ("xlsx", to_xlsx(survey, lang))):  # type: ignore[arg-type]
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [
                archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels"))
            ]
        out[name] = "\n".join(re.sub(r"<[^>]+>", " ", p) for p in parts)
    return out


def numbers_in(text: str) -> set[int]:
    """Every number written in the text, its digit groups joined (46123, 46 123, 46\u00a0123, 46,123 and
    46.123 are all 46123)."""
    return {int(re.sub(r"\D", "", m)) for m in re.findall(r"\d{1,3}(?:[ \u00a0,.]\d{3})+(?!\d)|\d+", text)}


def personnummer_forms(number: str) -> list[str]:
    full = number.replace("-", "")
    return [number, full, number[2:], full[2:]]


def test_no_personal_data_in_any_output(made: tuple[list[Expected], Survey, Survey]) -> None:
    expected, result, internal = made
    salaries = {s for e in expected for m in e.salaries for s in (m, m * 12)}
    for survey, names_too in ((result, True), (internal, False)):
        for lang in ("sv", "en"):
            for fmt, text in texts(survey, lang).items():
                assert not numbers_in(text) & salaries, (fmt, sorted(numbers_in(text) & salaries))
                folded = text.casefold()
                for e in expected:
                    assert e.id not in text, (fmt, e.id)
                    for number in e.numbers:
                        for form in personnummer_forms(number):
                            assert form not in text, (fmt, form)
                    if names_too:  # an internal report names free-text groups however small
                        for name in e.names:
                            assert name.casefold() not in folded, (fmt, name)


def test_xlsx_opens_with_native_charts(made: tuple[list[Expected], Survey, Survey]) -> None:
    from openpyxl import load_workbook

    _, result, _ = made
    book = load_workbook(io.BytesIO(to_xlsx(result)))
    sheets = {ws.title: ws for ws in book.worksheets}
    assert next(iter(sheets)) == "Översikt" and list(sheets)[-1] == "Dolda celler"
    charted = {name for name, ws in sheets.items() if ws._charts}
    assert {"Anställningsmodeller", "Yrken", "Fynd per ämne"} <= charted
    assert any(name.startswith("Vem betalar kostnad per slag") for name in charted)
    models = sheets["Anställningsmodeller"]
    rows = {r[0]: r[1:] for r in models.iter_rows(min_row=5, values_only=True) if r[0]}
    assert rows["Adjungering"][0] == "<\u00a03"
    assert rows["Totalt"][0] == result.agreements and isinstance(rows["Totalt"][2], int)
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith("=") for v in row)


def test_docx_reopens_with_styles_tables_and_a4(made: tuple[list[Expected], Survey, Survey]) -> None:
    import docx

    _, result, _ = made
    document = docx.Document(io.BytesIO(to_docx(result)))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Title" and "Heading 1" in styles
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Översikt", "Anställningsmodeller"] and headings[-1] == "Dolda celler"
    assert len(document.tables) == len(result.tables)
    assert "Sekretess" in "\n".join(p.text for p in document.paragraphs)
    assert document.tables[1].rows[0].cells[1].text == "Avtal"
    pictures = len(document.inline_shapes)
    assert (pictures >= 4) if charts.available() else pictures == 0


def test_docx_without_matplotlib_has_the_tables_alone(
    made: tuple[list[Expected], Survey, Survey], monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    _, result, _ = made
    monkeypatch.setattr(charts, "available", lambda: False)
    document = docx.Document(io.BytesIO(to_docx(result, "en")))
    assert len(document.inline_shapes) == 0 and len(document.tables) == len(result.tables)
    assert document.paragraphs[0].text.startswith("Survey of joint posts")


def test_markdown_and_text_mark_hidden_cells(made: tuple[list[Expected], Survey, Survey]) -> None:
    _, result, _ = made
    md = to_markdown(result)
    assert "| Adjungering | &lt; 3 | &lt; 3 | &lt; 3 |" in md
    assert "(dold)" in md and "## Dolda celler" in md
    text = to_text(result, "en")
    assert "Hidden cells" in text and "(hidden)" in text
    assert "For the operator" in text and "Region Testland" in text
    assert "Region Testland" not in md


def test_json_without_operator_names_no_file(made: tuple[list[Expected], Survey, Survey]) -> None:
    _, result, _ = made
    data = json.loads(to_json(result, "sv", operator=False))
    assert "operator" not in data and data["agreements"] == result.agreements


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_converts_in_libreoffice(made: tuple[list[Expected], Survey, Survey], tmp_path: Path) -> None:
    _, result, _ = made
    source = tmp_path / "kartlaggning.docx"
    source.write_bytes(to_docx(result))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "kartlaggning.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_the_search_finds_a_number_however_it_is_grouped() -> None:
    for written in ("46123", "46 123 kr", "46\u00a0123\u00a0kr", "SEK 46,123", "46.123"):
        assert 46123 in numbers_in(written), written
    assert 46123 not in numbers_in("12 346 123 kr")
