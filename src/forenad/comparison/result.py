"""The typed, frozen result of :func:`forenad.comparison.compare`: columns, rows of cells, and what could not
be compared.

A cell keeps its value's type — a :class:`~decimal.Decimal` or ``int`` for amounts, percentages, days and
months, a slug or a name for text — so that JSON and spreadsheets get numbers; ``display`` says how a coded
value reads (``pa16_avd1`` reads *PA 16 avdelning I*). ``None`` is unknown and shows as ``–``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from forenad._version import __version__
from forenad.comparison import labels
from forenad.i18n import Lang, Text

if TYPE_CHECKING:
    from forenad.comparison.overlay import Overlay
    from forenad.io import LoadResult
    from forenad.model import Agreement, EmploymentModel
    from forenad.report import Finding

RowKind = Literal["text", "kronor", "percent", "count", "days", "months"]
Value = Decimal | int | str | None


@dataclass(frozen=True, slots=True)
class Cell:
    """One value in one column. ``lower_bound``: the amount is at least this (an overhead is missing)."""

    value: Value = None
    display: Text | None = None
    lower_bound: bool = False
    note: Text | None = None
    """Why the value is unknown, or a caveat on it."""

    def text(self, kind: RowKind, lang: Lang) -> str:
        """The value as the table shows it: ``52 000 kr``, ``50 %``, ``31``, a label, or ``–``."""
        if self.display is not None:
            return self.display(lang)
        if self.value is None:
            return labels.UNKNOWN
        if isinstance(self.value, str):
            return self.value
        from forenad.presentation.formatting import format_number

        if kind == "kronor":
            text = f"{format_number(self.value, lang, 0)} kr"
            return f"≥ {text}" if self.lower_bound else text
        if kind == "percent":
            return f"{format_number(self.value, lang)} %"
        return format_number(self.value, lang)

    def json_value(self, kind: str = "") -> int | float | str | None:
        """In JSON: kronor as an exact decimal string (``"420505.20"``), other numbers as numbers."""
        value = self.value
        if isinstance(value, Decimal):
            if kind == "kronor":
                from forenad.economics.money import json_amount

                return json_amount(value)
            return int(value) if value == value.to_integral_value() else float(value)
        return value


@dataclass(frozen=True, slots=True)
class Row:
    """One term or outcome across the columns. ``differs``: the columns do not all have the same value."""

    key: str
    section: str
    label: Text
    kind: RowKind
    cells: tuple[Cell, ...]
    differs: bool

    @property
    def values(self) -> tuple[Value, ...]:
        return tuple(c.value for c in self.cells)

    def texts(self, lang: Lang) -> tuple[str, ...]:
        return tuple(c.text(self.kind, lang) for c in self.cells)

    def as_json(self, lang: Lang) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "section": self.section,
            "label": self.label(lang),
            "kind": self.kind,
            "differs": self.differs,
            "values": [c.json_value(self.kind) for c in self.cells],
            "texts": list(self.texts(lang)),
        }
        if any(c.lower_bound for c in self.cells):
            out["lower_bound"] = [c.lower_bound for c in self.cells]
        if any(c.note for c in self.cells):
            out["notes"] = [c.note(lang) if c.note else None for c in self.cells]
        return out


def make_row(key: str, section: str, label: Text, kind: RowKind, cells: list[Cell]) -> Row:
    """A row, with ``differs`` set when its values are not all equal."""
    values = {c.value for c in cells}
    return Row(key, section, label, kind, tuple(cells), len(values) > 1)


@dataclass(frozen=True)
class Column:
    """One agreement in the comparison: a file, an agreement given in code, or a recast alternative."""

    key: str
    label: Text
    source: str
    """The file (or the agreement's id) the column comes from; an alternative's is its baseline's."""
    agreement: Agreement
    findings: tuple[Finding, ...]
    baseline: bool
    """True for an agreement the user gave, False for an alternative forenad recast from it."""
    overlay: Overlay | None = None
    titles: dict[str, Text] = field(default_factory=dict, repr=False)
    """The rule title of each finding's rule id."""

    @property
    def model(self) -> EmploymentModel:
        return self.agreement.model

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def title_of(self, rule: str) -> Text:
        return self.titles.get(rule) or Text(sv=rule, en=rule)

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label(lang),
            "source": self.source,
            "agreement_id": self.agreement.id,
            "model": self.model.value,
            "baseline": self.baseline,
            "overlay": None if self.overlay is None else self.overlay.as_json(lang),
            "findings": [{**f.as_json(lang), "title": self.title_of(f.rule)(lang)} for f in self.findings],
        }


@dataclass(frozen=True, slots=True)
class NotApplicable:
    """An employment model that cannot apply to a case, and why."""

    source: str
    model: EmploymentModel
    reasons: tuple[Text, ...]

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "source": self.source,
            "model": self.model.value,
            "label": labels.model(self.model)(lang),
            "reasons": [r(lang) for r in self.reasons],
        }


@dataclass(frozen=True)
class Comparison:
    """Agreements side by side on one date: one column each, one row per term or outcome."""

    on: dt.date
    lang: Lang
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    not_applicable: tuple[NotApplicable, ...] = ()
    input_errors: tuple[LoadResult, ...] = ()

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def differing(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.differs)

    @property
    def exit_code(self) -> int:
        """2 when a file could not be read, else 1 when an agreement the user gave has an error finding
        (the findings of recast alternatives are compared, not judged), else 0."""
        if self.input_errors:
            return 2
        if any(c.baseline and c.count("error") for c in self.columns):
            return 1
        return 0

    def as_json(self, lang: Lang | None = None) -> dict[str, Any]:
        lang = lang or self.lang
        return {
            "forenad": __version__,
            "evaluated_on": self.on.isoformat(),
            "lang": lang,
            "columns": [c.as_json(lang) for c in self.columns],
            "rows": [r.as_json(lang) for r in self.rows],
            "not_applicable": [n.as_json(lang) for n in self.not_applicable],
            "input_errors": [
                {"file": r.file, "errors": [e.as_json(lang) for e in r.errors]} for r in self.input_errors
            ],
        }
