"""The batch side of ``forenad draft``: the preflight, the process pool, a progress bar, the report.

The report is the one ``forenad draft`` always printed (a line per file, its files, a summary), printed as
the files finish; the progress bar goes to stderr, when it is a terminal or with ``--progress``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forenad.i18n import Lang
from forenad.presentation import count, format_number, seconds
from forenad.terminal import console as safe_console

if TYPE_CHECKING:
    from forenad.render.batch import BatchOptions, Outcome


def run(
    files: Sequence[Path],
    options: BatchOptions,
    *,
    jobs: int | None,
    progress: bool | None,
    quiet: bool = False,
) -> int:
    """Draft ``files`` with ``options``; returns the exit code (0; 1 for findings of severity error or a
    final document refused for them; 2 for an input, an output that exists or a clash; 3 for a bug in a
    shipped template).

    An agreement whose files exist already (without ``force``) is skipped and listed; the others are
    written. ``quiet`` prints only what went wrong and the summary."""
    from forenad.render.batch import preflight, run_batch

    lang = options.lang
    pdf = options.pdf
    out = safe_console(highlight=False, soft_wrap=True)
    err = safe_console(highlight=False, soft_wrap=True, stderr=True)
    found = preflight(files, options, jobs or 1)
    show = (sys.stderr.isatty() and not quiet) if progress is None else progress
    bar = _Bar(err, len(files), lang, pdf) if show else None
    tally = _Tally()
    start = time.perf_counter()
    outcomes = run_batch(files, options, jobs, found, bar.pdf if bar is not None else None)
    # closing(): on an exception (Ctrl-C, SIGTERM) the batch ends at once, and its pool, its temporary
    # folder and its LibreOffice with it
    with closing(outcomes), bar.live if bar is not None else nullcontext(), _environment(err, lang):
        for outcome in outcomes:
            tally.add(outcome)
            _print_outcome(out, outcome, lang, quiet)
            if bar is not None:
                bar.advance(tally.docs)
    elapsed = time.perf_counter() - start
    out.print(tally.summary(lang))
    if tally.skipped:
        out.print(_text(lang, "skipped_hint"))
    if tally.with_errors:
        agreements = _count(tally.with_errors, "agreement", lang)
        out.print(_text(lang, "findings").format(n=agreements))
    if show:
        rate = tally.docs / elapsed if elapsed > 0 else 0.0
        documents = _count(tally.docs, "document", lang)
        rate_text = format_number(round(rate), lang)
        line = (
            f"{documents} på {seconds(elapsed, lang)} ({rate_text}/s)"
            if lang == "sv"
            else (f"{documents} in {seconds(elapsed, lang)} ({rate_text}/s)")
        )
        err.print(f"[dim]{line}[/]")
    return tally.code


_NOUNS: dict[Lang, dict[str, tuple[str, str]]] = {
    # the words counted, (one, other)
    "sv": {
        "document": ("dokument", "dokument"),
        "file": ("fil", "filer"),
        "agreement": ("avtal", "avtal"),
        "done": ("klart", "klara"),
        "skipped": ("överhoppat", "överhoppade"),
        "failed": ("misslyckat", "misslyckade"),
    },
    "en": {
        "document": ("document", "documents"),
        "file": ("file", "files"),
        "agreement": ("agreement", "agreements"),
        "done": ("done", "done"),
        "skipped": ("skipped", "skipped"),
        "failed": ("failed", "failed"),
    },
}
_WORDS: dict[Lang, dict[str, str]] = {
    "sv": {
        "written": "{files} skrivna",
        "failed": "inget skrivet",
        "skipped": "hoppades över: filerna finns redan",
        "skipped_hint": "Avtal vars filer redan finns hoppas över; --force skriver över dem.",
        "findings": "{n} har regelfynd av allvarlighet fel (se bilagan i utkasten)",
        "bug": "internt fel i en medföljande mall (en bugg); rapportera gärna på {url}",
        "summary": "{files}: {done}, {skipped}, {failed}, {docs}",
    },
    "en": {
        "written": "{files} written",
        "failed": "nothing written",
        "skipped": "skipped: the files exist",
        "skipped_hint": "Agreements whose files exist are skipped; --force overwrites them.",
        "findings": "{n} with rule findings of severity error (see the annex of the drafts)",
        "bug": "internal error in a shipped template (a bug); please report it at {url}",
        "summary": "{files}: {done}, {skipped}, {failed}, {docs}",
    },
}


def _text(lang: Lang, key: str) -> str:
    return _WORDS[lang][key]


def _count(n: int, noun: str, lang: Lang) -> str:
    one, other = _NOUNS[lang][noun]
    return count(n, one, other, lang)


class _Tally:
    """The batch's counts as outcomes arrive, and its exit code."""

    def __init__(self) -> None:
        self.files = self.done = self.skipped = self.failed = self.docs = self.with_errors = self.code = 0

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        self.code = _worse(self.code, outcome.code)
        if outcome.skipped:
            self.skipped += 1
        elif outcome.error is not None:
            self.failed += 1
        else:
            self.done += 1
            self.docs += outcome.documents
            self.with_errors += outcome.error_findings

    def summary(self, lang: Lang) -> str:
        return _text(lang, "summary").format(
            files=_count(self.files, "agreement", lang),
            done=_count(self.done, "done", lang),
            skipped=_count(self.skipped, "skipped", lang),
            failed=_count(self.failed, "failed", lang),
            docs=_count(self.docs, "document", lang),
        )


def _worse(code: int, other: int) -> int:
    """The exit code of two: 3 (a bug) > 2 (input, output) > 1 (rule errors) > 0."""
    return max(code, other)


def _print_outcome(out: Any, outcome: Outcome, lang: Lang, quiet: bool) -> None:
    from forenad.cli import ISSUES_URL

    words = _WORDS[lang]
    source = _escape(outcome.source)
    if outcome.skipped:
        out.print(f"[yellow]–[/] [bold]{source}[/]: {words['skipped']}")
        for path in outcome.skipped:
            out.print(f"    {_escape(path)}")
    elif outcome.error is not None:
        if outcome.refused:  # the refusal's first line says what happened, the others why
            head, _, rest = outcome.error.partition("\n")
            out.print(f"[bold red]✗[/] [bold]{source}[/]: {_escape(head)}")
            out.print(_escape(rest))
        else:
            out.print(f"[bold red]✗[/] [bold]{source}[/]: {words['failed']}")
            out.print(f"    {_escape(outcome.error)}")
        if outcome.bug:
            out.print(f"    {_escape(words['bug'].format(url=ISSUES_URL))}")
    elif not quiet:
        mark = "[yellow]![/]" if outcome.error_findings else "[green]✓[/]"
        written = words["written"].format(files=_count(len(outcome.written), "file", lang))
        out.print(f"{mark} [bold]{source}[/]: {written}")
        for path in outcome.written:
            out.print(f"    {_escape(path)}")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@contextmanager
def _environment(err: Any, lang: Lang) -> Iterator[None]:
    """An error of the environment outside any one agreement (no temporary folder for the PDFs, say): a
    message naming the path and exit 2, never a bug."""
    from forenad.files import ENVIRONMENT_ERRNOS, output_error

    try:
        yield
    except OSError as exc:
        if exc.errno not in ENVIRONMENT_ERRNOS:
            raise
        error = output_error(exc, exc.filename if exc.filename is not None else ".")
        err.print(f"[bold red]✗[/] {_escape(error.message(lang))}")
        raise SystemExit(2) from None


class _Bar:
    """The progress bar on stderr: agreements drafted and, with PDF, documents through LibreOffice (which
    moves while LibreOffice works, not only when a chunk of PDFs is done)."""

    def __init__(self, console: Any, total: int, lang: Lang, pdf: bool) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        label = "Utkast" if lang == "sv" else "Drafts"
        unit = _NOUNS[lang]["document"][1]
        self.live = Progress(
            TextColumn("[bold]{task.description}[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(f"{{task.fields[docs]}} {unit}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            redirect_stdout=True,
        )
        self.drafts = self.live.add_task(label, total=total, docs=0)
        self.pdfs = self.live.add_task("PDF", total=None, docs=0) if pdf else None

    def advance(self, docs: int) -> None:
        self.live.update(self.drafts, advance=1, docs=docs)

    def pdf(self, converted: int, staged: int) -> None:
        if self.pdfs is not None:
            self.live.update(self.pdfs, completed=converted, total=staged, docs=converted)
