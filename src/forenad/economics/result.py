"""The typed, frozen result of :func:`forenad.economics.compute`.

Every amount is a :class:`~decimal.Decimal` in kronor rounded to öre, or ``None`` when it cannot be known;
then a :class:`Note` for that field says why. Notes with ``unknown=False`` are caveats on a known amount
(a default overhead, a defined-benefit part left out). ``*_month`` amounts are per month, ``*_year``
amounts are twelve of them.

Costs (see :mod:`forenad.economics.calculate` for the model): ``cost_*`` is what an employer pays as
employer — salary plus on-costs; ``cost_basis`` says whether that is ``"overhead"`` (salary × (1 +
overhead), complete) or ``"lower_bound"`` (salary + fees + premium-based pension; insurances left out).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from forenad.economics.fees import FeeRule
from forenad.economics.money import json_amount
from forenad.i18n import Text

CostBasis = Literal["overhead", "lower_bound"]
NetBasis = Literal["complete", "lower_bound"]


@dataclass(frozen=True, slots=True)
class Note:
    """Why ``field`` is unknown (``unknown=True``), or a caveat on its known value."""

    field: str
    text: Text
    unknown: bool = True


class _Noted:
    __slots__ = ()
    notes: tuple[Note, ...]

    def why(self, field: str) -> Text | None:
        """The note for a field (the reason it is unknown, or a caveat), if any."""
        return next((n.text for n in self.notes if n.field == field), None)


@dataclass(frozen=True, slots=True)
class PartEconomics(_Noted):
    """One part of the post, as paid by its employer. Fees and pension of an employment are shared out
    among its parts in proportion to salary (the fee cap and the pension break point apply per employer)."""

    index: int
    employer: str
    position: str
    extent_percent: Decimal
    monthly_salary: Decimal
    yearly_salary: Decimal
    employer_fees_month: Decimal | None
    employer_fees_year: Decimal | None
    pension_month: Decimal | None
    pension_year: Decimal | None
    cost_month: Decimal | None
    cost_year: Decimal | None
    cost_basis: CostBasis | None
    borne_by: tuple[tuple[str, Decimal], ...] | None
    """The yearly cost per payer after ``cost_settlement.shares`` (the employer when no share is given)."""
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class EmployerEconomics(_Noted):
    """One organisation: what it pays as employer, what it bears after cost shares, and in the end."""

    id: str
    name: str
    kind: str
    employs: bool
    monthly_salary: Decimal
    yearly_salary: Decimal
    employer_fees_month: Decimal | None
    employer_fees_year: Decimal | None
    pension_scheme: str | None
    pension_month: Decimal | None
    pension_year: Decimal | None
    defined_benefit_not_computed: bool
    overhead_percent: Decimal | None
    overhead_source: str | None
    overhead_unverified: bool
    cost_month: Decimal | None
    cost_year: Decimal | None
    cost_basis: CostBasis | None
    cost_after_shares_year: Decimal | None
    cost_after_shares_basis: NetBasis | None
    net_cost_year: Decimal | None
    """What the organisation pays in the end: after the invoice in a tjänsteköp, else after cost shares."""
    net_cost_basis: NetBasis | None
    """``lower_bound`` when a cost it ends up bearing is a lower bound, else ``complete``."""
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class Invoice(_Noted):
    """The invoice between the employers (``cost_settlement.invoicing``)."""

    seller: str
    buyer: str
    basis: str
    period: str
    months_per_period: int
    payment_terms_days: int
    share_percent: Decimal | None
    salary_month: Decimal | None
    """The salary the invoice is based on (``lon_plus_palagg``): the seller's full-time salary × share."""
    overhead_percent: Decimal | None
    price: Decimal | None
    amount_per_period: Decimal | None
    amount_year: Decimal | None
    shortfall_year: Decimal | None
    """How much less a year the invoice covers than the cost the cost shares assign to the buyer."""
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class SchemePension(_Noted):
    """Premium-based contributions under one scheme (all employments with that scheme together)."""

    scheme: str | None
    employers: tuple[str, ...]
    monthly_salary: Decimal
    month: Decimal | None
    year: Decimal | None
    defined_benefit_not_computed: bool
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonEconomics(_Noted):
    """What the person gets: salary, pension contributions, and what splitting the salary costs."""

    monthly_salary: Decimal
    yearly_salary: Decimal
    pensions: tuple[SchemePension, ...]
    pension_month: Decimal | None
    pension_year: Decimal | None
    single_scheme: str | None
    """The scheme of the one-employment comparison (the largest part's)."""
    single_pension_month: Decimal | None
    single_pension_year: Decimal | None
    split_loss_month: Decimal | None
    split_loss_year: Decimal | None
    pro_rata_gain_month: Decimal | None
    pro_rata_gain_year: Decimal | None
    pro_rata_pension_month: Decimal | None
    """Contributions with the AKAP-KR break point lowered pro rata, where that gains anything."""
    pro_rata_pension_year: Decimal | None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class Totals(_Noted):
    monthly_salary: Decimal
    yearly_salary: Decimal
    employer_fees_month: Decimal | None
    employer_fees_year: Decimal | None
    pension_month: Decimal | None
    pension_year: Decimal | None
    cost_month: Decimal | None
    cost_year: Decimal | None
    cost_basis: CostBasis | None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class Economics(_Noted):
    """What each part costs each employer and what the person gets, on one date."""

    agreement_id: str
    on: dt.date
    fee: FeeRule | None
    parts: tuple[PartEconomics, ...]
    employers: tuple[EmployerEconomics, ...]
    invoice: Invoice | None
    person: PersonEconomics
    total: Totals
    unverified: tuple[str, ...]
    """Parameters with an unverified value that the figures rest on."""
    notes: tuple[Note, ...] = ()

    def employer(self, employer_id: str) -> EmployerEconomics:
        for e in self.employers:
            if e.id == employer_id:
                return e
        raise KeyError(employer_id)

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready dict: amounts as exact decimal strings (``"8758.13"``), percentages as decimal
        strings, notes as ``{"field", "sv", "en", "unknown"}``."""
        out = _json(self)
        assert isinstance(out, dict)
        return out


def unique(found: list[Note]) -> tuple[Note, ...]:
    """The notes without repeats (same field and text), in order."""
    seen: set[tuple[str, str]] = set()
    out = []
    for n in found:
        key = (n.field, n.text.en)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return tuple(out)


_FIELDS: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, bool, type(None))


def _json(value: Any, name: str = "") -> Any:
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, Decimal):
        # Amounts as exact strings with two decimals; a percentage as its exact digits, also a string.
        return format(value, "f") if name.endswith("_percent") else json_amount(value)
    if isinstance(value, Note):
        return {"field": value.field, "sv": value.text.sv, "en": value.text.en, "unknown": value.unknown}
    if isinstance(value, tuple | list):
        if value and all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str) for v in value):
            return {k: _json(v, name) for k, v in value}  # (key, amount) pairs, e.g. borne_by
        return [_json(v, name) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    names = _FIELDS.get(type(value))
    if names is None:
        names = _FIELDS[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    return {name: _json(getattr(value, name), name) for name in names}
