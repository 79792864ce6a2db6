"""Money arithmetic: exact Decimals inside, rounded to öre (half up) only at the edges.

An *edge* is a monthly amount that is shown or added up: a part's fee, an employer's cost. Yearly amounts are
twelve rounded months (payroll is paid monthly), and a total is the sum of its rounded parts, so every table
adds up to the öre. When an amount computed for a whole employment is shared out among its parts,
:func:`split_rounded` rounds the parts so that they add up exactly to the rounded whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
MONTHS = Decimal(12)
ORE = Decimal("0.01")


def dec(value: Any) -> Decimal:
    """A Decimal from a parameter value (int, float or str) without binary-float noise."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def to_ore(value: Decimal) -> Decimal:
    """Round half up to whole öre (8 758.125 → 8 758.13; Python's ``round`` would give 8 758.12)."""
    return value.quantize(ORE, rounding=ROUND_HALF_UP)


def yearly(monthly: Decimal | None) -> Decimal | None:
    """Twelve months of a rounded monthly amount."""
    return None if monthly is None else monthly * MONTHS


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    return amount * percent / HUNDRED


def sum_known(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum, or ``None`` when any value is unknown."""
    total = ZERO
    for value in values:
        if value is None:
            return None
        total += value
    return total


def split_rounded(values: Sequence[Decimal], whole: Decimal | None = None) -> list[Decimal]:
    """Round each value to öre so that the results add up to the rounded sum (largest remainder).

    ``split_rounded([1/3, 1/3, 1/3])`` gives ``[0.34, 0.33, 0.33]``: the öre left over goes to the value
    that lost the most in rounding down, the first one on a tie. When the values are shares of an exact
    ``whole`` (an amount × salary / total salary), they add up to the rounded whole instead: the shares'
    own sum can be off in the last digits, and then on the other side of half an öre.
    """
    if not values:
        return []
    target = to_ore(sum(values, ZERO) if whole is None else whole)
    if len(values) == 1:
        return [target]
    floors = [v.quantize(ORE, rounding=ROUND_FLOOR) for v in values]
    # Each floor is at most its value, so the floors' sum is at most the rounded sum: ``left`` >= 0.
    left = int((target - sum(floors, ZERO)) / ORE)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] - floors[i]), i))
    out = list(floors)
    for i in order[:left]:
        out[i] += ORE
    return out


def json_amount(value: Decimal) -> str:
    """An amount of kronor as JSON writes it: an exact decimal string with two decimals (``"8758.13"``), so
    that no reader has to go through a binary float."""
    return f"{to_ore(value):.2f}"
