"""SFS 2025:667 end to end: from 2025-07-15 a teacher post may be förenad with an employment outside the
university in any sector. A förenad anställning with a company (employer kind annan_arbetsgivare) is written,
checked, compared and drafted; the wording follows the law in force on the date, and health-care wording
appears only where the other employer is in health care."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from test_draft import document_text

import forenad
from forenad import yamlio
from forenad.comparison import compare
from forenad.engine import evaluate
from forenad.model import Agreement

ROOT = Path(__file__).resolve().parents[1]
OREBRO = ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml"
AFTER, BEFORE = dt.date(2026, 6, 1), dt.date(2025, 6, 1)


def outside_health_care() -> dict[str, Any]:
    """A lektor in forestry at Örebro universitet, förenad with a research post at a company (made up: no
    organisation number is given, and the person is not real)."""
    data = yamlio.load(OREBRO).data
    data["title"] = "Avtal om förenad anställning som lektor och forskare vid Skogsdata AB"
    company = {
        "id": "rol",  # the id the file's other terms refer to
        "name": "Skogsdata AB",
        "kind": "annan_arbetsgivare",
        "collective_agreement": "annat",
        "pension_scheme": "itp1",
    }
    data["employers"][1] = company
    part = data["parts"][1]
    part.update(position="annan", title="Forskare i skoglig planering", workplace="Skogsdata AB, Örebro")
    part["duties"] = "Forskning och utveckling i skoglig planering."
    part["notice"] = {"employer_months": 3, "employee_months": 1}
    for duty in data["work_environment"]:
        if duty["responsible"] == "rol":
            duty["workplace"] = "Skogsdata AB, Örebro"
    return data


def rules_of(findings: list[Any], severity: str | None = None) -> set[str]:
    return {f.rule for f in findings if severity is None or f.severity == severity}


def test_checked_without_legal_basis_errors_after_2025_07_15() -> None:
    agreement = Agreement.model_validate(outside_health_care())
    findings, facts = evaluate(agreement, AFTER)
    assert not {r for r in rules_of(findings, "error") if r.startswith("legal_basis.")}
    assert "collective_agreement.unknown" not in rules_of(findings)  # stated in the file
    assert facts["forenad_other_employment"] == "valfri_sektor"
    assert facts["parts"][1]["pension_scheme"] == "itp1"


def test_the_same_agreement_needed_a_clinical_post_before() -> None:
    agreement = Agreement.model_validate(outside_health_care())
    findings, _ = evaluate(agreement, BEFORE)
    assert {
        "legal_basis.forenad_needs_health_care_principal",
        "legal_basis.forenad_needs_clinical_part",
    } <= rules_of(findings, "error")


def test_compared_with_every_model_it_can_take(tmp_path: Path) -> None:
    path = tmp_path / "skog.json"  # an agreement file may be JSON too
    path.write_text(json.dumps(outside_health_care(), default=str), encoding="utf-8")
    cmp = compare([path], on=AFTER, all_models=True)
    models = {c.agreement.model.value for c in cmp.columns}
    assert {"forenad_tva_anstallningar", "forenad_en_arbetsgivare", "kombinationsanstallning"} <= models
    assert cmp.exit_code == 0  # no error finding in the agreement or any model it is recast under


@pytest.mark.parametrize(("on", "law"), [(AFTER, "SFS 2025:667"), (BEFORE, "lydelse före den 15 juli 2025")])
def test_drafted_in_the_wording_of_the_date(tmp_path: Path, on: dt.date, law: str) -> None:
    agreement = Agreement.model_validate(outside_health_care())
    paths = forenad.draft(agreement, tmp_path, template="samverkansavtal-forenad", on=on)
    text = document_text(next(p for p in paths if p.suffix == ".docx"))
    assert law in text
    assert "Samverkansavtal om förenad anställning" in text
    if on == AFTER:
        assert "anställning utanför högskolan" in text
        assert "klinisk" not in text.lower() and "hälso- och sjukvård" not in text


def test_health_care_wording_stays_where_the_other_employer_is_in_health_care(tmp_path: Path) -> None:
    paths = forenad.draft(forenad.load(OREBRO), tmp_path, template="samverkansavtal-forenad", on=AFTER)
    text = document_text(next(p for p in paths if p.suffix == ".docx"))
    assert "SFS 2025:667" in text and "3 kap. 8 § högskolelagen" in text
    assert "hälso- och sjukvård" in text


def test_citations() -> None:
    """Semesterlagen is SFS 1977:480; the duty to tell a state employer is LOA 7 b §; a teacher keeps the
    university informed under HF 4 kap. 15 §."""
    import zipfile

    from forenad.engine import default_rules

    rules = default_rules()
    refs = {(r.id, ref.id, ref.section) for r in rules.rules for ref in r.refs}
    assert not [x for x in refs if x[1] == "1978:480"]
    assert ("vacation.coordination_missing", "1977:480", "4 §, 12 a §") in refs
    told = {(ref.id, ref.section) for ref in rules.get("secondary_employment.state_not_told").refs}
    assert {("1994:260", "7 §"), ("1994:260", "7 b §"), ("1993:100", "4 kap. 15 §")} <= told
    templates = ROOT / "templates"
    for docx_file in templates.glob("*/template.docx"):
        with zipfile.ZipFile(docx_file) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        assert "1978:480" not in body, docx_file
