"""The filters a template may use, bound to the document's language.

Money, percentages and dates follow Babel's CLDR data for ``sv_SE`` (``46 000 kr``, ``50 %``,
``1 januari 2026``) or ``en_GB`` (``SEK 46,000``, ``50%``, ``1 January 2026``). Numbers are grouped with a
non-breaking space in Swedish, so an amount never breaks across lines. A missing value passes through every
filter unchanged, so that the document shows its marker (or, in a final document, refuses it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from jinja2 import Undefined, pass_context
from jinja2.runtime import Context

from forenad.i18n import Lang
from forenad.presentation.formatting import format_number
from forenad.presentation.labels import label

NBSP = "\u00a0"
_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return None
    return None


def format_money(value: Any, lang: Lang) -> str:
    number = _number(value)
    if number is None:
        return str(value)
    decimals = 0 if number == number.to_integral_value() else 2
    text = format_number(number, lang, decimals)
    return f"SEK{NBSP}{text}" if lang == "en" else f"{text}{NBSP}kr"


def format_percent(value: Any, lang: Lang) -> str:
    number = _number(value)
    if number is None:
        return str(value)
    text = format_number(number, lang)
    return f"{text}%" if lang == "en" else f"{text}{NBSP}%"


def format_date(value: Any, lang: Lang) -> str:
    from babel.dates import format_date as babel_date

    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return str(value)
    return str(babel_date(value, format="long", locale=_LOCALES[lang]))


def format_list(items: list[str], lang: Lang) -> str:
    from babel.lists import format_list as babel_list

    return str(babel_list(items, locale=_LOCALES[lang])) if items else ""


def _passes(value: Any) -> bool:
    """A missing value passes through every filter unchanged (its marker, or its refusal, is printed)."""
    return isinstance(value, Undefined) or value is None


def _kr(value: Any, *, lang: Lang) -> Any:
    return value if _passes(value) else format_money(value, lang)


def _pct(value: Any, *, lang: Lang) -> Any:
    return value if _passes(value) else format_percent(value, lang)


def _datum(value: Any, *, lang: Lang) -> Any:
    return value if _passes(value) else format_date(value, lang)


def _num(value: Any, decimals: int | None = None, *, lang: Lang) -> Any:
    """A number in the locale's form, with at most ``decimals`` decimals (trailing zeros dropped)."""
    if _passes(value):
        return value
    number = _number(value)
    if number is None:
        return str(value)
    if decimals is not None:
        number = round(number, int(decimals))
    return format_number(number, lang)


def _cap(value: Any) -> Any:
    """The first letter in upper case (the rest unchanged, unlike ``capitalize``)."""
    if _passes(value):
        return value
    text = str(value)
    return text[:1].upper() + text[1:]


def _months(value: Any, *, lang: Lang) -> Any:
    if _passes(value):
        return value
    number = _number(value)
    if number is None:
        return str(value)
    one = number == 1
    if lang == "en":
        return f"{format_number(number, lang)} {'month' if one else 'months'}"
    return f"{format_number(number, lang)} {'månad' if one else 'månader'}"


def _label(value: Any, kind: str | None = None, *, lang: Lang) -> Any:
    return value if _passes(value) else label(value, lang, kind)


def _names(context: Context) -> dict[str, str]:
    """Employer ids (and ``person``) to names, from the template's context."""
    names = {str(employer.id): str(employer.name) for employer in context.get("employers") or ()}
    person = context.get("person")
    if person is not None and not isinstance(person, Undefined):
        names["person"] = str(person.name)
    return names


def _employer_name_filter(lang: Lang) -> Callable[..., Any]:
    @pass_context
    def employer_name(context: Context, value: Any) -> Any:
        """An employer's name from its id (``person`` is the person's name); a list becomes "A och B"."""
        if _passes(value):
            return value
        names = _names(context)
        if isinstance(value, list | tuple):
            return format_list([names.get(str(v), str(v)) for v in value], lang)
        return names.get(str(value), str(value))

    return employer_name


def make_filters(lang: Lang) -> dict[str, Callable[..., Any]]:
    """Every forenad filter for one language (the environment adds a few safe Jinja built-ins)."""
    return {
        "kr": partial(_kr, lang=lang),
        "pct": partial(_pct, lang=lang),
        "datum": partial(_datum, lang=lang),
        "num": partial(_num, lang=lang),
        "months": partial(_months, lang=lang),
        "label": partial(_label, lang=lang),
        "cap": _cap,
        "employer_name": _employer_name_filter(lang),
    }


FORENAD_FILTERS: frozenset[str] = frozenset(make_filters("sv"))
"""The names of forenad's own filters."""
