"""``forenad changes``: per agreement, the findings, figures and dated values that change between two dates.

A thin layer over :func:`forenad.changes_report.changes` and :mod:`forenad.changes_output`; openpyxl is
imported only for ``--format xlsx``. The command is a report: it exits 0, or 2 when a file could not be
read or validated, a data file is malformed or an output file exists (without ``--force``).

Parameters: both sides read the parameters every command reads (the shipped ones plus the overlay that
``FORENAD_PARAMS_OVERLAY`` or a ``forenad.toml`` names, if any). ``--params-overlay DIR`` adds an overlay to
the "to" side only, so that ``--from D --params-overlay DIR`` (``--to`` defaults to ``--from``) shows what
the values in DIR change, and ``--from 2026-12-31 --to 2027-01-01 --params-overlay DIR`` what the new year
changes with the values entered there.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from forenad.cli.common import LangArg, default_lang, exit_data_file_error, lang_of
from forenad.i18n import Lang
from forenad.terminal import write_text

if TYPE_CHECKING:
    from forenad.changes_report import ChangeReport
    from forenad.params import ParameterSet


class ChangesFormat(StrEnum):
    text = "text"
    json = "json"
    xlsx = "xlsx"


_TEXT = {
    "sv": {
        "needs_output": "--format xlsx skriver en fil: ange den med -o FIL",
        "not_a_date": "{value!r} är inte ett datum ÅÅÅÅ-MM-DD",
        "written": "skrev {path}",
        "invalid": "{file}: kan inte läsas eller valideras",
    },
    "en": {
        "needs_output": "--format xlsx writes a file: name it with -o FILE",
        "not_a_date": "{value!r} is not a date YYYY-MM-DD",
        "written": "wrote {path}",
        "invalid": "{file}: cannot be read or validated",
    },
}


def changes(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Avtalsfiler eller mappar med avtalsfiler. / Agreement files, or folders of them.",
        ),
    ],
    from_date: Annotated[
        str, typer.Option("--from", help="Första datumet ÅÅÅÅ-MM-DD. / The first date.", show_default=False)
    ],
    to_date: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Andra datumet ÅÅÅÅ-MM-DD (standard: samma som --from). "
            "/ The second date (default: --from).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ChangesFormat, typer.Option("--format", help="text, json eller xlsx. / Output format.")
    ] = ChangesFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Skriv till fil (krävs för xlsx). / Write to a file."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Skriv över en befintlig fil. / Overwrite a file.")
    ] = False,
    lang: LangArg = default_lang(),  # noqa: B008
    params_overlay: Annotated[
        Path | None,
        typer.Option(
            "--params-overlay",
            metavar="DIR",
            help="Mapp med daterade parametervärden som bara den andra sidan ('--to') läser: vad värdena "
            "ändrar. / Folder of dated parameter values read by the second side ('--to') only: what they "
            "change.",
        ),
    ] = None,
) -> None:
    """Visa vad som ändras för varje avtal mellan två datum, eller med nya parametervärden. / Show what
    changes for each agreement between two dates, or with new parameter values."""
    from forenad.changes_report import changes as work_out
    from forenad.files import OutputExists

    language = lang_of(lang)
    text = _TEXT[language]
    before = _date(from_date, "--from", language)
    after = _date(to_date, "--to", language) if to_date is not None else before
    if output_format == ChangesFormat.xlsx and output is None:
        _error(text["needs_output"])
        raise typer.Exit(2)
    if output is not None and _exists(output) and not force:
        _error(str(OutputExists(output)))
        raise typer.Exit(2)
    params_from, params_to = parameter_sides(params_overlay)
    report = work_out(paths, before, after, params_from=params_from, params_to=params_to)
    if output is None:
        if output_format == ChangesFormat.json:
            from forenad.terminal import write_json

            write_json(report.as_json(language), indent=2)
        else:
            from forenad.changes_output import print_changes

            print_changes(report, language)
        raise typer.Exit(report.exit_code)
    from forenad.files import OutputError, write_atomic

    try:
        write_atomic(output, _render(report, output_format, language), force=force)
    except OutputError as exc:  # an existing file, a directory, a read-only folder, a full disk
        _error(exc.message(language))
        raise typer.Exit(2) from None
    for entry in report.invalid:
        _error(text["invalid"].format(file=entry.label))
    write_text(text["written"].format(path=output) + "\n", sys.stderr)
    raise typer.Exit(report.exit_code)


def parameter_sides(overlay: Path | None = None) -> tuple[ParameterSet, ParameterSet]:
    """The parameter sets of the two sides: what every command reads (shipped plus a configured overlay),
    and the same with ``overlay`` added for the "to" side. A malformed data file exits 2."""
    from forenad.errors import DataFileError
    from forenad.params import resolve_parameters, with_overlay

    try:
        base = resolve_parameters()
        return base, base if overlay is None else with_overlay(base, overlay)
    except DataFileError as exc:
        exit_data_file_error(exc)


def _render(report: ChangeReport, fmt: ChangesFormat, lang: Lang) -> bytes:
    from forenad import changes_output

    if fmt == ChangesFormat.xlsx:
        return changes_output.to_xlsx(report, lang)
    if fmt == ChangesFormat.json:
        return changes_output.to_json(report, lang).encode("utf-8")
    return changes_output.to_text(report, lang).encode("utf-8")


def _date(value: str, option: str, lang: Lang) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(_TEXT[lang]["not_a_date"].format(value=value), param_hint=option) from None


def _exists(path: Path) -> bool:
    import os

    return os.path.lexists(path)


def _error(message: str) -> None:
    write_text(f"forenad: {message}\n", sys.stderr)


def register(app: typer.Typer) -> None:
    """Add ``changes`` to the forenad application."""
    app.command("changes")(changes)
