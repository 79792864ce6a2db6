"""The typer application and its commands. Heavy modules are imported inside the commands."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from typer.models import CommandInfo

from forenad._version import __version__
from forenad.cli.common import (
    LangArg,
    LangOption,
    OutputFormat,
    ParamsOverlayArg,
    default_lang,
    exit_data_file_error,
    lang_of,
    parse_date,
)
from forenad.terminal import write_json, write_text

app = typer.Typer(
    name="forenad",
    help="Förenade anställningar och kombinationstjänster: tydliga, prövbara villkor. "
    "/ Joint-employment agreements, explicit and checkable.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"forenad {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Visa versionen. / Show the version."
        ),
    ] = False,
) -> None:
    """forenad: förenade anställningar och kombinationstjänster."""


@app.command()
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Avtalsfiler (YAML eller JSON) eller mappar med avtalsfiler. "
            "/ Agreement files, or folders of agreement files."
        ),
    ],
    on: Annotated[
        str | None,
        typer.Option("--on", help="Prövningsdatum ÅÅÅÅ-MM-DD (standard: i dag). / Evaluation date."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text eller json. / Output format.")
    ] = OutputFormat.text,
    lang: LangArg = default_lang(),  # noqa: B008
    rules_dir: Annotated[
        Path | None,
        typer.Option(
            "--rules",
            help="Egna regelfiler (*.yaml) som läggs till de medföljande. "
            "/ Own rule files, added to the shipped ones.",
        ),
    ] = None,
    params_dir: Annotated[
        Path | None,
        typer.Option("--params", help="Egen katalog med parameterfiler. / Own directory of parameter files."),
    ] = None,
    params_overlay: ParamsOverlayArg = None,
    show_facts: Annotated[
        bool,
        typer.Option(
            "--facts",
            help="Visa ekonomin per fil: lön, avgifter, pension, kostnad per arbetsgivare (JSON har alltid "
            "'facts'). / Show the economics per file (JSON always has 'facts').",
        ),
    ] = False,
    brief: Annotated[
        bool,
        typer.Option(
            "--brief",
            help="En rad per fil (för stora mappar). / One line per file (for big folders).",
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Bara sammanfattningen; slutkoden säger resten. / Only the summary."
        ),
    ] = False,
) -> None:
    """Validera och pröva avtalsfiler, eller alla avtal i mappar. / Validate and check agreement files, or
    every agreement in folders."""
    from forenad.errors import DataFileError
    from forenad.params import resolve_parameters
    from forenad.portfolio import check_paths, is_folder, summarize

    date = parse_date(on)
    rules = None
    try:
        if rules_dir is not None:
            from forenad.engine import default_rules, with_local_rules

            rules = with_local_rules(default_rules(), _data_dir(rules_dir, "--rules"))
        params = resolve_parameters(
            _data_dir(params_dir, "--params") if params_dir is not None else None, params_overlay
        )
    except DataFileError as exc:
        exit_data_file_error(exc)
    run = check_paths(files, on=date, rules=rules, params=params, facts=output_format == OutputFormat.json)
    language = lang_of(lang)
    portfolio = any(is_folder(path) for path in files)  # with a folder, a summary follows the files
    if output_format == OutputFormat.json:
        out = run.as_json(language)
        if portfolio:
            out["summary"] = summarize(run).as_json()
        write_json(out, indent=2)
    else:
        from forenad.cli.render_check import print_run

        print_run(run, language, mode="quiet" if quiet else "brief" if brief else "full")
        if show_facts:
            from forenad.cli.render_economics import print_run_economics

            print_run_economics(run, params, language)
        if portfolio:
            from forenad.cli.render_portfolio import print_summary

            print_summary(summarize(run), language)
    raise typer.Exit(run.exit_code)


def _data_dir(path: Path, option: str) -> Path:
    if not path.is_dir():
        raise typer.BadParameter(f"{path} är ingen katalog / is not a directory", param_hint=option)
    return path


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Skriv till fil. / Write to a file.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig fil.")] = False,
) -> None:
    """Skriv ut avtalsfilens JSON Schema. / Print the agreement file's JSON Schema."""
    from forenad.schema import agreement_schema

    text = json.dumps(agreement_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    from forenad.files import OutputError, write_atomic

    try:
        write_atomic(output, text.encode("utf-8"), force=force)
    except OutputError as exc:  # an existing file, a directory, a read-only folder, a full disk
        write_text(f"{exc}\n", sys.stderr)
        raise typer.Exit(2) from None


from forenad.cli.catalogue import params_app, rules_app  # noqa: E402

app.add_typer(rules_app, name="rules")
app.add_typer(params_app, name="params")

__all__ = ["LangOption", "app", "app_for"]

from forenad.cli.drafting import register as _register_drafting  # noqa: E402

_register_drafting(app)

from forenad.cli.new import register as _register_new  # noqa: E402

_register_new(app)

from forenad.cli.compare import register as _register_compare  # noqa: E402

_register_compare(app)

from forenad.cli.changes import register as _register_changes  # noqa: E402

_register_changes(app)

from forenad.cli.survey import register as _register_survey  # noqa: E402

_register_survey(app)

from forenad.cli.serve import register as _register_serve  # noqa: E402

_register_serve(app)


def app_for(args: Sequence[str]) -> typer.Typer:
    """The application narrowed to the command that ``args`` name (``check``, ``params``, …), or the whole
    application when they name none (help, a misspelt command: Click then lists or suggests every one).

    Typer builds a Click command for every registered command and group before it runs one; a one-file
    ``forenad check`` would spend a tenth of its time building the other seventeen.
    """
    name = args[0] if args else ""
    commands = [c for c in app.registered_commands if _command_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = commands
    narrowed.registered_groups = groups
    return narrowed


def _command_name(info: CommandInfo) -> str:
    if info.name:
        return info.name
    callback = info.callback.__name__ if info.callback is not None else ""
    return callback.lower().replace("_", "-")
