"""The economics as plain functions, and the facts as thin adapters over them.

Checked on the shipped examples and on generated variations of them, on dates with and without the dated
parameters:

(a) :func:`forenad.economics.calculate.invoice` gives the invoice figures of the whole economics
    (:func:`~forenad.economics.calculate.build`) and of a reference computed independently here (every
    employment's cost by the cost model, every part's cost shares); ``total_cost_year`` equals the total of
    the reference payrolls;
(b) the facts (what rules read and ``check --format json`` shows) equal :func:`forenad.economics.compute`,
    which reads the parameters directly, without an evaluation;
(c) the finding ``cost_settlement.invoice_below_cost`` lists the dated values its figures rest on.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import forenad.derive  # noqa: F401  (registers the facts)
from forenad import yamlio
from forenad.economics import calculate, compute
from forenad.economics.fees import FeeRule
from forenad.economics.invoicing import invoice as make_invoice
from forenad.economics.lookup import Lookup, PlainSource
from forenad.economics.money import split_rounded, sum_known, to_ore, yearly
from forenad.economics.overhead import Overhead
from forenad.economics.pensions import EmploymentPension
from forenad.economics.result import Invoice
from forenad.economics.settlement import moved, share_part
from forenad.engine import default_rules, evaluate
from forenad.engine.facts import FactContext
from forenad.model import Agreement
from forenad.params import default_parameters

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BASES = [yamlio.load(p).data for p in EXAMPLES]
PARAMS = default_parameters()
RULES = default_rules()
ON = dt.date(2026, 6, 1)
# In force or not: the fees end 2027-01-01, the income base amount starts 2023, SKR's PO rate stops in 2024.
DATES = [ON, dt.date(2024, 3, 15), dt.date(2023, 6, 1), dt.date(2027, 2, 1), dt.date(2022, 6, 1)]
PROPERTY = settings(
    deadline=None,
    max_examples=120,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
INVOICE_RULE = "cost_settlement.invoice_below_cost"


def _ctx(agreement: Agreement, on: dt.date) -> FactContext:
    return FactContext(agreement, on, PARAMS)


def _lookup(on: dt.date) -> Lookup:
    return Lookup(PlainSource(PARAMS, on))


def _employment_costs(
    agreement: Agreement, emp: EmploymentPension, fee: FeeRule | None, ov: Overhead
) -> tuple[list[Decimal] | None, str | None]:
    """An employment's monthly cost per part and its basis, by the cost model of the whole economics."""
    salaries = [agreement.parts[i].monthly_salary for i in emp.parts]
    if ov.percent is not None:
        return [to_ore(s * (1 + ov.percent / 100)) for s in salaries], "overhead"
    if fee is None:
        return None, None
    weights = [s / emp.salary for s in salaries]  # shares of the employment's whole fee and pension
    whole_fee, month = fee.monthly(emp.salary), emp.month
    fees = split_rounded([whole_fee * w for w in weights], whole_fee)
    pension = (
        [Decimal(0)] * len(salaries) if month is None else split_rounded([month * w for w in weights], month)
    )
    return [s + f + p for s, f, p in zip(salaries, fees, pension, strict=True)], "lower_bound"


def _reference(agreement: Agreement, on: dt.date) -> tuple[Invoice | None, Decimal | None, Decimal | None]:
    """The invoice, what the shares assign to the buyer, and the total yearly cost, computed independently:
    every employment's cost and every part's cost shares."""
    lookup = _lookup(on)
    p = calculate.pieces(agreement, lookup)
    part_cost: dict[int, Decimal | None] = {}
    basis_of: dict[str, str | None] = {}
    monthly: list[Decimal | None] = []
    for emp in p.pensions:
        costs, basis_of[emp.employer] = _employment_costs(agreement, emp, p.fee, p.overheads[emp.employer])
        monthly.append(None if costs is None else sum(costs, Decimal(0)))
        for k, i in enumerate(emp.parts):
            part_cost[i] = None if costs is None else costs[k]
    shared = {i: share_part(agreement, i, yearly(part_cost[i])) for i in range(len(agreement.parts))}
    total = yearly(sum_known(monthly))
    settlement = agreement.cost_settlement
    if settlement is None or settlement.invoicing is None:
        return None, Decimal(0), total
    inv = settlement.invoicing
    assigned = moved(agreement, shared, inv.seller, inv.buyer)
    return make_invoice(agreement, inv, assigned, basis_of.get(inv.seller) == "lower_bound"), assigned, total


def check_figures(agreement: Agreement, on: dt.date) -> None:
    lookup = _lookup(on)
    inv, assigned = calculate.invoice(agreement, lookup)
    econ = compute(agreement, on, PARAMS)
    ref_invoice, ref_assigned, ref_total = _reference(agreement, on)
    assert inv == econ.invoice == ref_invoice
    assert assigned == ref_assigned
    assert econ.total.cost_year == ref_total
    ctx = _ctx(agreement, on)
    if econ.invoice is None:
        assert ctx.get("invoice_amount_per_period") is None and ctx.get("invoice_shortfall_year") is None
    else:
        assert ctx.get("invoice_amount_per_period") == econ.invoice.amount_per_period
        whole = econ.invoice.shortfall_year
        assert ctx.get("invoice_shortfall_year") == (None if whole is None else whole.quantize(Decimal(1)))
        assert ctx.get("invoice_assigned_year") == ref_assigned
    # The facts are adapters: the same economics as the plain function.
    assert ctx.get("total_cost_year") == econ.total.cost_year
    assert ctx.get("economics") == econ.as_json()
    assert ctx.get("pension_split_loss_month") in (None, econ.person.split_loss_month)
    assert ctx.get("pension_pro_rata_gain_month") == (
        econ.person.pro_rata_gain_month if len([e for e in econ.employers if e.employs]) > 1 else None
    )


def check_trace(agreement: Agreement, on: dt.date) -> None:
    """The invoice finding lists the fee and overhead values, and pension and income base amount behind a
    lower-bound cost of the seller."""
    findings, _ = evaluate(agreement, on, rules=RULES, params=PARAMS, facts=False)
    hits = [f for f in findings if f.rule == INVOICE_RULE]
    if not hits:
        return
    names = {v.name for v in hits[0].values}
    ctx = _ctx(agreement, on)
    expected = set(ctx.used("employer_fee_rate_percent")) | set(ctx.used("overhead_percent_by_employer"))
    inv = agreement.cost_settlement.invoicing  # type: ignore[union-attr]
    econ = compute(agreement, on, PARAMS)
    seller = econ.employer(inv.seller)
    lower_bound = seller.employs and seller.cost_basis == "lower_bound"
    if lower_bound and seller.pension_scheme and seller.pension_month:
        expected |= {"inkomstbasbelopp", f"pension_{seller.pension_scheme}"}
    assert expected <= names, sorted(expected - names)


# -- the shipped examples --------------------------------------------------------------------------------


@pytest.mark.parametrize("on", DATES, ids=str)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_invoice_figures_equal_whole_economics(path: Path, on: dt.date) -> None:
    agreement = Agreement.model_validate(yamlio.load(path).data)
    check_figures(agreement, on)
    check_trace(agreement, on)


def _example(stem: str) -> dict[str, Any]:
    return copy.deepcopy(next(b for b, p in zip(BASES, EXAMPLES, strict=True) if p.stem == stem))


def test_invoice_rule_fires() -> None:
    """The invoice rule fires on a complete cost (the seller's own overhead above the invoice's) and on a
    lower-bound cost (no PO rate for the region on the date, a low invoice overhead)."""
    uppsala = _example("uppsala-professor-overlakare")
    uppsala["employers"][0]["overhead_percent"] = 60
    varmland = _example("varmland-tjanstekop-klinisk-undervisning")
    varmland["cost_settlement"]["invoicing"]["overhead_percent"] = 10
    for data, basis in ((uppsala, "overhead"), (varmland, "lower_bound")):
        agreement = Agreement.model_validate(data)
        seller = compute(agreement, ON, PARAMS).employer(data["cost_settlement"]["invoicing"]["seller"])
        assert seller.cost_basis == basis
        check_figures(agreement, ON)
        findings, _ = evaluate(agreement, ON, rules=RULES, params=PARAMS, facts=False)
        assert INVOICE_RULE in [f.rule for f in findings]
        check_trace(agreement, ON)


def test_missing_parameters_are_reported() -> None:
    """A seller that employs in no part needs no pension for its cost, but the economics looks up every
    employment's pension: on a date without the income base amount it is reported missing."""
    uppsala = _example("uppsala-professor-overlakare")
    uppsala["cost_settlement"]["invoicing"].update(seller="region-uppsala", buyer="uu")
    on = dt.date(2022, 6, 1)
    agreement = Agreement.model_validate(uppsala)
    check_figures(agreement, on)
    findings, _ = evaluate(agreement, on, rules=RULES, params=PARAMS, facts=False)
    missing = [f.parameter for f in findings if f.rule == "dates.parameter_not_in_force"]
    assert "inkomstbasbelopp" in missing
    assert missing == sorted(missing)  # by parameter name, whatever order the rules found them in


# -- generated variations --------------------------------------------------------------------------------

percents = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(100), places=3)
surcharges = st.one_of(st.none(), st.decimals(min_value=Decimal(0), max_value=Decimal(90), places=3))


@st.composite
def variations(draw: st.DrawFn) -> dict[str, Any]:
    """An example with other salaries, extents, birth year, overheads, cost shares and invoicing."""
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    person = data["person"]
    person.pop("personnummer", None)
    born = draw(st.one_of(st.none(), st.integers(min_value=1930, max_value=2008)))
    if born is None:
        person.pop("birth_year", None)
    else:
        person["birth_year"] = born
    for part in data["parts"]:
        part["extent_percent"] = draw(st.integers(min_value=1, max_value=100))
        part["monthly_salary"] = draw(st.integers(min_value=1000, max_value=150_000))
    ids = [e["id"] for e in data["employers"]]
    for employer in data["employers"]:
        overhead = draw(surcharges)
        if overhead is None:
            employer.pop("overhead_percent", None)
        else:
            employer["overhead_percent"] = overhead
    settlement = data.setdefault("cost_settlement", {})
    if draw(st.booleans()):
        shares = []
        for i in range(len(data["parts"])):
            for _ in range(draw(st.integers(min_value=0, max_value=2))):
                payer = draw(st.sampled_from(ids))
                shares.append({"part": i, "payer": payer, "share_percent": draw(percents)})
        settlement["shares"] = shares
    if draw(st.integers(min_value=0, max_value=5)) > 0:  # mostly with an invoice
        employing = sorted({p["employer"] for p in data["parts"]})
        seller = draw(st.sampled_from(employing if draw(st.integers(0, 4)) else ids))
        invoicing = dict(settlement.get("invoicing") or {})
        invoicing.update(
            seller=seller,
            buyer=draw(st.sampled_from(ids)),
            basis=draw(st.sampled_from(["lon_plus_palagg", "fast_pris", "timpris"])),
            period=draw(st.sampled_from(["manad", "kvartal", "halvar", "ar"])),
            payment_terms_days=30,
        )
        for key, value in (
            ("share_percent", draw(st.one_of(st.none(), percents))),
            ("overhead_percent", draw(surcharges)),
            ("price", draw(st.one_of(st.none(), st.integers(min_value=1, max_value=900_000)))),
        ):
            if value is None:
                invoicing.pop(key, None)
            else:
                invoicing[key] = value
        settlement["invoicing"] = invoicing
    else:
        settlement.pop("invoicing", None)
    return data


dates = st.one_of(st.sampled_from(DATES), st.dates(dt.date(2021, 1, 1), dt.date(2028, 12, 31)))


@PROPERTY
@given(variations(), dates)
def test_generated_invoice_figures_equal_whole_economics(data: dict[str, Any], on: dt.date) -> None:
    check_figures(Agreement.model_validate(data), on)


@PROPERTY
@given(variations(), dates)
def test_generated_findings_list_their_values(data: dict[str, Any], on: dt.date) -> None:
    check_trace(Agreement.model_validate(data), on)
