"""Validation messages in Swedish and English, keyed by pydantic's error type."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from forenad.i18n import Text
from forenad.model.paths import field_names_at, suggest

_TEMPLATES: dict[str, tuple[str, str]] = {
    "missing": ("fältet saknas men krävs", "field required"),
    "extra_forbidden": ("okänt fält {field}", "unknown field {field}"),
    "enum": (
        "{input} är inte ett tillåtet värde; tillåtna: {expected}",
        "{input} is not allowed; expected {expected}",
    ),
    "literal_error": (
        "{input} är inte ett tillåtet värde; tillåtna: {expected}",
        "{input} is not allowed; expected {expected}",
    ),
    "greater_than": ("värdet måste vara större än {gt}", "the value must be greater than {gt}"),
    "greater_than_equal": ("värdet måste vara minst {ge}", "the value must be at least {ge}"),
    "less_than": ("värdet måste vara mindre än {lt}", "the value must be less than {lt}"),
    "less_than_equal": ("värdet får vara högst {le}", "the value must be at most {le}"),
    "int_parsing": ("ett heltal väntas", "a whole number is expected"),
    "int_type": ("ett heltal väntas", "a whole number is expected"),
    "int_from_float": ("ett heltal väntas, inte decimaltal", "a whole number is expected, not a decimal"),
    "decimal_parsing": ("ett tal väntas", "a number is expected"),
    "decimal_type": ("ett tal väntas", "a number is expected"),
    "decimal_max_places": ("högst {decimal_places} decimaler", "at most {decimal_places} decimal places"),
    "decimal_max_digits": (
        "för många siffror (högst {max_digits})",
        "too many digits (at most {max_digits})",
    ),
    "float_parsing": ("ett tal väntas", "a number is expected"),
    "float_type": ("ett tal väntas", "a number is expected"),
    "finite_number": ("talet måste vara ändligt", "the number must be finite"),
    "string_type": ("text väntas", "text is expected"),
    "string_too_short": ("får inte vara tomt", "must not be empty"),
    "string_too_long": (
        "för lång text (högst {max_length} tecken)",
        "text too long (at most {max_length} characters)",
    ),
    "string_pattern_mismatch": ("har fel form (mönster {pattern})", "has the wrong form (pattern {pattern})"),
    "bool_parsing": ("true eller false väntas", "true or false is expected"),
    "bool_type": ("true eller false väntas", "true or false is expected"),
    "date_parsing": ("ett datum ÅÅÅÅ-MM-DD väntas", "a date YYYY-MM-DD is expected"),
    "date_from_datetime_parsing": ("ett datum ÅÅÅÅ-MM-DD väntas", "a date YYYY-MM-DD is expected"),
    "date_from_datetime_inexact": ("ett datum utan klockslag väntas", "a date without a time is expected"),
    "date_type": ("ett datum ÅÅÅÅ-MM-DD väntas", "a date YYYY-MM-DD is expected"),
    "list_type": ("en lista väntas", "a list is expected"),
    "too_short": ("minst {min_length} post(er) krävs", "at least {min_length} item(s) required"),
    "too_long": ("högst {max_length} poster", "at most {max_length} items"),
    "model_type": ("en mappning med fält väntas", "a mapping of fields is expected"),
    "model_attributes_type": ("en mappning med fält väntas", "a mapping of fields is expected"),
    "dict_type": ("en mappning väntas", "a mapping is expected"),
    # forenad's own error types
    "personnummer_type": ("personnumret ska skrivas som text", "a personnummer must be written as text"),
    "personnummer_format": (
        "ett personnummer har 12 siffror: ÅÅÅÅMMDD-NNNN (fick {count})",
        "a personnummer has 12 digits: YYYYMMDD-NNNN (got {count})",
    ),
    "personnummer_date": (
        "personnumrets datum {date} finns inte",
        "the personnummer's date {date} does not exist",
    ),
    "samordningsnummer_date": (
        "samordningsnumrets datum {date} (dagen minus 60) finns inte",
        "the samordningsnummer's date {date} (the day less 60) does not exist",
    ),
    "personnummer_checksum": (
        "personnumrets kontrollsiffra stämmer inte",
        "the personnummer's check digit is wrong",
    ),
    "orgnr_type": (
        "organisationsnumret ska skrivas som text",
        "an organisationsnummer must be written as text",
    ),
    "orgnr_format": (
        "ett organisationsnummer har 10 siffror: NNNNNN-NNNN",
        "an organisationsnummer has 10 digits: NNNNNN-NNNN",
    ),
    "orgnr_checksum": (
        "organisationsnumrets kontrollsiffra stämmer inte",
        "the organisationsnummer's check digit is wrong",
    ),
    "birth_year_mismatch": (
        "födelseåret {given} stämmer inte med personnumret",
        "birth year {given} does not match the personnummer",
    ),
    "end_before_start": (
        "slutdatumet {end} ligger före startdatumet {start}",
        "the end date {end} is before the start date {start}",
    ),
    "duplicate_id": ("id {ref} används två gånger", "the id {ref} is used twice"),
    "unknown_employer": (
        "ingen arbetsgivare har id {ref} (kända: {known})",
        "no employer has the id {ref} (known: {known})",
    ),
    "unknown_part": (
        "det finns ingen del nummer {ref} (delarna numreras 0 till {last})",
        "there is no part number {ref} (parts are numbered 0 to {last})",
    ),
}

_QUOTED = re.compile(r"'([^']*)'")


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _show(value: Any) -> str:
    text = str(value)
    return repr(text[:60] + "…") if len(text) > 60 else repr(text)


def translate(error: Mapping[str, Any], root: type[BaseModel]) -> Text:
    """A bilingual message for one pydantic error dict (from ``ValidationError.errors()``)."""
    kind = str(error.get("type", ""))
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    loc = tuple(error.get("loc", ()))
    values = _Lenient({k: v for k, v in ctx.items()})
    hint_sv = hint_en = ""
    if kind == "extra_forbidden" and loc:
        values["field"] = _show(loc[-1])
        guess = suggest(str(loc[-1]), field_names_at(root, loc[:-1]))
        if guess:
            hint_sv, hint_en = f"; menade du {guess!r}?", f"; did you mean {guess!r}?"
    elif kind in ("enum", "literal_error"):
        values["input"] = _show(error.get("input"))
        allowed = _QUOTED.findall(str(ctx.get("expected", "")))
        guess = suggest(str(error.get("input")), allowed) if allowed else None
        if guess:
            hint_sv, hint_en = f"; menade du {guess!r}?", f"; did you mean {guess!r}?"
    template = _TEMPLATES.get(kind)
    if template is None:
        msg = str(error.get("msg", kind))
        return Text(sv=msg, en=msg)
    sv, en = template
    values_sv = _Lenient(values)
    if "expected" in values_sv:
        values_sv["expected"] = str(values_sv["expected"]).replace(" or ", " eller ")
    return Text(sv=sv.format_map(values_sv) + hint_sv, en=en.format_map(values) + hint_en)
