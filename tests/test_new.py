"""``forenad new``: guided questions that write an agreement file.

End to end on scripted answers (an answers file, standard input, or both) for three employment models; each
written file loads, checks without input errors, keeps its comments and åäö, and loads back equal. Then the
re-asking of bad answers, refusing to overwrite, English prompts, and a property: arbitrary answers never
crash the prompt loop (they are asked again, or the command ends with exit code 2 at the end of input).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from rich.console import Console
from typer.testing import CliRunner, Result

import forenad
import forenad.cli.new
import forenad.guided
from forenad.cli.app import app
from forenad.guided import QUESTION_KEYS, AgreementInvalid, Asker, OutOfAnswers, defaults, interview, render
from forenad.guided.interview import validate
from forenad.guided.writer import schema_reference
from forenad.io import parse_agreement, read_agreement
from forenad.model import (
    Agreement,
    EmployerKind,
    EmploymentModel,
    InvoicingBasis,
    InvoicingPeriod,
    Position,
    SickPayHandling,
    WorkingTimeForm,
)
from forenad.params import default_parameters

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
TODAY = dt.date(2026, 11, 22)
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
runner = CliRunner()

FORENAD_TVA = {
    "model": "forenad_tva_anstallningar",
    "id": "ORU-RÖL-2026-003",
    "employer.1.name": 5,  # Örebro universitet, from the pick list
    "employer.2.name": "Region Örebro län",  # by name
    "person.name": "Åsa Öberg",
    "person.birth": 1995,
    "person.profession": "sjuksköterska",
    "start_date": "2026-01-01",
    "part.1.position": "lektor",
    "part.1.title": "Universitetslektor i omvårdnad",
    "part.1.monthly_salary": "23 500 kr",
    "part.1.workplace": "Institutionen för hälsovetenskaper",
    "part.2.position": "specialistsjukskoterska",
    "part.2.monthly_salary": 23500,
    "part.2.workplace": "Hjärtavdelningen, Universitetssjukhuset Örebro",
    "rehabilitation.cooperation": "Regionen deltar i avstämningsmöten.",
    "procedure.exit": "Samverkansavtalet kan sägas upp med sex månaders varsel.",
    "check": True,
    "draft": False,
}

TJANSTEKOP = {
    "model": 4,
    "id": "KAU-RV-2026-007",
    "title": "Avtal om köp av tjänst för klinisk undervisning",
    "employer.1.name": "Region Värmland",
    "employer.2.name": 3,  # Karlstads universitet
    "person.name": "Elin Sjöberg",
    "person.birth": 1987,
    "start_date": "2026-01-01",
    "end_date": "2026-12-31",
    "part.1.position": "specialistsjuksköterska",  # the label, with å/ä/ö
    "part.1.extent_percent": 80,
    "part.1.monthly_salary": 34400,
    "part.1.workplace": "Anestesikliniken, Centralsjukhuset Karlstad",
    "part.2.position": 14,  # specialistsjukskoterska by number
    "part.2.title": "Klinisk adjunkt (köpt tid)",
    "part.2.monthly_salary": "8 600",
    "procedure.exit": "Tre månaders uppsägning av köpeavtalet.",
    "invoicing.overhead_percent": "52,28 %",  # no suggestion: SKR's PO rate for 2026 is not known
    "invoicing.payment_terms_days": "30 dagar",
    "review_date": None,  # leave out
    "check": False,
}

# Delad tjänst region–kommun on standard input only, one answer per line in the documented order; the
# first organisation number has a wrong check digit and is asked again.
DELAD_TJANST_LINES = [
    "7",  # model
    "RV-VS-2026-021",  # id
    "",  # title: the suggestion
    "",  # employers.count: 2
    "10",  # employer.1.name: Region Västmanland
    "232100-0173",  # employer.1.organisationsnummer: wrong check digit
    "232100-0172",  # … asked again
    "",  # employer.1.kind
    "",  # employer.1.id
    "Västerås stad",  # employer.2.name
    "",  # employer.2.organisationsnummer
    "",  # employer.2.kind
    "",  # employer.2.id
    "",  # main_employer: none for this model
    "Maria Lund",  # person.name
    "19121212-1212",  # person.birth (a test personnummer)
    "sjuksköterska",  # person.profession
    "2026-03-01",  # start_date
    "",  # end_date
    "",  # parts.count
    "",  # part.1.employer
    "distriktssköterska",  # part.1.position
    "",  # part.1.host
    "Distriktssköterska",  # part.1.title
    "",  # part.1.employment_form
    "60",  # part.1.extent_percent
    "27 000",  # part.1.monthly_salary
    "",  # part.1.working_time
    "",  # part.1.full_time_hours
    "Vårdcentralen Bäckby",  # part.1.workplace
    "",  # part.1.payer
    "",  # part.2.employer
    "15",  # part.2.position
    "",  # part.2.host
    "Distriktssköterska i hemsjukvården",  # part.2.title
    "vikariat",  # part.2.employment_form
    "31 augusti 2027",  # part.2.end_date: asked for a fixed-term part when the agreement has no end date
    "",  # part.2.extent_percent: the 40 % left
    "18000",  # part.2.monthly_salary
    "",  # part.2.working_time
    "",  # part.2.full_time_hours
    "Hemsjukvården Västerås väst",  # part.2.workplace
    "",  # part.2.payer
    "",  # total_extent_percent
    "6 mån",  # part.1.notice.employer_months: AB 24's notice is not reviewed in forenad, so it is asked
    "",  # part.1.notice.employee_months: left for later (part 2 is a vikariat: no notice is asked)
    "",  # work_environment.1.responsible
    "",  # work_environment.2.responsible
    "",  # rehabilitation.lead
    "Kommunen deltar i avstämningsmöten.",  # rehabilitation.cooperation
    "",  # sick_pay.handling
    "",  # secondary_employment.reported
    "",  # linked_termination.linked
    "",  # linked_termination.description
    "Samverkansavtalet upphör när den kommunala anställningen upphör.",  # procedure.exit
    "",  # procedure.dispute
    "",  # vacation.coordination
    "2026-09-01",  # review_date
    "ja",  # check
    "nej",  # draft (when the command exists)
]


def _new(
    args: list[str], input: str = "", answers: dict[str, Any] | None = None, tmp: Path | None = None
) -> Result:
    if answers is not None:
        assert tmp is not None
        file = tmp / "svar.yaml"
        file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
        args = [*args, "--answers", str(file)]
    return runner.invoke(app, ["new", *args], input=input)


def _written(result: Result, path: Path) -> Agreement:
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    loaded = parse_agreement(text, str(path))
    assert loaded.valid, loaded.errors
    assert loaded.agreement is not None
    checked = runner.invoke(app, ["check", "--format", "json", str(path)])
    [file_result] = json.loads(checked.stdout)["results"]
    assert file_result["valid"] and file_result["input_errors"] == []
    assert text.startswith("# yaml-language-server: $schema=")
    for comment in ("# Tjänstens delar", "# Arbetsmiljöansvar per arbetsplats", "# När det inte fungerar"):
        assert comment in text
    again = parse_agreement(render(loaded.agreement, path, TODAY), "again").agreement
    assert again == loaded.agreement
    return loaded.agreement


# -- end to end ------------------------------------------------------------------------------------------


def test_forenad_two_employments_from_an_answers_file(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    result = _new(["-o", str(out)], answers=FORENAD_TVA, tmp=tmp_path)
    agreement = _written(result, out)
    text = out.read_text(encoding="utf-8")
    assert agreement.model == EmploymentModel.forenad_tva_anstallningar
    assert [e.id for e in agreement.employers] == ["oru", "rol"]
    assert agreement.employers[0].organisationsnummer == "202100-2924"
    assert [p.employer for p in agreement.parts] == ["oru", "rol"]
    assert agreement.person.birth_year == 1995
    # Lektor at a statligt lärosäte: annual hours for 31 vacation days (turns 31 in 2026); region: 40 h/week.
    lektor, nurse = agreement.parts
    assert lektor.working_time is not None and lektor.working_time.full_time_hours == Decimal(1732)
    assert nurse.working_time is not None and nurse.working_time.full_time_hours == Decimal(40)
    assert lektor.monthly_salary == Decimal(23500)
    assert (
        agreement.sick_pay is not None and agreement.sick_pay.handling == SickPayHandling.varje_arbetsgivare
    )
    assert agreement.linked_termination is not None and agreement.linked_termination.linked is True
    for verbatim in (
        "Åsa Öberg",
        "ORU-RÖL-2026-003",
        "Region Örebro län",
        "Hjärtavdelningen",
        "sjuksköterska",
    ):
        assert verbatim in text
    assert "giltig" in result.output  # the offered check ran
    assert "kontrollera numret" in result.output  # Region Örebro län's number is only seen in code


def test_tjanstekop_from_an_answers_file(tmp_path: Path) -> None:
    out = tmp_path / "köp.yaml"
    result = _new(["-o", str(out)], answers=TJANSTEKOP, tmp=tmp_path)
    agreement = _written(result, out)
    assert agreement.model == EmploymentModel.tjanstekop
    assert agreement.main_employer == "region-varmland"
    assert [(p.employer, p.host) for p in agreement.parts] == [
        ("region-varmland", None),
        ("region-varmland", "kau"),
    ]
    assert [p.position for p in agreement.parts] == [Position.specialistsjukskoterska] * 2
    assert agreement.parts[1].extent_percent == Decimal(20)
    assert agreement.cost_settlement is not None
    assert [s.payer for s in agreement.cost_settlement.shares] == ["region-varmland", "kau"]
    assert agreement.sick_pay is not None
    assert agreement.sick_pay.handling == SickPayHandling.enligt_tjanstekopsavtal
    assert agreement.review_date is None and agreement.end_date == dt.date(2026, 12, 31)
    text = out.read_text(encoding="utf-8")
    assert "Klinisk adjunkt (köpt tid)" in text and "Region Värmland" in text
    # The invoicing the check asks of a tjänsteköp: the employer sells the bought part's time to its host.
    invoicing = agreement.cost_settlement.invoicing
    assert invoicing is not None
    assert (invoicing.seller, invoicing.buyer) == ("region-varmland", "kau")
    assert invoicing.basis == InvoicingBasis.lon_plus_palagg and invoicing.share_percent == Decimal(20)
    assert invoicing.overhead_percent == Decimal("52.28") and invoicing.price is None
    assert invoicing.period == InvoicingPeriod.kvartal and invoicing.payment_terms_days == 30
    assert "Fakturering: vem fakturerar" in result.output
    assert forenad.check(out).results[0].has_errors is False


def test_delad_tjanst_on_standard_input_reasks_a_bad_orgnr(tmp_path: Path) -> None:
    out = tmp_path / "delad.yaml"
    result = _new(["-o", str(out)], input="\n".join(DELAD_TJANST_LINES) + "\n")
    agreement = _written(result, out)
    assert agreement.model == EmploymentModel.delad_tjanst_region_kommun
    assert "organisationsnumrets kontrollsiffra stämmer inte" in result.output
    assert agreement.employers[0].organisationsnummer == "232100-0172"
    assert [e.id for e in agreement.employers] == ["region-vastmanland", "vasteras"]
    assert agreement.main_employer is None
    assert [p.extent_percent for p in agreement.parts] == [Decimal(60), Decimal(40)]
    assert [p.position for p in agreement.parts] == [Position.distriktsskoterska] * 2
    assert [p.end_date for p in agreement.parts] == [None, dt.date(2027, 8, 31)]
    notice = agreement.parts[0].notice
    assert notice is not None and (notice.employer_months, notice.employee_months) == (6, None)
    assert agreement.parts[1].notice is None
    assert "→ 2027-08-31" in result.output  # a date typed in words is repeated as read
    assert agreement.secondary_employment is not None
    assert agreement.secondary_employment.reported_to == ["region-vastmanland", "vasteras"]
    assert agreement.linked_termination is not None and agreement.linked_termination.linked is False
    assert [d.responsible for d in agreement.work_environment] == ["region-vastmanland", "vasteras"]
    # The personnummer is in the file, but masked wherever it is echoed back.
    assert str(agreement.person.personnummer) == "19121212-1212"
    assert "19121212-1212" not in result.output and "19121212-****" in result.output
    assert "Vårdcentralen Bäckby" in out.read_text(encoding="utf-8")


# -- every model: answered sensibly, the written file checks without errors -----------------------------

# One short answers file per employment model: realistic organisations from the pick list, the person, the
# positions and salaries; every other question takes its suggestion. Dates and amounts are written as
# people write them.
SENSIBLE: dict[EmploymentModel, dict[str, Any]] = {
    EmploymentModel.forenad_en_arbetsgivare: {
        "employer.1.name": "Uppsala universitet",
        "employer.2.name": "Region Uppsala",
        "person.name": "Karin Ekholm",
        "person.birth": 1971,
        "start_date": "1 mars 2027",
        "part.1.position": "professor",
        "part.1.monthly_salary": "46 000 kr",
        "part.2.position": "överläkare",
        "part.2.monthly_salary": "46.000",
    },
    EmploymentModel.forenad_tva_anstallningar: {
        "employer.1.name": 5,  # Örebro universitet
        "employer.2.name": 12,  # Region Örebro län
        "person.name": "Åsa Öberg",
        "person.birth": 1995,
        "start_date": "2027-01-01",
        "part.1.position": "lektor",
        "part.1.monthly_salary": "23 500",
        "part.2.position": "specialistsjuksköterska",
        "part.2.monthly_salary": "23500,50",
    },
    EmploymentModel.kombinationsanstallning: {
        "employer.1.name": "Region Sörmland",
        "employer.2.name": "Mälardalens universitet",
        "person.name": "Jonas Wikström",
        "person.birth": 1992,
        "start_date": "1/2 2027",
        "part.1.position": "fysioterapeut",
        "part.1.extent_percent": "60 %",
        "part.1.monthly_salary": "22 200",
        "part.2.position": "adjunkt",
        "part.2.monthly_salary": "15 200",
    },
    EmploymentModel.tjanstekop: {
        "employer.1.name": "Region Värmland",
        "employer.2.name": "Karlstads universitet",
        "person.name": "Elin Sjöberg",
        "person.birth": 1987,
        "start_date": "1 januari 2027",
        "part.1.position": "specialistsjukskoterska",
        "part.1.extent_percent": 80,
        "part.1.monthly_salary": "34 400",
        "part.2.position": "specialistsjukskoterska",
        "part.2.monthly_salary": "8 600",
        "invoicing.overhead_percent": "52,28",  # the region's own PO rate: SKR's for 2027 is not known
    },
    EmploymentModel.adjungering: {
        "employer.1.name": "Region Dalarna",
        "employer.2.name": "Högskolan Dalarna",
        "person.name": "Olle Dahl",
        "person.birth": 1978,
        "start_date": "1 september 2027",
        "part.1.position": "överläkare",
        "part.1.extent_percent": 80,
        "part.1.monthly_salary": "76 000",
        "part.2.position": "adjungerad lektor",
        "part.2.monthly_salary": "17 000",
    },
    EmploymentModel.kombinationsdoktorand: {
        "employer.1.name": "Gävle kommun",
        "employer.2.name": "Högskolan i Gävle",
        "person.name": "Linnea Forsberg",
        "person.birth": 1988,
        "start_date": "15 augusti 2027",
        "part.1.position": "specialistsjuksköterska",
        "part.1.monthly_salary": "21 500",
        "part.2.position": "doktorand",
        "part.2.monthly_salary": "21 500",
        "doctoral_studies.supervisors": "Eva Lindqvist; Jonas Berg",
    },
    EmploymentModel.delad_tjanst_region_kommun: {
        "employer.1.name": "Region Västmanland",
        "employer.2.name": "Västerås stad",
        "person.name": "Maria Lund",
        "person.birth": 1980,
        "start_date": "1 april 2027",
        "part.1.position": "distriktssköterska",
        "part.1.extent_percent": 60,
        "part.1.monthly_salary": "27 000",
        "part.2.position": "distriktssköterska",
        "part.2.monthly_salary": "18 000",
    },
}


@pytest.mark.parametrize("model", list(EmploymentModel), ids=[m.value for m in EmploymentModel])
def test_every_model_answered_sensibly_checks_without_errors(model: EmploymentModel, tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    answers = {"model": model.value, "id": "AVTAL-1", **SENSIBLE[model], "check": False}
    result = _new(["-o", str(out)], answers=answers, tmp=tmp_path)
    agreement = _written(result, out)
    assert agreement.model == model
    [checked] = forenad.check(out).results
    assert checked.valid
    errors = [f"{f.rule}: {f.text('sv')}" for f in checked.findings if f.severity == "error"]
    assert errors == []
    # Each part states its title (LAS 6 c §), and the agreement how it ends.
    assert all(p.title for p in agreement.parts)
    assert agreement.procedure is not None and agreement.procedure.exit


def test_every_model_has_a_sensible_answers_file() -> None:
    assert set(SENSIBLE) == set(EmploymentModel)


def test_an_adjungering_is_time_limited_by_default(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    answers = {"model": "adjungering", "id": "A-1", **SENSIBLE[EmploymentModel.adjungering], "check": False}
    agreement = _written(_new(["-o", str(out)], answers=answers, tmp=tmp_path), out)
    assert (agreement.start_date, agreement.end_date) == (dt.date(2027, 9, 1), dt.date(2029, 8, 31))
    assert agreement.parts[1].employment_form.value == "adjungering"
    rules = {f.rule for f in forenad.check(out).results[0].findings}
    assert "legal_basis.adjunct_without_end_date" not in rules


def test_a_kombinationsdoktorand_is_asked_about_the_doctoral_studies(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    model = EmploymentModel.kombinationsdoktorand
    answers = {"model": model.value, "id": "D-1", **SENSIBLE[model], "check": False}
    agreement = _written(_new(["-o", str(out)], answers=answers, tmp=tmp_path), out)
    studies = agreement.doctoral_studies
    assert studies is not None and studies.larosate == "hig" and studies.admitted_on is None
    # Four full-time years at a 50 % study share take eight years from the start: the check's own figure.
    assert studies.financing_until == dt.date(2035, 8, 14)
    assert studies.supervisors == ["Eva Lindqvist", "Jonas Berg"] and studies.individual_study_plan
    [checked] = forenad.check(out).results
    assert not {f.rule for f in checked.findings} & {
        "legal_basis.doctoral_studies_missing",
        "legal_basis.doctoral_financing_unstated",
        "legal_basis.doctoral_financing_short",
        "legal_basis.doctoral_supervisors",
        "legal_basis.doctoral_study_plan_missing",
    }
    assert "Forskarutbildningen: lärosätet som antar" in out.read_text(encoding="utf-8")


def test_a_study_share_too_low_is_said_at_once(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    model = EmploymentModel.kombinationsdoktorand
    answers = {"model": model.value, "id": "D-2", **SENSIBLE[model], "part.1.extent_percent": 60}
    answers["check"] = False
    result = _new(["-o", str(out)], answers=answers, tmp=tmp_path)
    _written(result, out)
    assert "Vid studietakten 40 % tar utbildningen 10 år" in result.output


def test_the_notice_the_check_cannot_set_is_asked(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    model = EmploymentModel.kombinationsanstallning
    answers = {"model": model.value, "id": "K-1", **SENSIBLE[model], "check": False}
    answers.update({"part.1.notice.employer_months": "6 månader", "part.1.notice.employee_months": 3})
    result = _new(["-o", str(out)], answers=answers, tmp=tmp_path)
    agreement = _written(result, out)
    assert "Uppsägningstiden enligt AB på startdagen finns inte bland forenads granskade" in result.output
    notice = agreement.parts[0].notice
    assert notice is not None and (notice.employer_months, notice.employee_months) == (6, 3)
    assert agreement.parts[1].notice is None  # Mälardalens universitet: the state's notice is known
    rules = {f.rule for f in forenad.check(out).results[0].findings}
    assert "notice.not_determined" not in rules


def test_invoicing_is_asked_when_another_party_bears_a_part_and_can_be_declined(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    model = EmploymentModel.forenad_en_arbetsgivare
    answers = {"model": model.value, "id": "F-1", **SENSIBLE[model], "check": False}
    agreement = _written(_new(["-o", str(out)], answers=answers, tmp=tmp_path), out)
    # The region bears the clinical part's cost, so the university invoices it (its LKP a default).
    invoicing = agreement.cost_settlement.invoicing
    assert invoicing is not None and (invoicing.seller, invoicing.buyer) == ("uu", "region-uppsala")
    assert invoicing.share_percent == Decimal(50)

    declined = tmp_path / "utan.yaml"
    answers["invoicing"] = "nej"
    agreement = _written(_new(["-o", str(declined)], answers=answers, tmp=tmp_path), declined)
    assert agreement.cost_settlement is not None and agreement.cost_settlement.invoicing is None


def test_a_fixed_price_asks_for_the_price(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    model = EmploymentModel.tjanstekop
    answers = {"model": model.value, "id": "T-1", **SENSIBLE[model], "check": False}
    answers.update({"invoicing.basis": "fast_pris", "invoicing.price": "39.500 kr", "invoicing.period": 2})
    del answers["invoicing.overhead_percent"]
    result = _new(["-o", str(out)], answers=answers, tmp=tmp_path)
    agreement = _written(result, out)
    invoicing = agreement.cost_settlement.invoicing
    assert invoicing is not None and invoicing.price == Decimal(39500) and invoicing.overhead_percent is None
    assert "→ 39\u00a0500" in result.output  # an amount with a dot is repeated as read (Babel: NBSP)
    assert "Fakturering: pris i kronor per faktureringsperiod" in result.output


def test_amounts_and_dates_as_people_write_them(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    answers = {
        **FORENAD_TVA,
        "start_date": "den 1 mars 2027",
        "part.1.monthly_salary": "26 500 kr",
        "part.2.monthly_salary": "26500,50",
        "part.2.extent_percent": "50,0 %",
        "review_date": "1/3 2028",
    }
    agreement = _written(_new(["-o", str(out)], answers=answers, tmp=tmp_path), out)
    assert agreement.start_date == dt.date(2027, 3, 1) and agreement.review_date == dt.date(2028, 3, 1)
    assert [p.monthly_salary for p in agreement.parts] == [Decimal(26500), Decimal("26500.50")]


def test_an_answers_file_is_read_as_written_not_as_yaml_floats(tmp_path: Path) -> None:
    """YAML reads ``26.500`` as the float 26.5; the person who wrote it means 26 500 kr."""
    file = tmp_path / "svar.yaml"
    written = {
        "start_date": "1 mars 2027  # a date in words",
        "part.1.extent_percent": "50.0",
        "part.1.monthly_salary": "26.500",
        "part.2.monthly_salary": "23500.5",
    }
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in FORENAD_TVA.items()]
    lines = [ln for ln in lines if ln.split(":")[0] not in written]
    file.write_text("\n".join([*lines, *(f"{k}: {v}" for k, v in written.items())]) + "\n", "utf-8")
    out = tmp_path / "avtal.yaml"
    result = runner.invoke(app, ["new", "-o", str(out), "--answers", str(file)])
    agreement = _written(result, out)
    assert [p.monthly_salary for p in agreement.parts] == [Decimal(26500), Decimal("23500.5")]
    assert agreement.start_date == dt.date(2027, 3, 1)


def test_lang_en_reads_english_dates_and_amounts(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    answers = {
        **FORENAD_TVA,
        "start_date": "March 1, 2027",
        "part.1.monthly_salary": "26,500",
        "part.2.monthly_salary": "26,500.50",
        "review_date": "1 March 2028",
    }
    result = _new(["-o", str(out), "--lang", "en"], answers=answers, tmp=tmp_path)
    agreement = _written(result, out)
    assert agreement.start_date == dt.date(2027, 3, 1) and agreement.review_date == dt.date(2028, 3, 1)
    assert [p.monthly_salary for p in agreement.parts] == [Decimal(26500), Decimal("26500.50")]
    assert "→ 2027-03-01" in result.output


def test_an_ambiguous_date_is_asked_again(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    answers = {**FORENAD_TVA, **{k: "" for k in ("title", "employers.count")}}
    answers.update({"employer.1.organisationsnummer": "", "employer.1.kind": "", "employer.1.id": ""})
    answers.update({"employer.2.organisationsnummer": "", "employer.2.kind": "", "employer.2.id": ""})
    answers.update({"main_employer": "-", "start_date": "1/3/2027"})
    result = _new(["-o", str(out)], input="2027-03-01\n", answers=answers, tmp=tmp_path)
    agreement = _written(result, out)
    assert "dag och månad kan förväxlas" in result.output
    assert agreement.start_date == dt.date(2027, 3, 1)


@pytest.mark.parametrize(
    ("start", "host"),
    [(dt.date(2027, 1, 1), "volvo"), (dt.date(2025, 3, 1), None)],
    ids=["from 2025-07-15: any sector", "before: clinical only"],
)
def test_the_outside_part_follows_the_law_on_the_start_date(start: dt.date, host: str | None) -> None:
    """SFS 2025:667: from 2025-07-15 a teacher post may be förenad with an employment outside the university
    in any sector, so the lärosäte's other part is suggested to be done at a company; before, it was not."""
    employers = [
        {"id": "uu", "name": "Uppsala universitet", "kind": "statligt_larosate"},
        {"id": "volvo", "name": "Volvo Cars AB", "kind": "annan_arbetsgivare"},
    ]
    any_sector = defaults.any_sector(default_parameters(), start)
    model = EmploymentModel.forenad_en_arbetsgivare
    assert defaults.host(model, 2, employers[0], Position.annan, employers, any_sector) == host
    assert defaults.guess_kind("Volvo Cars AB") == EmployerKind.annan_arbetsgivare
    law = defaults.forenad_law(default_parameters(), start)
    assert law is not None
    assert ("biträdande lektor" in law("sv")) == (host is not None)
    assert ("2025:667" in law("sv")) == (host is not None)


def test_a_forenad_post_with_a_company_checks_without_errors(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    answers = {
        "model": "forenad_en_arbetsgivare",
        "id": "UU-V-1",
        "employer.1.name": "Uppsala universitet",
        "employer.2.name": "Volvo Cars AB",
        "employer.2.organisationsnummer": "556074-3089",
        "person.name": "Sara Holm",
        "person.birth": 1985,
        "start_date": "1 mars 2027",
        "part.1.position": "bitradande_lektor",
        "part.1.monthly_salary": "24 000",
        "part.2.position": "annan",
        "part.2.title": "Utvecklingsingenjör",
        "part.2.monthly_salary": "30 000",
        "check": False,
    }
    result = _new(["-o", str(out)], answers=answers, tmp=tmp_path)
    agreement = _written(result, out)
    assert agreement.employers[1].kind == EmployerKind.annan_arbetsgivare
    assert agreement.parts[1].host == "volvo-cars-ab"
    assert "i vilken sektor som helst" in result.output
    [checked] = forenad.check(out).results
    assert [f.rule for f in checked.findings if f.severity == "error"] == []


def test_schema_line_is_relative_when_the_schema_is_shipped_nearby(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "agreement.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "avtal").mkdir()
    assert schema_reference(tmp_path / "avtal" / "x.yaml") == "../schema/agreement.schema.json"
    with tempfile.TemporaryDirectory() as bare:
        assert schema_reference(Path(bare) / "x.yaml").startswith("https://")


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_the_writer_round_trips_every_example(example: Path, tmp_path: Path) -> None:
    agreement = read_agreement(example).agreement
    assert agreement is not None
    text = render(agreement, tmp_path / example.name, TODAY)
    assert parse_agreement(text).agreement == agreement


TRICKY_TEXT = ["x\x85y", "x\u2028y", "x\u2029y", "x\x0by", "a\tb", "x\ufeffy", "2026-01-01", "null", "x\x1by"]
TRICKY_TEXT += ["x\x7fy", "x\ufffey", "a\nb", "a\x85\nb", "'\x85'", '"\u2028"', "# x", "&a *a", "[bold]x[/]"]


@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_the_writer_round_trips_line_breaks_and_control_characters(text: str, tmp_path: Path) -> None:
    """Text the model accepts loads back equal, and never breaks out of the header's comment lines."""
    base = read_agreement(EXAMPLES[0]).agreement
    assert base is not None
    data = base.model_dump()
    data["title"] = f"Avtal {text}"
    data["person"]["name"] = f"Namn {text}"
    agreement = Agreement.model_validate(data)
    written = render(agreement, tmp_path / f"avtal{text.replace(chr(0), '')}.yaml", TODAY)
    assert parse_agreement(written).agreement == agreement


@PROPERTY
@given(title=st.text(min_size=1, max_size=60), workplace=st.text(min_size=1, max_size=60))
def test_any_accepted_text_round_trips_through_the_writer(title: str, workplace: str) -> None:
    base = read_agreement(EXAMPLES[0]).agreement
    assert base is not None
    data = base.model_dump()
    data["title"] = title
    data["parts"][0]["workplace"] = workplace
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError:
        return
    assert parse_agreement(render(agreement, Path("avtal.yaml"), TODAY)).agreement == agreement


# -- bad answers ----------------------------------------------------------------------------------------


def test_a_bad_orgnr_in_the_answers_file_is_asked_again_on_standard_input(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    answers = {
        **FORENAD_TVA,
        "title": "",  # every question before the bad answer is in the file, so stdin answers the re-ask
        "employers.count": 2,
        "employer.1.name": "Min högskola",
        "employer.1.organisationsnummer": "202100-2933",
    }
    result = _new(["-o", str(out)], input="202100-2924\n", answers=answers, tmp=tmp_path)
    agreement = _written(result, out)
    assert "kontrollsiffra stämmer inte" in result.output
    assert agreement.employers[0].name == "Min högskola"
    assert agreement.employers[0].organisationsnummer == "202100-2924"
    assert agreement.employers[0].id == "min-hogskola"


def test_a_rejected_answer_at_the_end_of_input_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    answers = {**FORENAD_TVA, "part.1.monthly_salary": "-5"}
    result = _new(["-o", str(out)], answers=answers, tmp=tmp_path)
    assert result.exit_code == 2
    assert "värdet måste vara större än 0" in result.output
    assert "part.1.monthly_salary" in result.output
    assert not out.exists()


def test_an_unknown_key_in_the_answers_file_exits_2_with_a_suggestion(tmp_path: Path) -> None:
    result = _new(["-o", str(tmp_path / "a.yaml")], answers={"part.2.monthly_salery": 1}, tmp=tmp_path)
    assert result.exit_code == 2
    assert "part.2.monthly_salary" in result.output


def test_an_answers_file_that_is_not_a_mapping_exits_2(tmp_path: Path) -> None:
    file = tmp_path / "svar.yaml"
    file.write_text("- model\n", encoding="utf-8")
    result = runner.invoke(app, ["new", "-o", str(tmp_path / "a.yaml"), "--answers", str(file)])
    assert result.exit_code == 2 and "mappning" in result.output


# -- output ---------------------------------------------------------------------------------------------


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    result = _new(["-o", str(out)], answers=FORENAD_TVA, tmp=tmp_path)
    assert result.exit_code == 2
    assert "finns redan" in result.output and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert "Anställningsmodell" not in result.output  # refused before asking anything

    forced = _new(["-o", str(out), "--force"], answers=FORENAD_TVA, tmp=tmp_path)
    _written(forced, out)


def test_without_o_the_file_name_is_asked_and_an_existing_file_refused(tmp_path: Path) -> None:
    taken = tmp_path / "finns.yaml"
    taken.write_text("keep me\n", encoding="utf-8")
    fresh = tmp_path / "ny.yaml"
    lines = [*DELAD_TJANST_LINES[:-2], str(taken), str(fresh), "nej"]
    result = _new([], input="\n".join(lines) + "\n")
    _written(result, fresh)
    assert "finns redan" in result.output
    assert taken.read_text(encoding="utf-8") == "keep me\n"


def test_the_offered_draft_goes_through_the_library_next_to_the_file(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    result = _new(["-o", str(out)], answers={**FORENAD_TVA, "check": False, "draft": True}, tmp=tmp_path)
    _written(result, out)
    drafts = sorted(p.name for p in tmp_path.glob("avtal.*.docx"))
    assert drafts and all(name in result.output for name in drafts)


# -- language -------------------------------------------------------------------------------------------


def test_lang_en_asks_in_english(tmp_path: Path) -> None:
    out = tmp_path / "avtal.yaml"
    # Every question before employers.count is in the file, so the re-ask is answered on stdin.
    answers = {**TJANSTEKOP, "employers.count": 99}
    result = _new(["-o", str(out), "--lang", "en"], input="2\n", answers=answers, tmp=tmp_path)
    _written(result, out)
    assert "Employment model (number or name)" in result.output
    assert "a whole number from 1 to 10 is expected" in result.output
    assert "Anställningsmodell" not in result.output and "Försök igen" not in result.output


# -- suggestions and final validation ------------------------------------------------------------------


@pytest.mark.parametrize(("born", "hours"), [(2000, 1756), (1995, 1732), (1980, 1700)])
def test_state_teachers_full_time_follows_the_vacation_days(born: int, hours: int) -> None:
    suggestion = defaults.full_time(
        default_parameters(),
        dt.date(2026, 1, 1),
        WorkingTimeForm.annual_hours,
        EmployerKind.statligt_larosate,
        Position.lektor,
        born,
    )
    assert suggestion is not None and suggestion.hours == Decimal(hours)
    assert "Villkorsavtal" in suggestion.source("sv") and "sekundär källa" in suggestion.source("sv")


def test_full_time_suggestions_come_only_from_parameters_in_force() -> None:
    params = default_parameters()
    weekly_form, region, doctor = WorkingTimeForm.weekly_hours, EmployerKind.region, Position.overlakare
    weekly = defaults.full_time(params, dt.date(2026, 1, 1), weekly_form, region, doctor, None)
    assert weekly is not None and weekly.hours == Decimal(40) and "1982:673" in weekly.source("en")
    before = defaults.full_time(params, dt.date(2019, 1, 1), weekly_form, region, doctor, None)
    assert before is None  # no value before the parameter's first start: no suggestion, never a guess
    region_annual = defaults.full_time(
        params, dt.date(2026, 1, 1), WorkingTimeForm.annual_hours, EmployerKind.region, Position.lektor, 1980
    )
    assert region_annual is None


def test_answers_that_do_not_make_an_agreement_are_reported_not_written() -> None:
    with pytest.raises(AgreementInvalid) as caught:
        validate({"model": "tjanstekop"})
    assert {e.path for e in caught.value.errors} >= {"id", "person", "employers", "parts", "start_date"}
    assert all(e.message("sv") == "fältet saknas men krävs" for e in caught.value.errors)


# -- documentation --------------------------------------------------------------------------------------


def test_every_question_key_is_documented() -> None:
    doc = forenad.guided.__doc__ or ""
    assert [key for key in QUESTION_KEYS if f"``{key}``" not in doc] == []


# -- properties -----------------------------------------------------------------------------------------


@dataclass
class _Lines:
    """A scripted standard input for the interview, without the CLI around it."""

    lines: list[str]
    suggestions_at_end: bool = True
    read_count: int = field(default=0)

    def read(self, prompt: str, secret: bool) -> str | None:
        if self.read_count >= len(self.lines):
            return None
        self.read_count += 1
        return self.lines[self.read_count - 1]


PLAUSIBLE = st.sampled_from(
    [
        *("", "-", "1", "2", "7", "ja", "nej", "2026-01-01", "50", "46 000", "19121212-1212", "202100-2932"),
        *("uu", "region-uppsala", "professor", "Region Uppsala", "Örebro universitet", "1971", "[bold]x[/]"),
        *("a\x85b", "a\u2028b", "x\x0by", "'", '"', "#", "null", "x\x00", "9" * 5000),
    ]
)
ANSWER = st.one_of(st.text(max_size=40), PLAUSIBLE, PLAUSIBLE)


@st.composite
def _mutated_script(draw: st.DrawFn) -> list[str]:
    """The delad tjänst script with some answers replaced by, or preceded by, arbitrary ones: deep paths."""
    lines = list(DELAD_TJANST_LINES)
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        if draw(st.booleans()):
            lines[i] = draw(ANSWER)
        else:
            lines.insert(i, draw(ANSWER))
    return lines[: draw(st.integers(0, len(lines)))] if draw(st.booleans()) else lines


SCRIPTS = st.one_of(st.lists(ANSWER, max_size=80), _mutated_script())


@PROPERTY
@given(lines=SCRIPTS, at_end=st.booleans())
def test_arbitrary_answers_never_crash_the_interview(lines: list[str], at_end: bool) -> None:
    console = Console(file=io.StringIO(), highlight=False, soft_wrap=True)
    asker = Asker(console, "sv", _Lines(lines, suggestions_at_end=at_end))
    try:
        agreement = interview(asker, default_parameters(), TODAY)
    except OutOfAnswers:
        return
    # Whatever the answers, a finished interview is a valid agreement that the writer round-trips.
    assert parse_agreement(render(agreement, Path("avtal.yaml"), TODAY)).agreement == agreement


@settings(PROPERTY, max_examples=25)
@given(lines=SCRIPTS)
def test_arbitrary_standard_input_ends_with_exit_0_or_2(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "avtal.yaml"
        result = runner.invoke(app, ["new", "-o", str(out)], input="\n".join(lines))
        assert result.exit_code in (0, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert out.exists() == (result.exit_code == 0)
