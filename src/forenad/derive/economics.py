"""Economics facts: thin adapters over the plain functions of :mod:`forenad.economics.calculate`.

Each piece (the fee rule, the overheads, the employments' pensions, the invoice, the whole result) is an
internal fact computed once per agreement, so a finding lists only the dated values behind the figures it
uses: the fee rate rests on the fee parameters, the overheads on the overhead parameters, the invoice on
those and the employments' pensions, the totals on everything. ``economics`` is the whole breakdown as JSON
(under ``facts`` in ``check --format json``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from forenad.derive.source import lookup_of
from forenad.economics.calculate import Pieces, build, fee_rule_for, invoice, overheads
from forenad.economics.fees import FeeRule
from forenad.economics.overhead import Overhead
from forenad.economics.pensions import EmploymentPension, employment_pensions, employment_plans
from forenad.economics.result import Economics, Invoice
from forenad.engine.facts import FactContext, fact
from forenad.i18n import Text

# -- pieces (internal) ----------------------------------------------------------------------------------


@fact("fee_rule", sv="Avgiftsregeln för personen", en="The person's fee rule", export=False)
def _fee_rule(ctx: FactContext) -> tuple[FeeRule | None, Text | None]:
    return fee_rule_for(ctx.agreement, lookup_of(ctx))


@fact("overheads", sv="Pålägg per anställande arbetsgivare", en="Overheads per employer", export=False)
def _overheads(ctx: FactContext) -> dict[str, Overhead]:
    return overheads(ctx.agreement, lookup_of(ctx))


@fact(
    "employment_pensions",
    sv="Anställningarna (delarna per arbetsgivare) med plan, satser och avsättning",
    en="The employments (the parts per employer) with scheme, rates and contribution",
    export=False,
)
def _employment_pensions(ctx: FactContext) -> list[EmploymentPension]:
    schemes = [ctx.get("pension_scheme", i) for i in range(ctx.part_count())]
    return employment_pensions(ctx.agreement, employment_plans(ctx.agreement, lookup_of(ctx), schemes))


def _pieces(ctx: FactContext) -> Pieces:
    fee, note = ctx.get("fee_rule")
    return Pieces(fee, note, ctx.get("overheads"), ctx.get("employment_pensions"))


@fact("invoice_result", sv="Fakturan", en="The invoice", export=False)
def _invoice_result(ctx: FactContext) -> tuple[Invoice | None, Decimal | None]:
    return invoice(ctx.agreement, lookup_of(ctx), _pieces(ctx))


@fact("economics_result", sv="Ekonomin", en="The economics", export=False)
def _economics_result(ctx: FactContext) -> Economics:
    return build(ctx.agreement, lookup_of(ctx), _pieces(ctx), _invoice_and_assigned(ctx))


def _economics(ctx: FactContext) -> Economics:
    result: Economics = ctx.get("economics_result")
    return result


def _invoice_and_assigned(ctx: FactContext) -> tuple[Invoice | None, Decimal | None]:
    result: tuple[Invoice | None, Decimal | None] = ctx.get("invoice_result")
    return result


def _invoice(ctx: FactContext) -> Invoice | None:
    return _invoice_and_assigned(ctx)[0]


# -- public facts -----------------------------------------------------------------------------------------


@fact(
    "employer_fee_rate_percent",
    sv="Arbetsgivaravgift i procent för personen (nedsatt sats upp till taket för unga)",
    en="Employer's fee rate in percent for the person (the reduced rate up to the cap for the young)",
)
def employer_fee_rate_percent(ctx: FactContext) -> Decimal | None:
    rule: FeeRule | None = ctx.get("fee_rule")[0]
    return None if rule is None else rule.rate


@fact(
    "overhead_percent_by_employer",
    sv="Pålägg (PO/LKP) i procent per anställande arbetsgivare: angivet, annars standardvärde, annars okänt",
    en="Overhead (PO/LKP) in percent per employing employer: stated, else a default, else unknown",
)
def overhead_percent_by_employer(ctx: FactContext) -> dict[str, Decimal | None]:
    return {e: o.percent for e, o in ctx.get("overheads").items()}


@fact(
    "overhead_unknown_employers",
    sv="Anställande arbetsgivare vars pålägg (PO/LKP) är okänt",
    en="Employing employers whose overhead (PO/LKP) is unknown",
)
def overhead_unknown_employers(ctx: FactContext) -> list[str]:
    return [ctx.agreement.employer(e).name for e, o in ctx.get("overheads").items() if o.percent is None]


@fact(
    "overhead_default_employers",
    sv="Anställande arbetsgivare vars pålägg är ett standardvärde ur parametrarna",
    en="Employing employers whose overhead is a default from the parameters",
)
def overhead_default_employers(ctx: FactContext) -> list[str]:
    return [ctx.agreement.employer(e).name for e, o in ctx.get("overheads").items() if o.is_default]


@fact(
    "total_cost_year",
    money=True,
    sv="Den sammanlagda kostnaden per år för alla arbetsgivare (nedre gräns om ett pålägg saknas)",
    en="The total yearly cost for all employers (a lower bound when an overhead is missing)",
)
def total_cost_year(ctx: FactContext) -> Decimal | None:
    return _economics(ctx).total.cost_year


@fact(
    "invoice_assigned_year",
    money=True,
    sv="Vad kostnadsandelarna lägger av säljarens kostnad på köparen per år, det fakturan ska täcka "
    "(tomt utan faktura)",
    en="What the cost shares put of the seller's cost on the buyer a year, what the invoice is to cover "
    "(empty without an invoice)",
)
def invoice_assigned_year(ctx: FactContext) -> Decimal | None:
    settlement = ctx.agreement.cost_settlement
    if settlement is None or settlement.invoicing is None:
        return None
    return _invoice_and_assigned(ctx)[1]


@fact(
    "economics",
    sv="Ekonomin per del, arbetsgivare och person: lön, avgifter, pension, pålägg, kostnader, faktura",
    en="Economics per part, employer and person: salary, fees, pension, overhead, costs, invoice",
)
def economics(ctx: FactContext) -> dict[str, Any]:
    return _economics(ctx).as_json()


@fact(
    "employer_fees_month_by_part",
    money=True,
    sv="Arbetsgivaravgifter per månad per del",
    en="Employer's fees per month per part",
)
def employer_fees_month_by_part(ctx: FactContext) -> list[Decimal | None]:
    return [p.employer_fees_month for p in _economics(ctx).parts]


@fact(
    "yearly_cost_by_employer",
    money=True,
    sv="Vad varje organisation betalar per år till slut (efter kostnadsandelar och faktura)",
    en="What each organisation pays a year in the end (after cost shares and the invoice)",
)
def yearly_cost_by_employer(ctx: FactContext) -> dict[str, Decimal | None]:
    return {e.id: e.net_cost_year for e in _economics(ctx).employers}


@fact(
    "invoice_amount_per_period",
    money=True,
    sv="Fakturans belopp per faktureringsperiod",
    en="The invoice amount per invoicing period",
)
def invoice_amount_per_period(ctx: FactContext) -> Decimal | None:
    inv = _invoice(ctx)
    return None if inv is None else inv.amount_per_period


@fact(
    "invoice_shortfall_year",
    money=True,
    sv="Hur mycket mindre per år fakturan täcker än kostnaden som kostnadsandelarna lägger på köparen "
    "(hela kr)",
    en="How much less a year the invoice covers than the cost the cost shares assign to the buyer (whole kr)",
)
def invoice_shortfall_year(ctx: FactContext) -> Decimal | None:
    inv = _invoice(ctx)
    if inv is None or inv.shortfall_year is None:
        return None
    return inv.shortfall_year.quantize(Decimal(1))
