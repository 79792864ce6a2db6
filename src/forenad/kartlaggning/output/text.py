"""The survey as plain text, for the terminal or a text file: every table with aligned columns, the hidden
cells, and (unless left out) the operator's notes naming files and organisations."""

from __future__ import annotations

import datetime as dt
import textwrap

from forenad.i18n import Lang
from forenad.kartlaggning.output.common import (
    DIFFERENT,
    DUPLICATES,
    HIDDEN_NONE,
    HIDDEN_TITLE,
    LOWER_BOUND,
    OPERATOR_TITLE,
    TITLE,
    UNPLACED,
    UNREADABLE,
    has_lower_bound,
    heading,
    hidden_lines,
    plain,
)
from forenad.kartlaggning.result import Survey, Table

WIDTH = 100


def to_text(survey: Survey, lang: Lang = "sv", operator: bool = True, today: dt.date | None = None) -> str:
    lines = [TITLE(lang), "=" * len(TITLE(lang))]
    for line in heading(survey, lang, today):
        lines.extend(textwrap.wrap(plain(line), WIDTH))
    for table in survey.tables:
        lines.append("")
        lines.extend(table_lines(table, lang))
    if survey.suppressed:
        lines += ["", HIDDEN_TITLE(lang), "-" * len(HIDDEN_TITLE(lang))]
        hidden = hidden_lines(survey, lang)
        lines.extend(f"  {plain(h)}" for h in hidden) if hidden else lines.append(HIDDEN_NONE(lang))
    notes = survey.operator
    if operator and notes:
        lines += ["", OPERATOR_TITLE(lang), "-" * len(OPERATOR_TITLE(lang))]
        if notes.duplicates:
            lines.append(DUPLICATES(lang))
            for d in notes.duplicates:
                lines.append("  " + ", ".join(d.files) + ("" if d.same_content else DIFFERENT(lang)))
        if notes.unreadable:
            lines.append(UNREADABLE(lang))
            lines.extend(f"  {f}" for f in notes.unreadable)
        if notes.unplaced:
            lines.append(UNPLACED(lang))
            lines.extend(f"  {name}" for name in notes.unplaced)
    return "\n".join(lines) + "\n"


def table_lines(table: Table, lang: Lang) -> list[str]:
    title = table.title(lang)
    lines = [title, "-" * len(title)]
    lines.extend(textwrap.wrap(plain(table.text(lang)), WIDTH))
    header = ["", *(plain(c.label(lang)) for c in table.columns)]
    body = [[plain(r.label(lang)), *(plain(c.text(lang)) for c in r.cells)] for r in table.rows]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    widths[0] = min(widths[0], 60)
    lines.append("")
    for row in [header, *body]:
        label = row[0] if len(row[0]) <= widths[0] else row[0][: widths[0] - 1] + "…"
        cells = [label.ljust(widths[0]), *(v.rjust(w) for v, w in zip(row[1:], widths[1:], strict=True))]
        lines.append(("  " + "  ".join(cells)).rstrip())
    if has_lower_bound(table):
        lines.append(f"  {plain(LOWER_BOUND(lang))}")
    return lines
