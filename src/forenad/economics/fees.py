"""Employer's social fees (arbetsgivaravgifter) by the person's year of birth.

Which rate applies (parameters, checked in this order):

1. ``arbetsgivaravgift_fodda_fore_1938``: born in ``born_to`` or earlier (0 %).
2. ``arbetsgivaravgift_aldre``: born ``born_from``–``born_to`` (10.21 %, the old-age pension fee only).
3. ``arbetsgivaravgift_ungdom``, inside its dated window: born ``born_from``–``born_to``; the reduced
   ``rate`` on pay up to ``cap_monthly`` a month *per employer*, the full rate above the cap. The date is
   the payment date.
4. ``arbetsgivaravgift_full`` otherwise (31.42 %).

The youth reduction outside its window: before its first start the reduction did not exist yet, so the full
rate applies. In a gap or after its end, a person of youth age (by the age rule of the last value: turned
``min_age_at_year_start`` but not ``max_age_at_year_start_exclusive`` at the start of the year) gets no
rate at all: whether a reduction applies is unknown, and forenad says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from forenad.economics import notes
from forenad.economics.lookup import Lookup
from forenad.economics.money import ZERO, dec, percent_of
from forenad.i18n import Text

FeeKind = Literal["full", "older", "born_before_1938", "youth"]

FULL = "arbetsgivaravgift_full"
OLDER = "arbetsgivaravgift_aldre"
BEFORE_1938 = "arbetsgivaravgift_fodda_fore_1938"
YOUTH = "arbetsgivaravgift_ungdom"


@dataclass(frozen=True, slots=True)
class FeeRule:
    """The fee rate for one person on one date; with a cap, ``rate`` applies up to it and ``full_rate``
    above it (per employer and month)."""

    kind: FeeKind
    rate: Decimal
    full_rate: Decimal
    cap_monthly: Decimal | None = None

    def monthly(self, salary: Decimal) -> Decimal:
        """The fee on one employer's salary for one month (not rounded)."""
        if self.cap_monthly is None:
            return percent_of(salary, self.rate)
        below = min(salary, self.cap_monthly)
        return percent_of(below, self.rate) + percent_of(max(ZERO, salary - below), self.full_rate)


def fee_rule(lookup: Lookup, birth_year: int | None) -> tuple[FeeRule | None, Text | None]:
    """The rule for a person born in ``birth_year`` on the lookup's date, or ``None`` and why not.

    A note is also returned with a known rule when the person is of youth age before the reduction starts.
    """
    if birth_year is None:
        return None, notes.BIRTH_YEAR_UNKNOWN
    full, before, older = (lookup.value(n) for n in (FULL, BEFORE_1938, OLDER))
    if full is None or before is None or older is None:
        missing = next(n for n, v in ((FULL, full), (BEFORE_1938, before), (OLDER, older)) if v is None)
        return None, lookup.why[missing]
    full_rate = dec(full)
    if birth_year <= before["born_to"]:
        return FeeRule("born_before_1938", dec(before["rate"]), full_rate), None
    if older["born_from"] <= birth_year <= older["born_to"]:
        return FeeRule("older", dec(older["rate"]), full_rate), None
    return _youth_or_full(lookup, birth_year, full_rate)


def _youth_or_full(lookup: Lookup, birth_year: int, full_rate: Decimal) -> tuple[FeeRule | None, Text | None]:
    full = FeeRule("full", full_rate, full_rate)
    youth = lookup.value(YOUTH, report=False)
    if youth is not None:
        if youth["born_from"] <= birth_year <= youth["born_to"]:
            return FeeRule("youth", dec(youth["rate"]), full_rate, dec(youth["cap_monthly"])), None
        return full, None
    parameter = lookup.parameter(YOUTH)
    if parameter is None or not parameter.entries:
        return full, None
    on = lookup.on
    first = parameter.entries[0]
    if on < first.start:
        # The reduction had not started: the full rate applies. Say so when the person will qualify.
        if _youth_aged(first.value, birth_year, first.start.year):
            return full, notes.youth_not_yet(first.start)
        return full, None
    latest = max((e for e in parameter.entries if e.start <= on), key=lambda e: e.start)
    if _youth_aged(latest.value, birth_year, on.year):
        return None, notes.youth_unknown(lookup.why.get(YOUTH))
    return full, None


def _youth_aged(value: object, birth_year: int, year: int) -> bool:
    """Turned ``min_age_at_year_start`` but not ``max_age_at_year_start_exclusive`` on 1 January of
    ``year`` (age on 1 January is ``year - 1 - birth_year``)."""
    if not isinstance(value, dict):
        return False
    low, high = value.get("min_age_at_year_start"), value.get("max_age_at_year_start_exclusive")
    if low is None or high is None:
        return False
    return bool(low <= year - 1 - birth_year < high)
