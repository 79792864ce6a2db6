"""Tables being built, with the agreements behind every cell, and the suppression that makes them safe.

**Primary suppression.** A cell that rests on at least one but fewer than ``min_count`` (3) agreements is
not shown: a count, a sum, a share. A cell about no agreement at all (0, or no figure) is shown: it
reveals nobody.

**Secondary suppression.** Where cells add up to a total that is shown (a column with a total row, a row
with a total column, the files of the overview), one suppressed cell could be worked out from the total
and the others. In every such group, while the suppressed cells are fewer than two, or rest together on
fewer than ``min_count`` agreements, the smallest other cell that is not zero is suppressed as well; if
there is none, the total itself is. The number of agreements surveyed, which every table repeats as its
total, is never the one chosen (the overview hides the files read instead). This repeats until every
group is safe (a cell suppressed for one group may open another). A share (a percentage) is suppressed
with the cell it is a share of.

Secondary suppression works within a table: two tables that split the same agreements differently
(counties and organisation pairs, say) are not protected against being set against each other. Labels
taken from free text (professions, organisation names) are shown only for groups of ``min_count`` or
more agreements; smaller ones are pooled (see :mod:`forenad.kartlaggning.aggregate`).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal

from forenad.i18n import Text
from forenad.kartlaggning.result import Cell, CellKind, Chart, Column, Row, SuppressedCell, Suppression, Table

__all__ = ["DraftCell", "DraftColumn", "DraftRow", "DraftTable", "finish"]


@dataclass(slots=True)
class DraftCell:
    """A cell being built: its figure and the agreements (or files) behind it.

    ``agreements`` is false for a cell that counts files rather than agreements: never suppressed for its
    own size, but it may be suppressed so that another cell cannot be worked out.
    """

    kind: CellKind
    value: int | Decimal | None
    base: frozenset[Hashable]
    lower_bound: bool = False
    unknown: int = 0
    agreements: bool = True
    suppressed: Suppression | None = None
    keep: bool = False
    """Never hidden for another cell's sake (a figure every table repeats, such as the number of
    agreements surveyed): the group's total is hidden instead."""

    @property
    def size(self) -> int:
        return len(self.base)


@dataclass(frozen=True, slots=True)
class DraftColumn:
    """``additive``: the column's cells add up to its total row. ``share_of``: a percentage of another
    column's cell, hidden with it."""

    key: str
    label: Text
    kind: CellKind
    additive: bool = False
    share_of: str | None = None


@dataclass(slots=True)
class DraftRow:
    key: str
    label: Text
    cells: list[DraftCell]
    total: bool = False


@dataclass(slots=True)
class DraftTable:
    """A table being built. ``row_total``: the key of a column that holds each row's total over the
    columns listed in ``row_members`` (a matrix)."""

    key: str
    title: Text
    text: Text
    columns: list[DraftColumn]
    rows: list[DraftRow] = field(default_factory=list)
    chart: Chart | None = None
    row_total: str | None = None
    row_members: tuple[str, ...] = ()
    groups: list[tuple[list[DraftCell], DraftCell]] = field(default_factory=list)
    """Further groups of cells that add up to a total (the overview's files)."""

    def index(self, key: str) -> int:
        return [c.key for c in self.columns].index(key)

    def add(self, key: str, label: Text, cells: list[DraftCell], total: bool = False) -> DraftRow:
        row = DraftRow(key, label, cells, total)
        self.rows.append(row)
        return row

    def all_groups(self) -> list[tuple[list[DraftCell], DraftCell]]:
        groups = list(self.groups)
        body = [r for r in self.rows if not r.total]
        totals = [r for r in self.rows if r.total]
        for i, column in enumerate(self.columns):
            if column.additive and totals:
                groups.append(([r.cells[i] for r in body], totals[0].cells[i]))
        if self.row_total is not None:
            at = self.index(self.row_total)
            members = [self.index(k) for k in self.row_members]
            for row in self.rows:
                groups.append(([row.cells[i] for i in members], row.cells[at]))
        return groups


def _primary(cell: DraftCell, min_count: int) -> None:
    if cell.agreements and 0 < cell.size < min_count:
        cell.suppressed = "primary"


def _safe(suppressed: list[DraftCell], min_count: int) -> bool:
    if not suppressed:
        return True
    union: set[Hashable] = set()
    for cell in suppressed:
        union.update(cell.base)
    return len(suppressed) >= 2 and len(union) >= min_count


def _secondary(groups: list[tuple[list[DraftCell], DraftCell]], min_count: int) -> None:
    changed = True
    while changed:
        changed = False
        for members, total in groups:
            if total.suppressed is not None:
                continue
            while not _safe([c for c in members if c.suppressed is not None], min_count):
                candidates = [c for c in members if c.suppressed is None and c.size > 0 and not c.keep]
                if not candidates:
                    total.suppressed = "secondary"
                    changed = True
                    break
                smallest = min(candidates, key=lambda c: c.size)
                smallest.suppressed = "secondary"
                changed = True


def finish(table: DraftTable, suppress: bool, min_count: int) -> tuple[Table, list[SuppressedCell]]:
    """The table as it is shown, and the cells it hides (none without ``suppress``)."""
    if suppress:
        for row in table.rows:
            for cell in row.cells:
                _primary(cell, min_count)
        _secondary(table.all_groups(), min_count)
        for i, column in enumerate(table.columns):
            if column.share_of is not None:
                source = table.index(column.share_of)
                for row in table.rows:
                    if row.cells[source].suppressed is not None and row.cells[i].suppressed is None:
                        row.cells[i].suppressed = row.cells[source].suppressed
    hidden: list[SuppressedCell] = []
    rows: list[Row] = []
    for row in table.rows:
        cells: list[Cell] = []
        for column, cell in zip(table.columns, row.cells, strict=True):
            if cell.suppressed is not None:
                cells.append(Cell(cell.kind, None, cell.suppressed, min_count=min_count))
                hidden.append(
                    SuppressedCell(
                        table.key, row.key, column.key, table.title, row.label, column.label, cell.suppressed
                    )
                )
            else:
                cells.append(Cell(cell.kind, cell.value, None, cell.lower_bound, cell.unknown, min_count))
        rows.append(Row(row.key, row.label, tuple(cells), row.total))
    columns = tuple(Column(c.key, c.label, c.kind) for c in table.columns)
    return Table(table.key, table.title, table.text, columns, tuple(rows), table.chart), hidden
