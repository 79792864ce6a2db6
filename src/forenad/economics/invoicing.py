"""The invoice in a tjänsteköp (``cost_settlement.invoicing``), and whether it covers the agreed cost.

- ``lon_plus_palagg``: the invoiced salary is the seller's full-time salary for the person (the salary of
  the seller's parts scaled to 100 %) × ``share_percent``; without a share, the salary of the seller's parts
  hosted by the buyer. The invoice is that salary × (1 + ``overhead_percent``) a month, times the months
  of the period. Without an overhead the amount is unknown (never a default: it is a price).
- ``fast_pris``: ``price`` per period, as stated.
- ``timpris``: ``price`` per hour; the amount depends on the hours worked and is not computed.
"""

from __future__ import annotations

from decimal import Decimal

from forenad.economics import notes
from forenad.economics.money import HUNDRED, ONE, ZERO, to_ore
from forenad.economics.result import Invoice, Note
from forenad.i18n import Text
from forenad.model import Agreement, Invoicing, InvoicingBasis, InvoicingPeriod

PERIOD_MONTHS: dict[InvoicingPeriod, int] = {
    InvoicingPeriod.manad: 1,
    InvoicingPeriod.kvartal: 3,
    InvoicingPeriod.halvar: 6,
    InvoicingPeriod.ar: 12,
}


def invoice(
    agreement: Agreement, inv: Invoicing, assigned: Decimal | None = None, seller_lower_bound: bool = False
) -> Invoice:
    """The invoice amounts, and its shortfall against ``assigned``: the yearly cost the cost shares move from
    the seller's parts to the buyer (``seller_lower_bound`` when the seller's cost is only a lower bound)."""
    months = PERIOD_MONTHS[inv.period]
    salary: Decimal | None = None
    per_period: Decimal | None = None
    found: list[Note] = []
    if inv.basis == InvoicingBasis.lon_plus_palagg:
        salary, why = invoiced_salary(agreement, inv)
        if why is not None:
            found.append(Note("amount_per_period", why))
        if inv.overhead_percent is None:
            found.append(Note("amount_per_period", notes.INVOICE_OVERHEAD_MISSING))
        elif salary is not None:
            monthly = salary * (ONE + inv.overhead_percent / HUNDRED)
            per_period = to_ore(monthly * months)
    elif inv.basis == InvoicingBasis.fast_pris:
        if inv.price is None:
            found.append(Note("amount_per_period", notes.INVOICE_PRICE_MISSING))
        else:
            per_period = inv.price
    else:
        found.append(Note("amount_per_period", notes.TIMPRIS if inv.price else notes.INVOICE_PRICE_MISSING))
    year = None if per_period is None else per_period * (12 // months)
    shortfall: Decimal | None = None
    if year is not None and assigned is not None and assigned > 0:
        shortfall = assigned - year
        if seller_lower_bound:
            # The seller's cost is a lower bound: only a shortfall is certain (and then it is at least this).
            if shortfall > 0:
                found.append(
                    Note("shortfall_year", notes.invoice_below_lower_bound(shortfall), unknown=False)
                )
            else:
                found.append(Note("shortfall_year", notes.SHORTFALL_UNKNOWN))
                shortfall = None
    return Invoice(
        seller=inv.seller,
        buyer=inv.buyer,
        basis=inv.basis.value,
        period=inv.period.value,
        months_per_period=months,
        payment_terms_days=inv.payment_terms_days,
        share_percent=inv.share_percent,
        salary_month=None if salary is None else to_ore(salary),
        overhead_percent=inv.overhead_percent,
        price=inv.price,
        amount_per_period=per_period,
        amount_year=year,
        shortfall_year=shortfall,
        notes=tuple(found),
    )


def invoiced_salary(agreement: Agreement, inv: Invoicing) -> tuple[Decimal | None, Text | None]:
    """The monthly salary the invoice is based on (not rounded), or ``None`` and why."""
    parts = [p for p in agreement.parts if p.employer == inv.seller]
    if not parts:
        return None, notes.SELLER_EMPLOYS_NOTHING
    if inv.share_percent is not None:
        salary = sum((p.monthly_salary for p in parts), ZERO)
        extent = sum((p.extent_percent for p in parts), ZERO)
        return salary / extent * inv.share_percent, None
    hosted = [p for p in parts if p.host == inv.buyer]
    if not hosted:
        return None, notes.INVOICE_SHARE_MISSING
    return sum((p.monthly_salary for p in hosted), ZERO), None
