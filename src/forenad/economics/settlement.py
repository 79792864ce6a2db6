"""Who bears which cost in the end: ``cost_settlement.shares``, then the invoice of a tjänsteköp.

A cost share moves a share of a part's whole cost (salary and on-costs) to its payer; what the shares of a
part leave uncovered stays with the part's employer; shares above 100 % cannot be applied. With an invoice,
the invoice replaces what the shares move from the seller to the buyer: the seller's net cost is its cost
after shares, plus what the shares had moved to the buyer, minus the invoice; the buyer's the other way
round. The transfers cancel, so the net costs add up to the employers' own costs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from forenad.economics import notes
from forenad.economics.money import HUNDRED, ZERO, split_rounded
from forenad.economics.result import Invoice, Note
from forenad.model import Agreement


@dataclass(frozen=True, slots=True)
class Shared:
    """One part's cost shared out: the payers (known even when the cost is not) and the yearly amounts."""

    payers: tuple[str, ...]
    amounts: tuple[tuple[str, Decimal], ...] | None
    note: Note | None = None


@dataclass(frozen=True, slots=True)
class SharePlan:
    """How one part's cost is shared out, before the cost is known: the payers with their percentages
    (``None`` when the shares add up to more than 100 %, which cannot be applied) and the note."""

    payers: tuple[str, ...]
    weights: tuple[tuple[str, Decimal], ...] | None
    note: Note | None


def share_plan(agreement: Agreement, index: int) -> SharePlan:
    employer = agreement.parts[index].employer
    settlement = agreement.cost_settlement
    shares = [s for s in settlement.shares if s.part == index] if settlement else []
    total = sum((s.share_percent for s in shares), ZERO)
    if total > HUNDRED:
        payers = tuple(dict.fromkeys([employer, *(s.payer for s in shares)]))
        return SharePlan(payers, None, Note("borne_by", notes.shares_above_full(index, total)))
    weights = [(s.payer, s.share_percent) for s in shares]
    note = None
    if total < HUNDRED:
        weights.append((employer, HUNDRED - total))
        if total > 0:
            note = Note("borne_by", notes.shares_remainder(index, HUNDRED - total, employer), unknown=False)
    return SharePlan(tuple(dict.fromkeys(p for p, _ in weights)), tuple(weights), note)


def share_part(agreement: Agreement, index: int, cost_year: Decimal | None) -> Shared:
    return shared_out(share_plan(agreement, index), cost_year)


def shared_out(plan: SharePlan, cost_year: Decimal | None) -> Shared:
    """A part's yearly cost shared out as planned."""
    weights = plan.weights
    if weights is None or cost_year is None:
        return Shared(plan.payers, None, plan.note)
    rounded = split_rounded([cost_year * w / HUNDRED for _, w in weights])
    combined: dict[str, Decimal] = {}
    for (payer, _), amount in zip(weights, rounded, strict=True):
        combined[payer] = combined.get(payer, ZERO) + amount
    return Shared(plan.payers, tuple(combined.items()), plan.note)


def after_shares(employer_id: str, shared: list[Shared]) -> Decimal | None:
    """What an organisation bears after the cost shares, or ``None`` when a cost it shares in is unknown."""
    total = ZERO
    for s in shared:
        if employer_id not in s.payers:
            continue
        if s.amounts is None:
            return None
        total += dict(s.amounts).get(employer_id, ZERO)
    return total


def moved(agreement: Agreement, shared: Mapping[int, Shared], seller: str, buyer: str) -> Decimal | None:
    """What the cost shares move from the seller's parts to the buyer a year (``None`` when unknown).

    ``shared`` holds the shared-out cost of (at least) each of the seller's parts, by part index."""
    total = ZERO
    for i, s in shared.items():
        if agreement.parts[i].employer != seller or buyer not in s.payers:
            continue
        if s.amounts is None:
            return None
        total += dict(s.amounts).get(buyer, ZERO)
    return total


def net_costs(
    after: dict[str, Decimal | None], assigned: Decimal | None, invoice: Invoice | None
) -> tuple[dict[str, Decimal | None], list[tuple[str, Note]]]:
    """Each organisation's cost in the end, and notes per organisation for those that are unknown."""
    net = dict(after)
    found: list[tuple[str, Note]] = []
    if invoice is None or invoice.seller == invoice.buyer:
        return net, found
    amount = invoice.amount_year
    for party, sign in ((invoice.seller, 1), (invoice.buyer, -1)):
        own = after.get(party)
        if amount is None or assigned is None or own is None:
            net[party] = None
            if amount is None:
                found.append((party, Note("net_cost_year", notes.INVOICE_UNKNOWN)))
        else:
            net[party] = own + sign * (assigned - amount)
    return net, found
