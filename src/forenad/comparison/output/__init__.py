"""Outputs of a comparison: a terminal table, JSON, Markdown, an Excel workbook and a Word report.

Each writer is imported on use, so rich, openpyxl and python-docx load only for the output asked for.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from forenad.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from forenad.comparison.result import Comparison

__all__ = ["print_comparison", "to_docx", "to_json", "to_markdown", "to_xlsx"]


def print_comparison(cmp: Comparison, lang: Lang | None = None, console: Console | None = None) -> None:
    from forenad.comparison.output.text import print_comparison as run

    run(cmp, lang, console)


def to_json(cmp: Comparison, lang: Lang | None = None) -> str:
    return json.dumps(cmp.as_json(lang), ensure_ascii=False, indent=2) + "\n"


def to_markdown(cmp: Comparison, lang: Lang | None = None) -> str:
    from forenad.comparison.output.markdown import to_markdown as run

    return run(cmp, lang)


def to_xlsx(cmp: Comparison, lang: Lang | None = None) -> bytes:
    from forenad.comparison.output.xlsx import to_xlsx as run

    return run(cmp, lang)


def to_docx(cmp: Comparison, lang: Lang | None = None) -> bytes:
    from forenad.comparison.output.docx import to_docx as run

    return run(cmp, lang)
