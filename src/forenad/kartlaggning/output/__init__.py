"""The survey's outputs: plain text, Markdown, JSON, Excel (native charts) and Word (charts as pictures).

Each output module imports its heavy library (openpyxl, python-docx, matplotlib) only when called.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from forenad.i18n import Lang
from forenad.kartlaggning.result import Survey

__all__ = ["FORMATS", "render", "to_docx", "to_json", "to_markdown", "to_text", "to_xlsx"]

FORMATS = ("text", "json", "md", "xlsx", "docx")


def to_text(survey: Survey, lang: Lang = "sv", operator: bool = True, today: dt.date | None = None) -> str:
    from forenad.kartlaggning.output.text import to_text as render_text

    return render_text(survey, lang, operator, today)


def to_markdown(survey: Survey, lang: Lang = "sv", today: dt.date | None = None) -> str:
    from forenad.kartlaggning.output.markdown import to_markdown as render_markdown

    return render_markdown(survey, lang, today)


def to_json(survey: Survey, lang: Lang = "sv", operator: bool = True) -> str:
    return json.dumps(survey.as_json(lang, operator), ensure_ascii=False, indent=2) + "\n"


def to_xlsx(survey: Survey, lang: Lang = "sv", today: dt.date | None = None) -> bytes:
    from forenad.kartlaggning.output.xlsx import to_xlsx as render_xlsx

    return render_xlsx(survey, lang, today)


def to_docx(survey: Survey, lang: Lang = "sv", today: dt.date | None = None) -> bytes:
    from forenad.kartlaggning.output.docx import to_docx as render_docx

    return render_docx(survey, lang, today)


def render(survey: Survey, fmt: str, lang: Lang = "sv", **options: Any) -> bytes:
    """The survey in one of :data:`FORMATS`, as bytes (UTF-8 for the text formats)."""
    if fmt == "xlsx":
        return to_xlsx(survey, lang)
    if fmt == "docx":
        return to_docx(survey, lang)
    if fmt == "json":
        return to_json(survey, lang, options.get("operator", True)).encode("utf-8")
    if fmt == "md":
        return to_markdown(survey, lang).encode("utf-8")
    return to_text(survey, lang, options.get("operator", True)).encode("utf-8")
