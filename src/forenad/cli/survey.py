"""``forenad survey``: a map of a region's joint posts, in aggregates only (issue 22).

A thin layer over :func:`forenad.survey` and :mod:`forenad.kartlaggning.output`; openpyxl, python-docx and
matplotlib are imported only for the formats that need them. The command is a report: it exits 0, or
2 when a file cannot be read or validated (the survey covers the others and says how many were left out),
a data file is malformed, ``-o`` is missing for xlsx or docx, or the output file exists (without
``--force``). The text output ends with the operator's notes (duplicate agreement ids and unreadable files
by name, organisations the county table does not know); the other formats do not name files, except JSON,
which has them under ``operator`` for the tool that runs the survey.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from forenad.cli.common import (
    LangArg,
    ParamsOverlayArg,
    default_lang,
    lang_of,
    parameters_or_exit,
    parse_date,
)


class SurveyFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    xlsx = "xlsx"
    docx = "docx"


_TEXT = {
    "sv": {
        "needs_output": "--format {fmt} skriver en fil: ange den med -o FIL",
        "written": "skrev {path}",
        "unreadable": "{n} fil(er) kunde inte läsas eller valideras och ingår inte "
        "(pröva dem med forenad check)",
        "internal": "intern rapport: inga celler är dolda; sprid den inte",
    },
    "en": {
        "needs_output": "--format {fmt} writes a file: name it with -o FILE",
        "written": "wrote {path}",
        "unreadable": "{n} file(s) could not be read or validated and are left out "
        "(check them with forenad check)",
        "internal": "internal report: no cell is hidden; do not share it",
    },
}


def survey(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Avtalsfiler eller mappar med avtalsfiler (flera organisationers mappar går bra). "
            "/ Agreement files, or folders of them (several organisations' folders at once).",
        ),
    ],
    on: Annotated[
        str | None,
        typer.Option("--on", help="Datum ÅÅÅÅ-MM-DD (standard: i dag). / The date (default: today)."),
    ] = None,
    output_format: Annotated[
        SurveyFormat,
        typer.Option("--format", help="text, json, md, xlsx eller docx. / Output format."),
    ] = SurveyFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Skriv till fil (krävs för xlsx och docx). / Write to a file."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Skriv över en befintlig fil. / Overwrite a file.")
    ] = False,
    lang: LangArg = default_lang(),  # noqa: B008
    params_overlay: ParamsOverlayArg = None,
    internal: Annotated[
        bool,
        typer.Option(
            "--internal-unsuppressed",
            help="Intern rapport: visa alla celler, även de som bygger på färre än tre avtal (märks INTERN). "
            "/ Internal report: show every cell, also those resting on fewer than three agreements (marked "
            "INTERNAL).",
        ),
    ] = False,
) -> None:
    """Kartlägg alla avtal: modeller, yrken, län, kostnader och vanliga fynd, bara sammanräknat. / Survey
    every agreement: models, professions, counties, costs and common findings, in aggregates only."""
    from forenad.files import OutputExists, write_atomic
    from forenad.kartlaggning import survey as work_out
    from forenad.kartlaggning.output import render

    language = lang_of(lang)
    text = _TEXT[language]
    date = parse_date(on)
    binary = output_format in (SurveyFormat.xlsx, SurveyFormat.docx)
    if binary and output is None:
        _error(text["needs_output"].format(fmt=output_format.value))
        raise typer.Exit(2)
    if output is not None and os.path.lexists(output) and not force:
        _error(str(OutputExists(output)))
        raise typer.Exit(2)
    params = parameters_or_exit(params_overlay)
    result = work_out(paths, date, params=params, suppress=not internal)
    data = render(result, output_format.value, language)
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        try:
            write_atomic(output, data, force=force)
        except OutputExists as exc:
            _error(str(exc))
            raise typer.Exit(2) from None
        sys.stderr.write(text["written"].format(path=output) + "\n")
    if result.operator.unreadable and (output is not None or output_format != SurveyFormat.text):
        _error(text["unreadable"].format(n=len(result.operator.unreadable)))
        for name in result.operator.unreadable:
            sys.stderr.write(f"  {name}\n")
    if internal:
        _error(text["internal"])
    raise typer.Exit(result.exit_code)


def _error(message: str) -> None:
    sys.stderr.write(f"forenad: {message}\n")


def register(app: typer.Typer) -> None:
    """Add ``survey`` to the forenad application."""
    app.command("survey")(survey)
