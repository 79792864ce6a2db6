"""``forenad compare`` on the command line and its outputs: the terminal table, JSON, Markdown, an Excel
workbook reopened with openpyxl and a Word report reopened with python-docx."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from forenad.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
OREBRO = EXAMPLES / "orebro-lektor-specialistsjukskoterska.yaml"
UPPSALA = EXAMPLES / "uppsala-professor-overlakare.yaml"
ON = ("--on", "2026-06-01")

runner = CliRunner()


def run(*args: object) -> tuple[int, str, str]:
    result = runner.invoke(app, ["compare", *(str(a) for a in args)], env={"COLUMNS": "200"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_terminal_table_marks_differences() -> None:
    code, out, _ = run(OREBRO, UPPSALA, *ON)
    assert code == 0
    assert "Jämförelse av anställningsmodeller" in out
    assert "≠ Semesterdagar per år" in out
    assert "  Omfattning totalt" in out  # the same everywhere: not marked
    assert "52 000 kr" in out.replace("\u00a0", " ")
    code, out, _ = run(OREBRO, "--all-models", "--lang", "en", *ON)
    assert "(baseline)" in out and "Service purchase" in out
    assert "Models that cannot apply" in out and "Combined doctoral student" in out
    assert "The alternatives and what changed" in out


def test_json(tmp_path: Path) -> None:
    code, out, _ = run(OREBRO, "--all-models", "--format", "json", *ON)
    assert code == 0
    data = json.loads(out)
    assert [c["model"] for c in data["columns"]] == [
        "forenad_tva_anstallningar",
        "forenad_en_arbetsgivare",
        "kombinationsanstallning",
        "tjanstekop",
        "adjungering",
    ]
    overlay = data["columns"][1]["overlay"]
    assert overlay["model"] == "forenad_en_arbetsgivare"
    assert {"path": "parts.1.employer", "before": "rol", "after": "oru"}.items() <= overlay["changes"][
        3
    ].items()
    assert {n["model"] for n in data["not_applicable"]} == {
        "kombinationsdoktorand",
        "delad_tjanst_region_kommun",
    }
    rows = {r["key"]: r for r in data["rows"]}
    assert rows["part.2.vacation_days"]["values"] == [25, 31, 25, 31, 25]
    # -o writes the same JSON to a file
    target = tmp_path / "jamforelse.json"
    code, out, err = run(OREBRO, "--all-models", "--format", "json", "-o", target, *ON)
    assert code == 0 and out == "" and str(target) in err
    assert json.loads(target.read_text(encoding="utf-8")) == data


def test_markdown_shape() -> None:
    code, out, _ = run(OREBRO, "--all-models", "--format", "md", *ON)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Jämförelse av anställningsmodeller"
    header = next(line for line in lines if line.startswith("| Villkor |"))
    assert header.count("|") == 7  # the label column and five agreements
    assert "| **Del 1** | | | | | |" in lines
    assert any(line.startswith("| **≠ Semesterdagar per år** | **25** | **31** |") for line in lines)
    assert "| Omfattning totalt | 100 % | 100 % | 100 % | 100 % | 100 % |" in lines
    assert "## Modeller som inte kan tillämpas" in lines
    assert "## Fynd per kolumn" in lines


def test_xlsx_reopened(tmp_path: Path) -> None:
    target = tmp_path / "jamforelse.xlsx"
    code, _, err = run(OREBRO, "--all-models", "--format", "xlsx", "-o", target, *ON)
    assert code == 0, err
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Jämförelse", "Ändringar", "Ej tillämpliga", "Fynd"]
    sheet = book["Jämförelse"]
    assert sheet.freeze_panes == "B2"  # header row and first column frozen
    header = [c.value for c in sheet[1]]
    title = "Avtal om förenad anställning som lektor i omvårdnad och specialistsjuksköterska"
    assert header == [  # each column headed by its agreement's title and model, not its file name
        "Villkor",
        f"{title}\nFörenad, två anställningar (utgångsläge)",
        f"{title}\nFörenad, en arbetsgivare",
        f"{title}\nKombinationsanställning",
        f"{title}\nTjänsteköp",
        f"{title}\nAdjungering",
    ]
    assert sheet.print_title_rows == "$1:$1" and sheet.print_title_cols == "$A:$A"  # on every printed page
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert all(c.font.bold for c in sheet[1])
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2) if r[0].value}
    salary = rows["Månadslön totalt"]
    assert [c.value for c in salary[1:]] == [52000] * 5
    assert all(isinstance(c.value, int) and "kr" in c.number_format for c in salary[1:])
    vacation = [r for label, r in rows.items() if label == "≠ Semesterdagar per år"]
    assert [c.value for c in vacation[-1][1:]] == [25, 31, 25, 31, 25]  # part 2
    region = rows["≠ Kostnad: Region Örebro län"]
    assert region[1].value == 420505.2 and region[1].number_format.startswith('"≥ "')
    assert region[2].value == 472650.72 and not region[2].number_format.startswith('"≥ "')
    assert region[1].fill.fgColor.rgb.endswith("FFF2CC")  # a differing row is filled
    assert rows["Omfattning totalt"][1].number_format == '0" %"'
    assert sheet.column_dimensions["A"].width >= 30
    changes = book["Ändringar"]
    assert [c.value for c in changes[1]] == ["Kolumn", "Fält", "Före", "Efter", "Varför"]
    assert any(r[1].value == "cost_settlement.invoicing" for r in changes.iter_rows(min_row=2))
    na = book["Ej tillämpliga"]
    assert {r[1].value for r in na.iter_rows(min_row=2)} == {
        "Kombinationsdoktorand",
        "Delad tjänst region–kommun",
    }


def test_docx_reopened(tmp_path: Path) -> None:
    target = tmp_path / "jamforelse.docx"
    code, _, err = run(UPPSALA, "--all-models", "--format", "docx", "-o", target, "--lang", "en", *ON)
    assert code == 0, err
    document = docx.Document(str(target))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "Comparison of employment models"
    assert "Person: Karin Ekholm" in paragraphs
    assert "Evaluated on 2026-06-01" in paragraphs
    assert "Models that cannot apply" in paragraphs
    assert "Combined doctoral student (" in paragraphs and "no part is doctoral study" in paragraphs
    assert "Findings per column" in paragraphs
    (table,) = document.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    title = "Samverkansavtal om förenad anställning som professor och överläkare i kardiologi"
    assert cells[0][:2] == ["Term", f"{title}\nFörenad, one employer (baseline)"]
    assert table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None  # repeated on each page
    # No field paths and no JSON anywhere in the Word report: fields and values in words.
    assert "parts.1.employer" not in paragraphs and "cost_settlement" not in paragraphs
    assert "{" not in paragraphs and "uppsala-professor-overlakare.yaml" not in paragraphs
    assert "Part 2: Employer: Uppsala universitet → Region Uppsala" in paragraphs
    assert "Cost settlement: Invoicing: Seller: Uppsala universitet; Buyer: Region Uppsala;" in paragraphs
    by_label = {row[0]: row[1:] for row in cells}
    assert by_label["Monthly salary, total"] == ["92,000 kr"] * 5
    assert by_label["≠ Cost: Region Uppsala"][0] == "852,625 kr"
    assert "Region Uppsala" in by_label["≠ Main employer"]
    assert document.core_properties.title == "Comparison of employment models"


def test_binary_formats_need_a_file_and_never_overwrite(tmp_path: Path) -> None:
    code, _, err = run(OREBRO, "--format", "xlsx", *ON)
    assert code == 2 and "-o" in err
    target = tmp_path / "finns.docx"
    target.write_bytes(b"keep")
    code, _, err = run(OREBRO, "--format", "docx", "-o", target, *ON)
    assert code == 2 and "--force" in err
    assert target.read_bytes() == b"keep"
    code, _, _ = run(OREBRO, "--format", "docx", "-o", target, "--force", *ON)
    assert code == 0
    assert docx.Document(io.BytesIO(target.read_bytes())).tables
    assert not list(tmp_path.glob(".*.part"))


def test_bad_input_exit_2_and_the_others_compared(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text((OREBRO.read_text(encoding="utf-8")).replace("extent_percent: 50", "extent_percen: 50", 1))
    code, out, err = run(bad, OREBRO, UPPSALA, *ON)
    assert code == 2
    assert "✗ " in err and "trasig.yaml: kan inte läsas eller valideras" in err
    assert "okänt fält 'extent_percen'" in err
    assert "uppsala-professor-overlakare.yaml" in out and "orebro-lektor" in out
    code, out, err = run(tmp_path / "saknas.yaml", *ON)
    assert code == 2 and "saknas.yaml" in err


def test_exit_1_when_a_given_agreement_has_an_error(draft: Callable[..., object], tmp_path: Path) -> None:
    edited = draft("dalarna-adjungerad-lektor.yaml")
    edited.set("model", "forenad_tva_anstallningar")  # type: ignore[attr-defined]
    path = edited.write(tmp_path / "fel.yaml")  # type: ignore[attr-defined]
    # Before SFS 2025:667 (2025-07-15) an adjunct post could not be förenad.
    code, out, _ = run(path, "--on", "2025-06-01")
    assert code == 1
    assert "Titeln kan inte förenas" in out


@pytest.mark.parametrize("fmt", ["md", "json", "text"])
def test_text_formats_to_a_file(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"jamforelse.{fmt}"
    code, out, _ = run(OREBRO, "--format", fmt, "-o", target, *ON)
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert "Sofia Berglund" in text or "ORU-RÖL-2026-003" in text
    assert "\x1b[" not in text  # no terminal colours in a file
