"""Kartläggning: a map of a region's joint posts, in aggregates only (issue 22).

``survey`` reads every agreement file under the given files and folders, evaluates each agreement once at
a date and counts: employment models, professions, positions, employer kinds and organisations, counties,
collective agreements and pension schemes, extents and splits, costs and who bears them, the pension lost
to split salaries, findings by topic and rule, and the agreements that end or are due for review within
six months. No name, personnummer, salary or agreement id is kept; every cell that rests on fewer than
three agreements is suppressed (see :mod:`forenad.kartlaggning.suppression`).

Usage::

    import forenad
    result = forenad.survey(["avtal/region-a/", "avtal/lärosäte-b/"], on=datetime.date(2026, 6, 1))
    result.table("models").value("tjanstekop", "agreements")   # a count, or None when suppressed
    result.as_json("en")

    from forenad.kartlaggning.output import to_docx, to_markdown, to_text, to_xlsx

The package is ``forenad.kartlaggning`` (the council's word for the job) and its verb is ``forenad.survey``,
so that the name ``forenad.survey`` is the function however the package was imported.
"""

from __future__ import annotations

from forenad.kartlaggning.build import MIN_COUNT, survey
from forenad.kartlaggning.result import (
    Cell,
    Chart,
    Column,
    Duplicate,
    OperatorNotes,
    Row,
    SuppressedCell,
    Survey,
    Table,
)

__all__ = [
    "MIN_COUNT",
    "Cell",
    "Chart",
    "Column",
    "Duplicate",
    "OperatorNotes",
    "Row",
    "SuppressedCell",
    "Survey",
    "Table",
    "survey",
]
