"""Options and helpers shared by the commands."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from typing import Annotated

import typer

from forenad.i18n import Lang


class LangOption(StrEnum):
    sv = "sv"
    en = "en"


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def default_lang() -> LangOption:
    return LangOption.en if os.environ.get("FORENAD_LANG", "").lower().startswith("en") else LangOption.sv


LangArg = Annotated[
    LangOption,
    typer.Option("--lang", help="Språk för utskriften: sv eller en. / Output language.", show_default=True),
]


def lang_of(option: LangOption | None) -> Lang:
    return "en" if option == LangOption.en else "sv"


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} är inte ett datum ÅÅÅÅ-MM-DD / is not a date YYYY-MM-DD", param_hint="--on"
        ) from None
