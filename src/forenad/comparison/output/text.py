"""The comparison as a terminal table (rich): rows whose values differ are marked ``≠`` and highlighted."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from forenad.comparison import labels
from forenad.comparison.output.common import (
    DIFFERS,
    change_line,
    has_lower_bound,
    persons,
    visible_changes,
    words,
)
from forenad.comparison.result import Comparison
from forenad.i18n import Lang

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_comparison(cmp: Comparison, lang: Lang | None = None, console: Console | None = None) -> None:
    lang = lang or cmp.lang
    w = words(lang)
    if console is None:
        console = Console(highlight=False)  # the terminal's width (COLUMNS, or 80 when piped)
    console.print(f"[bold]{escape(w['title'])}[/] · {escape(w['on'].format(date=cmp.on.isoformat()))}")
    if cmp.columns:
        console.print(escape(w["person"].format(names=persons(cmp))))
        if console.width >= _TERM_WIDTH + _COLUMN_WIDTH * len(cmp.columns):
            console.print(_table(cmp, lang))
        else:  # too narrow for the columns side by side: one agreement after the other
            _stacked(cmp, lang, console)
        legend = [w["differs"]] + ([w["lower"]] if has_lower_bound(cmp) else [])
        console.print(f"[dim]{escape(' · '.join(legend))}[/]")
    _alternatives(cmp, lang, console)
    _not_applicable(cmp, lang, console)


_TERM_WIDTH, _COLUMN_WIDTH = 24, 18
"""The narrowest table worth printing: the term column and each agreement's column."""


def _stacked(cmp: Comparison, lang: Lang, console: Console) -> None:
    """The comparison for a narrow terminal: each agreement in turn, a line per term (``≠`` where the
    agreements differ)."""
    for k, column in enumerate(cmp.columns):
        console.print(f"\n[bold]{escape(column.label(lang))}[/]")
        section = None
        for row in cmp.rows:
            if row.section != section:
                section = row.section
                console.print(f"  [bold cyan]{escape(labels.section(section)(lang))}[/]")
            mark = f"[bold yellow]{DIFFERS}[/] " if row.differs else "  "
            value = escape(row.texts(lang)[k])
            console.print(f"  {mark}{escape(row.label(lang))}: {value}")


def _table(cmp: Comparison, lang: Lang) -> Table:
    w = words(lang)
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=False)
    table.add_column(w["term"], style="bold", overflow="fold", min_width=18, max_width=34)
    for column in cmp.columns:
        style = "" if column.baseline else "italic"
        table.add_column(
            escape(column.label(lang)), overflow="fold", min_width=14, header_style=f"bold {style}"
        )
    section = None
    for row in cmp.rows:
        if row.section != section:
            section = row.section
            table.add_row(
                f"[bold cyan]{escape(labels.section(section)(lang))}[/]", *([""] * len(cmp.columns))
            )
        label = escape(row.label(lang))
        texts = [escape(text) for text in row.texts(lang)]
        if row.differs:
            label = f"[bold yellow]{DIFFERS} {label}[/]"
            texts = [f"[yellow]{text}[/]" for text in texts]
        else:
            label = f"  {label}"
        table.add_row(label, *texts)
    return table


def _alternatives(cmp: Comparison, lang: Lang, console: Console) -> None:
    alternatives = [c for c in cmp.columns if c.overlay is not None]
    if not alternatives:
        return
    console.print(f"\n[bold]{escape(words(lang)['alternatives'])}[/]")
    for column in alternatives:
        assert column.overlay is not None
        console.print(f"[bold]{escape(column.label(lang))}[/]: {escape(column.overlay.explanation(lang))}")
        for change in visible_changes(column.overlay):
            console.print(f"  [dim]•[/] {escape(change_line(change, lang))}")


def _not_applicable(cmp: Comparison, lang: Lang, console: Console) -> None:
    if not cmp.not_applicable:
        return
    console.print(f"\n[bold]{escape(words(lang)['not_applicable'])}[/]")
    several = len({n.source for n in cmp.not_applicable}) > 1
    for item in cmp.not_applicable:
        prefix = f"{item.source}: " if several else ""
        console.print(f"[bold]{escape(prefix + labels.model(item.model)(lang))}[/]")
        for reason in item.reasons:
            console.print(f"  [dim]•[/] {escape(reason(lang))}")
