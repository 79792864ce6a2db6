"""Occupational pension contributions per month under the premium-based schemes.

Each scheme tests the break point (7.5 income base amounts a year, so IBB × 7.5 / 12 a month) against the
salary it pays on, on its own. Below the break point the low rate applies, above it the high rate up to
the scheme's upper limit (AKAP-KR: 30 IBB); a flex part (PA 16) is paid on all salary. PA 16 avdelning II and
KAP-KL have a defined-benefit part above the break point that is not a premium and is never computed here:
:attr:`PensionRates.defined_benefit` says so, and callers must say so too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

HUNDRED = Decimal(100)
TWELVE = Decimal(12)
ZERO = Decimal(0)


def _dec(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


@dataclass(frozen=True, slots=True)
class PensionRates:
    """The premium rates of one scheme for one person (flex resolved by birth year), in percent."""

    scheme: str
    below: Decimal
    above: Decimal
    flex: Decimal
    break_point_ibb: Decimal
    upper_limit_ibb: Decimal | None
    defined_benefit: bool
    pro_rata_agreeable: bool


def rates_for(scheme: str, value: Mapping[str, Any], birth_year: int | None) -> PensionRates:
    """Rates from a ``pension_<scheme>`` parameter value for a person born in ``birth_year``."""
    flex = Decimal(0)
    flex_table = value.get("flex")
    if flex_table:
        for row in flex_table:
            lo, hi = row.get("born_from"), row.get("born_to")
            if (
                birth_year is not None
                and (lo is None or birth_year >= lo)
                and (hi is None or birth_year <= hi)
            ):
                flex = _dec(row["rate"])
    upper = value.get("upper_limit_ibb")
    return PensionRates(
        scheme=scheme,
        below=_dec(value["rate_below_break"]),
        above=_dec(value["rate_above_break"]),
        flex=flex,
        break_point_ibb=_dec(value["break_point_ibb"]),
        upper_limit_ibb=None if upper is None else _dec(upper),
        defined_benefit=bool(value.get("defined_benefit", False)),
        pro_rata_agreeable=bool(value.get("break_point_pro_rata_agreeable", False)),
    )


def break_point_month(rates: PensionRates, ibb: Decimal | int) -> Decimal:
    return _points(rates, ibb)[0]


_POINTS: dict[tuple[int, Decimal | int], tuple[PensionRates, Decimal, Decimal | None]] = {}


def _points(rates: PensionRates, ibb: Decimal | int) -> tuple[Decimal, Decimal | None]:
    """The monthly break point and upper limit of a scheme for an income base amount (worked out once)."""
    key = (id(rates), ibb)
    found = _POINTS.get(key)
    if found is None or found[0] is not rates:  # the rates are kept, so a reused id cannot mislead
        amount = _dec(ibb)
        upper = None if rates.upper_limit_ibb is None else rates.upper_limit_ibb * amount / TWELVE
        if len(_POINTS) >= 4096:
            _POINTS.clear()
        found = _POINTS[key] = (rates, rates.break_point_ibb * amount / TWELVE, upper)
    return found[1], found[2]


def contribution(
    rates: PensionRates, monthly_salary: Decimal, ibb: Decimal | int, break_point: Decimal | None = None
) -> Decimal:
    """Premium-based contribution per month on ``monthly_salary`` (not rounded).

    ``break_point`` overrides the scheme's own monthly break point (for a pro-rata break point).
    """
    salary = monthly_salary if type(monthly_salary) is Decimal else _dec(monthly_salary)
    own, upper = _points(rates, ibb)
    bp = own if break_point is None else break_point
    below = salary if salary < bp else bp
    top = salary if upper is None or salary < upper else upper
    above = top - bp if top > bp else ZERO
    return (below * rates.below + above * rates.above + salary * rates.flex) / HUNDRED
