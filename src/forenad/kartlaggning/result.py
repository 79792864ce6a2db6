"""What a survey comes to: tables of aggregate cells, the cells suppressed, and notes for the operator.

Every value is an aggregate over agreements. A suppressed cell holds no value at all (``value is None``,
``suppressed`` says why), so nothing built on a :class:`Survey` can show what the suppression hid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from forenad._version import __version__
from forenad.i18n import Lang, Text
from forenad.presentation.formatting import format_number

__all__ = [
    "Cell",
    "CellKind",
    "Chart",
    "Column",
    "OperatorNotes",
    "Row",
    "SuppressedCell",
    "Suppression",
    "Survey",
    "Table",
    "suppressed_text",
]

CellKind = Literal["count", "percent", "kronor"]
Suppression = Literal["primary", "secondary"]
NBSP = "\u00a0"
EMPTY = "–"


def suppressed_text(min_count: int = 3, reason: Suppression = "primary", lang: Lang = "sv") -> str:
    """What a hidden cell shows: ``< 3`` when it rests on fewer agreements itself, ``(dold)`` (hidden)
    when it is hidden so that such a cell cannot be worked out from a total."""
    if reason == "secondary":
        return "(hidden)" if lang == "en" else "(dold)"
    return f"<{NBSP}{min_count}"


@dataclass(frozen=True, slots=True)
class Cell:
    """One figure: a count of agreements (or parts, or files), a percentage or a sum in kronor.

    ``value`` is ``None`` when the cell is suppressed or has no figure (no agreement behind it, or every
    figure behind it unknown). ``lower_bound``: the sum includes costs known only as a lower bound (``≥``).
    ``unknown``: agreements whose figure is unknown and left out of the sum.
    """

    kind: CellKind
    value: int | Decimal | None = None
    suppressed: Suppression | None = None
    lower_bound: bool = False
    unknown: int = 0
    min_count: int = 3

    def text(self, lang: Lang = "sv") -> str:
        if self.suppressed is not None:
            return suppressed_text(self.min_count, self.suppressed, lang)
        if self.value is None:
            return EMPTY
        number = format_number(self.value, lang, 0)
        if self.kind == "percent":
            return f"{number}%" if lang == "en" else f"{number}{NBSP}%"
        if self.kind == "kronor":
            money = f"SEK{NBSP}{number}" if lang == "en" else f"{number}{NBSP}kr"
            return f"≥{NBSP}{money}" if self.lower_bound else money
        return number

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        value: Any = self.value
        if isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else float(value)
        out: dict[str, Any] = {"value": value, "text": self.text(lang)}
        if self.suppressed is not None:
            out["suppressed"] = self.suppressed
        if self.lower_bound:
            out["lower_bound"] = True
        if self.unknown:
            out["unknown"] = self.unknown
        return out


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: Text
    kind: CellKind


@dataclass(frozen=True, slots=True)
class Row:
    """A row of a table: ``key`` is a stable slug (a model, a county code, ``total``, ``ovriga``)."""

    key: str
    label: Text
    cells: tuple[Cell, ...]
    total: bool = False

    def cell(self, table: Table, column: str) -> Cell:
        return self.cells[table.column_index(column)]


@dataclass(frozen=True, slots=True)
class Chart:
    """A picture of one column of a table, over its rows (the total left out)."""

    column: str
    title: Text
    kind: Literal["bar", "pie"] = "bar"


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    title: Text
    text: Text
    """A short text for the section: what the table shows and how to read it."""
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    chart: Chart | None = None

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def value(self, row: str, column: str) -> int | Decimal | None:
        """The value of a cell (``None`` when suppressed or empty)."""
        return self.row(row).cell(self, column).value

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "title": self.title(lang),
            "text": self.text(lang),
            "columns": [{"key": c.key, "label": c.label(lang), "kind": c.kind} for c in self.columns],
            "rows": [
                {
                    "key": r.key,
                    "label": r.label(lang),
                    "total": r.total,
                    "cells": {
                        c.key: cell.as_json(lang) for c, cell in zip(self.columns, r.cells, strict=True)
                    },
                }
                for r in self.rows
            ],
        }
        if self.chart is not None:
            out["chart"] = {
                "column": self.chart.column,
                "title": self.chart.title(lang),
                "kind": self.chart.kind,
            }
        return out


@dataclass(frozen=True, slots=True)
class SuppressedCell:
    """A cell the survey does not show: its table, row and column, and whether it counts fewer than
    ``min_count`` agreements itself (``primary``) or could otherwise be worked out from a total
    (``secondary``)."""

    table: str
    row: str
    column: str
    table_title: Text
    row_label: Text
    column_label: Text
    reason: Suppression

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "label": f"{self.table_title(lang)}: {self.row_label(lang)} / {self.column_label(lang)}",
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Files that hold the same agreement id: the first is surveyed, the others are left out."""

    files: tuple[str, ...]
    same_content: bool


@dataclass(frozen=True, slots=True)
class OperatorNotes:
    """What the person running the survey needs to fix, naming files and organisations.

    Not part of the council's documents (Word, Excel, Markdown): a file name may hold a person's name.
    The text and JSON outputs show them.
    """

    duplicates: tuple[Duplicate, ...] = ()
    unreadable: tuple[str, ...] = ()
    unplaced: tuple[str, ...] = ()
    """Regions, kommuner and lärosäten that the county table does not know."""

    def __bool__(self) -> bool:
        return bool(self.duplicates or self.unreadable or self.unplaced)

    def as_json(self) -> dict[str, Any]:
        return {
            "duplicates": [{"files": list(d.files), "same_content": d.same_content} for d in self.duplicates],
            "unreadable": list(self.unreadable),
            "unplaced_organisations": list(self.unplaced),
        }


@dataclass(frozen=True, slots=True)
class Survey:
    """A map of a portfolio of agreements on a date, in aggregates only.

    ``suppressed`` is ``True`` when cells counting fewer than ``min_count`` agreements are hidden (the
    default), ``False`` for an internal report that shows every figure (and says so).
    """

    on: dt.date
    suppressed: bool
    min_count: int
    agreements: int | None
    """The agreements surveyed (``None`` when fewer than ``min_count`` and suppressed)."""
    tables: tuple[Table, ...]
    suppressed_cells: tuple[SuppressedCell, ...] = ()
    operator: OperatorNotes = field(default_factory=OperatorNotes)
    exit_code: int = 0
    """0, or 2 when a file could not be read or validated (the survey covers the others)."""

    @property
    def internal(self) -> bool:
        """An internal report: no suppression, not for sharing."""
        return not self.suppressed

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def as_json(self, lang: Lang = "sv", operator: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "forenad": __version__,
            "survey": True,
            "evaluated_on": self.on.isoformat(),
            "agreements": self.agreements,
            "suppression": {
                "applied": self.suppressed,
                "internal": self.internal,
                "min_count": self.min_count,
                "cells": [c.as_json(lang) for c in self.suppressed_cells],
            },
            "tables": [t.as_json(lang) for t in self.tables],
        }
        if operator:
            out["operator"] = self.operator.as_json()
        return out
