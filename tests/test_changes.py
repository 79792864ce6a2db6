"""``forenad changes`` and :func:`forenad.changes`: findings, figures and dated values that change
between two evaluations of each agreement (issue 16 §5)."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

import forenad
from forenad.changes_output import to_text, to_xlsx
from forenad.changes_report import FIGURES, changes, figure_changes, finding_changes
from forenad.cli.app import app
from forenad.i18n import t
from forenad.report import Finding

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
UPPSALA = EXAMPLES / "uppsala-professor-overlakare.yaml"
OREBRO = EXAMPLES / "orebro-lektor-specialistsjukskoterska.yaml"
PARAMETERS = ROOT / "rules" / "parameters"
BITRADANDE = "legal_basis.forenad_title_not_permitted"
YEAR_END = ("--from", "2026-12-31", "--to", "2027-01-01")
NUMBER = "19121212-1212"
NUMBER_FORMS = ("19121212-1212", "191212121212", "121212-1212", "1212121212")

runner = CliRunner()


def run(*args: object) -> tuple[int, str, str]:
    # A wide terminal, so that long temporary paths stay on one line.
    result = runner.invoke(app, ["changes", *(str(a) for a in args)], env={"COLUMNS": "400"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


@pytest.fixture
def bitradande(tmp_path: Path) -> Path:
    """A förenad anställning as two employments (Örebro) whose lektor is a biträdande lektor."""
    text = OREBRO.read_text(encoding="utf-8")
    assert "model: forenad_tva_anstallningar" in text and "kind: statligt_larosate" in text
    path = tmp_path / "bitradande.yaml"
    path.write_text(
        text.replace("    position: lektor\n", "    position: bitradande_lektor\n"), encoding="utf-8"
    )
    return path


@pytest.fixture
def overlay_2027(tmp_path: Path) -> Path:
    """An overlay folder with a made-up 2027 income base amount (90 000: a test value, not the real one)."""
    directory = tmp_path / "overlay"
    directory.mkdir()
    (directory / "inkomstbasbelopp.yaml").write_text(
        "values:\n  2027-01-01:\n    value: 90000\n    refs: [{kind: other, id: Test, title: Testvärde}]\n",
        encoding="utf-8",
    )
    return directory


# --------------------------------------------------------------------------------------------------------
# The must-have: the biträdande lektor's legal-basis error goes away on 2025-07-15 (SFS 2025:667)


def test_bitradande_lektor_error_disappears_on_2025_07_15(bitradande: Path) -> None:
    code, out, _ = run(bitradande, "--from", "2025-07-14", "--to", "2025-07-15", "--format", "json")
    assert code == 0
    (result,) = json.loads(out)["results"]
    gone = [c for c in result["findings"] if c["rule"] == BITRADANDE]
    assert [c["change"] for c in gone] == ["disappeared"]
    assert gone[0]["paths"] == ["parts.0.position"] and gone[0]["before"]["severity"] == "error"
    code, out, _ = run(bitradande, "--from", "2025-07-14", "--to", "2025-07-15")
    assert code == 0
    assert f"− borta fel {BITRADANDE}" in out


def test_the_dated_titles_behind_the_change(bitradande: Path) -> None:
    report = changes([bitradande], dt.date(2025, 7, 14), dt.date(2025, 7, 15))
    (entry,) = report.agreements
    gone = [c for c in entry.findings if c.rule == BITRADANDE]
    assert [(c.kind, c.paths) for c in gone] == [("disappeared", ("parts.0.position",))]
    assert gone[0].before is not None and gone[0].before.severity == "error" and gone[0].after is None
    (titles,) = [p for p in entry.parameters if p.name == "forenade_titlar"]
    assert titles.before is not None and titles.after is not None
    assert (titles.before.start, titles.after.start) == (dt.date(2024, 2, 1), dt.date(2025, 7, 15))
    assert "bitradande_lektor" in titles.after.value and "bitradande_lektor" not in titles.before.value
    assert report.exit_code == 0
    text = plain(to_text(report, "sv"))
    assert f"− borta fel {BITRADANDE} · parts.0.position" in text
    assert "forenade_titlar: professor, lektor (från 2024-02-01) → professor, lektor, " in text


def test_an_overlay_changes_the_to_side_only(overlay_2027: Path) -> None:
    """Same date, the shipped values against the overlay: what entering the 2027 amount changes."""
    code, out, _ = run(OREBRO, "--from", "2027-03-01", "--params-overlay", overlay_2027, "--format", "json")
    assert code == 0
    (result,) = json.loads(out)["results"]
    missing = [c for c in result["findings"] if c["rule"] == "dates.parameter_not_in_force"]
    assert "disappeared" in [c["change"] for c in missing]
    changed = {p["name"]: p for p in result["parameters"]}
    assert changed["inkomstbasbelopp"]["after"]["value"] == 90000
    assert changed["inkomstbasbelopp"]["before"] is None


def test_a_malformed_overlay_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "overlay"
    bad.mkdir()
    (bad / "inkomstbasbelopp.yaml").write_text("values:\n  2027-13-01: {value: 1}\n", encoding="utf-8")
    code, _, err = run(OREBRO, "--from", "2027-03-01", "--params-overlay", bad)
    assert code == 2
    assert "inkomstbasbelopp.yaml" in err


# --------------------------------------------------------------------------------------------------------
# The turn of the year on the shipped examples: the parameters end on 2027-01-01


def test_year_end_on_the_shipped_examples() -> None:
    report = changes([EXAMPLES], dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    assert len(report.agreements) == len(list(EXAMPLES.glob("*.yaml")))
    assert report.exit_code == 0
    names = {p.name: p for p in report.parameters}
    ibb = names["inkomstbasbelopp"]
    assert ibb.before is not None and ibb.before.value == 83400 and ibb.before.start == dt.date(2026, 1, 1)
    assert ibb.after is None
    for entry in report.agreements:
        assert entry.valid and entry.changed, entry.label
        new = [c for c in entry.findings if c.kind == "appeared" and c.rule == "dates.parameter_not_in_force"]
        assert new, entry.label
        assert any("inkomstbasbelopp" in c.after.message("sv") for c in new if c.after is not None)
        assert "inkomstbasbelopp" in [p.name for p in entry.parameters]
        # Figures that needed the ended values become unknown.
        fees = [f for f in entry.figures if f.figure.key == "economics.employers.*.employer_fees_month"]
        assert fees and all(f.after is None and isinstance(f.before, Decimal) for f in fees), entry.label
        assert all(f.difference is None for f in fees)
    uppsala = next(e for e in report.agreements if e.file and e.file.endswith(UPPSALA.name))
    assert uppsala.agreement_id == "UU-RU-2026-014"
    fee = next(f for f in uppsala.figures if f.path == "economics.employers.0.employer_fees_month")
    assert (fee.subject and fee.subject("sv"), fee.before, fee.after) == ("uu", Decimal("28906.40"), None)


def test_year_end_text_both_languages() -> None:
    code, out, _ = run(UPPSALA, *YEAR_END)
    assert code == 0
    out = plain(out)
    assert out.startswith("Ändringar från 2026-12-31 till 2027-01-01")
    assert f"▶ {UPPSALA} (UU-RU-2026-014)" in out
    assert "+ ny varning dates.parameter_not_in_force" in out
    assert "Belopp och villkor" in out and "Arbetsgivaravgifter per månad" in out
    assert "28 906,40 kr" in out and "okänt" in out
    assert "inkomstbasbelopp: 83 400 (från 2026-01-01) → inget värde gäller" in out
    assert "Daterade värden som skiljer mellan sidorna (alla avtal)" in out
    assert "1 avtal: 1 med ändringar, 0 utan, 0 ogiltiga" in out
    code, out, _ = run(UPPSALA, *YEAR_END, "--lang", "en")
    assert code == 0
    assert out.startswith("Changes from 2026-12-31 to 2027-01-01")
    assert "+ new warning dates.parameter_not_in_force" in out
    assert "Amounts and terms" in out and "Employer's fees per month" in out
    assert "28,906.40 kr" in out and "unknown" in out
    assert "inkomstbasbelopp: 83,400 (from 2026-01-01) → no value in force" in out
    assert "1 agreement(s): 1 with changes, 0 without, 0 invalid" in out


def test_agreements_without_change_share_one_line() -> None:
    code, out, _ = run(EXAMPLES, "--from", "2026-06-01", "--to", "2026-06-02")
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("= Utan ändringar")]
    assert len(lines) == 1
    assert "Utan ändringar (7)" in lines[0]


# --------------------------------------------------------------------------------------------------------
# Shapes: JSON and the workbook


def test_json_shape(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    code, out, _ = run(UPPSALA, bad, *YEAR_END, "--format", "json")
    assert code == 2
    data = json.loads(out)
    assert set(data) == {
        "forenad",
        "from",
        "to",
        "parameters_from",
        "parameters_to",
        "results",
        "parameters",
        "summary",
    }
    assert (data["from"], data["to"], data["forenad"]) == ("2026-12-31", "2027-01-01", forenad.__version__)
    assert data["summary"] == {"agreements": 2, "changed": 1, "unchanged": 0, "invalid": 1}
    good, broken = data["results"]
    keys = {"file", "agreement_id", "valid", "input_errors", "changed", "findings", "figures", "parameters"}
    assert set(good) == keys and set(broken) == keys
    assert broken["valid"] is False and broken["input_errors"][0]["line"] == 2 and not broken["findings"]
    for change in good["findings"]:
        assert set(change) == {"change", "rule", "topic", "paths", "before", "after"}
        assert change["change"] in ("appeared", "disappeared", "changed")
    figure = next(f for f in good["figures"] if f["path"] == "economics.employers.0.employer_fees_month")
    assert figure == {
        "figure": "economics.employers.*.employer_fees_month",
        "path": "economics.employers.0.employer_fees_month",
        "label": "Arbetsgivaravgifter per månad",
        "subject": "uu",
        "unit": "kr",
        "before": "28906.40",  # kronor as exact decimal strings, as in the facts
        "after": None,
        "difference": None,
    }
    ibb = next(p for p in data["parameters"] if p["name"] == "inkomstbasbelopp")
    assert ibb["before"] == {"value": 83400, "start": "2026-01-01", "confidence": "verified"}
    assert ibb["after"] is None


def test_xlsx_reads_back_as_values(tmp_path: Path) -> None:
    out = tmp_path / "ändringar.xlsx"
    bad = tmp_path / "trasig.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(UPPSALA, bad, *YEAR_END, "--format", "xlsx", "-o", out)
    assert code == 2
    assert f"skrev {out}" in err and "trasig.json: kan inte läsas eller valideras" in err
    book = load_workbook(out)
    assert book.sheetnames == ["Ändringar"]
    sheet = book["Ändringar"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Fil",
        "Avtal",
        "Slag",
        "Regel eller figur",
        "Avser",
        "Före",
        "Efter",
        "Skillnad",
        "Enhet",
    )
    kinds = {r[2] for r in rows[1:]}
    assert {"ny", "figur", "parameter", "ogiltig fil"} <= kinds
    fee = next(r for r in rows if r[2] == "figur" and r[3] == "Arbetsgivaravgifter per månad")
    assert fee[:2] == (str(UPPSALA), "UU-RU-2026-014")
    assert (fee[4], fee[5], fee[6], fee[8]) == ("uu", 28906.4, "okänt", "kr")
    new = next(r for r in rows if r[2] == "ny")
    assert new[3] == "dates.parameter_not_in_force" and str(new[6]).startswith("varning: Parametern")
    assert any(r[2] == "parameter" and r[0] is None and r[3] == "inkomstbasbelopp" for r in rows)
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type in ("s", "n"), (cell.coordinate, cell.value)
            assert cell.value is None or isinstance(cell.value, str | int | float)


def test_xlsx_never_holds_a_formula(tmp_path: Path) -> None:
    source = tmp_path / "avtal.yaml"
    text = UPPSALA.read_text(encoding="utf-8").replace(
        "id: UU-RU-2026-014", 'id: "=HYPERLINK(\\"http://x\\")"', 1
    )
    source.write_text(text, encoding="utf-8")
    assert forenad.load(source).id.startswith("=")
    report = changes([source], dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    for lang in ("sv", "en"):
        book = load_workbook(io.BytesIO(to_xlsx(report, lang)))  # type: ignore[arg-type]
        sheet = book.active
        assert sheet is not None
        ids = [row[1] for row in sheet.iter_rows(min_row=2) if row[0].value is not None]
        assert ids and all(c.value == '=HYPERLINK("http://x")' and c.data_type == "s" for c in ids)
        # A difference written as text would start with a minus: the differences are numbers or empty.
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert load_workbook(io.BytesIO(to_xlsx(report, "en"))).sheetnames == ["Changes"]


def test_output_files_are_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "rapport.json"
    out.write_text("mitt\n", encoding="utf-8")
    code, stdout, err = run(UPPSALA, *YEAR_END, "--format", "json", "-o", out)
    assert code == 2 and str(out) in err and "--force" in err and not stdout
    assert out.read_text(encoding="utf-8") == "mitt\n"
    code, _, err = run(UPPSALA, *YEAR_END, "--format", "json", "-o", out, "--force")
    assert code == 0 and f"skrev {out}" in err
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["changed"] == 1
    assert not list(tmp_path.glob(".*.part"))
    text_out = tmp_path / "rapport.txt"
    assert run(UPPSALA, *YEAR_END, "-o", text_out)[0] == 0
    assert plain(text_out.read_text(encoding="utf-8")).startswith("Ändringar från 2026-12-31 till 2027-01-01")
    code, _, err = run(UPPSALA, *YEAR_END, "--format", "xlsx")
    assert code == 2 and "-o" in err


def test_input_errors_do_not_stop_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "avtal"
    folder.mkdir()
    (folder / "a.yaml").write_text("id: [\n", encoding="utf-8")
    (folder / "b.yaml").write_text(UPPSALA.read_text(encoding="utf-8"), encoding="utf-8")
    empty = tmp_path / "tom"
    empty.mkdir()
    code, out, _ = run(folder, tmp_path / "saknas.yaml", empty, *YEAR_END)
    assert code == 2
    assert f"✗ {folder / 'a.yaml'}: kan inte läsas eller valideras" in out
    assert f"▶ {folder / 'b.yaml'} (UU-RU-2026-014)" in out
    assert "filen finns inte" in out and "mappen innehåller inga avtalsfiler" in out
    assert "3 avtal" not in out and "4 avtal: 1 med ändringar, 0 utan, 3 ogiltiga" in out


def test_bad_dates_are_input_errors() -> None:
    result = runner.invoke(app, ["changes", str(UPPSALA), "--from", "31/12/2026", "--to", "2027-01-01"])
    assert result.exit_code == 2 and "--from" in result.output
    assert runner.invoke(app, ["changes", str(UPPSALA), "--to", "2026-12-31"]).exit_code == 2  # no --from
    # Without --to the second side is the same date: nothing changes unless an overlay is given.
    assert runner.invoke(app, ["changes", str(UPPSALA), "--from", "2026-12-31"]).exit_code == 0


def test_a_personnummer_is_never_printed(tmp_path: Path) -> None:
    text = UPPSALA.read_text(encoding="utf-8").replace("  birth_year: 1971", f"  personnummer: {NUMBER}", 1)
    text = text.replace("id: UU-RU-2026-014", f"id: UU-{NUMBER}", 1)
    source = tmp_path / f"avtal-{NUMBER}.yaml"
    source.write_text(text, encoding="utf-8")
    report = changes([source], dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    (entry,) = report.agreements
    assert entry.valid and entry.agreement_id == "UU-19121212-****"
    assert entry.file is not None and entry.file.endswith("avtal-19121212-****.yaml")
    outputs = [to_text(report, "sv"), json.dumps(report.as_json("en"), ensure_ascii=False)]
    outputs += [run(source, *YEAR_END, *extra)[1] for extra in ([], ["--format", "json"], ["--lang", "en"])]
    book = load_workbook(io.BytesIO(to_xlsx(report, "sv")))
    outputs.append(" ".join(str(c) for row in book.active.iter_rows(values_only=True) for c in row))  # type: ignore[union-attr]
    for output in outputs:
        for form in NUMBER_FORMS:
            assert form not in output
        assert "19121212-****" in output


# --------------------------------------------------------------------------------------------------------
# The pieces


def finding(rule: str, message: str, severity: str = "warning", paths: tuple[str, ...] = ()) -> Finding:
    return Finding(rule, rule.split(".")[0], severity, t(message, message), paths)  # type: ignore[arg-type]


def test_findings_are_paired_by_rule_paths_and_message() -> None:
    missing = "dates.parameter_not_in_force"
    before = [
        finding(missing, "arbetsgivaravgift_full saknas"),
        finding("extent.sum", "summan är 90", "error", ("parts",)),
        finding("vacation.days_differ", "35 och 28", "info", ("parts",)),
        finding("notice.not_determined", "del 1", "warning", ("parts.0.notice",)),
    ]
    after = [
        finding(missing, "inkomstbasbelopp saknas"),
        finding(missing, "arbetsgivaravgift_full saknas"),
        finding("extent.sum", "summan är 90", "warning", ("parts",)),  # severity changed
        finding("vacation.days_differ", "35 och 30", "info", ("parts",)),  # message changed
        finding("notice.not_determined", "del 1", "warning", ("parts.1.notice",)),  # other paths
    ]
    got = [(c.kind, c.rule, c.paths) for c in finding_changes(before, after)]
    assert got == [
        ("appeared", "notice.not_determined", ("parts.1.notice",)),
        ("appeared", missing, ()),
        ("disappeared", "notice.not_determined", ("parts.0.notice",)),
        ("changed", "extent.sum", ("parts",)),
        ("changed", "vacation.days_differ", ("parts",)),
    ]
    new = finding_changes(before, after)[1]
    assert new.after is not None and new.after.message("sv") == "inkomstbasbelopp saknas"
    assert finding_changes(before, before) == ()


def test_figures_come_from_the_declared_list() -> None:
    before = {
        "economics": {"employers": [{"id": "uu", "cost_year": 1000, "pension_month": 10.5}], "fee": None},
        "parts": [{"vacation_days": 28, "notice_employer_months": 1}],
    }
    after = {
        "economics": {"employers": [{"id": "uu", "cost_year": 1200, "pension_month": 10.501}], "fee": None},
        "parts": [{"vacation_days": 31, "notice_employer_months": None}],
    }
    got = {
        c.path: (c.subject and c.subject("en"), c.before, c.after, c.difference)
        for c in figure_changes(before, after, positions=["lektor"])
    }
    assert got == {
        "economics.employers.0.cost_year": ("uu", 1000, 1200, 200),
        "parts.0.notice_employer_months": ("part 1 (lektor)", 1, None, None),
        "parts.0.vacation_days": ("part 1 (lektor)", 28, 31, 3),
    }
    assert [f.key for f in FIGURES if f.key.startswith("parts.")] == [
        "parts.*.notice_employer_months",
        "parts.*.notice_employee_months",
        "parts.*.vacation_days",
    ]


# --------------------------------------------------------------------------------------------------------
# Property: nothing changes between a date and itself

_AGREEMENTS = [forenad.load(p) for p in sorted(EXAMPLES.glob("*.yaml"))]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2028, 12, 31)))
def test_nothing_changes_between_a_date_and_itself(day: dt.date) -> None:
    report = changes(_AGREEMENTS, day, day)
    assert report.parameters == ()
    assert report.changed == () and len(report.unchanged) == len(_AGREEMENTS)
    assert all(not (e.findings or e.figures or e.parameters) for e in report.agreements)
