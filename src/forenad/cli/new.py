"""``forenad new``: guided questions that write an agreement file (the questions are in
:mod:`forenad.guided`, with their keys for ``--answers`` and scripted standard input)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text as RichText

from forenad.cli import EXIT_INPUT
from forenad.cli.common import LangArg, ParamsOverlayArg, default_lang, lang_of, parameters_or_exit
from forenad.i18n import Lang
from forenad.terminal import console as safe_console

if TYPE_CHECKING:
    from forenad.guided import Asker
    from forenad.params import ParameterSet


def register(app: typer.Typer) -> None:
    """Add ``new`` to the application."""
    app.command("new")(new)


def new(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Avtalsfilen som skrivs. / The agreement file to write."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Skriv över en befintlig fil. / Overwrite an existing file.")
    ] = False,
    lang: LangArg = default_lang(),  # noqa: B008
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="YAML-fil med svar per frågenyckel (se forenad.guided). "
            "/ YAML file of answers by question key.",
        ),
    ] = None,
    params_overlay: ParamsOverlayArg = None,
) -> None:
    """Skriv en avtalsfil genom att svara på frågor. / Write an agreement file by answering questions."""
    from forenad.files import OutputError, OutputExists, write_atomic
    from forenad.guided import (
        AgreementInvalid,
        AnswersFileError,
        Asker,
        LineSource,
        OutOfAnswers,
        TerminalSource,
        interview,
        load_answers,
        render,
    )
    from forenad.guided.texts import MESSAGES

    language = lang_of(lang)
    params = parameters_or_exit(params_overlay)
    console = safe_console(highlight=False, soft_wrap=True)
    errors = safe_console(stderr=True, highlight=False, soft_wrap=True)
    if output is not None and output.exists() and not force:
        _fail(errors, str(OutputExists(output)))
    try:
        scripted = load_answers(answers) if answers is not None else {}
    except AnswersFileError as exc:
        _fail(errors, exc.text(language))
    live = TerminalSource(console) if sys.stdin.isatty() else LineSource(console)
    asker = Asker(console, language, live, scripted)
    today = dt.date.today()
    try:
        agreement = interview(asker, params, today)
        path = output if output is not None else _ask_output(asker, agreement.id, force)
    except OutOfAnswers as exc:
        _fail(errors, MESSAGES["end_of_input"].format(key=exc.key)(language))
    except AgreementInvalid as exc:
        errors.print(RichText(MESSAGES["invalid_agreement"](language)))
        for error in exc.errors:
            errors.print(RichText(f"  {error.path}: {error.message(language)}"))
        raise typer.Exit(EXIT_INPUT) from None
    try:
        write_atomic(path, render(agreement, path, today).encode("utf-8"), force=force)
    except OutputError as exc:  # an existing file, a directory, a read-only folder, a full disk
        _fail(errors, exc.message(language))
    except (OSError, ValueError) as exc:
        _fail(errors, f"{path}: {getattr(exc, 'strerror', None) or exc}")
    asker.say(MESSAGES["written"].format(file=str(path)), style="green")
    unused = sorted(set(scripted) - asker.used - {"output", "check", "draft"})
    if unused:
        asker.say(MESSAGES["unused"].format(keys=", ".join(unused)), style="yellow")
    _offer_check_and_draft(asker, path, language, params)


def _fail(errors: Console, message: str) -> NoReturn:
    errors.print(RichText(f"forenad new: {message}", style="red"))
    raise typer.Exit(EXIT_INPUT)


def _ask_output(asker: Asker, agreement_id: str, force: bool) -> Path:
    from forenad.guided.defaults import slug
    from forenad.guided.parsing import Invalid
    from forenad.guided.texts import MESSAGES

    def path_of(raw: str) -> Path:
        if "\x00" in raw:
            raise Invalid(MESSAGES["bad_file_name"])
        path = Path(raw.strip())
        if path.is_dir() or (path.exists() and not force):
            raise Invalid(MESSAGES["file_exists"].format(file=str(path)))
        return path

    answer = asker.ask("output", path_of, default=f"{slug(agreement_id, 'avtal')}.yaml")
    assert answer is not None
    return answer


def _offer_check_and_draft(asker: Asker, path: Path, lang: Lang, params: ParameterSet) -> None:
    """Offer to check the written file, and to draft it when a ``draft`` command exists; once the input
    has ended, the offers count as declined. Both use ``params`` (and its overlay folder)."""
    from forenad.guided import OutOfAnswers
    from forenad.guided.parsing import yes_no
    from forenad.guided.texts import MESSAGES

    yes, no = ("yes", "no") if lang == "en" else ("ja", "nej")
    try:
        checked = bool(asker.ask("check", yes_no, default=yes))
    except OutOfAnswers:
        checked = False
    if checked:
        from forenad.checking import check_files
        from forenad.cli.render_check import print_run

        print_run(check_files([path], params=params), lang, asker.console)
    if not checked:
        asker.say(MESSAGES["check_later"].format(file=str(path)))
    try:
        drafting = bool(asker.ask("draft", yes_no, default=no))
    except OutOfAnswers:
        drafting = False
    if not drafting:
        asker.say(MESSAGES["draft_later"].format(file=str(path)))
        return
    _draft(asker, path, lang, params)


def _draft(asker: Asker, path: Path, lang: Lang, params: ParameterSet) -> None:
    """Draft through the library, next to the agreement file (never into whatever directory the user happens
    to be in); a failed draft is reported, and the agreement file stays written."""
    import forenad
    from forenad.errors import ForenadError

    try:
        written = forenad.draft(path, path.parent, lang=lang, params=params)
    except ForenadError as exc:
        message = exc.message(lang) if hasattr(exc, "message") else str(exc)
        asker.say(f"forenad draft: {message}", style="red")
        return
    for file in written:
        asker.say(f"  {file}")
