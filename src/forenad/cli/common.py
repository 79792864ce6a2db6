"""Options and helpers shared by the commands."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from forenad.i18n import Lang

if TYPE_CHECKING:
    from forenad.errors import DataFileError
    from forenad.params import ParameterSet


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


def parse_date(value: str | None, option: str = "--on") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} är inte ett datum ÅÅÅÅ-MM-DD / is not a date YYYY-MM-DD", param_hint=option
        ) from None


ParamsOverlayArg = Annotated[
    Path | None,
    typer.Option(
        "--params-overlay",
        metavar="DIR",
        help="Mapp med egna daterade parametervärden som läggs till de medföljande, värde för värde "
        "(annars FORENAD_PARAMS_OVERLAY, annars [params] overlay i en forenad.toml). / Folder of own dated "
        "parameter values added to the shipped ones, value by value (else FORENAD_PARAMS_OVERLAY, else "
        "[params] overlay in a forenad.toml).",
    ),
]


def exit_data_file_error(exc: DataFileError) -> NoReturn:
    """Report a malformed rule, parameter, overlay or ``forenad.toml`` file on stderr and exit 2."""
    sys.stderr.write(f"forenad: fel i datafil / error in data file: {exc}\n")
    raise typer.Exit(2)


def parameters_or_exit(overlay: Path | None, params_dir: Path | None = None) -> ParameterSet:
    """The parameters a command reads: the packaged set (or ``params_dir``) plus the overlay from
    ``--params-overlay``, ``FORENAD_PARAMS_OVERLAY`` or ``forenad.toml``; a malformed file exits 2."""
    from forenad.errors import DataFileError
    from forenad.params import resolve_parameters

    try:
        return resolve_parameters(params_dir, overlay)
    except DataFileError as exc:
        exit_data_file_error(exc)


RulesArg = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        metavar="DIR",
        help="Egna regelfiler (*.yaml) som läggs till de medföljande. "
        "/ Own rule files, added to the shipped ones.",
    ),
]
ParamsDirArg = Annotated[
    Path | None,
    typer.Option(
        "--params",
        metavar="DIR",
        help="Egen katalog med alla parameterfiler (ersätter de medföljande). "
        "/ Own complete parameter folder (replaces the shipped one).",
    ),
]


def rules_or_exit(rules_dir: Path | None) -> Any:
    """The shipped rule catalogue, with an organisation's rules from ``--rules DIR`` added; a malformed or
    empty folder exits 2."""
    from forenad.engine import default_rules, with_local_rules
    from forenad.errors import DataFileError

    if rules_dir is None:
        return default_rules()
    if not rules_dir.is_dir():
        sys.stderr.write(f"forenad: {rules_dir} är ingen mapp / is not a folder (--rules)\n")
        raise typer.Exit(2)
    try:
        return with_local_rules(default_rules(), rules_dir)
    except DataFileError as exc:
        exit_data_file_error(exc)
