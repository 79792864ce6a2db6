"""Formatting values in messages: Swedish or English numbers (Babel), kronor, percent, dates, lists."""

from __future__ import annotations

import datetime as dt
import enum
import importlib.util
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from forenad.i18n import Lang

_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
_QUANTUM = {d: Decimal(1).scaleb(-d) for d in range(0, 7)}


@dataclass(frozen=True)
class _LocaleFacts:
    """What messages need of a locale's CLDR data: the group and decimal symbols, and the plural rules
    (CLDR's text of each category's rule, ``{"one": "i = 1 and v = 0"}``)."""

    group: str
    decimal: str
    plural_rules: dict[str, str]


@cache
def _facts(lang: Lang) -> _LocaleFacts:
    """The locale's facts from Babel, kept in the disk cache keyed by Babel's own ``__init__`` (which holds
    its version): unpickling Babel's Swedish locale data takes a one-file check about 30 ms."""
    from forenad import cache as disk

    locale = _LOCALES[lang]
    spec = importlib.util.find_spec("babel")
    origin = spec.origin if spec is not None else None
    if origin is None:  # pragma: no cover - Babel is a dependency
        return _facts_from_babel(locale)
    key = disk.key_of("cldr", [b"plain", locale.encode(), Path(origin).read_bytes()])
    # plain data in the cache, never this module's class; an entry of another shape is not used
    stored = disk.cached("cldr", key, lambda: _plain(_facts_from_babel(locale)))
    if not (isinstance(stored, tuple) and len(stored) == 3 and isinstance(stored[2], dict)):
        return _facts_from_babel(locale)
    group, decimal, rules = stored
    return _LocaleFacts(str(group), str(decimal), {str(k): str(v) for k, v in rules.items()})


def _plain(facts: _LocaleFacts) -> tuple[str, str, dict[str, str]]:
    return facts.group, facts.decimal, facts.plural_rules


def _facts_from_babel(locale: str) -> _LocaleFacts:
    from babel import Locale
    from babel.numbers import get_decimal_symbol, get_group_symbol

    rules = Locale.parse(locale).plural_form.rules
    return _LocaleFacts(get_group_symbol(locale), get_decimal_symbol(locale), dict(rules))


def _symbols(lang: Lang) -> tuple[str, str]:
    facts = _facts(lang)
    return facts.group, facts.decimal


def format_number(
    value: float | Decimal | int, lang: Lang, decimals: int | None = None, *, grouping: bool = True
) -> str:
    """A number with the locale's grouping and decimal symbols (sv: ``52 125,5``; en: ``52,125.5``);
    ``grouping=False`` leaves the digits together (a year: ``1958``).

    Without ``decimals``, at most three decimals are shown and trailing zeros are dropped.
    """
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is None:
        text = f"{number.quantize(_QUANTUM[3], rounding=ROUND_HALF_UP):,f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{number.quantize(_QUANTUM[decimals], rounding=ROUND_HALF_UP):,.{decimals}f}"
    group, decimal = _symbols(lang)
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group if grouping else "")


DISPLAY: dict[str, dict[str, str]] = {
    "pa16_avd1": {"sv": "PA 16 avd. I", "en": "PA 16 section I"},
    "pa16_avd2": {"sv": "PA 16 avd. II", "en": "PA 16 section II"},
    "akap_kr": {"sv": "AKAP-KR", "en": "AKAP-KR"},
    "kap_kl": {"sv": "KAP-KL", "en": "KAP-KL"},
    "itp1": {"sv": "ITP 1", "en": "ITP 1"},
    "itp2": {"sv": "ITP 2", "en": "ITP 2"},
    "villkorsavtal": {"sv": "Villkorsavtalet", "en": "Villkorsavtal"},
    "villkorsavtal_t": {"sv": "Villkorsavtalet-T", "en": "Villkorsavtal-T"},
    "ab": {"sv": "AB", "en": "AB"},
}
"""How slugs that name a scheme or agreement are written in messages."""


def format_value(value: Any, spec: str, lang: Lang) -> str:
    """Format one placeholder value. Specs: ``kr`` (whole kronor), ``pct`` (a percentage), ``d1`` (one
    decimal), a label kind of :mod:`forenad.presentation.labels` (``position``: the words for slugs of that
    kind), or none (natural form). A list is comma-separated, each item formatted with the spec; a mapping is
    written as name–value pairs, the spec applied to each value. An enum value is written in words."""
    from forenad.presentation.labels import KINDS, label

    kind = type(value)  # the common exact types first; subclasses (enums) take the general way below
    if kind is str:
        if spec in KINDS:
            return label(value, lang, spec)
        display = DISPLAY.get(value)
        return value if display is None else display[lang]
    if kind is list or kind is tuple:
        return ", ".join([format_value(v, spec if spec in KINDS else "", lang) for v in value])
    if value is None:
        return "okänt" if lang == "sv" else "unknown"
    if isinstance(value, bool):
        return _yes_no(value, lang)
    if isinstance(value, enum.Enum):
        slug = str(value.value)
        return DISPLAY[slug][lang] if slug in DISPLAY else label(value, lang)
    if isinstance(value, int | float | Decimal):
        return _amount(value, spec, lang)
    return _other(value, spec, lang)


def _yes_no(value: bool, lang: Lang) -> str:
    if lang == "sv":
        return "ja" if value else "nej"
    return "yes" if value else "no"


def _amount(value: float | Decimal | int, spec: str, lang: Lang) -> str:
    """A number: ``kr`` whole kronor, ``pct`` a percentage, ``d1`` … a fixed number of decimals."""
    if spec == "kr":
        return f"{format_number(value, lang, 0)} kr"
    if spec == "pct":
        return f"{format_number(value, lang)} %"
    if spec.startswith("d") and spec[1:].isdigit():
        return format_number(value, lang, int(spec[1:]))
    return format_number(value, lang)


def _other(value: object, spec: str, lang: Lang) -> str:
    """A date, a mapping (name–value pairs, the spec applied to each value), another collection, or text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        pairs = [f"{format_value(k, '', lang)} {format_value(v, spec, lang)}" for k, v in value.items()]
        return ", ".join(pairs)
    if isinstance(value, list | tuple | set | frozenset):
        items = [format_value(v, "", lang) for v in value]
        return ", ".join(items)
    return str(value)


@cache
def _plural_rule(lang: Lang) -> Any:
    from babel.plural import PluralRule

    return PluralRule(_facts(lang).plural_rules)


def count(n: int, one: str, other: str, lang: Lang) -> str:
    """``n`` with the word in the form the language's plural rules (CLDR, through Babel) ask for:
    ``count(1, "fil", "filer", "sv")`` is ``1 fil``, ``count(4, …)`` is ``4 filer``."""
    word = one if _plural_rule(lang)(n) == "one" else other
    return f"{format_number(n, lang)} {word}"


def seconds(value: float, lang: Lang) -> str:
    """A duration in seconds with one decimal, in the language's number format (``17,3 s``)."""
    return f"{format_number(value, lang, 1)} s"
