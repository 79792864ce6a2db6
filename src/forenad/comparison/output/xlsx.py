"""The comparison as an Excel workbook (openpyxl, imported only here).

Sheet one is the table: a formatted header row (each column headed by its agreement's title and employment
model) and the first column frozen, both repeated on every printed page, printed in landscape fitted to the
page's width; amounts, percentages, days and
months as numbers with number formats (a lower bound reads ``≥ 420 505 kr`` and is still a number), rows
that differ filled and marked ``≠``, a note on a figure as a cell comment. Further sheets list each
alternative's field changes, the models that cannot apply and the findings per column. Every row goes in
through :func:`forenad.office.append_row`: a text that could read as a formula is stored as text, never as
a formula, and control characters are shown.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from forenad._version import __version__
from forenad.comparison import labels
from forenad.comparison.output.common import DIFFERS, column_heading, plain, sorted_findings, words
from forenad.comparison.result import Cell, Comparison, Row
from forenad.i18n import Lang
from forenad.office import append_row, office_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_KRONOR = '#,##0 "kr"'
_KRONOR_LOWER = '"≥ "#,##0 "kr"'
_PERCENT = '0" %"'
_PERCENT_DECIMALS = '0.0##" %"'
_WHOLE = "0"
_HEADER_FILL = "1F4E78"
_SECTION_FILL = "DDEBF7"
_DIFFERS_FILL = "FFF2CC"


def to_xlsx(cmp: Comparison, lang: Lang | None = None) -> bytes:
    from openpyxl import Workbook

    lang = lang or cmp.lang
    w = words(lang)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = w["sheet_table"]
    _table(sheet, cmp, lang)
    changes = book.create_sheet(w["sheet_changes"])
    _list(
        changes,
        [w["column"], w["field"], w["before"], w["after"], w["why"]],
        [
            [c.label(lang), ch.path, plain(ch.before, lang), plain(ch.after, lang), ch.why(lang)]
            for c in cmp.columns
            if c.overlay is not None
            for ch in c.overlay.changes
        ],
        [30, 34, 40, 40, 70],
    )
    na = book.create_sheet(w["sheet_na"])
    _list(
        na,
        [w["column"], w["model"], w["reason"]],
        [[n.source, labels.model(n.model)(lang), r(lang)] for n in cmp.not_applicable for r in n.reasons],
        [40, 30, 100],
    )
    findings = book.create_sheet(w["sheet_findings"])
    _list(
        findings,
        [w["column"], w["severity"], w["rule"], w["rule_title"], w["message"]],
        [
            [c.label(lang), w[f.severity], f.rule, c.title_of(f.rule)(lang), f.text(lang)]
            for c in cmp.columns
            for f in sorted_findings(c)
        ],
        [30, 12, 40, 45, 100],
    )
    book.properties.title = w["title"]
    book.properties.subject = w["on"].format(date=cmp.on.isoformat())
    book.properties.creator = f"forenad {__version__}"
    book.properties.created = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(sheet: Worksheet, cmp: Comparison, lang: Lang) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    w = words(lang)
    header = [w["term"], *(column_heading(c, cmp, lang) for c in cmp.columns)]
    append_row(sheet, header)
    _style_header(sheet, len(header))
    sheet.row_dimensions[1].height = 15 * max(2, max(_lines(h) for h in header))
    widths = [max(len(line) for line in h.split("\n")) for h in header]
    section = None
    for row in cmp.rows:
        if row.section != section:
            section = row.section
            r = append_row(sheet, [labels.section(section)(lang)])
            for col in range(1, len(header) + 1):
                cell = sheet.cell(r, col)
                cell.fill = PatternFill("solid", fgColor=_SECTION_FILL)
                cell.font = Font(bold=True)
        label = f"{DIFFERS} {row.label(lang)}" if row.differs else row.label(lang)
        r = append_row(sheet, [label, *(_value(c, row, lang) for c in row.cells)])
        widths[0] = max(widths[0], len(label))
        for i, cell_data in enumerate(row.cells, start=2):
            cell = sheet.cell(r, i)
            fmt = _format(cell_data, row)
            if fmt is not None and isinstance(cell.value, int | float):
                cell.number_format = fmt
                cell.alignment = Alignment(horizontal="right", vertical="top")
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell_data.note is not None:
                cell.comment = Comment(office_text(cell_data.note(lang)), "forenad", width=320, height=160)
            widths[i - 1] = max(widths[i - 1], min(len(row.texts(lang)[i - 2]), 34))
        if row.differs:
            for col in range(1, len(header) + 1):
                cell = sheet.cell(r, col)
                cell.fill = PatternFill("solid", fgColor=_DIFFERS_FILL)
                cell.font = Font(bold=True)
        sheet.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(14, min(width + 2, 48 if i == 1 else 36))
    header_item = sheet.oddHeader
    assert header_item is not None  # openpyxl makes every header and footer with the sheet
    header_item.center.text = f"{w['title']} · {w['on'].format(date=cmp.on.isoformat())}"
    sheet.print_title_rows = "1:1"  # the column headings on every printed page
    sheet.print_title_cols = "A:A"  # and the row labels
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1  # every column on the page's width, as many pages down as it takes
    sheet.page_setup.fitToHeight = 0
    assert sheet.sheet_properties.pageSetUpPr is not None
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _lines(text: str) -> int:
    """The lines a header cell needs at its column's width (about 36 characters)."""
    return sum(1 + len(line) // 36 for line in text.split("\n"))


def _value(cell: Cell, row: Row, lang: Lang) -> Any:
    value = cell.value
    if cell.display is None and isinstance(value, Decimal | int) and not isinstance(value, bool):
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        return value
    return cell.text(row.kind, lang)


def _format(cell: Cell, row: Row) -> str | None:
    if row.kind == "kronor":
        return _KRONOR_LOWER if cell.lower_bound else _KRONOR
    if row.kind == "percent":
        value = cell.value
        whole = isinstance(value, int) or (isinstance(value, Decimal) and value == value.to_integral_value())
        return _PERCENT if whole else _PERCENT_DECIMALS
    if row.kind in ("count", "days", "months"):
        return _WHOLE
    return None


def _style_header(sheet: Worksheet, width: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for col in range(1, width + 1):
        cell = sheet.cell(1, col)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[1].height = 32


def _list(sheet: Worksheet, header: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    append_row(sheet, header)
    _style_header(sheet, len(header))
    for row in rows:
        number = append_row(sheet, row)
        for col in range(1, len(header) + 1):
            sheet.cell(number, col).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
