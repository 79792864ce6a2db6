"""The batch side of ``forenad draft``: the preflight, the process pool, a progress bar, the report.

The report is the one ``forenad draft`` always printed (a line per file, its files, a summary), printed as
the files finish; the progress bar goes to stderr, when it is a terminal or with ``--progress``.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forenad.i18n import Lang
from forenad.terminal import console as safe_console

if TYPE_CHECKING:
    from forenad.render.catalogue import Template


def run(
    files: Sequence[Path],
    output: Path,
    templates: list[Template] | None,
    *,
    pdf: bool,
    force: bool,
    on: dt.date | None,
    final: bool,
    lang: Lang,
    jobs: int | None,
    progress: bool | None,
    params_overlay: Path | None = None,
    allow_swedish: bool = False,
) -> int:
    """Draft ``files``; returns the exit code (0, 1 for findings of severity error, 2, 3)."""

    from forenad.cli import ISSUES_URL
    from forenad.cli.drafting import _TEXT, _escape
    from forenad.render.batch import BatchOptions, preflight, run_batch

    text = _TEXT[lang]
    out = safe_console(highlight=False, soft_wrap=True)
    err = safe_console(highlight=False, soft_wrap=True, stderr=True)
    options = BatchOptions(
        output,
        tuple(templates) if templates else None,
        lang,
        on,
        final,
        force,
        pdf,
        params_overlay=params_overlay,
        allow_swedish=allow_swedish,
    )
    existing, clashes = preflight(files, options, jobs or 1)
    if existing:
        err.print(f"[bold red]✗[/] {text['exists']}")
        for path in existing:
            err.print(f"  {_escape(str(path))}")
        return 2
    show = sys.stderr.isatty() if progress is None else progress
    bar, task = _progress(err, len(files), lang) if show else (None, None)
    code, ok, docs, with_errors = 0, 0, 0, 0
    start = time.perf_counter()
    outcomes = run_batch(files, options, jobs, clashes)
    # closing(): on an exception (Ctrl-C, SIGTERM) the batch ends at once, and its pool, its temporary
    # folder and its LibreOffice with it
    with closing(outcomes), bar if bar is not None else nullcontext(), _environment(err, lang):
        for outcome in outcomes:
            code = max(code, 3 if outcome.bug else 2) if not outcome.ok else code
            if outcome.error is not None:
                out.print(f"[bold red]✗[/] [bold]{_escape(outcome.source)}[/]: {text['failed']}")
                out.print(f"    {_escape(outcome.error)}")
                if outcome.bug:
                    out.print(f"    {_escape(text['bug'].format(url=ISSUES_URL))}")
            else:
                ok += 1
                docs += outcome.documents
                with_errors += outcome.error_findings
                mark = "[yellow]![/]" if outcome.error_findings else "[green]✓[/]"
                written = text["written"].format(n=len(outcome.written))
                out.print(f"{mark} [bold]{_escape(outcome.source)}[/]: {written}")
                for written_path in outcome.written:
                    out.print(f"    {_escape(written_path)}")
            if bar is not None:
                bar.update(task, advance=1, docs=docs)
    elapsed = time.perf_counter() - start
    out.print(text["summary"].format(files=len(files), ok=ok, bad=len(files) - ok, docs=docs))
    if with_errors:
        out.print(text["findings"].format(n=with_errors))
        if code == 0:
            code = 1
    if show:
        rate = docs / elapsed if elapsed > 0 else 0.0
        line = (
            "{docs} dokument på {s:.1f} s ({rate:.0f}/s)"
            if lang == "sv"
            else "{docs} documents in {s:.1f} s ({rate:.0f}/s)"
        )
        err.print(f"[dim]{line.format(docs=docs, s=elapsed, rate=rate)}[/]")
    return code


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
        err.print(f"[bold red]✗[/] {_escape_markup(error.message(lang))}")
        raise SystemExit(2) from None


def _escape_markup(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _progress(console: Any, total: int, lang: Lang) -> tuple[Any, Any]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    label = "Utkast" if lang == "sv" else "Drafts"
    unit = "dokument" if lang == "sv" else "documents"
    bar = Progress(
        TextColumn(f"[bold]{label}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(f"{{task.fields[docs]}} {unit}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        redirect_stdout=True,
    )
    task = bar.add_task(label, total=total, docs=0)
    return bar, task
