"""``forenad draft`` and ``forenad templates list|check``: Word drafts and the template catalogue.

Only typer and the shared options are imported here; docxtpl, python-docx and Jinja are imported inside the
commands, so ``forenad check`` does not pay for them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from forenad.cli.common import (
    LangArg,
    OutputFormat,
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
from forenad.terminal import console as safe_console
from forenad.terminal import write_json

if TYPE_CHECKING:
    from rich.console import Console

    from forenad.render.catalogue import Template
    from forenad.render.lint import CheckReport

templates_app = typer.Typer(
    help="Mallkatalogen och granskning av egna mallar. / The template catalogue and template checking.",
    no_args_is_help=True,
)

_TEXT = {
    "sv": {
        "no_templates": "inga mallar",
        "dry": "provkörd med: {names}",
        "fields": "fält som används: {n}",
        "ok": "säker och användbar",
        "bad": "kan inte användas",
        "unsafe": "osäker: vägras",
    },
    "en": {
        "no_templates": "no templates",
        "dry": "dry run with: {names}",
        "fields": "fields used: {n}",
        "ok": "safe and usable",
        "bad": "cannot be used",
        "unsafe": "unsafe: refused",
    },
}
_SEVERITY = {
    "sv": {"error": "fel", "warning": "varning", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _console(stderr: bool = False) -> Console:

    return safe_console(highlight=False, soft_wrap=True, stderr=stderr)


def draft(
    files: Annotated[list[Path], typer.Argument(help="Avtalsfiler (YAML eller JSON). / Agreement files.")],
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="Katalog för utkasten (standard: aktuell). / Output directory."),
    ] = Path("."),
    template: Annotated[
        list[str] | None,
        typer.Option(
            "--template",
            help="Mall-id eller sökväg till en egen mall (kan upprepas; standard: alla som passar modellen). "
            "/ Template id or path (repeatable; default: every template that fits the model).",
        ),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Även PDF via LibreOffice. / Also PDF via LibreOffice.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Skriv över befintliga filer. / Overwrite files.")
    ] = False,
    on: Annotated[
        str | None,
        typer.Option("--on", help="Prövningsdatum ÅÅÅÅ-MM-DD (standard: i dag). / Evaluation date."),
    ] = None,
    final: Annotated[
        bool,
        typer.Option(
            "--final",
            help="Slutligt dokument: vägras för ett avtal med fel, saknade värden är fel, ingen bilaga. "
            "/ Final document: refused for an agreement with errors, missing values are errors, no annex.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Antal parallella processer (standard: alla kärnor). "
            "/ Worker processes (default: all cores).",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Skriv bara det som gick fel och sammanfattningen. "
            "/ Print only what went wrong and the summary.",
        ),
    ] = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Förloppsindikator på stderr (standard: när stderr är en terminal). "
            "/ Progress bar on stderr (default: when stderr is a terminal).",
        ),
    ] = None,
    lang: LangArg = default_lang(),  # noqa: B008
    params_overlay: ParamsOverlayArg = None,
    rules_dir: RulesArg = None,
    params_dir: ParamsDirArg = None,
    allow_swedish: Annotated[
        bool,
        typer.Option(
            "--allow-swedish",
            help="Med --lang en: skriv på svenska de dokument som saknar engelsk version (annars fel). "
            "/ With --lang en: write in Swedish the documents without an English version (else an error).",
        ),
    ] = False,
) -> None:
    """Skriv Word-utkast (och PDF) för avtalsfiler. / Write Word drafts (and PDF) for agreement files."""
    from forenad.cli import draft_batch
    from forenad.errors import ForenadError
    from forenad.render.batch import BatchOptions, describe
    from forenad.render.catalogue import resolve_template

    language = lang_of(lang)
    date = parse_date(on)
    params = parameters_or_exit(params_overlay, params_dir)  # a malformed folder stops here: exit 2
    rules_or_exit(rules_dir)  # so does a malformed or empty --rules folder; each worker loads it again
    err = _console(stderr=True)
    explicit: list[Template] | None = None
    try:
        if template:
            explicit = [resolve_template(ref) for ref in template]
            from forenad.render.lint import assert_safe

            for chosen in explicit:
                if not chosen.shipped:
                    assert_safe(chosen)
        if pdf:
            from forenad.render.pdf import require_soffice

            require_soffice()
    except ForenadError as exc:
        err.print(f"[bold red]✗[/] {_escape(describe(exc, language))}")
        raise typer.Exit(2) from None

    options = BatchOptions(
        output,
        tuple(explicit) if explicit else None,
        language,
        date,
        final,
        force,
        pdf,
        params_overlay=Path(params.overlay.directory) if params.overlay is not None else None,
        params_dir=params_dir,
        rules_dir=rules_dir,
        allow_swedish=allow_swedish,
    )
    code = draft_batch.run(files, options, jobs=jobs or os.cpu_count(), progress=progress, quiet=quiet)
    raise typer.Exit(code)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@templates_app.command("list")
def templates_list(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text eller json.")
    ] = OutputFormat.text,
    lang: LangArg = default_lang(),  # noqa: B008
) -> None:
    """Visa mallarna som följer med forenad. / List the templates that ship with forenad."""
    from forenad.render.catalogue import shipped_templates

    templates = shipped_templates()
    if output_format == OutputFormat.json:
        data = [
            {
                "id": tpl.id,
                "version": tpl.spec.version,
                "language": tpl.spec.language,
                "document": tpl.spec.document,
                "title": tpl.spec.title,
                "per": tpl.spec.per,
                "models": [m.value for m in tpl.spec.models],
                "sha256": tpl.sha256,
            }
            for tpl in templates
        ]
        write_json(data, indent=2)
        return
    from rich.table import Table

    language = lang_of(lang)
    table = Table(show_lines=False, box=None, pad_edge=False)
    heads = ("id", "språk", "version", "per", "modeller", "titel") if language == "sv" else (
        "id", "language", "version", "per", "models", "title"
    )  # fmt: skip
    for head in heads:
        table.add_column(head, overflow="fold")
    for tpl in templates:
        table.add_row(
            tpl.id,
            tpl.spec.language,
            tpl.spec.version,
            tpl.spec.per,
            ", ".join(m.value for m in tpl.spec.models),
            tpl.spec.title,
        )
    console = _console()
    if not console.is_terminal:
        console = safe_console(highlight=False, soft_wrap=True, width=200)
    console.print(table)


@templates_app.command("check")
def templates_check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Mallkatalog, .docx med sidofil, eller mall-id. / Template directory, .docx or id."
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text eller json.")
    ] = OutputFormat.text,
    lang: LangArg = default_lang(),  # noqa: B008
) -> None:
    """Granska en mall: säkerhet, täckning mot avtalsmodellen och en provkörning. / Check a template:
    safety, coverage against the agreement model and a dry run."""
    from forenad.render.lint import check_templates

    language = lang_of(lang)
    reports = check_templates(paths)
    if output_format == OutputFormat.json:
        data = [report.as_json(language) for report in reports]
        write_json(data, indent=2)
    else:
        for report in reports:
            _print_report(report, language)
    raise typer.Exit(max((report.exit_code for report in reports), default=0))


@templates_app.command("export")
def templates_export(
    template_id: Annotated[str, typer.Argument(help="En medföljande malls id. / A shipped template's id.")],
    directory: Annotated[
        Path, typer.Argument(help="Katalog för den egna mallen. / Directory for your own template.")
    ],
    new_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="Den egna mallens id (standard: katalogens namn). "
            "/ Your template's id (default: the folder's name).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Skriv över befintliga filer. / Overwrite files.")
    ] = False,
    lang: LangArg = default_lang(),  # noqa: B008
) -> None:
    """Börja en egen mall från en medföljande: template.docx och template.yaml i DIR. / Start your own
    template from a shipped one: template.docx and template.yaml in DIR."""
    from forenad.errors import ForenadError
    from forenad.render.batch import describe
    from forenad.render.export import export_template
    from forenad.render.lint import check_template

    language = lang_of(lang)
    try:
        written = export_template(template_id, directory, new_id=new_id, force=force)
    except ForenadError as exc:
        _console(stderr=True).print(f"[bold red]✗[/] {_escape(describe(exc, language))}")
        raise typer.Exit(2) from None
    out = _console()
    for path in written:
        out.print(f"[green]✓[/] {_escape(str(path))}")
    _print_report(check_template(directory), language)
    where = str(directory)
    hint = (
        f"Redigera template.docx i Word eller LibreOffice; granska med `forenad templates check {where}`"
        f" och använd med `forenad draft AVTAL.yaml --template {where}`."
        if language == "sv"
        else f"Edit template.docx in Word or LibreOffice; check it with `forenad templates check {where}`"
        f" and use it with `forenad draft AGREEMENT.yaml --template {where}`."
    )
    out.print(_escape(hint))


def _print_report(report: CheckReport, lang: Lang) -> None:
    text = _TEXT[lang]
    out = _console()
    if report.unsafe:
        mark, verdict = "[bold red]✗[/]", text["unsafe"]
    elif report.errors:
        mark, verdict = "[bold red]✗[/]", text["bad"]
    else:
        mark, verdict = "[green]✓[/]", text["ok"]
    ident = ""
    if report.template is not None:
        spec = report.template.spec
        ident = f" [dim]({spec.id} {spec.version}, sha256 {report.template.sha256[:12]}…)[/]"
    out.print(f"{mark} [bold]{_escape(report.source)}[/]{ident}: {verdict}")
    order = {"error": 0, "warning": 1, "info": 2}
    for issue in sorted(report.issues, key=lambda i: order[i.severity]):
        label = _SEVERITY[lang][issue.severity]
        out.print(f"  [{_STYLE[issue.severity]}]{label}[/] [dim]{issue.code}[/] {_escape(issue.text(lang))}")
    if report.fields_used:
        out.print(f"  [dim]{text['fields'].format(n=len(report.fields_used))}[/]")
    if report.dry_runs:
        out.print(f"  [dim]{_escape(text['dry'].format(names=', '.join(report.dry_runs)))}[/]")


def register(app: typer.Typer) -> None:
    """Add ``draft`` and ``templates`` to the forenad application."""
    app.command("draft")(draft)
    app.add_typer(templates_app, name="templates")
