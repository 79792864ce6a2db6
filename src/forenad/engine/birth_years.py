"""Birth-year classes: the birth years that every rule and fact treats alike on one date.

The facts that depend on the person's birth year (the pension scheme and its rates, the employer's fee,
the lärosäte's LKP default, the vacation days by age) read it only to compare it with the birth years and
ages in the parameters: ``born_from``, ``born_to``, an age reached in the year (``from_age_year``) or an age
at the start of a year. Between two neighbouring such limits every comparison comes out the same, so
agreements of one structure whose birth years fall between the same limits have the same facts and the
same findings (the engine shares them: see ``by_structure_and_birth_year``). The exact birth year and age
remain facts of each agreement (``birth_year``, ``age_this_year``).

The limits are read off every dated value of every parameter, by the meaning of its keys (a limit too many
only shares less). A parameter key that speaks of a birth year or an age in a way not known here makes every
birth year a class of its own: nothing is shared that might differ.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Hashable
from typing import Any

_YEAR_FROM = "born_from"  # (and keys ending so) the first birth year included: a limit at the year
_YEAR_TO = "born_to"  # (and keys ending so) the last birth year included: a limit at the year after
_AGE_IN_YEAR = "from_age_year"  # an age reached during the year: on.year - birth_year >= age
_AGE_AT_YEAR_START = ("min_age_at_year_start", "max_age_at_year_start_exclusive")  # year - 1 - birth_year


# Words of a key or name that speak of a birth year or an age (English and Swedish, with and without å ä ö).
_WORDS = {
    "born",
    "birth",
    "age",
    "ages",
    "aged",
    "fodd",
    "född",
    "fodda",
    "födda",
    "fodelsear",
    "födelseår",
    "alder",
    "ålder",
    "aldern",
    "åldern",
}


class _Unknown(Exception):
    """A key about birth years or ages whose meaning is not known here."""


def limits(params: Any, on: dt.date) -> tuple[int, ...] | None:
    """The sorted birth years at which some comparison may change (years before a limit and from it on can
    be treated differently), or ``None`` when they cannot be told and every birth year is a class alone."""
    found: set[int] = set()
    try:
        for name in params.names():
            entries = params.get(name).entries
            # An age at the start of a year is read for the date's year and for the first year of a value
            # (a reduction that has not started yet: economics.fees); an age reached in the year, for the
            # date's year only.
            years = (on.year, {on.year, *(e.start.year for e in entries)})
            for entry in entries:
                if not isinstance(entry.value, dict | list | tuple):
                    _limit(name, entry.value, years, found)  # a plain value: its name says what it is
                _collect(entry.value, years, found)
    except (_Unknown, AttributeError, TypeError):
        return None
    return tuple(sorted(found))


def _collect(value: Any, years: tuple[int, set[int]], found: set[int]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _limit(str(key), item, years, found)
            _collect(item, years, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, years, found)


def _limit(key: str, item: Any, years: tuple[int, set[int]], found: set[int]) -> None:
    words = set(key.lower().split("_"))
    if not words & _WORDS:
        return
    if isinstance(item, dict | list | tuple):
        if key.endswith((_YEAR_FROM, _YEAR_TO)) or key in _AGE_AT_YEAR_START or key == _AGE_IN_YEAR:
            raise _Unknown(key)
        return  # a mapping or list under such a name: its own keys say what they are
    if item is None:
        return  # an open end
    if isinstance(item, bool) or not isinstance(item, int):
        raise _Unknown(key)
    if key.endswith(_YEAR_FROM):
        found.add(item)
    elif key.endswith(_YEAR_TO):
        found.add(item + 1)
    elif key == _AGE_IN_YEAR:
        found.add(years[0] - item + 1)  # born in or before the year minus the age: has turned it
    elif key in _AGE_AT_YEAR_START:
        found.update(year - item for year in years[1])  # that age on 1 January: born before year - age
    else:
        raise _Unknown(key)


def birth_class(bounds: tuple[int, ...] | None, year: int | None) -> Hashable:
    """The class of a birth year: the same for two years that no limit separates; an unknown year is a class
    of its own, and so is every year when the limits are not known."""
    if year is None:
        return None
    if bounds is None:
        return ("year", year)
    return bisect.bisect_right(bounds, year)
