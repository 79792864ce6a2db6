"""Formatting values in messages: Swedish or English numbers (Babel), kronor, percent, dates, lists."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from forenad.i18n import Lang

_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def format_number(value: float | Decimal | int, lang: Lang, decimals: int | None = None) -> str:
    from babel.numbers import format_decimal

    if decimals is not None:
        value = round(Decimal(str(value)), decimals)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=_LOCALES[lang])
    return format_decimal(value, locale=_LOCALES[lang])


def format_value(value: Any, spec: str, lang: Lang) -> str:
    """Format one placeholder value. Specs: ``kr`` (whole kronor), ``pct`` (a percentage), ``d1`` (one
    decimal), ``list`` (comma-separated), or none (natural form)."""
    if value is None:
        return "okänt" if lang == "sv" else "unknown"
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "sv" else ("yes" if value else "no")
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, int | float | Decimal):
        if spec == "kr":
            return f"{format_number(value, lang, 0)} kr"
        if spec == "pct":
            return f"{format_number(value, lang)} %"
        if spec.startswith("d") and spec[1:].isdigit():
            return format_number(value, lang, int(spec[1:]))
        return format_number(value, lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = [format_value(v, "", lang) for v in value]
        return ", ".join(items)
    return str(value)
