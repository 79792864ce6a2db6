"""Economics: hand-worked figures, with the arithmetic in the comments.

Parameters used (packaged, 2026): inkomstbasbelopp 83 400 kr, so the break point 7.5 IBB a month is
83 400 × 7.5 / 12 = 52 125 kr; full employer's fee 31.42 %; older workers (born 1938–1958) 10.21 %; born
1937 or earlier 0 %; youth reduction (born 2003–2007, pay from 2026-04-01) 20.81 % up to 25 000 kr a month
per employer; AKAP-KR 6 % / 31.5 %; PA 16 avd. I 4.5 % / 30 % plus flex 1.5 %; LKP default 54.461 %
(unverified, born 1966 or later); SKR's PO rate is unknown from 2024.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from forenad import load
from forenad.cli.app import app
from forenad.economics import Economics, compute
from forenad.economics.money import split_rounded, to_ore
from forenad.model import Agreement
from forenad.params import load_parameters

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PARAMS_DIR = ROOT / "rules" / "parameters"
D = Decimal
JUNE = dt.date(2026, 6, 1)

EMPLOYERS = {
    "region": {"id": "region", "name": "Region Test", "kind": "region"},
    "kommun": {"id": "kommun", "name": "Testby kommun", "kind": "kommun"},
    "uni": {"id": "uni", "name": "Testuniversitetet", "kind": "statligt_larosate"},
}


def make(
    parts: list[tuple[str, int, int]],
    birth_year: int | None = 1990,
    model: str = "kombinationsanstallning",
    **extra: Any,
) -> Agreement:
    """An agreement with ``parts`` as (employer id, extent %, monthly salary)."""
    used = dict.fromkeys(e for e, _, _ in parts)
    employers = [dict(EMPLOYERS[e]) for e in used]
    for e in extra.pop("also", []):
        employers.append(dict(EMPLOYERS[e]))
    for e in employers:
        e.update(extra.pop(f"{e['id']}_employer", {}))
    person: dict[str, Any] = {"name": "Test Person"}
    if birth_year is not None:
        person["birth_year"] = birth_year
    data = {
        "id": "T-1",
        "title": "Test",
        "model": model,
        "person": person,
        "employers": employers,
        "start_date": "2026-01-01",
        "parts": [
            {"employer": e, "position": "lektor", "extent_percent": x, "monthly_salary": s}
            for e, x, s in parts
        ],
        **extra,
    }
    return Agreement.model_validate(data)


# -- the worked example of the domain notes --------------------------------------------------------------


@pytest.fixture(scope="module")
def split_70k() -> Economics:
    # 70 000 kr a month split 50/50: 35 000 at a region (AKAP-KR, born 1990) and 35 000 at a state
    # university (PA 16 avd. I, born 1990).
    return compute(make([("region", 50, 35000), ("uni", 50, 35000)]), JUNE)


def test_split_pension_against_one_employment(split_70k: Economics) -> None:
    p = split_70k.person
    # AKAP-KR: 35 000 < 52 125, so 35 000 × 6 % = 2 100.
    # PA 16 avd. I: 35 000 × 4.5 % = 1 575, plus flex 35 000 × 1.5 % = 525: 2 100.
    assert [(s.scheme, s.month) for s in p.pensions] == [
        ("akap_kr", D("2100.00")),
        ("pa16_avd1", D("2100.00")),
    ]
    assert p.pension_month == D("4200.00")
    # One AKAP-KR employment on 70 000: 52 125 × 6 % = 3 127.50; (70 000 − 52 125) × 31.5 % = 17 875 ×
    # 0.315 = 5 630.625; together 8 758.125, rounded half up to 8 758.13.
    assert p.single_scheme == "akap_kr"
    assert p.single_pension_month == D("8758.13")
    assert p.split_loss_month == D("4558.13")  # 8 758.13 − 4 200
    assert p.split_loss_year == D("54697.56")  # 12 × 4 558.13
    assert p.pension_year == D("50400.00")


def test_pro_rata_break_point(split_70k: Economics) -> None:
    p = split_70k.person
    # AKAP-KR break point lowered to its 50 % share: 52 125 × 50 / 100 = 26 062.50. On 35 000:
    # 26 062.50 × 6 % = 1 563.75; (35 000 − 26 062.50) × 31.5 % = 8 937.50 × 0.315 = 2 815.3125;
    # together 4 379.0625 instead of 2 100: a gain of 2 279.0625 ≈ 2 279.06 a month.
    assert p.pro_rata_gain_month == D("2279.06")
    assert p.pro_rata_pension_month == D("6479.06")  # 4 200 + 2 279.06
    assert p.pro_rata_gain_year == D("27348.72")


def test_fees_and_costs_of_the_split(split_70k: Economics) -> None:
    region, uni = split_70k.employer("region"), split_70k.employer("uni")
    # Fees: 35 000 × 31.42 % = 10 997 at each employer.
    assert split_70k.fee is not None and split_70k.fee.kind == "full" and split_70k.fee.rate == D("31.42")
    assert region.employer_fees_month == uni.employer_fees_month == D("10997.00")
    # Region: SKR's PO rate is unknown in 2026, so a lower bound: 35 000 + 10 997 + 2 100 = 48 097.
    assert region.overhead_percent is None and region.why("overhead_percent") is not None
    assert (region.cost_month, region.cost_basis) == (D("48097.00"), "lower_bound")
    assert region.why("cost_month") is not None
    # University: LKP default 54.461 % (unverified): 35 000 × 1.54461 = 54 061.35; fees and pension are
    # inside the overhead, not added.
    assert (uni.overhead_percent, uni.overhead_source, uni.overhead_unverified) == (
        D("54.461"),
        "lkp_stat_default",
        True,
    )
    assert (uni.cost_month, uni.cost_basis) == (D("54061.35"), "overhead")
    assert "lkp_stat_default" in split_70k.unverified
    # The total is a lower bound: 48 097 + 54 061.35 = 102 158.35 a month, 1 225 900.20 a year.
    assert (split_70k.total.cost_month, split_70k.total.cost_basis) == (D("102158.35"), "lower_bound")
    assert split_70k.total.cost_year == D("1225900.20")
    # No cost shares: each employer bears its own cost in the end.
    assert region.net_cost_year == D("577164.00")  # 48 097 × 12
    assert uni.net_cost_year == D("648736.20")  # 54 061.35 × 12


# -- employer's fees by year of birth ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "salary", "on", "kind", "fee"),
    [
        (1990, 40000, JUNE, "full", "12568.00"),  # 40 000 × 31.42 %
        (1958, 40000, JUNE, "older", "4084.00"),  # 40 000 × 10.21 %: born 1938–1958 in 2026
        (1959, 40000, JUNE, "full", "12568.00"),  # 1959 is no longer 'older' in 2026
        (1957, 40000, dt.date(2024, 6, 1), "older", "4084.00"),  # 2024: born 1938–1957
        (1937, 40000, JUNE, "born_before_1938", "0.00"),
        # Youth, pay from 2026-04-01: 25 000 × 20.81 % = 5 202.50; 5 000 × 31.42 % = 1 571; 6 773.50.
        (2005, 30000, JUNE, "youth", "6773.50"),
        (2005, 20000, JUNE, "youth", "4162.00"),  # all below the cap: 20 000 × 20.81 %
        # Before the window: full rate, 30 000 × 31.42 % = 9 426.
        (2005, 30000, dt.date(2026, 3, 1), "full", "9426.00"),
        (2002, 30000, JUNE, "full", "9426.00"),  # turned 23 before 2026: no reduction
    ],
)
def test_employer_fees(born: int, salary: int, on: dt.date, kind: str, fee: str) -> None:
    econ = compute(make([("uni", 100, salary)], birth_year=born, model="kombinationsanstallning"), on)
    assert econ.fee is not None and econ.fee.kind == kind
    assert econ.employer("uni").employer_fees_month == D(fee)


def test_youth_before_the_window_says_when_it_starts() -> None:
    econ = compute(make([("uni", 100, 30000)], birth_year=2005), dt.date(2026, 3, 1))
    note = econ.why("fee")
    assert note is not None and "2026-04-01" in note.sv and "2026-04-01" in note.en


def test_youth_cap_is_per_employer() -> None:
    # Two employers paying 20 000 each: both under the cap, 2 × 20 000 × 20.81 % = 8 324.
    split = compute(make([("region", 50, 20000), ("uni", 50, 20000)], birth_year=2005), JUNE)
    assert split.total.employer_fees_month == D("8324.00")
    # One employer paying 40 000: 25 000 × 20.81 % = 5 202.50 + 15 000 × 31.42 % = 4 713 → 9 915.50.
    one = compute(make([("uni", 50, 20000), ("uni", 50, 20000)], birth_year=2005), JUNE)
    assert one.total.employer_fees_month == D("9915.50")
    # Shared out among the two parts by salary: 4 957.75 each.
    assert [p.employer_fees_month for p in one.parts] == [D("4957.75"), D("4957.75")]


def test_youth_reduction_unknown_in_a_gap(tmp_path: Path) -> None:
    # A parameter set where the youth reduction ends early (2026-09-01): on 2026-10-01 the full rate is still
    # in force, but whether a youth-aged person has a reduction is unknown, so no fee is given.
    folder = tmp_path / "params"
    shutil.copytree(PARAMS_DIR, folder)
    youth = folder / "arbetsgivaravgift_ungdom.yaml"
    text = youth.read_text(encoding="utf-8").replace(
        "  2027-01-01:\n", "  2026-09-01:\n    value: null\n  2027-01-02:\n", 1
    )
    youth.write_text(text, encoding="utf-8")
    params = load_parameters(folder)
    on = dt.date(2026, 10, 1)
    young = compute(make([("uni", 100, 30000)], birth_year=2005), on, params)
    assert young.fee is None and young.employer("uni").employer_fees_month is None
    assert young.why("fee") is not None and "unknown" in young.why("fee").en  # type: ignore[union-attr]
    older = compute(make([("uni", 100, 30000)], birth_year=1990), on, params)
    assert older.fee is not None and older.fee.kind == "full"


def test_unknown_birth_year_means_unknown_fees_and_no_guessed_cost() -> None:
    econ = compute(make([("region", 100, 40000)], birth_year=None), JUNE)
    region = econ.employer("region")
    assert econ.fee is None and region.employer_fees_month is None
    assert region.why("employer_fees_month") is not None
    # Neither the PO rate (unknown for 2026) nor the fees: the cost is unknown, not a guess.
    assert region.cost_month is None and econ.total.cost_year is None
    assert econ.total.why("cost_month") is not None


# -- overhead and pension --------------------------------------------------------------------------------


def test_overhead_from_the_agreement_overrides_the_default() -> None:
    econ = compute(make([("uni", 100, 50000)], uni_employer={"overhead_percent": 50}), JUNE)
    uni = econ.employer("uni")
    # 50 000 × 1.50 = 75 000 a month: the overhead includes fees and pension, nothing is added.
    assert (uni.overhead_percent, uni.overhead_source, uni.overhead_unverified) == (D(50), "agreement", False)
    assert (uni.cost_month, uni.cost_year, uni.cost_basis) == (D("75000.00"), D("900000.00"), "overhead")
    assert uni.employer_fees_month == D("15710.00")  # shown for information: 50 000 × 31.42 %
    assert econ.unverified == ()


def test_po_rate_of_2023_is_used_when_in_force() -> None:
    # 2023: SKR's PO rate for regions is 52.28 %: 40 000 × 1.5228 = 60 912. (The employer's fees are not in
    # the parameters before 2024, but the overhead already covers them.)
    econ = compute(make([("region", 100, 40000)], birth_year=1990), dt.date(2023, 6, 1))
    region = econ.employer("region")
    assert (region.overhead_percent, region.overhead_source) == (D("52.28"), "po_palagg_skr")
    assert region.cost_month == D("60912.00")
    assert region.employer_fees_month is None


def test_lkp_default_does_not_apply_to_people_born_before_1966() -> None:
    econ = compute(make([("uni", 100, 50000)], birth_year=1960), JUNE)
    uni = econ.employer("uni")
    assert uni.overhead_percent is None and uni.why("overhead_percent") is not None
    # Lower bound: 50 000 + fees 15 710 + PA 16 avd. II premiums 50 000 × (4.5 % + flex 0.5 %) = 2 500.
    assert (uni.cost_month, uni.cost_basis) == (D("68210.00"), "lower_bound")
    assert uni.defined_benefit_not_computed is True
    assert econ.person.split_loss_month == D(0)  # one employment: nothing is split


def test_new_employees_from_2023_are_in_akap_kr_whatever_their_birth_year() -> None:
    # Everyone newly employed in the sector from 2023-01-01 is in AKAP-KR; the birth-year limits apply only
    # to those employed on 2022-12-31 (a person born 1957 still employed from 2020 stays in KAP-KL).
    hired_2025 = compute(make([("region", 100, 40000)], birth_year=1957, start_date="2025-03-01"), JUNE)
    assert hired_2025.employer("region").pension_scheme == "akap_kr"
    # 6 % of 40 000 (below the 52 125 break point of 2026) = 2 400 a month.
    assert hired_2025.employer("region").pension_month == D("2400.00")
    employed_2020 = compute(make([("region", 100, 40000)], birth_year=1957, start_date="2020-01-01"), JUNE)
    assert employed_2020.employer("region").pension_scheme == "kap_kl"


def test_unknown_scheme_is_left_out_of_the_lower_bound() -> None:
    # Born 1970 at a region since 2020: AKAP-KR or KAP-KL depends on pay in 2022, so the scheme is unknown.
    econ = compute(make([("region", 100, 40000)], birth_year=1970, start_date="2020-01-01"), JUNE)
    region = econ.employer("region")
    assert region.pension_scheme is None and region.pension_month is None
    assert region.why("pension_month") is not None
    # 40 000 + 12 568 fees = 52 568, a lower bound that says the pension is not in it.
    assert (region.cost_month, region.cost_basis) == (D("52568.00"), "lower_bound")
    assert len([n for n in region.notes if n.field == "cost_month"]) == 2
    assert econ.person.pension_month is None and econ.person.why("pension_month") is not None


def test_defined_benefit_schemes_show_only_premiums_and_no_split_loss() -> None:
    # Born 1975: region → KAP-KL stated (4.5 % up to 30 IBB); university → PA 16 avd. II (4.5 % + flex 1.5 %).
    econ = compute(
        make(
            [("region", 50, 60000), ("uni", 50, 60000)],
            birth_year=1975,
            region_employer={"pension_scheme": "kap_kl"},
        ),
        JUNE,
    )
    assert econ.employer("region").pension_month == D("2700.00")  # 60 000 × 4.5 %
    assert econ.employer("uni").pension_month == D("3600.00")  # 60 000 × 6 %
    assert all(s.defined_benefit_not_computed for s in econ.person.pensions)
    assert econ.person.split_loss_month is None and econ.person.why("split_loss_month") is not None


# -- cost shares and the invoice -----------------------------------------------------------------------------


def tjanstekop(**invoicing: Any) -> Agreement:
    # The region employs 100 % (40 000 + 10 000 = 50 000 a month, its own PO 45 %) and sells 20 % of the time
    # to the university; part 1 (10 000) is the university's cost under the cost shares.
    inv = {
        "seller": "region",
        "buyer": "uni",
        "basis": "lon_plus_palagg",
        "share_percent": 20,
        "overhead_percent": 50,
        "period": "kvartal",
        "payment_terms_days": 30,
    }
    inv.update(invoicing)
    return make(
        [("region", 80, 40000), ("region", 20, 10000)],
        model="tjanstekop",
        also=["uni"],
        region_employer={"overhead_percent": 45},
        cost_settlement={
            "shares": [
                {"part": 0, "payer": "region", "share_percent": 100},
                {"part": 1, "payer": "uni", "share_percent": 100},
            ],
            "invoicing": {k: v for k, v in inv.items() if v is not None},
        },
    )


def test_tjanstekop_invoice_and_what_each_pays_in_the_end() -> None:
    econ = compute(tjanstekop(), JUNE)
    inv = econ.invoice
    assert inv is not None
    # Full-time salary at the seller 50 000 / 100 % × 20 % = 10 000; × 1.50 = 15 000 a month;
    # 45 000 a quarter, 180 000 a year.
    assert (inv.salary_month, inv.amount_per_period, inv.amount_year) == (
        D("10000.00"),
        D("45000.00"),
        D("180000.00"),
    )
    region, uni = econ.employer("region"), econ.employer("uni")
    # The region's cost: 50 000 × 1.45 = 72 500 a month, 870 000 a year. Part 1: 10 000 × 1.45 × 12 = 174 000,
    # borne by the university under the shares.
    assert region.cost_year == D("870000.00")
    assert econ.parts[1].borne_by == (("uni", D("174000.00")),)
    assert (region.cost_after_shares_year, uni.cost_after_shares_year) == (D("696000.00"), D("174000.00"))
    # The invoice replaces the share: region 870 000 − 180 000 = 690 000; university 180 000.
    assert (region.net_cost_year, uni.net_cost_year) == (D("690000.00"), D("180000.00"))
    assert region.net_cost_year + uni.net_cost_year == econ.total.cost_year  # type: ignore[operator]
    # The invoice covers 6 000 a year more than the shared cost (174 000 − 180 000).
    assert inv.shortfall_year == D("-6000.00")


def test_fixed_price_and_hourly_price_invoices() -> None:
    fixed = compute(tjanstekop(basis="fast_pris", price=40000, overhead_percent=None), JUNE).invoice
    assert fixed is not None and (fixed.amount_per_period, fixed.amount_year) == (
        D(40000),
        D(160000),
    )  # 4 × 40 000
    hourly = compute(tjanstekop(basis="timpris", price=700, overhead_percent=None), JUNE)
    assert hourly.invoice is not None and hourly.invoice.amount_per_period is None
    assert hourly.invoice.why("amount_per_period") is not None
    # Without an invoice amount, what the seller and buyer pay in the end is unknown.
    assert hourly.employer("region").net_cost_year is None and hourly.employer("uni").net_cost_year is None


def test_invoice_without_overhead_is_unknown_not_defaulted() -> None:
    econ = compute(tjanstekop(overhead_percent=None), JUNE)
    assert econ.invoice is not None and econ.invoice.amount_per_period is None
    assert "overhead_percent" in econ.invoice.why("amount_per_period").en  # type: ignore[union-attr]


def test_cost_shares_split_and_remainder() -> None:
    shares = [
        {"part": 0, "payer": "region", "share_percent": 30},
        {"part": 0, "payer": "kommun", "share_percent": 30},
    ]
    econ = compute(
        make(
            [("uni", 100, 50000)],
            also=["region", "kommun"],
            uni_employer={"overhead_percent": 50},
            cost_settlement={"shares": shares},
        ),
        JUNE,
    )
    # 50 000 × 1.5 × 12 = 900 000: 30 % each to region and kommun (270 000), the other 40 % stays (360 000).
    assert econ.parts[0].borne_by == (
        ("region", D("270000.00")),
        ("kommun", D("270000.00")),
        ("uni", D("360000.00")),
    )
    assert econ.parts[0].why("borne_by") is not None
    assert econ.employer("kommun").net_cost_year == D("270000.00")
    over = compute(
        make(
            [("uni", 100, 50000)],
            also=["region"],
            cost_settlement={
                "shares": [
                    {"part": 0, "payer": "region", "share_percent": 70},
                    {"part": 0, "payer": "uni", "share_percent": 70},
                ]
            },
        ),
        JUNE,
    )
    assert over.parts[0].borne_by is None and over.employer("region").net_cost_year is None


# -- the whole result ----------------------------------------------------------------------------------------


def test_no_parameters_in_force_gives_unknowns_not_errors() -> None:
    econ = compute(make([("region", 50, 35000), ("uni", 50, 35000)]), dt.date(2031, 1, 1))
    assert econ.fee is None and econ.total.cost_year is None and econ.person.pension_month is None
    region, uni = econ.employer("region"), econ.employer("uni")
    assert region.cost_month is None and region.why("cost_month") is not None
    # The documented LKP default has no end date, so the university's cost is still shown (unverified).
    assert uni.cost_basis == "overhead" and "lkp_stat_default" in econ.unverified


def test_result_is_frozen_and_json_ready(split_70k: Economics) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        split_70k.total.cost_year = D(0)  # type: ignore[misc]
    data = json.loads(json.dumps(split_70k.as_json()))
    # Kronor as exact decimal strings, percentages as decimal strings: no binary float on the way.
    assert data["person"]["single_pension_month"] == "8758.13"
    assert data["employers"][0]["monthly_salary"] == "35000.00"
    assert data["employers"][0]["notes"][0].keys() == {"field", "sv", "en", "unknown"}


def test_rounding_half_up_and_split_to_the_ore() -> None:
    assert to_ore(D("8758.125")) == D("8758.13") and round(D("8758.125"), 2) == D("8758.12")
    assert split_rounded([D(1) / 3] * 3) == [D("0.34"), D("0.33"), D("0.33")]
    assert sum(split_rounded([D("0.005"), D("0.005"), D("0.005")])) == to_ore(D("0.015"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_add_up(path: Path) -> None:
    econ = compute(load(path), JUNE)
    for e in econ.employers:
        own = [p for p in econ.parts if p.employer == e.id]
        if e.employs and e.cost_month is not None:
            assert e.cost_month == sum(p.cost_month for p in own)  # type: ignore[misc]
    if econ.total.cost_year is not None and all(e.net_cost_year is not None for e in econ.employers):
        assert sum(e.net_cost_year for e in econ.employers) == econ.total.cost_year  # type: ignore[misc]


def test_uppsala_example_invoice() -> None:
    econ = compute(load(ROOT / "examples" / "uppsala-professor-overlakare.yaml"), JUNE)
    # 92 000 at 100 % → 46 000 for the 50 % bought, × 1.54461 = 71 052.06 a month; 213 156.18 a quarter.
    assert econ.invoice is not None and econ.invoice.amount_per_period == D("213156.18")
    # The clinical part costs the university the same with the LKP default: nothing is left uncovered.
    assert econ.invoice.shortfall_year == D(0)
    assert econ.employer("region-uppsala").net_cost_year == D("852624.72")


# -- facts and the command line ------------------------------------------------------------------------------


def test_facts_in_check_json() -> None:
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(ROOT / "examples" / "uppsala-professor-overlakare.yaml"),
            "--format",
            "json",
            "--on",
            "2026-06-01",
        ],
    )
    facts = json.loads(result.stdout)["results"][0]["facts"]
    assert facts["yearly_cost_by_employer"] == {"uu": "852624.72", "region-uppsala": "852624.72"}
    assert facts["employer_fees_month_by_part"] == ["14453.20", "14453.20"]  # 46 000 × 31.42 %
    assert facts["overhead_percent_by_employer"] == {"uu": 54.461}
    assert facts["economics"]["invoice"]["amount_per_period"] == "213156.18"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_check_facts_prints_the_economics(lang: str) -> None:
    files = [str(p) for p in EXAMPLES]
    plain = CliRunner().invoke(app, ["check", *files, "--on", "2026-06-01", "--lang", lang])
    result = CliRunner().invoke(app, ["check", *files, "--on", "2026-06-01", "--lang", lang, "--facts"])
    assert result.exit_code == plain.exit_code, result.output
    title = "Ekonomi" if lang == "sv" else "Economics"
    assert result.output.count(title + " ·") == len(EXAMPLES)
    if lang == "sv":
        assert "213 156 kr" in result.output.replace("\u00a0", " ")  # Babel sv_SE grouping
    else:
        assert "213,156 kr" in result.output


def test_check_facts_skips_invalid_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    good = str(ROOT / "examples" / "uppsala-professor-overlakare.yaml")
    result = CliRunner().invoke(app, ["check", str(bad), good, "--on", "2026-06-01", "--facts"])
    assert result.exit_code == 2
    assert result.output.count("Ekonomi ·") == 1


def test_shares_of_a_whole_add_up_to_the_rounded_whole() -> None:
    # A fee of 87 783,395 kr shared by salary between three parts: the exact shares add up to
    # 87 783,39499… (the divisions are not exact), which rounds down, but the whole rounds up to ,40; the
    # parts must add up to what one employment pays (a raise could otherwise lower the total by an öre).
    whole = Decimal("87783.395")
    salaries = [Decimal(80422), Decimal(28815), Decimal(80534)]
    shares = [whole * (s / sum(salaries)) for s in salaries]
    assert to_ore(sum(shares)) == Decimal("87783.39")
    assert sum(split_rounded(shares, whole)) == to_ore(whole) == Decimal("87783.40")
