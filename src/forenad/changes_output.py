"""A :class:`~forenad.changes_report.ChangeReport` as terminal text (rich), JSON or an Excel workbook
(openpyxl, imported only for the workbook).

The workbook has one sheet, ``Ändringar`` (``Changes``), a row per change: file, agreement id, kind (a new,
gone or changed finding, a figure, a dated value), rule or figure, what it is about, before, after,
difference and unit. Every cell holds a string or a number, never a formula: a text that starts with ``=``,
``+``, ``-``, ``@`` (or a tab or carriage return) is stored as text.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from forenad._version import __version__
from forenad.changes_report import (
    AgreementChanges,
    ChangeReport,
    FigureChange,
    FindingChange,
    ParameterChange,
)
from forenad.i18n import Lang
from forenad.terminal import console as safe_console

__all__ = ["print_changes", "to_json", "to_text", "to_xlsx"]

WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Ändringar från {before} till {after}",
        "params": "parametrar {before} → {after}",
        "findings": "Avgöranden",
        "figures": "Belopp och villkor",
        "behind": "Daterade värden bakom avgörandena",
        "all_params": "Daterade värden som skiljer mellan sidorna (alla avtal)",
        "appeared": "ny",
        "disappeared": "borta",
        "changed": "ändrad",
        "figure": "figur",
        "parameter": "parameter",
        "unchanged": "oförändrad",
        "invalid": "ogiltig fil",
        "error": "fel",
        "warning": "varning",
        "info": "info",
        "before": "Före",
        "after": "Efter",
        "difference": "Skillnad",
        "label": "Figur",
        "subject": "Avser",
        "name": "Parameter",
        "was": "före",
        "now": "efter",
        "unknown": "okänt",
        "none_in_force": "inget värde gäller",
        "from": "från",
        "unverified": "overifierat",
        "no_changes": "Utan ändringar ({count})",
        "not_read": "kan inte läsas eller valideras",
        "summary": "{total} avtal: {changed} med ändringar, {unchanged} utan, {invalid} ogiltiga",
        "nothing": "Inga avtal att jämföra.",
        "kr": "kr",
        "%": "%",
        "months": "mån.",
        "days": "dagar",
        "sheet": "Ändringar",
        "col_file": "Fil",
        "col_id": "Avtal",
        "col_kind": "Slag",
        "col_what": "Regel eller figur",
        "col_subject": "Avser",
        "col_before": "Före",
        "col_after": "Efter",
        "col_difference": "Skillnad",
        "col_unit": "Enhet",
        "line": "rad {line}",
        "show": "forenad params show {name}",
    },
    "en": {
        "title": "Changes from {before} to {after}",
        "params": "parameters {before} → {after}",
        "findings": "Findings",
        "figures": "Amounts and terms",
        "behind": "Dated values behind the findings",
        "all_params": "Dated values that differ between the sides (all agreements)",
        "appeared": "new",
        "disappeared": "gone",
        "changed": "changed",
        "figure": "figure",
        "parameter": "parameter",
        "unchanged": "unchanged",
        "invalid": "invalid file",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "before": "Before",
        "after": "After",
        "difference": "Difference",
        "label": "Figure",
        "subject": "About",
        "name": "Parameter",
        "was": "before",
        "now": "after",
        "unknown": "unknown",
        "none_in_force": "no value in force",
        "from": "from",
        "unverified": "unverified",
        "no_changes": "No changes ({count})",
        "not_read": "cannot be read or validated",
        "summary": "{total} agreement(s): {changed} with changes, {unchanged} without, {invalid} invalid",
        "nothing": "No agreements to compare.",
        "kr": "kr",
        "%": "%",
        "months": "months",
        "days": "days",
        "sheet": "Changes",
        "col_file": "File",
        "col_id": "Agreement",
        "col_kind": "Kind",
        "col_what": "Rule or figure",
        "col_subject": "About",
        "col_before": "Before",
        "col_after": "After",
        "col_difference": "Difference",
        "col_unit": "Unit",
        "line": "line {line}",
        "show": "forenad params show {name}",
    },
}
_MARK = {"appeared": "[bold]+[/]", "disappeared": "[bold]−[/]", "changed": "[bold]~[/]"}
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_TEXT_VALUE_LIMIT = 110


# --------------------------------------------------------------------------------------------------------
# Values as text


def number(value: int | float | Decimal, lang: Lang, *, sign: bool = False) -> str:
    """``46 000``, ``5 341,40`` (sv, with no-break spaces) or ``46,000``, ``5,341.40`` (en)."""
    text = f"{int(value):,}" if value == int(value) else f"{value:,.2f}"
    if lang == "sv":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", "\u00a0")
    if sign and value > 0:
        return "+" + text
    return text.replace("-", "−")


def figure_value(value: Any, unit: str, lang: Lang, *, sign: bool = False) -> str:
    w = WORDS[lang]
    if value is None:
        return w["unknown"]
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)
    word = w.get(unit, unit)
    return f"{number(value, lang, sign=sign)} {word}".rstrip()


def plain_value(value: Any, lang: Lang) -> str:
    """A parameter's value in a line: numbers in the language's form, lists and mappings spelt out."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int) and abs(value) < 10_000:
        return str(value)  # years, ages, days: no digit groups
    if isinstance(value, int | float):
        return number(value, lang)
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(plain_value(v, lang) for v in value)
    if isinstance(value, dict):
        return "{" + "; ".join(f"{k}: {plain_value(v, lang)}" for k, v in value.items()) + "}"
    return str(value)


def parameter_side(change: ParameterChange, side: str, lang: Lang, *, limit: int | None = None) -> str:
    w = WORDS[lang]
    value = change.before if side == "before" else change.after
    other = change.after if side == "before" else change.before
    if value is None:
        return w["none_in_force"]
    shown = value.value
    if isinstance(shown, dict) and other is not None and isinstance(other.value, dict):
        # Two mappings: only the keys whose values differ (or that only one side has).
        differing = {k: v for k, v in shown.items() if k not in other.value or other.value[k] != v}
        if differing:
            shown = differing
    text = plain_value(shown, lang)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    unverified = f", {w['unverified']}" if value.confidence == "unverified" else ""
    return f"{text} ({w['from']} {value.start.isoformat()}{unverified})"


def finding_side(change: FindingChange, side: str, lang: Lang) -> str:
    state = change.before if side == "before" else change.after
    if state is None:
        return ""
    return f"{WORDS[lang][state.severity]}: {state.message(lang)}"


# --------------------------------------------------------------------------------------------------------
# Terminal


def print_changes(report: ChangeReport, lang: Lang, console: Console | None = None) -> None:
    """The report for a terminal: each agreement with changes in full, those without on one line."""
    console = console or safe_console(highlight=False)
    w = WORDS[lang]
    title = w["title"].format(before=report.from_date.isoformat(), after=report.to_date.isoformat())
    if report.params_from != report.params_to:
        title += f" ({w['params'].format(before=report.params_from, after=report.params_to)})"
    console.print(f"[bold]{escape(title)}[/]")
    if not report.agreements:
        console.print(w["nothing"])
    for entry in report.agreements:
        if not entry.valid:
            _print_invalid(console, entry, lang)
        elif entry.changed:
            _print_entry(console, entry, lang)
    if report.unchanged:
        names = ", ".join(_name(e) for e in report.unchanged)
        console.print(f"[green]=[/] {w['no_changes'].format(count=len(report.unchanged))}: {escape(names)}")
    if report.parameters:
        console.print()
        console.print(f"[bold]{w['all_params']}[/]")
        console.print(_parameter_table(report.parameters, lang))
    console.print(
        w["summary"].format(
            total=len(report.agreements),
            changed=len(report.changed),
            unchanged=len(report.unchanged),
            invalid=len(report.invalid),
        )
    )


def to_text(report: ChangeReport, lang: Lang, width: int = 120) -> str:
    """The terminal report as plain text (no colours), for a file."""
    buffer = io.StringIO()
    print_changes(report, lang, safe_console(file=buffer, width=width, no_color=True, highlight=False))
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _name(entry: AgreementChanges) -> str:
    if entry.file and entry.agreement_id:
        return f"{entry.file} ({entry.agreement_id})"
    return entry.label


def _print_invalid(console: Console, entry: AgreementChanges, lang: Lang) -> None:
    console.print(f"[bold red]✗[/] [bold]{escape(entry.label)}[/]: {WORDS[lang]['not_read']}")
    for err in entry.input_errors:
        where = f"{entry.label}:{err.line}" if err.line else entry.label
        path = f" {err.path}:" if err.path else ""
        console.print(f"  {escape(where)}:{escape(path)} {escape(err.message(lang))}")


def _print_entry(console: Console, entry: AgreementChanges, lang: Lang) -> None:
    w = WORDS[lang]
    console.print()
    console.print(f"[bold]▶ {escape(_name(entry))}[/]")
    if entry.findings:
        console.print(f"  [bold]{w['findings']}[/]")
        for change in entry.findings:
            console.print(_finding_head(change, lang))
            if change.kind == "changed" and change.before is not None and change.after is not None:
                if change.before.message != change.after.message:
                    console.print(_indented(f"[dim]{w['was']}:[/] {escape(change.before.message(lang))}", 6))
                    console.print(_indented(f"[dim]{w['now']}:[/] {escape(change.after.message(lang))}", 6))
                else:
                    console.print(_indented(escape(change.after.message(lang)), 6))
            else:
                state = change.after or change.before
                if state is not None:
                    console.print(_indented(escape(state.message(lang)), 6))
    if entry.figures:
        console.print(f"  [bold]{w['figures']}[/]")
        console.print(Padding(_figure_table(entry.figures, lang), (0, 0, 0, 4), expand=False))
    if entry.parameters:
        console.print(f"  [bold]{w['behind']}[/]")
        for param in entry.parameters:
            console.print(
                _indented(
                    f"{escape(param.name)}: {escape(parameter_side(param, 'before', lang, limit=60))} → "
                    f"{escape(parameter_side(param, 'after', lang, limit=60))}",
                    4,
                )
            )


def _indented(markup: str, left: int) -> Padding:
    """A paragraph whose wrapped lines keep the indent."""
    return Padding(markup, (0, 0, 0, left), expand=False)


def _finding_head(change: FindingChange, lang: Lang) -> str:
    w = WORDS[lang]
    if change.kind == "changed" and change.before is not None and change.after is not None:
        if change.before.severity != change.after.severity:
            severity = (
                f"[{_STYLE[change.before.severity]}]{w[change.before.severity]}[/] → "
                f"[{_STYLE[change.after.severity]}]{w[change.after.severity]}[/]"
            )
        else:
            severity = f"[{_STYLE[change.after.severity]}]{w[change.after.severity]}[/]"
    else:
        state = change.after or change.before
        assert state is not None
        severity = f"[{_STYLE[state.severity]}]{w[state.severity]}[/]"
    paths = f" [dim]· {escape(', '.join(change.paths))}[/]" if change.paths else ""
    return f"    {_MARK[change.kind]} {w[change.kind]} {severity} [dim]{escape(change.rule)}[/]{paths}"


def _figure_table(figures: Sequence[FigureChange], lang: Lang) -> Table:
    w = WORDS[lang]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
    table.add_column(w["label"], overflow="fold", ratio=3)
    table.add_column(w["subject"], overflow="fold", ratio=2)
    table.add_column(w["before"], justify="right", no_wrap=True)
    table.add_column(w["after"], justify="right", no_wrap=True)
    table.add_column(w["difference"], justify="right", no_wrap=True)
    for change in figures:
        unit = change.figure.unit
        difference = change.difference
        table.add_row(
            escape(change.figure.label(lang)),
            escape(change.subject(lang) if change.subject is not None else ""),
            escape(figure_value(change.before, unit, lang)),
            escape(figure_value(change.after, unit, lang)),
            escape(figure_value(difference, unit, lang, sign=True)) if difference is not None else "",
        )
    return table


def _parameter_table(parameters: Sequence[ParameterChange], lang: Lang) -> Table:
    w = WORDS[lang]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
    table.add_column(w["name"], overflow="fold", ratio=2)
    table.add_column(w["before"], overflow="fold", ratio=3)
    table.add_column(w["after"], overflow="fold", ratio=3)
    for change in parameters:
        table.add_row(
            escape(change.name),
            escape(parameter_side(change, "before", lang, limit=_TEXT_VALUE_LIMIT)),
            escape(parameter_side(change, "after", lang, limit=_TEXT_VALUE_LIMIT)),
        )
    return table


# --------------------------------------------------------------------------------------------------------
# JSON


def to_json(report: ChangeReport, lang: Lang) -> str:
    return json.dumps(report.as_json(lang), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------------------
# Workbook

_HEADER_FILL = "1F4E78"
_WIDTHS = (42, 22, 12, 40, 30, 50, 50, 14, 10)


def rows(report: ChangeReport, lang: Lang) -> list[list[Any]]:
    """The workbook's rows below the header: strings, numbers and empty cells (``None``) only."""
    w = WORDS[lang]
    out: list[list[Any]] = []
    for entry in report.agreements:
        file, ident = entry.file or "", entry.agreement_id or ""
        if not entry.valid:
            for err in entry.input_errors:
                where = w["line"].format(line=err.line) if err.line else ""
                subject = ": ".join(p for p in (where, err.path) if p)
                out.append([file, ident, w["invalid"], "", subject, None, err.message(lang), None, None])
            continue
        if not entry.changed:
            out.append([file, ident, w["unchanged"], None, None, None, None, None, None])
            continue
        for change in entry.findings:
            out.append(
                [
                    file,
                    ident,
                    w[change.kind],
                    change.rule,
                    ", ".join(change.paths),
                    finding_side(change, "before", lang) or None,
                    finding_side(change, "after", lang) or None,
                    None,
                    None,
                ]
            )
        for fig in entry.figures:
            unit = w.get(fig.figure.unit, fig.figure.unit)
            out.append(
                [
                    file,
                    ident,
                    w["figure"],
                    fig.figure.label(lang),
                    fig.subject(lang) if fig.subject is not None else None,
                    _cell_number(fig.before, lang),
                    _cell_number(fig.after, lang),
                    fig.difference,
                    unit,
                ]
            )
        out.extend(_parameter_row(file, ident, p, lang) for p in entry.parameters)
    out.extend(_parameter_row("", "", p, lang) for p in report.parameters)
    return [[None if v == "" else v for v in row] for row in out]


def _parameter_row(file: str, ident: str, change: ParameterChange, lang: Lang) -> list[Any]:
    description = change.description(lang) if change.description is not None else None
    return [
        file,
        ident,
        WORDS[lang]["parameter"],
        change.name,
        description,
        parameter_side(change, "before", lang),
        parameter_side(change, "after", lang),
        None,
        change.unit,
    ]


def _cell_number(value: Any, lang: Lang) -> Any:
    if value is None:
        return WORDS[lang]["unknown"]
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Decimal):
        return float(value)  # a number cell (the workbook keeps the öre exactly)
    return value


def to_xlsx(report: ChangeReport, lang: Lang) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from forenad.office import append_row

    w = WORDS[lang]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = w["sheet"]
    header = [
        w[k]
        for k in (
            "col_file",
            "col_id",
            "col_kind",
            "col_what",
            "col_subject",
            "col_before",
            "col_after",
            "col_difference",
            "col_unit",
        )
    ]
    sheet.append(header)
    for col in range(1, len(header) + 1):
        cell = sheet.cell(1, col)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for row in rows(report, lang):
        number = append_row(sheet, row)  # formula-like text as text, control characters shown
        for col in range(1, len(header) + 1):
            sheet.cell(number, col).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{sheet.max_row}"
    for i, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    book.properties.title = w["title"].format(
        before=report.from_date.isoformat(), after=report.to_date.isoformat()
    )
    book.properties.creator = f"forenad {__version__}"
    book.properties.created = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
