"""``--all-models``: each example recast under every employment model that can apply.

For every example the applicable and not-applicable models are fixed here, every alternative is a valid
agreement, its overlay explains every field that differs from the baseline, and what must not change (the
person, positions other than the adjunct form, extents, salaries, workplaces) does not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import forenad
from forenad import parse_agreement
from forenad.comparison import Comparison, compare, recast
from forenad.comparison.overlay import Editor
from forenad.model import Agreement, EmploymentModel, Position

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ON = dt.date(2026, 6, 1)

M = EmploymentModel
ALL = frozenset(EmploymentModel)
APPLICABLE: dict[str, frozenset[EmploymentModel]] = {
    # an adjunct post exists only in the adjungering model: no other model without a new appointment
    "dalarna-adjungerad-lektor.yaml": frozenset({M.adjungering}),
    # a doktorand is not a teacher (no förenad, no adjungering) and not bought time (no tjänsteköp); no region
    "gavleborg-kommundoktorand.yaml": frozenset({M.kombinationsdoktorand, M.kombinationsanstallning}),
    "orebro-lektor-specialistsjukskoterska.yaml": frozenset(
        {
            M.forenad_tva_anstallningar,
            M.forenad_en_arbetsgivare,
            M.kombinationsanstallning,
            M.tjanstekop,
            M.adjungering,
        }
    ),
    # from 2025-07-15 (SFS 2025:667) an adjunkt post may be förenad too; it also has an adjunct form
    "sormland-kombinationsanstallning-fysioterapeut.yaml": frozenset(
        {
            M.kombinationsanstallning,
            M.tjanstekop,
            M.adjungering,
            M.forenad_en_arbetsgivare,
            M.forenad_tva_anstallningar,
        }
    ),
    "uppsala-professor-overlakare.yaml": frozenset(
        {
            M.forenad_en_arbetsgivare,
            M.forenad_tva_anstallningar,
            M.kombinationsanstallning,
            M.tjanstekop,
            M.adjungering,
        }
    ),
    # two nurse parts: no teacher post to make förenad or adjunct
    "varmland-tjanstekop-klinisk-undervisning.yaml": frozenset({M.tjanstekop, M.kombinationsanstallning}),
    # no lärosäte at all
    "vastmanland-distriktsskoterska-nara-vard.yaml": frozenset(
        {M.delad_tjanst_region_kommun, M.kombinationsanstallning, M.tjanstekop}
    ),
}


def test_every_example_is_covered() -> None:
    assert sorted(APPLICABLE) == sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("name", sorted(APPLICABLE))
def test_applicable_models_per_example(name: str) -> None:
    baseline = forenad.load(EXAMPLES / name)
    result = recast(baseline, ON)
    assert result.applicable == APPLICABLE[name]
    assert {n.model for n in result.not_applicable} == ALL - APPLICABLE[name]
    assert all(n.reasons for n in result.not_applicable)
    for alt in result.alternatives:
        _check_alternative(baseline, alt.agreement, alt.overlay.model)
        # the overlay is the whole difference: replaying its changes on the baseline gives the alternative
        editor = Editor(baseline)
        for change in alt.overlay.changes:
            editor.set(change.path, change.after, change.why)
        assert editor.build() == alt.agreement
        assert alt.overlay.explanation.sv and alt.overlay.explanation.en
        assert all(c.why.sv and c.why.en for c in alt.overlay.changes)


def _check_alternative(baseline: Agreement, alt: Agreement, model: EmploymentModel) -> None:
    assert isinstance(alt, Agreement)
    assert Agreement.model_validate(alt.model_dump(mode="json")) == alt
    assert alt.model == model
    assert alt.person == baseline.person
    assert alt.employers == baseline.employers
    assert alt.work_environment == baseline.work_environment
    for before, after in zip(baseline.parts, alt.parts, strict=True):
        assert (after.extent_percent, after.monthly_salary, after.workplace) == (
            before.extent_percent,
            before.monthly_salary,
            before.workplace,
        )
        assert (
            after.position == before.position or after.position.value == f"adjungerad_{before.position.value}"
        )
        assert (after.host or after.employer) == (
            before.host or before.employer
        )  # the work stays where it is
    employers = {p.employer for p in alt.parts}
    one = model in (M.forenad_en_arbetsgivare, M.tjanstekop, M.kombinationsdoktorand)
    assert len(employers) == (1 if one else 2)
    for part in alt.parts:
        if part.position.is_academic and part.position != Position.doktorand:
            assert alt.employer(part.employer).kind.is_larosate  # a teacher post only at a lärosäte


def test_no_alternative_of_an_example_has_an_error_finding() -> None:
    cmp = compare(sorted(EXAMPLES.glob("*.yaml")), on=ON, all_models=True)
    assert len(cmp.columns) == sum(len(v) for v in APPLICABLE.values())
    errors = {c.key: [f.rule for f in c.findings if f.severity == "error"] for c in cmp.columns}
    assert all(not rules for rules in errors.values()), errors
    assert cmp.exit_code == 0


@pytest.fixture(scope="module")
def orebro() -> Comparison:
    return compare([EXAMPLES / "orebro-lektor-specialistsjukskoterska.yaml"], on=ON, all_models=True)


def test_orebro_under_one_employer_by_hand(orebro: Comparison) -> None:
    key = str(EXAMPLES / "orebro-lektor-specialistsjukskoterska.yaml")
    assert [c.key for c in orebro.columns] == [
        key,
        f"{key}#forenad_en_arbetsgivare",
        f"{key}#kombinationsanstallning",
        f"{key}#tjanstekop",
        f"{key}#adjungering",
    ]
    assert [c.baseline for c in orebro.columns] == [True, False, False, False, False]
    # Under one state employer the nurse part follows the Villkorsavtal: 31 days and PA 16 avd. I
    assert orebro.row("part.2.vacation_days").values == (25, 31, 25, 31, 25)
    assert orebro.row("part.2.pension_scheme").values[:2] == ("akap_kr", "pa16_avd1")
    assert orebro.row("part.2.collective_agreement").differs
    assert orebro.row("sick_pay").values == (
        "varje_arbetsgivare",
        "huvudarbetsgivaren",
        "varje_arbetsgivare",
        "enligt_tjanstekopsavtal",
        "varje_arbetsgivare",
    )
    # the region still bears its part, now at the university's LKP: 25 500 × 1.54461 = 39 387.56 a month
    region = orebro.row("cost.orgnr:232100-0164").cells[1]
    assert (region.value, region.lower_bound) == (Decimal("472650.72"), False)
    assert orebro.row("employment_count").values == (2, 1, 2, 1, 2)
    assert orebro.row("part.1").values[4] == "adjungerad_lektor · Örebro universitet"


def test_tjanstekop_overlay_invoice(orebro: Comparison) -> None:
    overlay = orebro.column(f"{EXAMPLES / 'orebro-lektor-specialistsjukskoterska.yaml'}#tjanstekop").overlay
    assert overlay is not None
    invoicing = next(c for c in overlay.changes if c.path == "cost_settlement.invoicing")
    # no overhead is stated for the university, so none is invented; period and terms are placeholders
    assert invoicing.after == {
        "seller": "oru",
        "buyer": "rol",
        "basis": "lon_plus_palagg",
        "share_percent": 50,
        "period": "manad",
        "payment_terms_days": 30,
    }
    assert "platshållare" in invoicing.why.sv and "placeholders" in invoicing.why.en
    # the amount is then unknown and shown as such
    assert orebro.row("invoice").values[3] is None


def test_uppsala_tjanstekop_keeps_the_stated_invoice_and_adjunct_gets_no_invented_end() -> None:
    result = recast(forenad.load(EXAMPLES / "uppsala-professor-overlakare.yaml"), ON)
    alternatives = {a.model: a for a in result.alternatives}
    tjanstekop = alternatives[M.tjanstekop]
    assert tjanstekop.agreement.cost_settlement is not None
    invoice = tjanstekop.agreement.cost_settlement.invoicing
    assert invoice is not None and str(invoice.overhead_percent) == "54.461"
    adjunct = alternatives[M.adjungering].agreement
    assert adjunct.parts[0].position == Position.adjungerad_professor
    assert adjunct.parts[0].end_date is None  # neither the part nor the agreement has an end date
    assert adjunct.main_employer == "region-uppsala"


def test_doktorand_employed_by_the_larosate_takes_the_agreements_end() -> None:
    result = recast(forenad.load(EXAMPLES / "gavleborg-kommundoktorand.yaml"), ON)
    (alt,) = result.alternatives
    part = alt.agreement.parts[1]
    assert (part.employer, part.host, part.employment_form.value) == ("hig", None, "tidsbegransad_hf")
    assert part.end_date == dt.date(2034, 8, 14)
    assert part.employed_since is None  # a new employment: no tenure is carried over from the kommun
    reasons = {n.model: " ".join(r.en for r in n.reasons) for n in result.not_applicable}
    assert "does not change a position" in reasons[M.forenad_en_arbetsgivare]
    assert "doctoral study" in reasons[M.tjanstekop]


def test_work_at_one_organisation_cannot_be_recast(draft: Callable[..., Any]) -> None:
    edited = draft("uppsala-professor-overlakare.yaml")
    edited.replace("    host: region-uppsala                # arbetet utförs och leds i regionen\n", "")
    baseline = parse_agreement(edited.text).agreement
    assert baseline is not None
    result = recast(baseline, ON)
    assert result.alternatives == ()
    assert {n.model for n in result.not_applicable} == ALL - {M.forenad_en_arbetsgivare}
    assert all("Allt arbete utförs hos Uppsala universitet" in n.reasons[0].sv for n in result.not_applicable)
