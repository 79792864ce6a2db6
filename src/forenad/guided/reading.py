"""Numbers and dates as people write them: ``26 500 kr``, ``26500,50``, ``1 mars 2027``.

Each reader takes the typed text and returns a value, or raises :class:`~forenad.guided.parsing.Invalid`
with a Swedish and English message; no text makes it raise anything else.

**Numbers.** ASCII digits with an optional sign (``-``, or the minus sign ``−``) and a unit before or after
them (``kr``, ``kronor``, ``SEK``, ``:-``, ``kr/mån`` for amounts; ``%``, ``procent`` for percentages;
``h``, ``tim``, ``timmar`` for hours; ``dagar``, ``mån`` for days and months). Groups of three digits may
be set apart by a space, a non-breaking space or a narrow no-break space (Babel writes Swedish numbers with
the non-breaking one). Groups must be regular — one to three digits, then groups of exactly three — so
``2 6500`` is rejected, never guessed. The decimal sign is a comma or a dot:

- with both a comma and a dot, the last one is the decimal sign and the other sets groups apart
  (``26.500,50`` and ``26,500.50`` are both 26 500,50);
- a sign written more than once sets groups apart (``1.234.567``, ``1,234,567``);
- a single comma or dot is the decimal sign (``37,5``, ``37.5``, ``33,333``), with two exceptions where it
  sets groups apart: in an **amount in kronor** when exactly three digits follow it — kronor have at most
  two decimals (öre), so ``26.500`` and ``26,500`` are 26 500 kr while ``26.5`` and ``26,50`` are 26,50 kr —
  and, in English (``--lang en``), a comma followed by exactly three digits (``1,732`` hours), as English
  writes thousands. In Swedish ``1,732`` is the decimal comma: 1,732.

Babel's ``parse_decimal`` is not used for reading: in ``sv_SE`` it reads ``26.500`` as 26,5 and accepts
irregular groups. The tests read what Babel *writes* (``format_decimal``, ``format_currency``) in Swedish and
English and get the number back.

**Dates.** ``2027-03-01`` (ISO 8601, also ``2027-3-1``); a day, a month name and a year (``1 mars 2027``,
``den 1 mars 2027``, ``1 March 2027``, ``March 1, 2027``, ``1 mar. 2027``), optionally after the weekday
(``måndag 1 mars 2027``, ``Monday, March 1, 2027``; a wrong weekday is rejected); and the Swedish ``1/3 2027``
(day/month, then the year after a space). Month and weekday names are Babel's Swedish and English names
(CLDR), full or cut to at least three letters (``sept``, ``okt``), in any case, in either language whatever
``--lang`` is. ``1/3/2027`` is rejected: it is 1 March in Swedish and British use but 3 January in American.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import Enum

from pydantic import BaseModel

from forenad.guided.parsing import Invalid, field_value
from forenad.guided.texts import MESSAGES
from forenad.i18n import Lang


class Unit(Enum):
    """What a number measures: it decides the units accepted around it, and that kronor have two decimals."""

    kronor = "kronor"
    percent = "percent"
    hours = "hours"
    days = "days"
    months = "months"


_UNITS: dict[Unit, str] = {
    Unit.kronor: r"kr\.?|kronor|sek|:-|kr\s*/\s*mån(?:ad)?\.?|kr\s+per\s+månad",
    Unit.percent: r"%|procent|percent",
    Unit.hours: r"h|tim\.?|timmar|timme|hours?",
    Unit.days: r"d|dagar|dag|days?",
    Unit.months: r"mån\.?|månader|månad|months?",
}
_SPACE = re.compile(r"[\s\u00a0\u202f\u2009]+")
_SHAPE = re.compile(r"[-+]?[0-9](?:[0-9 .,]*[0-9])?")


@functools.cache
def _unit_pattern(unit: Unit) -> re.Pattern[str]:
    units = _UNITS[unit]
    return re.compile(rf"(?i)^(?:(?:{units})\s*)?(?P<number>.*?)(?:\s*(?:{units}))?$")


def number(raw: str, unit: Unit, lang: Lang = "sv") -> Decimal:
    """The number in ``raw`` (see the module docstring for the forms read)."""
    text = _SPACE.sub(" ", raw.replace("\u2212", "-")).strip()
    match = _unit_pattern(unit).match(text)
    text = match.group("number") if match else text
    if not _SHAPE.fullmatch(text):
        raise Invalid(MESSAGES["number"])
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("+-")
    decimal_mark, grouping = _marks(body, unit, lang)
    whole, fraction = body.rsplit(decimal_mark, 1) if decimal_mark else (body, "")
    groups = re.split(f"[{re.escape(grouping)}]", whole)
    if not fraction.isdigit() and fraction != "":
        raise Invalid(MESSAGES["number"])
    if not all(g.isdigit() for g in groups) or not _regular(groups):
        raise Invalid(MESSAGES["number_groups"])
    digits = "".join(groups)
    return Decimal(f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}")


def whole_number(raw: str, unit: Unit, lang: Lang = "sv") -> int:
    """A whole number (days, months) as people write it: ``30``, ``30 dagar``, ``6 mån``."""
    value = number(raw, unit, lang)
    if value != value.to_integral_value():
        raise Invalid(MESSAGES["whole_number"])
    return int(value)


def _marks(body: str, unit: Unit, lang: Lang) -> tuple[str | None, str]:
    """The decimal sign (``None``: a whole number) and the characters that set groups apart."""
    commas, dots = body.count(","), body.count(".")
    if commas and dots:
        last = "," if body.rfind(",") > body.rfind(".") else "."
        if body.count(last) > 1:
            raise Invalid(MESSAGES["number"])
        return last, " " + ("." if last == "," else ",")
    mark = "," if commas else "." if dots else None
    if mark is None:
        return None, " "
    digits_after = len(body) - body.index(mark) - 1
    thousands = digits_after == 3 and (unit == Unit.kronor or (lang == "en" and mark == ","))
    if body.count(mark) > 1 or thousands:
        return None, " " + mark
    return mark, " "


def _regular(groups: list[str]) -> bool:
    if len(groups) == 1:
        return True
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


# -- dates ---------------------------------------------------------------------------------------------


_AMBIGUOUS = re.compile(r"[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}")
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")
_SLASH = re.compile(r"(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2}) +(?P<year>[0-9]{4})")
_WORD = r"[^\W\d_]+\.?"
_DAY = r"(?P<day>[0-9]{1,2})(?::[ae]|st|nd|rd|th)?\.?"
_WEEKDAY = rf"(?:(?!den )(?P<weekday>{_WORD}),? +)?(?:den +)?"
_DAY_MONTH = re.compile(rf"{_WEEKDAY}{_DAY} +(?P<month>{_WORD}),? +(?P<year>[0-9]{{4}})")
_MONTH_DAY = re.compile(rf"{_WEEKDAY}(?P<month>{_WORD}) +{_DAY},? +(?P<year>[0-9]{{4}})")
_FORMS = (_ISO, _SLASH, _DAY_MONTH, _MONTH_DAY)


def date(raw: str) -> dt.date:
    """The date in ``raw`` (see the module docstring for the forms read)."""
    text = _SPACE.sub(" ", raw).strip().casefold()
    for form in _FORMS:
        match = form.fullmatch(text)
        if match is not None:
            return _date_of(match)
    raise Invalid(MESSAGES["date_ambiguous" if _AMBIGUOUS.fullmatch(text) else "date"])


def _date_of(match: re.Match[str]) -> dt.date:
    parts = match.groupdict()
    month_text = parts["month"]
    month = int(month_text) if month_text.isdigit() else _named(month_text, _month_names())
    try:
        day = dt.date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        raise Invalid(MESSAGES["no_such_date"]) from None
    weekday = parts.get("weekday")
    if weekday and _named(weekday, _weekday_names()) != day.isoweekday():
        raise Invalid(MESSAGES["wrong_weekday"].format(date=day.isoformat()))
    return day


def _named(word: str, names: dict[str, int]) -> int:
    """The number of the month or weekday a name or its start (three letters or more) stands for."""
    key = word.rstrip(".")
    found = {number for name, number in names.items() if len(key) >= 3 and name.startswith(key)}
    if len(found) != 1:
        raise Invalid(MESSAGES["date"])
    return found.pop()


@functools.cache
def _month_names() -> dict[str, int]:
    from babel import Locale

    return _names(dict(Locale.parse(loc).months["format"]["wide"]) for loc in ("sv_SE", "en"))


@functools.cache
def _weekday_names() -> dict[str, int]:
    from babel import Locale

    # Babel numbers weekdays from Monday = 0; ISO from Monday = 1.
    return _names(
        {day + 1: name for day, name in Locale.parse(loc).days["format"]["wide"].items()}
        for loc in ("sv_SE", "en")
    )


def _names(tables: Iterable[dict[int, str]]) -> dict[str, int]:
    return {name.casefold(): number for table in tables for number, name in table.items()}


# -- model fields --------------------------------------------------------------------------------------


def decimal_value(model: type[BaseModel], name: str, raw: str, unit: Unit, lang: Lang) -> Decimal:
    """A number as people write it, validated as the decimal field ``name`` of ``model``."""
    value = field_value(model, name, number(raw, unit, lang))
    if not isinstance(value, Decimal):  # a Decimal field; anything else is a bug in the caller
        raise TypeError(f"{model.__name__}.{name} is not a Decimal field")
    return value


def date_value(model: type[BaseModel], name: str, raw: str) -> dt.date:
    """A date as people write it, validated as the date field ``name`` of ``model``."""
    value = field_value(model, name, date(raw))
    if not isinstance(value, dt.date):
        raise TypeError(f"{model.__name__}.{name} is not a date field")
    return value


def shown(value: Decimal, lang: Lang) -> str:
    """A number as a suggestion is shown, in the language's form (``1 732``, ``33,333``; ``1,732``,
    ``33.333``); read back with :func:`number` in the same language, it is the same number."""
    from forenad.presentation.formatting import format_number

    return format_number(value, lang)


def number_echo(lang: Lang) -> Callable[[str, Decimal], str | None]:
    """What to repeat after a number typed with a comma or a dot, so a reader sees how it was read."""

    def echo(text: str, value: Decimal) -> str | None:
        if "," not in text and "." not in text:
            return None
        return shown(value, lang)

    return echo


def date_echo(text: str, value: dt.date) -> str | None:
    """The date in ISO form, after a date typed in another form."""
    return None if text == value.isoformat() else value.isoformat()
