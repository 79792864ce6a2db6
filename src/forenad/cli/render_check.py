"""Terminal output of ``forenad check``."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from rich.console import Console
from rich.markup import escape

from forenad.checking import human_path
from forenad.i18n import Lang
from forenad.presentation import count
from forenad.report import SEVERITIES, TOPICS, CheckRun, FileResult, Finding
from forenad.terminal import console as safe_console

_LABELS = {
    "sv": {
        "valid": "giltig",
        "invalid": "kan inte läsas eller valideras",
        "error": "fel",
        "warning": "varning",
        "info": "info",
        "on": "prövat per {date}",
        "own_date": "prövat per {date}, avtalets startdatum",
        "unverified": "overifierat värde",
        "incomplete": (
            "ofullständig prövning: värde saknas per detta datum för {params}; {rules}"
            "lägg in värdena med forenad params add (se forenad params status)"
        ),
        "not_made": "regler som inte kunde prövas: {ids}; ",
        "figures": "belopp som bygger på dem är okända; ",
    },
    "en": {
        "valid": "valid",
        "invalid": "cannot be read or validated",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "on": "evaluated on {date}",
        "own_date": "evaluated on {date}, the agreement's start date",
        "unverified": "unverified value",
        "incomplete": (
            "incomplete check: no value in force on this date for {params}; {rules}"
            "enter the values with forenad params add (see forenad params status)"
        ),
        "not_made": "rules that could not be made: {ids}; ",
        "figures": "figures that need them are unknown; ",
    },
}
_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "sv": {
        "files": ("fil", "filer"),
        "bad": ("ogiltig", "ogiltiga"),
        "errors": ("fel", "fel"),
        "warnings": ("varning", "varningar"),
        "infos": ("info", "info"),
        "incomplete": ("ofullständigt prövad", "ofullständigt prövade"),
        "problems": ("problem", "problem"),
    },
    "en": {
        "files": ("file", "files"),
        "bad": ("invalid", "invalid"),
        "errors": ("error", "errors"),
        "warnings": ("warning", "warnings"),
        "infos": ("info", "info"),
        "incomplete": ("checked incompletely", "checked incompletely"),
        "problems": ("problem", "problems"),
    },
}
"""Words counted in the summary, singular and plural (the form is chosen by the language's rules)."""
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

TOPIC_LABELS = {
    "sv": {
        "legal_basis": "Rättslig grund",
        "extent": "Omfattning och fördelning",
        "salary": "Lön",
        "working_time": "Arbetstid",
        "vacation": "Semester",
        "pension": "Pension",
        "insurance": "Försäkringar",
        "sick_pay": "Sjuklön",
        "rehabilitation": "Rehabilitering",
        "work_environment": "Arbetsmiljö",
        "notice": "Uppsägningstid",
        "termination": "Upphörande",
        "secondary_employment": "Bisysslor",
        "cost_settlement": "Kostnadsfördelning",
        "collective_agreement": "Kollektivavtal",
        "documentation": "Dokumentation",
        "identity": "Identitet",
        "dates": "Datum",
    },
    "en": {
        "legal_basis": "Legal basis",
        "extent": "Extent and split",
        "salary": "Salary",
        "working_time": "Working time",
        "vacation": "Vacation",
        "pension": "Pension",
        "insurance": "Insurance",
        "sick_pay": "Sick pay",
        "rehabilitation": "Rehabilitation",
        "work_environment": "Work environment",
        "notice": "Notice",
        "termination": "Termination",
        "secondary_employment": "Secondary employment",
        "cost_settlement": "Cost settlement",
        "collective_agreement": "Collective agreement",
        "documentation": "Documentation",
        "identity": "Identity",
        "dates": "Dates",
    },
}


Mode = Literal["full", "brief", "quiet"]


def print_run(run: CheckRun, lang: Lang, console: Console | None = None, *, mode: Mode = "full") -> None:
    """The findings of each file (``full``), one line per file (``brief``) or nothing but the summary line
    (``quiet``), then the summary line."""
    console = console or safe_console(highlight=False, soft_wrap=True)
    labels = _LABELS[lang]
    for result in run.results:
        if mode == "full":
            _print_file(console, result, lang, run.evaluated_on)
        elif mode == "brief":
            _print_line(console, result, lang)
    counts = {s: sum(1 for r in run.results for f in r.findings if f.severity == s) for s in SEVERITIES}
    bad = sum(1 for r in run.results if not r.valid)
    incomplete = sum(1 for r in run.results if r.valid and not r.complete)
    words = _WORDS[lang]
    numbers = {
        "bad": bad,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
    }
    parts = [count(n, *words[key], lang) for key, n in numbers.items()]
    if incomplete:
        parts.append(count(incomplete, *words["incomplete"], lang))
    console.print(
        f"{count(len(run.results), *words['files'], lang)}: {', '.join(parts)}"
        f" ({labels['on'].format(date=run.evaluated_on.isoformat())})"
    )


def _print_line(console: Console, result: FileResult, lang: Lang) -> None:
    """One line for a file: its mark, name and counts (the errors of an invalid file, in number)."""
    words = _WORDS[lang]
    if not result.valid:
        problems = count(len(result.input_errors), *words["problems"], lang)
        console.print(f"[bold red]✗[/] {escape(result.file)}: {_LABELS[lang]['invalid']} ({problems})")
        return
    mark = "[bold red]✗[/]" if result.has_errors else "[yellow]?[/]" if not result.complete else "[green]✓[/]"
    errors = sum(1 for f in result.findings if f.severity == "error")
    warnings = sum(1 for f in result.findings if f.severity == "warning")
    counts = f"{count(errors, *words['errors'], lang)}, {count(warnings, *words['warnings'], lang)}"
    console.print(f"{mark} {escape(result.file)}: {counts}")


def _print_file(console: Console, result: FileResult, lang: Lang, run_date: dt.date | None = None) -> None:
    labels = _LABELS[lang]
    if not result.valid:
        console.print(f"[bold red]✗[/] [bold]{escape(result.file)}[/]: {labels['invalid']}")
        for err in result.input_errors:
            where = f"{result.file}:{err.line}" if err.line else result.file
            path = f" {err.path}:" if err.path else ""
            console.print(f"  {escape(where)}:{escape(path)} {escape(err.message(lang))}")
        return
    mark = "[bold red]✗[/]" if result.has_errors else "[yellow]?[/]" if not result.complete else "[green]✓[/]"
    own = result.evaluated_on is not None and run_date is not None and result.evaluated_on != run_date
    date_note = f" ({labels['own_date'].format(date=result.evaluated_on)})" if own else ""
    console.print(f"{mark} [bold]{escape(result.file)}[/]: {labels['valid']}{escape(date_note)}")
    if not result.complete:
        ids = list(dict.fromkeys(n.rule for n in result.not_made))
        rules = labels["not_made"].format(ids=", ".join(ids)) if ids else labels["figures"]
        text = labels["incomplete"].format(params=", ".join(result.missing_parameters), rules=rules)
        console.print(f"  [yellow]{escape(text)}[/]")
    by_topic: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_topic.setdefault(finding.topic, []).append(finding)
    for topic in sorted(by_topic, key=lambda t: TOPICS.index(t) if t in TOPICS else len(TOPICS)):
        console.print(f"  [bold]{escape(TOPIC_LABELS[lang].get(topic, topic))}[/]")
        for finding in sorted(by_topic[topic], key=lambda f: (SEVERITIES.index(f.severity), f.rule)):
            style = _STYLE[finding.severity]
            unverified = f" [magenta]({labels['unverified']})[/]" if finding.unverified else ""
            console.print(
                f"    [{style}]{labels[finding.severity]}[/] [dim]{finding.rule}[/]{unverified}\n"
                f"      {escape(finding.text(lang))}"
            )
            if finding.paths:
                shown = ", ".join(human_path(p, result.part_names, lang) for p in finding.paths)
                console.print(f"      [dim]{escape(shown)}[/]")
            for ref in finding.refs:
                console.print(f"      [dim]→ {escape(ref.short())}[/]")
