"""Properties of the economics, checked with hypothesis on random agreements and dates.

(a) Parts add up to their employer, employers to the totals, cost shares to the part's cost, and what each
    organisation pays in the end to the total cost (transfers cancel).
(b) Costs, fees and pension never fall when a salary rises.
(c) The loss from splitting the salary is never negative; compute never raises.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forenad.economics import Economics, compute
from forenad.model import Agreement
from forenad.params import default_parameters

PROPERTY = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
PARAMS = default_parameters()
KINDS = {"r": "region", "k": "kommun", "u": "statligt_larosate", "p": "privat_vardgivare"}

dates = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2027, 12, 31))
salaries = st.integers(min_value=1000, max_value=150_000)
parts = st.lists(
    st.tuples(st.sampled_from(sorted(KINDS)), st.integers(min_value=1, max_value=100), salaries),
    min_size=1,
    max_size=4,
)
overheads = st.dictionaries(
    st.sampled_from(sorted(KINDS)), st.integers(min_value=0, max_value=80), max_size=2
)


@st.composite
def agreements(draw: st.DrawFn) -> dict[str, Any]:
    chosen = draw(parts)
    ids = list(dict.fromkeys(e for e, _, _ in chosen))
    extra = [k for k in sorted(KINDS) if k not in ids][:1]
    over = draw(overheads)
    employers = []
    for e in [*ids, *extra]:
        employer: dict[str, Any] = {"id": e, "name": f"Org {e}", "kind": KINDS[e]}
        if e in over:
            employer["overhead_percent"] = over[e]
        employers.append(employer)
    data: dict[str, Any] = {
        "id": "P-1",
        "title": "Property",
        "model": draw(st.sampled_from(["kombinationsanstallning", "tjanstekop", "forenad_en_arbetsgivare"])),
        "person": {"name": "P", "birth_year": draw(st.integers(min_value=1930, max_value=2010))},
        "employers": employers,
        "start_date": "2024-01-01",
        "parts": [
            {"employer": e, "position": "lektor", "extent_percent": x, "monthly_salary": s}
            for e, x, s in chosen
        ],
    }
    shares = []
    for i in range(len(chosen)):
        if draw(st.booleans()):
            payer = draw(st.sampled_from([e["id"] for e in employers]))
            shares.append({"part": i, "payer": payer, "share_percent": draw(st.integers(1, 100))})
    settlement: dict[str, Any] = {"shares": shares}
    if draw(st.booleans()) and len(employers) > 1:
        settlement["invoicing"] = {
            "seller": ids[0],
            "buyer": employers[-1]["id"],
            "basis": draw(st.sampled_from(["lon_plus_palagg", "fast_pris"])),
            "share_percent": draw(st.integers(1, 100)),
            "overhead_percent": draw(st.integers(0, 80)),
            "price": draw(st.integers(1, 500_000)),
            "period": draw(st.sampled_from(["manad", "kvartal", "halvar", "ar"])),
            "payment_terms_days": 30,
        }
    data["cost_settlement"] = settlement
    return data


def _compute(data: dict[str, Any], on: dt.date) -> Economics:
    return compute(Agreement.model_validate(data), on, PARAMS)


def _sum(values: list[Decimal | None]) -> Decimal | None:
    return None if any(v is None for v in values) else sum(values, Decimal(0))  # type: ignore[arg-type]


@PROPERTY
@given(agreements(), dates)
def test_parts_add_up_to_totals(data: dict[str, Any], on: dt.date) -> None:
    econ = _compute(data, on)
    for e in econ.employers:
        own = [p for p in econ.parts if p.employer == e.id]
        if not e.employs:
            assert not own
            continue
        assert e.monthly_salary == sum(p.monthly_salary for p in own)
        for field in ("employer_fees_month", "pension_month", "cost_month"):
            assert getattr(e, field) == _sum([getattr(p, field) for p in own]), field
        for field in ("employer_fees", "pension", "cost"):
            month = getattr(e, f"{field}_month")
            assert getattr(e, f"{field}_year") == (None if month is None else month * 12)
    employing = [e for e in econ.employers if e.employs]
    assert econ.total.monthly_salary == sum(p.monthly_salary for p in econ.parts)
    assert econ.total.employer_fees_month == _sum([e.employer_fees_month for e in employing])
    assert econ.total.pension_month == _sum([e.pension_month for e in employing])
    assert econ.total.cost_month == _sum([e.cost_month for e in employing])
    for p in econ.parts:
        if p.borne_by is not None:
            assert sum(v for _, v in p.borne_by) == p.cost_year
    nets = [e.net_cost_year for e in econ.employers]
    if econ.total.cost_year is not None and None not in nets:
        assert sum(nets) == econ.total.cost_year  # type: ignore[arg-type]
    afters = [e.cost_after_shares_year for e in econ.employers]
    if econ.total.cost_year is not None and None not in afters:
        assert sum(afters) == econ.total.cost_year  # type: ignore[arg-type]
    known = [s.month for s in econ.person.pensions]
    assert econ.person.pension_month == _sum(known)


@PROPERTY
@given(agreements(), dates, st.data())
def test_costs_never_fall_when_salary_rises(data: dict[str, Any], on: dt.date, more: st.DataObject) -> None:
    before = _compute(data, on)
    index = more.draw(st.integers(min_value=0, max_value=len(data["parts"]) - 1))
    raise_by = more.draw(st.integers(min_value=1, max_value=50_000))
    data["parts"][index]["monthly_salary"] += raise_by
    after = _compute(data, on)
    pairs = [
        (before.total.employer_fees_month, after.total.employer_fees_month),
        (before.total.pension_month, after.total.pension_month),
        (before.person.single_pension_month, after.person.single_pension_month),
        *((b.cost_month, a.cost_month) for b, a in zip(before.employers, after.employers, strict=True)),
    ]
    # A part's own cost only depends on its own salary under an overhead; fees and pension of an employment
    # are shared out among its parts by salary, so another part's share may shrink when one part rises.
    pairs += [
        (b.cost_month, a.cost_month)
        for b, a in zip(before.parts, after.parts, strict=True)
        if b.cost_basis == a.cost_basis == "overhead"
    ]
    if before.total.cost_basis == after.total.cost_basis:
        pairs.append((before.total.cost_month, after.total.cost_month))
    for old, new in pairs:
        if old is not None and new is not None:
            assert new >= old


@PROPERTY
@given(agreements(), dates)
def test_split_loss_is_never_negative(data: dict[str, Any], on: dt.date) -> None:
    person = _compute(data, on).person
    for value in (person.split_loss_month, person.pro_rata_gain_month):
        assert value is None or value >= 0
    if person.split_loss_month is not None:
        assert person.split_loss_year == person.split_loss_month * 12


@PROPERTY
@given(st.integers(1000, 100_000), st.integers(1000, 100_000), st.integers(min_value=1960, max_value=2007))
def test_one_employment_never_gives_less_pension(a: int, b: int, born: int) -> None:
    """Splitting the same pay between two AKAP-KR employers never gives more than one employment, as long as
    the whole pay stays below AKAP-KR's 30 IBB ceiling (208 500 kr a month in 2026; above it two employers
    each have their own ceiling)."""
    data = {
        "id": "P-2",
        "title": "Split",
        "model": "delad_tjanst_region_kommun",
        "person": {"name": "P", "birth_year": max(born, 1986)},
        "employers": [
            {"id": "r", "name": "Region", "kind": "region"},
            {"id": "k", "name": "Kommun", "kind": "kommun"},
        ],
        "start_date": "2026-01-01",
        "parts": [
            {"employer": "r", "position": "sjukskoterska", "extent_percent": 50, "monthly_salary": a},
            {"employer": "k", "position": "sjukskoterska", "extent_percent": 50, "monthly_salary": b},
        ],
    }
    person = _compute(data, dt.date(2026, 6, 1)).person
    assert person.pension_month is not None and person.single_pension_month is not None
    assert person.single_pension_month >= person.pension_month
    assert person.split_loss_month == person.single_pension_month - person.pension_month
