"""The invoice figures the rules read come from a light path: the seller's payroll, the cost shares of its
parts and the invoice (:func:`forenad.economics.calculate.invoice_of`), never the whole economics.

Checked on the shipped examples and on generated variations of them, on dates with and without the dated
parameters:

(a) the light path does not build the whole economics, and its figures (the invoice, what the shares assign
    to the buyer, the amount per period, the shortfall) equal those of the whole economics and of a reference
    computed the way the whole economics always did (every employment's payroll, every part's shares);
    ``total_cost_year`` equals the total of the whole economics and of the reference payrolls;
(b) the findings of ``evaluate(..., facts=False)`` (texts, paths, order, the ``dates`` findings and the dated
    values behind each finding) are those of the invoice facts read from the whole economics;
(c) the finding ``cost_settlement.invoice_below_cost`` lists the dated values its figures rest on.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import forenad.derive  # noqa: F401  (registers the facts)
import forenad.derive.economics as derive_economics
from forenad import yamlio
from forenad.economics import calculate
from forenad.economics.calculate import economics_of, fee_rule_of, invoice_of, lookup_of, overheads_of
from forenad.economics.fees import FeeRule
from forenad.economics.invoicing import invoice as make_invoice
from forenad.economics.lookup import Lookup
from forenad.economics.money import split_rounded, sum_known, to_ore, yearly
from forenad.economics.overhead import Overhead
from forenad.economics.pensions import EmploymentPension, employment_pensions
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


def _not_built(ctx: FactContext) -> Any:
    raise AssertionError("the invoice figures built the whole economics")


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


def _reference(ctx: FactContext) -> tuple[Invoice | None, Decimal | None, Decimal | None]:
    """The invoice, what the shares assign to the buyer, and the total yearly cost, computed as the whole
    economics always did: every employment's cost and every part's cost shares."""
    agreement = ctx.agreement
    fee, _ = fee_rule_of(ctx)
    overheads = overheads_of(ctx)
    part_cost: dict[int, Decimal | None] = {}
    basis_of: dict[str, str | None] = {}
    monthly: list[Decimal | None] = []
    for emp in employment_pensions(ctx, lookup_of(ctx)):
        costs, basis_of[emp.employer] = _employment_costs(agreement, emp, fee, overheads[emp.employer])
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
    with mock.patch.object(calculate, "_build", _not_built):
        light = _ctx(agreement, on)
        amount = light.get("invoice_amount_per_period")
        shortfall = light.get("invoice_shortfall_year")
        assigned = light.get("invoice_assigned_year")
        light_invoice, light_assigned = invoice_of(light)

    econ = economics_of(_ctx(agreement, on))
    ref_invoice, ref_assigned, ref_total = _reference(_ctx(agreement, on))
    assert light_invoice == econ.invoice == ref_invoice
    assert light_assigned == ref_assigned
    if econ.invoice is None:
        assert (amount, shortfall, assigned) == (None, None, None)
    else:
        assert amount == econ.invoice.amount_per_period
        whole = econ.invoice.shortfall_year
        assert shortfall == (None if whole is None else whole.quantize(Decimal(1)))
        assert assigned == ref_assigned

    total_ctx = _ctx(agreement, on)
    assert total_ctx.get("total_cost_year") == econ.total.cost_year == ref_total
    # The whole economics read after the light figures (the pieces are shared) is the same result.
    light_then_whole = _ctx(agreement, on)
    light_then_whole.get("invoice_shortfall_year")
    assert economics_of(light_then_whole) == econ
    assert light_then_whole.get("total_cost_year") == econ.total.cost_year


def _full_invoice(ctx: FactContext) -> Invoice | None:
    """The invoice facts as they were: the fee and overhead facts first, then the whole economics."""
    ctx.get("employer_fee_rate_percent")
    ctx.get("overhead_percent_by_employer")
    economics_of(ctx)
    return _reference(ctx)[0]


def _findings(agreement: Agreement, on: dt.date) -> list[tuple[Any, ...]]:
    findings, _ = evaluate(agreement, on, rules=RULES, params=PARAMS, facts=False)
    return [
        (f.rule, f.severity, f.text("sv"), f.text("en"), f.paths, tuple((v.name, v.start) for v in f.values))
        for f in findings
    ]


def _not_remembered(lookup: Lookup, key: Any, make: Any) -> Any:
    return make()


def check_findings(agreement: Agreement, on: dt.date) -> list[tuple[Any, ...]]:
    light = _findings(agreement, on)
    with mock.patch.object(derive_economics, "_invoice", _full_invoice):
        whole = _findings(agreement, on)
    assert light == whole
    # The fee rule and the overheads remembered across agreements record what they rest on on every use.
    with mock.patch.object(Lookup, "remembered", _not_remembered):
        assert _findings(agreement, on) == light
    return light


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
    seller = calculate._payroll_of(ctx, inv.seller)
    if seller is not None and seller.basis == "lower_bound" and seller.emp.scheme and seller.pension:
        expected |= {"inkomstbasbelopp", f"pension_{seller.emp.scheme}"}
    assert expected <= names, sorted(expected - names)


# -- the shipped examples --------------------------------------------------------------------------------


@pytest.mark.parametrize("on", DATES, ids=str)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_light_figures_equal_whole_economics(path: Path, on: dt.date) -> None:
    agreement = Agreement.model_validate(yamlio.load(path).data)
    check_figures(agreement, on)
    check_findings(agreement, on)
    check_trace(agreement, on)


def _example(stem: str) -> dict[str, Any]:
    return copy.deepcopy(next(b for b, p in zip(BASES, EXAMPLES, strict=True) if p.stem == stem))


def test_invoice_rule_fires_with_the_same_findings() -> None:
    """The comparisons see the invoice rule fire, on a complete cost (the seller's own overhead above the
    invoice's) and on a lower-bound cost (no PO rate for the region on the date, a low invoice overhead)."""
    uppsala = _example("uppsala-professor-overlakare")
    uppsala["employers"][0]["overhead_percent"] = 60
    varmland = _example("varmland-tjanstekop-klinisk-undervisning")
    varmland["cost_settlement"]["invoicing"]["overhead_percent"] = 10
    for data, basis in ((uppsala, "overhead"), (varmland, "lower_bound")):
        agreement = Agreement.model_validate(data)
        seller = calculate._payroll_of(_ctx(agreement, ON), data["cost_settlement"]["invoicing"]["seller"])
        assert seller is not None and seller.basis == basis
        check_figures(agreement, ON)
        rules = [f[0] for f in check_findings(agreement, ON)]
        assert INVOICE_RULE in rules
        check_trace(agreement, ON)


def test_missing_parameters_reported_as_by_the_whole_economics() -> None:
    """A seller that employs in no part needs no pension for its cost, but the whole economics looks up every
    employment's pension: on a date without the income base amount the light path reports it missing too
    (check_findings: the same findings as the whole economics, in the same order)."""
    uppsala = _example("uppsala-professor-overlakare")
    uppsala["cost_settlement"]["invoicing"].update(seller="region-uppsala", buyer="uu")
    on = dt.date(2022, 6, 1)
    agreement = Agreement.model_validate(uppsala)
    check_figures(agreement, on)
    findings = check_findings(agreement, on)
    # "The parameter inkomstbasbelopp is not in force …"
    missing = [f[3].split()[2] for f in findings if f[0] == "dates.parameter_not_in_force"]
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
def test_generated_light_figures_equal_whole_economics(data: dict[str, Any], on: dt.date) -> None:
    check_figures(Agreement.model_validate(data), on)


@PROPERTY
@given(variations(), dates)
def test_generated_findings_unchanged(data: dict[str, Any], on: dt.date) -> None:
    agreement = Agreement.model_validate(data)
    check_findings(agreement, on)
    check_trace(agreement, on)
