"""What each part costs each employer and what the person gets, on a date.

**The cost model.** An overhead — SKR's PO-pålägg for regions and kommuner, a lärosäte's
lönekostnadspålägg (LKP) — is a percentage on salary that already *includes* the statutory employer's
fees, the agreement insurances and the occupational pension. So:

- when the employer's overhead is known (stated in the agreement, else a default from the parameters), its
  cost for a part is ``salary × (1 + overhead)``, basis ``"overhead"``; fees and pension are computed and
  shown, but never added on top;
- when it is not known, the cost is ``salary + employer's fees + premium-based pension`` as computed here,
  basis ``"lower_bound"``: agreement insurances, any defined-benefit pension and other on-costs are left out,
  and the notes say so;
- when neither the overhead nor the fees are known, the cost is unknown (``None``), never a guess.

Fees are computed per employer and month (the youth cap applies per employer), pension per employment
(the break point is tested per employer); both are shared out among an employer's parts by salary. Cost
shares and the invoice then move costs between the organisations (:mod:`forenad.economics.settlement`).

Amounts are exact Decimals inside and rounded half up to öre at the edges (:mod:`forenad.economics.money`).

**Pieces.** Plain functions of the agreement and a :class:`~forenad.economics.lookup.Lookup` (the dated
parameters on a date): :func:`fee_rule_for`, :func:`overheads`, :func:`pensions` (the employments and their
contributions), :func:`invoice` (the seller's cost shared out and invoiced) and :func:`build`, the whole
result from them. The facts of :mod:`forenad.derive` call the same functions, each piece once per
agreement, so that findings list the dated values behind the figures they use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from forenad.economics import notes
from forenad.economics.fees import FeeRule, fee_rule
from forenad.economics.invoicing import invoice as make_invoice
from forenad.economics.lookup import Lookup, PlainSource
from forenad.economics.money import HUNDRED, ONE, ZERO, split_rounded, sum_known, to_ore, yearly
from forenad.economics.overhead import Overhead, resolve
from forenad.economics.pensions import (
    EmploymentPension,
    employment_pensions,
    employment_plans,
    person_pensions,
)
from forenad.economics.result import (
    CostBasis,
    Economics,
    EmployerEconomics,
    Invoice,
    NetBasis,
    Note,
    PartEconomics,
    Totals,
    unique,
)
from forenad.economics.scheme import pension_scheme
from forenad.economics.settlement import Shared, after_shares, moved, net_costs, share_part
from forenad.i18n import Text
from forenad.model import Agreement, Employer

if TYPE_CHECKING:
    from forenad.params import ParameterSet


def compute(agreement: Agreement, on: dt.date, params: ParameterSet | None = None) -> Economics:
    """The economics of a valid agreement on ``on``, with the packaged parameters unless ``params`` (a
    :class:`forenad.params.ParameterSet`) is given. Never raises for missing parameters: the amounts that
    need them are ``None`` with a note."""
    from forenad.params import default_parameters

    lookup = Lookup(PlainSource(params if params is not None else default_parameters(), on))
    return build(agreement, lookup)


@dataclass(frozen=True, slots=True)
class Pieces:
    """What the costs are built from: the person's fee rule (and its note), each employing employer's
    overhead and each employment's pension."""

    fee: FeeRule | None
    fee_note: Text | None
    overheads: dict[str, Overhead]
    pensions: list[EmploymentPension]


def fee_rule_for(agreement: Agreement, lookup: Lookup) -> tuple[FeeRule | None, Text | None]:
    """The person's employer's-fee rule on the date (or ``None``), and a note."""
    return fee_rule(lookup, agreement.person.effective_birth_year)


def overheads(agreement: Agreement, lookup: Lookup) -> dict[str, Overhead]:
    """The overhead of each employer that employs in a part."""
    year = agreement.person.effective_birth_year
    out: dict[str, Overhead] = {}
    for part in agreement.parts:
        if part.employer not in out:
            out[part.employer] = resolve(agreement.employer(part.employer), year, lookup)
    return out


def pensions(
    agreement: Agreement, lookup: Lookup, schemes: list[str | None] | None = None
) -> list[EmploymentPension]:
    """Each employment's premium-based pension; ``schemes`` (each part's) are worked out when not given."""
    if schemes is None:
        schemes = [pension_scheme(agreement, i, lookup) for i in range(len(agreement.parts))]
    return employment_pensions(agreement, employment_plans(agreement, lookup, schemes))


def pieces(agreement: Agreement, lookup: Lookup) -> Pieces:
    fee, note = fee_rule_for(agreement, lookup)
    return Pieces(fee, note, overheads(agreement, lookup), pensions(agreement, lookup))


# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Payroll:
    """One employment's monthly amounts per part (rounded); its notes are :func:`_payroll_notes`."""

    emp: EmploymentPension
    fees: list[Decimal] | None
    pension: list[Decimal] | None
    costs: list[Decimal] | None
    basis: CostBasis | None


def _payroll(agreement: Agreement, emp: EmploymentPension, fee: FeeRule | None, ov: Overhead) -> _Payroll:
    salaries = [agreement.parts[i].monthly_salary for i in emp.parts]
    weights = [s / emp.salary for s in salaries]
    fees: list[Decimal] | None = None
    if fee is not None:
        whole = fee.monthly(emp.salary)
        fees = split_rounded([whole * w for w in weights], whole)
    month = emp.month
    pension = None if month is None else split_rounded([month * w for w in weights], month)
    if ov.percent is not None:
        return _Payroll(emp, fees, pension, _overhead_costs(salaries, ov.percent), "overhead")
    if fees is not None:
        pens = pension or [ZERO] * len(salaries)
        costs = [s + f + p for s, f, p in zip(salaries, fees, pens, strict=True)]
        return _Payroll(emp, fees, pension, costs, "lower_bound")
    return _Payroll(emp, fees, pension, None, None)


def _overhead_costs(salaries: list[Decimal], percent: Decimal) -> list[Decimal]:
    """Each part's monthly cost on the employer's overhead: its own salary × (1 + overhead)."""
    factor = ONE + percent / HUNDRED
    return [to_ore(s * factor) for s in salaries]


def _payroll_notes(
    pr: _Payroll, fee: FeeRule | None, fee_note: Text | None, ov: Overhead
) -> tuple[Note, ...]:
    """The notes on an employment's amounts (only the whole economics shows them)."""
    emp = pr.emp
    found: list[Note] = []
    if pr.fees is None and fee_note is not None:
        found.append(Note("employer_fees_month", fee_note))
    if emp.why is not None:
        found.append(Note("pension_month", emp.why))
    found += [Note("pension_month", c, unknown=False) for c in emp.caveats]
    if ov.note is not None:
        found.append(Note("overhead_percent", ov.note, unknown=ov.percent is None))
    if pr.basis == "overhead":
        if ov.is_default and fee is not None and fee.kind != "full":
            found.append(Note("cost_month", notes.REDUCED_FEES_IN_OVERHEAD, unknown=False))
    elif pr.basis == "lower_bound":
        found.append(Note("cost_month", notes.SALARY_ONLY_LOWER_BOUND, unknown=False))
        if pr.pension is None:
            found.append(Note("cost_month", notes.PENSION_NOT_IN_LOWER_BOUND, unknown=False))
    else:
        found.append(Note("cost_month", notes.COST_NEEDS_OVERHEAD_OR_FEES))
    return tuple(found)


def _at(values: list[Decimal] | None, k: int) -> Decimal | None:
    return None if values is None else values[k]


def _payrolls(agreement: Agreement, p: Pieces) -> dict[str, _Payroll]:
    """Each employing employer's payroll."""
    return {e.employer: _payroll(agreement, e, p.fee, p.overheads[e.employer]) for e in p.pensions}


def _shared(agreement: Agreement, payrolls: dict[str, _Payroll], index: int) -> Shared:
    """One part's yearly cost shared out among its payers."""
    pr = payrolls[agreement.parts[index].employer]
    return share_part(agreement, index, yearly(_at(pr.costs, pr.emp.parts.index(index))))


def _part_bases(agreement: Agreement, payrolls: list[_Payroll]) -> list[CostBasis | None]:
    """Each part's cost basis, in part order."""
    out: list[CostBasis | None] = [None] * len(agreement.parts)
    for pr in payrolls:
        for i in pr.emp.parts:
            out[i] = pr.basis
    return out


def _part_rows(
    agreement: Agreement,
    payrolls: list[_Payroll],
    shared: list[Shared],
    notes_of: dict[str, tuple[Note, ...]],
) -> tuple[PartEconomics, ...]:
    rows: dict[int, PartEconomics] = {}
    for pr in payrolls:
        own = tuple(n for n in notes_of[pr.emp.employer] if n.field != "overhead_percent")
        for k, i in enumerate(pr.emp.parts):
            part = agreement.parts[i]
            fee, pension, cost = _at(pr.fees, k), _at(pr.pension, k), _at(pr.costs, k)
            note = shared[i].note
            rows[i] = PartEconomics(
                index=i,
                employer=part.employer,
                position=part.position.value,
                extent_percent=part.extent_percent,
                monthly_salary=part.monthly_salary,
                yearly_salary=part.monthly_salary * 12,
                employer_fees_month=fee,
                employer_fees_year=yearly(fee),
                pension_month=pension,
                pension_year=yearly(pension),
                cost_month=cost,
                cost_year=yearly(cost),
                cost_basis=pr.basis,
                borne_by=shared[i].amounts,
                notes=own if note is None else (*own, note),
            )
    return tuple(rows[i] for i in range(len(agreement.parts)))


@dataclass(frozen=True, slots=True)
class _Settled:
    """What an organisation bears after the cost shares and in the end, with the bases and notes."""

    after: Decimal | None
    after_basis: NetBasis | None
    net: Decimal | None
    net_basis: NetBasis | None
    notes: tuple[Note, ...]


def _employer_row(
    employer: Employer, pr: _Payroll | None, pr_notes: tuple[Note, ...], ov: Overhead | None, st: _Settled
) -> EmployerEconomics:
    if pr is None:  # takes part without employing: no payroll of its own
        return EmployerEconomics(
            id=employer.id,
            name=employer.name,
            kind=employer.kind.value,
            employs=False,
            monthly_salary=ZERO,
            yearly_salary=ZERO,
            employer_fees_month=ZERO,
            employer_fees_year=ZERO,
            pension_scheme=None,
            pension_month=ZERO,
            pension_year=ZERO,
            defined_benefit_not_computed=False,
            overhead_percent=employer.overhead_percent,
            overhead_source="agreement" if employer.overhead_percent is not None else None,
            overhead_unverified=False,
            cost_month=ZERO,
            cost_year=ZERO,
            cost_basis=None,
            cost_after_shares_year=st.after,
            cost_after_shares_basis=st.after_basis,
            net_cost_year=st.net,
            net_cost_basis=st.net_basis,
            notes=st.notes,
        )
    assert ov is not None
    fees = None if pr.fees is None else sum(pr.fees, ZERO)
    pension = None if pr.pension is None else sum(pr.pension, ZERO)
    cost = None if pr.costs is None else sum(pr.costs, ZERO)
    return EmployerEconomics(
        id=employer.id,
        name=employer.name,
        kind=employer.kind.value,
        employs=True,
        monthly_salary=pr.emp.salary,
        yearly_salary=pr.emp.salary * 12,
        employer_fees_month=fees,
        employer_fees_year=yearly(fees),
        pension_scheme=pr.emp.scheme,
        pension_month=pension,
        pension_year=yearly(pension),
        defined_benefit_not_computed=pr.emp.defined_benefit,
        overhead_percent=ov.percent,
        overhead_source=ov.source,
        overhead_unverified=ov.unverified,
        cost_month=cost,
        cost_year=yearly(cost),
        cost_basis=pr.basis,
        cost_after_shares_year=st.after,
        cost_after_shares_basis=st.after_basis,
        net_cost_year=st.net,
        net_cost_basis=st.net_basis,
        notes=unique([*pr_notes, *st.notes]),
    )


def _net_basis(
    employer_id: str,
    agreement: Agreement,
    bases: list[CostBasis | None],
    shared: list[Shared],
    inv: Invoice | None,
) -> NetBasis:
    """``lower_bound`` when a cost the organisation ends up bearing is a lower bound (with ``inv``: after the
    invoice, without: after the cost shares)."""
    for i, s in enumerate(shared):
        employer = agreement.parts[i].employer
        if inv is not None and employer == inv.seller and employer_id == inv.buyer:
            continue  # replaced by the invoice, an exact amount
        bears = employer_id in s.payers or (inv is not None and employer_id == inv.seller == employer)
        if bears and bases[i] == "lower_bound":
            return "lower_bound"
    return "complete"


def invoice(
    agreement: Agreement, lookup: Lookup, p: Pieces | None = None
) -> tuple[Invoice | None, Decimal | None]:
    """The invoice (``None`` without ``cost_settlement.invoicing``) with its shortfall against the cost
    shares, and what the shares move from the seller's parts to the buyer a year (``ZERO`` without an
    invoice, ``None`` when unknown)."""
    settlement = agreement.cost_settlement
    if settlement is None or settlement.invoicing is None:
        return None, ZERO
    inv = settlement.invoicing
    p = p if p is not None else pieces(agreement, lookup)
    seller_parts: dict[int, Shared] = {}
    lower_bound = False
    seller = next((e for e in p.pensions if e.employer == inv.seller), None)
    if seller is not None:
        pr = _payroll(agreement, seller, p.fee, p.overheads[inv.seller])
        lower_bound = pr.basis == "lower_bound"
        for k, i in enumerate(seller.parts):
            seller_parts[i] = share_part(agreement, i, yearly(_at(pr.costs, k)))
    assigned = moved(agreement, seller_parts, inv.seller, inv.buyer)
    return make_invoice(agreement, inv, assigned, lower_bound), assigned


def _totals(employers: tuple[EmployerEconomics, ...], parts: tuple[PartEconomics, ...]) -> Totals:
    employing = [e for e in employers if e.employs]
    fees = sum_known(e.employer_fees_month for e in employing)
    pension = sum_known(e.pension_month for e in employing)
    cost = sum_known(e.cost_month for e in employing)
    bases = {e.cost_basis for e in employing}
    basis: CostBasis | None = None
    if cost is not None:
        basis = "lower_bound" if "lower_bound" in bases else "overhead"
    found = []
    if cost is None:
        found.append(Note("cost_month", notes.COST_UNKNOWN))
    salary = sum((p.monthly_salary for p in parts), ZERO)
    return Totals(
        monthly_salary=salary,
        yearly_salary=salary * 12,
        employer_fees_month=fees,
        employer_fees_year=yearly(fees),
        pension_month=pension,
        pension_year=yearly(pension),
        cost_month=cost,
        cost_year=yearly(cost),
        cost_basis=basis,
        notes=tuple(found),
    )


def build(
    agreement: Agreement,
    lookup: Lookup,
    p: Pieces | None = None,
    invoiced: tuple[Invoice | None, Decimal | None] | None = None,
) -> Economics:
    """The whole economics from the pieces (worked out when not given)."""
    p = p if p is not None else pieces(agreement, lookup)
    fee, fee_note, overheads_by = p.fee, p.fee_note, p.overheads
    by_employer = _payrolls(agreement, p)
    payrolls = list(by_employer.values())
    bases = _part_bases(agreement, payrolls)
    shared = [_shared(agreement, by_employer, i) for i in range(len(agreement.parts))]
    notes_of = {k: _payroll_notes(pr, fee, fee_note, overheads_by[k]) for k, pr in by_employer.items()}
    parts = _part_rows(agreement, payrolls, shared, notes_of)
    inv, assigned = invoiced if invoiced is not None else invoice(agreement, lookup, p)
    after = {e.id: after_shares(e.id, shared) for e in agreement.employers}
    net, net_notes = net_costs(after, assigned, inv)

    def settled(employer_id: str) -> _Settled:
        a, n = after[employer_id], net[employer_id]
        return _Settled(
            a,
            None if a is None else _net_basis(employer_id, agreement, bases, shared, None),
            n,
            None if n is None else _net_basis(employer_id, agreement, bases, shared, inv),
            tuple(note for who, note in net_notes if who == employer_id),
        )

    employers = tuple(
        _employer_row(e, by_employer.get(e.id), notes_of.get(e.id, ()), overheads_by.get(e.id), settled(e.id))
        for e in agreement.employers
    )
    person = person_pensions(agreement, lookup, p.pensions)

    general: list[Note] = []
    if fee_note is not None and fee is not None:
        general.append(Note("fee", fee_note, unknown=False))
    elif fee is None and fee_note is not None:
        general.append(Note("fee", fee_note))
    if any(pr.basis == "overhead" for pr in payrolls):
        general.append(Note("cost_model", notes.OVERHEAD_INCLUDES_FEES, unknown=False))
    return Economics(
        agreement_id=agreement.id,
        on=lookup.on,
        fee=fee,
        parts=parts,
        employers=employers,
        invoice=inv,
        person=person,
        total=_totals(employers, parts),
        unverified=tuple(sorted(lookup.unverified)),
        notes=tuple(general),
    )
