"""Terminal output of the summary that ``forenad check DIR…`` prints after the files."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from forenad.cli.render_check import TOPIC_LABELS
from forenad.i18n import Lang
from forenad.portfolio import Summary
from forenad.presentation import count
from forenad.report import SEVERITIES

_LABELS = {
    "sv": {
        "title": "Sammanfattning",
        "files": "filer",
        "valid": "giltiga",
        "with_errors": "med fel",
        "with_warnings": "med varningar",
        "invalid": "ogiltiga",
        "incomplete": "ofullständigt prövade (ett värde saknas)",
        "topic": "Ämne",
        "error": "fel",
        "warning": "varningar",
        "info": "info",
        "total": "Summa",
        "no_findings": "Inga avgöranden.",
    },
    "en": {
        "title": "Summary",
        "files": "files",
        "valid": "valid",
        "with_errors": "with errors",
        "with_warnings": "with warnings",
        "invalid": "invalid",
        "incomplete": "checked incompletely (a value is missing)",
        "topic": "Topic",
        "error": "errors",
        "warning": "warnings",
        "info": "info",
        "total": "Total",
        "no_findings": "No findings.",
    },
}


_FILE = {"sv": ("fil", "filer"), "en": ("file", "files")}
_VALID = {"sv": ("giltig", "giltiga"), "en": ("valid", "valid")}
_VALID_NOT = {"sv": ("ogiltig", "ogiltiga"), "en": ("invalid", "invalid")}


def print_summary(summary: Summary, lang: Lang, console: Console | None = None) -> None:
    """The file counts on one line, then a table of findings per topic and severity."""
    console = console or Console(highlight=False)
    w = _LABELS[lang]
    console.print()
    console.print(f"[bold]{w['title']}[/]")
    files = count(summary.files, *_FILE[lang], lang)
    valid = count(summary.valid, *_VALID[lang], lang)
    invalid = count(summary.invalid, *_VALID_NOT[lang], lang)
    if summary.invalid:
        invalid = f"[bold red]{invalid}[/]"
    console.print(
        f"  {files}: {valid} ({summary.with_errors} {w['with_errors']}, {summary.with_warnings} "
        f"{w['with_warnings']}), {invalid}"
    )
    if summary.incomplete:
        console.print(f"  [yellow]{summary.incomplete}[/] {w['incomplete']}")
    if not summary.topics:
        console.print(f"  {w['no_findings']}")
        return
    table = Table(box=box.SIMPLE_HEAD, show_footer=True, pad_edge=False, padding=(0, 1))
    table.add_column(w["topic"], footer=w["total"])
    for severity in SEVERITIES:
        table.add_column(w[severity], justify="right", footer=str(summary.findings(severity)))
    for topic in summary.topics:
        table.add_row(
            TOPIC_LABELS[lang].get(topic.topic, topic.topic), *(str(topic.count(s)) for s in SEVERITIES)
        )
    console.print(table)
