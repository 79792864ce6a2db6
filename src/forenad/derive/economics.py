"""Economics facts: what each employer pays and what the person gets (see :mod:`forenad.economics`).

``economics`` is the whole breakdown as JSON (it appears under ``facts`` in ``check --format json``); the
other facts are the few figures rules read. Facts read each other through the context, so a finding lists
only the dated values behind the figures it uses: the overhead facts rest on the overhead parameters, the
fee rate on the fee parameters, the invoice figures on ``invoice_assigned_year`` (which computes only the
seller's cost, its shares and the invoice, with the employment pensions), and everything else on
``total_cost_year``, which computes the whole economics (cheaply: the JSON is only built for
``economics``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from forenad.economics.calculate import (
    InvoicePlan,
    economics_of,
    fee_rule_of,
    invoice_of,
    invoice_plan_of,
    overheads_of,
)
from forenad.economics.result import Economics, Invoice
from forenad.engine.facts import FactContext, fact


def _economics(ctx: FactContext) -> Economics:
    ctx.get("total_cost_year")  # the dependency, so findings show the values behind the figures
    return economics_of(ctx)


def _invoice(ctx: FactContext) -> Invoice | None:
    ctx.get("invoice_assigned_year")  # the dependency of the invoice figures (not the whole economics)
    return invoice_of(ctx)[0]


@fact(
    "employer_fee_rate_percent",
    sv="Arbetsgivaravgift i procent för personen (nedsatt sats upp till taket för unga)",
    en="Employer's fee rate in percent for the person (the reduced rate up to the cap for the young)",
)
def employer_fee_rate_percent(ctx: FactContext) -> Decimal | None:
    rule, _ = fee_rule_of(ctx)
    return None if rule is None else rule.rate


@fact(
    "overhead_percent_by_employer",
    sv="Pålägg (PO/LKP) i procent per anställande arbetsgivare: angivet, annars standardvärde, annars okänt",
    en="Overhead (PO/LKP) in percent per employing employer: stated, else a default, else unknown",
)
def overhead_percent_by_employer(ctx: FactContext) -> dict[str, Decimal | None]:
    return {e: o.percent for e, o in overheads_of(ctx).items()}


@fact(
    "overhead_unknown_employers",
    sv="Anställande arbetsgivare vars pålägg (PO/LKP) är okänt",
    en="Employing employers whose overhead (PO/LKP) is unknown",
)
def overhead_unknown_employers(ctx: FactContext) -> list[str]:
    ctx.get("overhead_percent_by_employer")
    return [ctx.agreement.employer(e).name for e, o in overheads_of(ctx).items() if o.percent is None]


@fact(
    "overhead_default_employers",
    sv="Anställande arbetsgivare vars pålägg är ett standardvärde ur parametrarna",
    en="Employing employers whose overhead is a default from the parameters",
)
def overhead_default_employers(ctx: FactContext) -> list[str]:
    ctx.get("overhead_percent_by_employer")
    return [ctx.agreement.employer(e).name for e, o in overheads_of(ctx).items() if o.is_default]


@fact(
    "total_cost_year",
    sv="Den sammanlagda kostnaden per år för alla arbetsgivare (nedre gräns om ett pålägg saknas)",
    en="The total yearly cost for all employers (a lower bound when an overhead is missing)",
)
def total_cost_year(ctx: FactContext) -> Decimal | None:
    # Computes the economics: every other economics fact reads this one first, so that the dated values
    # behind the figures are recorded here once (and the fee and overhead values under their own facts, the
    # employment pensions of an agreement with an invoice under invoice_assigned_year, whose pieces the
    # whole economics reuses).
    ctx.get("employer_fee_rate_percent")
    ctx.get("overhead_percent_by_employer")
    ctx.get("invoice_assigned_year")
    return economics_of(ctx).total.cost_year


@fact(
    "invoice_assigned_year",
    sv="Vad kostnadsandelarna lägger av säljarens kostnad på köparen per år, det fakturan ska täcka "
    "(tomt utan faktura)",
    en="What the cost shares put of the seller's cost on the buyer a year, what the invoice is to cover "
    "(empty without an invoice)",
)
def invoice_assigned_year(ctx: FactContext) -> Decimal | None:
    # The dependency of the invoice facts: computes the invoice from the seller's payroll and the shares of
    # its parts only, recording the dated values behind them (fees and overheads under their own facts).
    settlement = ctx.agreement.cost_settlement
    if settlement is None or settlement.invoicing is None:
        return None
    ctx.get("employer_fee_rate_percent")
    ctx.get("overhead_percent_by_employer")
    return invoice_of(ctx)[1]


@fact(
    "invoice_plan",
    sv="Vad fakturans belopp följer av utom lönerna: säljarens anställning, avgiftsregel och pålägg",
    en="What the invoice figures follow from besides the salaries: the seller's employment, fee and overhead",
    export=False,
)
def invoice_plan(ctx: FactContext) -> InvoicePlan | None:
    return invoice_plan_of(ctx)


@fact(
    "economics",
    sv="Ekonomin per del, arbetsgivare och person: lön, avgifter, pension, pålägg, kostnader, faktura",
    en="Economics per part, employer and person: salary, fees, pension, overhead, costs, invoice",
)
def economics(ctx: FactContext) -> dict[str, Any]:
    return _economics(ctx).as_json()


@fact(
    "employer_fees_month_by_part",
    sv="Arbetsgivaravgifter per månad per del",
    en="Employer's fees per month per part",
)
def employer_fees_month_by_part(ctx: FactContext) -> list[Decimal | None]:
    return [p.employer_fees_month for p in _economics(ctx).parts]


@fact(
    "yearly_cost_by_employer",
    sv="Vad varje organisation betalar per år till slut (efter kostnadsandelar och faktura)",
    en="What each organisation pays a year in the end (after cost shares and the invoice)",
)
def yearly_cost_by_employer(ctx: FactContext) -> dict[str, Decimal | None]:
    return {e.id: e.net_cost_year for e in _economics(ctx).employers}


@fact(
    "invoice_amount_per_period",
    sv="Fakturans belopp per faktureringsperiod",
    en="The invoice amount per invoicing period",
)
def invoice_amount_per_period(ctx: FactContext) -> Decimal | None:
    inv = _invoice(ctx)
    return None if inv is None else inv.amount_per_period


@fact(
    "invoice_shortfall_year",
    sv="Hur mycket mindre per år fakturan täcker än kostnaden som kostnadsandelarna lägger på köparen "
    "(hela kr)",
    en="How much less a year the invoice covers than the cost the cost shares assign to the buyer (whole kr)",
)
def invoice_shortfall_year(ctx: FactContext) -> Decimal | None:
    inv = _invoice(ctx)
    if inv is None or inv.shortfall_year is None:
        return None
    return inv.shortfall_year.quantize(Decimal(1))
