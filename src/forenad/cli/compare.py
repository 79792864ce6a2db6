"""``forenad compare``: agreements side by side, or one case under every employment model that can apply.

A thin layer over :func:`forenad.comparison.compare` and :mod:`forenad.comparison.output`; openpyxl and
python-docx are imported only for ``--format xlsx`` and ``--format docx``.
"""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from forenad.cli.common import (
    LangArg,
    ParamsDirArg,
    ParamsOverlayArg,
    RulesArg,
    default_lang,
    lang_of,
    parameters_or_exit,
    parse_date,
    rules_or_exit,
)
from forenad.i18n import Lang

if TYPE_CHECKING:
    from forenad.comparison import Comparison


class CompareFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    xlsx = "xlsx"
    docx = "docx"


_BINARY = (CompareFormat.xlsx, CompareFormat.docx)
_TEXT = {
    "sv": {
        "needs_output": "--format {fmt} skriver en fil: ange den med -o FIL",
        "invalid": "kan inte läsas eller valideras",
        "nothing": "inget avtal att jämföra",
        "written": "skrev {path}",
    },
    "en": {
        "needs_output": "--format {fmt} writes a file: name it with -o FILE",
        "invalid": "cannot be read or validated",
        "nothing": "no agreement to compare",
        "written": "wrote {path}",
    },
}


def compare(
    files: Annotated[list[Path], typer.Argument(help="Avtalsfiler (YAML eller JSON). / Agreement files.")],
    all_models: Annotated[
        bool,
        typer.Option(
            "--all-models",
            help="Räkna om fallet i varje anställningsmodell som kan tillämpas. "
            "/ Recast the case under every employment model that can apply.",
        ),
    ] = False,
    output_format: Annotated[
        CompareFormat, typer.Option("--format", help="text, json, md, xlsx eller docx. / Output format.")
    ] = CompareFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Skriv till fil (krävs för xlsx och docx). / Write to a file."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Skriv över en befintlig fil. / Overwrite a file.")
    ] = False,
    on: Annotated[
        str | None,
        typer.Option("--on", help="Prövningsdatum ÅÅÅÅ-MM-DD (standard: i dag). / Evaluation date."),
    ] = None,
    lang: LangArg = default_lang(),  # noqa: B008
    params_overlay: ParamsOverlayArg = None,
    rules_dir: RulesArg = None,
    params_dir: ParamsDirArg = None,
) -> None:
    """Jämför avtal sida vid sida. / Compare agreements side by side."""
    from forenad.comparison import compare as run
    from forenad.files import OutputExists

    language = lang_of(lang)
    date = parse_date(on)
    text = _TEXT[language]
    if output_format in _BINARY and output is None:
        _error(text["needs_output"].format(fmt=output_format.value))
        raise typer.Exit(2)
    if output is not None and output.exists() and not force:
        _error(str(OutputExists(output)))
        raise typer.Exit(2)
    params = parameters_or_exit(params_overlay, params_dir)
    rules = rules_or_exit(rules_dir)
    cmp = run(files, on=date, lang=language, all_models=all_models, params=params, rules=rules)
    _print_input_errors(cmp, language)
    if not cmp.columns:
        _error(text["nothing"])
        raise typer.Exit(2)
    data = _render(cmp, output_format, language, to_file=output is not None)
    if output is None:
        if data is not None:
            sys.stdout.write(data.decode("utf-8"))
        raise typer.Exit(cmp.exit_code)
    from forenad.files import write_atomic

    try:
        write_atomic(output, data or b"", force=force)
    except OutputExists as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    sys.stderr.write(text["written"].format(path=output) + "\n")
    raise typer.Exit(cmp.exit_code)


def _render(cmp: Comparison, fmt: CompareFormat, lang: Lang, to_file: bool) -> bytes | None:
    """The output as bytes; the terminal table is printed directly (``None``) unless it goes to a file."""
    from forenad.comparison import output

    if fmt == CompareFormat.json:
        return output.to_json(cmp, lang).encode("utf-8")
    if fmt == CompareFormat.md:
        return output.to_markdown(cmp, lang).encode("utf-8")
    if fmt == CompareFormat.xlsx:
        return output.to_xlsx(cmp, lang)
    if fmt == CompareFormat.docx:
        return output.to_docx(cmp, lang)
    if not to_file:
        output.print_comparison(cmp, lang)
        return None
    from rich.console import Console

    buffer = io.StringIO()
    width = max(160, 40 + 34 * len(cmp.columns))
    output.print_comparison(cmp, lang, Console(file=buffer, width=width, no_color=True, highlight=False))
    return buffer.getvalue().encode("utf-8")


def _print_input_errors(cmp: Comparison, lang: Lang) -> None:
    if not cmp.input_errors:
        return
    from rich.console import Console
    from rich.markup import escape

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for result in cmp.input_errors:
        err.print(f"[bold red]✗[/] [bold]{escape(result.file)}[/]: {_TEXT[lang]['invalid']}")
        for e in result.errors:
            where = f"{result.file}:{e.line}" if e.line else result.file
            path = f" {e.path}:" if e.path else ""
            err.print(f"  {escape(where)}:{escape(path)} {escape(e.message(lang))}")


def _error(message: str) -> None:
    sys.stderr.write(f"forenad: {message}\n")


def register(app: typer.Typer) -> None:
    """Add ``compare`` to the forenad application."""
    app.command("compare")(compare)
