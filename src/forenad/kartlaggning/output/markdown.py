"""The survey as Markdown: a page for a wiki, an e-mail or the web app. Aggregates only: the operator's
notes (which name files) are left out."""

from __future__ import annotations

import datetime as dt

from forenad.i18n import Lang
from forenad.kartlaggning.output.common import (
    HIDDEN_NONE,
    HIDDEN_TITLE,
    LOWER_BOUND,
    TITLE,
    has_lower_bound,
    heading,
    hidden_lines,
    plain,
)
from forenad.kartlaggning.result import Survey, Table


def to_markdown(survey: Survey, lang: Lang = "sv", today: dt.date | None = None) -> str:
    lines = [f"# {TITLE(lang)}", ""]
    for line in heading(survey, lang, today):
        lines += [plain(line), ""]
    for table in survey.tables:
        lines.extend(table_markdown(table, lang))
    if survey.suppressed:
        lines += [f"## {HIDDEN_TITLE(lang)}", ""]
        hidden = hidden_lines(survey, lang)
        lines.extend(f"- {_escape(plain(h))}" for h in hidden) if hidden else lines.append(HIDDEN_NONE(lang))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")


def table_markdown(table: Table, lang: Lang) -> list[str]:
    lines = [f"## {table.title(lang)}", "", plain(table.text(lang)), ""]
    header = ["", *(_escape(plain(c.label(lang))) for c in table.columns)]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|---|" + "---:|" * len(table.columns))
    for row in table.rows:
        label = _escape(plain(row.label(lang)))
        label = f"**{label}**" if row.total else label
        cells = [_escape(plain(c.text(lang))) for c in row.cells]
        lines.append("| " + " | ".join([label, *cells]) + " |")
    lines.append("")
    if has_lower_bound(table):
        lines += [plain(LOWER_BOUND(lang)), ""]
    return lines
