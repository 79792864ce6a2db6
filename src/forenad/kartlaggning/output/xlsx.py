"""The survey as an Excel workbook (openpyxl, imported only here), with native charts.

Sheet one is the overview: title, date, the confidentiality note (or the internal-report warning) and the
overview table. Each further table has a sheet of its own: its text, a header row, the rows with counts,
percentages and kronor as numbers with number formats (a hidden cell is the text ``< 3``, a lower bound
reads ``≥ 1 234 kr`` and is still a number), and, where the table has one, a chart beside it (models,
professions, findings by topic: bar charts; cost shares: a pie). The last sheet lists the hidden cells.
Values only, never a formula. The operator's notes (which name files) are not in the workbook.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from forenad._version import __version__
from forenad.i18n import Lang
from forenad.kartlaggning.output.common import (
    HIDDEN_NONE,
    HIDDEN_TITLE,
    LOWER_BOUND,
    TITLE,
    has_lower_bound,
    heading,
    hidden_lines,
)
from forenad.kartlaggning.result import Cell, Survey, Table

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_FORMATS = {
    "count": "0",
    "percent": '0" %"',
    "kronor": '#,##0 "kr"',
}
_LOWER = '"≥ "#,##0 "kr"'
_HEADER_FILL = "1F4E78"
_TOTAL_FILL = "DDEBF7"
_INTERNAL_FILL = "F8CBAD"
_FIRST_ROW = 5
"""Where a table's header row is on its sheet (title, text and a blank line above)."""


def to_xlsx(survey: Survey, lang: Lang = "sv", today: dt.date | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    first = book.active
    assert first is not None
    names: set[str] = set()
    for i, table in enumerate(survey.tables):
        sheet = first if i == 0 else book.create_sheet()
        sheet.title = _sheet_name(table.title(lang), names)
        if i == 0:
            sheet.append([TITLE(lang)])
            sheet["A1"].font = Font(bold=True, size=14)
            for line in heading(survey, lang, today):
                sheet.append([line])
                sheet.cell(sheet.max_row, 1).alignment = Alignment(wrap_text=False)
            if survey.internal:
                cell = sheet.cell(sheet.max_row, 1)
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor=_INTERNAL_FILL)
            sheet.append([])
        _table(sheet, table, lang)
    hidden = book.create_sheet(_sheet_name(HIDDEN_TITLE(lang), names))
    hidden.append([HIDDEN_TITLE(lang)])
    hidden["A1"].font = Font(bold=True, size=12)
    lines = hidden_lines(survey, lang) if survey.suppressed else []
    for line in lines or [HIDDEN_NONE(lang)]:
        hidden.append([line])
    hidden.column_dimensions["A"].width = 120
    book.properties.title = TITLE(lang)
    book.properties.subject = survey.on.isoformat()
    book.properties.creator = f"forenad {__version__}"
    book.properties.created = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(title: str, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "", title).strip()[:31]
    base, n = name, 2
    while name in taken:
        suffix = f" {n}"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _table(sheet: Worksheet, table: Table, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    top = sheet.max_row + 1 if sheet.max_row > 1 else 1
    sheet.cell(top, 1, table.title(lang)).font = Font(bold=True, size=12)
    sheet.cell(top + 1, 1, table.text(lang)).alignment = Alignment(wrap_text=False, vertical="top")
    header_row = top + 3
    header = ["", *(c.label(lang) for c in table.columns)]
    for col, text in enumerate(header, start=1):
        cell = sheet.cell(header_row, col, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for offset, row in enumerate(table.rows, start=1):
        r = header_row + offset
        label = sheet.cell(r, 1, row.label(lang))
        label.alignment = Alignment(wrap_text=True, vertical="top")
        for col, data in enumerate(row.cells, start=2):
            cell = sheet.cell(r, col, _value(data, lang))
            if isinstance(cell.value, int | float):
                cell.number_format = _LOWER if data.lower_bound else _FORMATS[data.kind]
            cell.alignment = Alignment(horizontal="right", vertical="top")
        if row.total:
            for col in range(1, len(header) + 1):
                cell = sheet.cell(r, col)  # type: ignore[assignment]  # written above: never merged
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor=_TOTAL_FILL)
    last = header_row + len(table.rows)
    if has_lower_bound(table):
        sheet.cell(last + 1, 1, LOWER_BOUND(lang))
    sheet.column_dimensions["A"].width = max([30, *(min(len(r.label(lang)) + 2, 70) for r in table.rows)])
    for col in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = max(14, min(len(header[col - 1]) + 2, 30))
    sheet.freeze_panes = f"B{header_row + 1}"
    if table.chart is not None:
        _chart(sheet, table, header_row, lang)


def _value(cell: Cell, lang: Lang) -> Any:
    if cell.suppressed is not None or cell.value is None:
        return cell.text(lang)
    if isinstance(cell.value, Decimal):
        return int(cell.value) if cell.value == cell.value.to_integral_value() else float(cell.value)
    return cell.value


def _chart(sheet: Worksheet, table: Table, header_row: int, lang: Lang) -> None:
    from openpyxl.chart import BarChart, PieChart, Reference
    from openpyxl.utils import get_column_letter

    assert table.chart is not None
    body = [r for r in table.rows if not r.total]
    if not body:
        return
    column = table.column_index(table.chart.column) + 2
    first, last = header_row + 1, header_row + len(body)
    data = Reference(sheet, min_col=column, min_row=header_row, max_row=last)
    labels = Reference(sheet, min_col=1, min_row=first, max_row=last)
    chart: Any
    if table.chart.kind == "pie":
        chart = PieChart()
    else:
        chart = BarChart()
        chart.type = "bar"
        chart.style = 10
        chart.legend = None
        chart.y_axis.majorGridlines = None
    chart.title = table.chart.title(lang)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.height = max(7.5, 0.6 * len(body) + 3)
    chart.width = 18
    anchor = f"{get_column_letter(len(table.columns) + 3)}{header_row}"
    sheet.add_chart(chart, anchor)
