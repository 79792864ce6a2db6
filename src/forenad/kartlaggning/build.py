"""``survey``: read a portfolio, evaluate each agreement once, and aggregate.

Files and folders are walked with :func:`forenad.portfolio.sources`; each file is read with
:func:`forenad.io.read_agreement` and evaluated with :func:`forenad.checking.evaluate` (``facts=True``), so
the survey counts exactly what ``forenad check`` finds. An agreement id met in a second file is counted
once (the first file in the walk's order) and the files are reported to the operator. An agreement that
ended before the date is left out and counted. A file that cannot be read is left out, counted and named
to the operator, and makes the exit code 2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from forenad.i18n import Text, t
from forenad.kartlaggning.aggregate import Context, build_tables
from forenad.kartlaggning.records import Record, make_record
from forenad.kartlaggning.result import Duplicate, OperatorNotes, SuppressedCell, Survey, Table
from forenad.kartlaggning.suppression import finish
from forenad.model import Agreement

if TYPE_CHECKING:
    from forenad.engine import RuleSet
    from forenad.params import ParameterSet

__all__ = ["MIN_COUNT", "survey"]

MIN_COUNT = 3
"""A cell that rests on fewer agreements than this (but at least one) is suppressed."""

_NOT_IN_FORCE = t("Värde saknas för datumet", "Value not in force on the date")


def survey(
    paths: Iterable[str | Path],
    on: dt.date | None = None,
    *,
    params: ParameterSet | None = None,
    rules: RuleSet | None = None,
    suppress: bool = True,
) -> Survey:
    """A map of the agreements under ``paths`` (files and folders) on ``on`` (today when not given).

    ``params`` is a :class:`forenad.params.ParameterSet` (the packaged parameters when not given; the CLI
    adds the configured overlay), ``rules`` a :class:`forenad.engine.RuleSet`. With ``suppress`` (the
    default) every cell that rests on fewer than three agreements is hidden, and cells that would let it be
    worked out from a total; ``suppress=False`` is for an internal report and the outputs say so.
    """
    from forenad.checking import evaluate
    from forenad.engine import default_rules
    from forenad.io import read_agreement
    from forenad.portfolio import sources

    day = on or dt.date.today()
    if rules is None:
        rules = default_rules()
    unreadable: list[str] = []
    first_file: dict[str, str] = {}
    first: dict[str, Agreement] = {}
    kept: dict[str, Agreement] = {}
    copies: dict[str, list[tuple[str, bool]]] = {}
    ended = 0
    for source in sources(paths):
        name = str(source.path)
        if source.error is not None:
            unreadable.append(name)
            continue
        loaded = read_agreement(source.path)
        agreement = loaded.agreement
        if agreement is None:
            unreadable.append(name)
            continue
        if agreement.id in first_file:
            copies.setdefault(agreement.id, []).append((name, _same(agreement, first[agreement.id])))
            continue
        first_file[agreement.id] = name
        first[agreement.id] = agreement
        if agreement.end_date is not None and agreement.end_date < day:
            ended += 1
            continue
        kept[agreement.id] = agreement
    records: list[Record] = []
    for agreement in kept.values():
        findings, facts = evaluate(agreement, day, rules=rules, params=params, facts=True)
        records.append(make_record(agreement, findings, facts))
    duplicates = tuple(
        Duplicate((first_file[i], *(f for f, _ in found)), all(same for _, same in found))
        for i, found in copies.items()
    )
    extra = sum(len(d.files) - 1 for d in duplicates)

    def title(rule: str) -> Text:
        from forenad.engine.evaluate import PARAMETER_NOT_IN_FORCE

        if rule == PARAMETER_NOT_IN_FORCE:
            return _NOT_IN_FORCE
        try:
            found: Text = rules.get(rule).title
            return found
        except KeyError:
            return t(rule, rule)

    ctx = Context(
        records=records,
        on=day,
        suppress=suppress,
        min_count=MIN_COUNT,
        rule_titles=title,
        files=len(records) + extra + len(unreadable) + ended,
        duplicates=extra,
        unreadable=len(unreadable),
        ended=ended,
    )
    tables: list[Table] = []
    hidden: list[SuppressedCell] = []
    for draft in build_tables(ctx):
        table, cells = finish(draft, suppress, MIN_COUNT)
        tables.append(table)
        hidden.extend(cells)
    unplaced = tuple(sorted({name for r in records for name in r.unplaced}))
    agreements = tables[0].value("agreements", "value") if tables else len(records)
    return Survey(
        on=day,
        suppressed=suppress,
        min_count=MIN_COUNT,
        agreements=int(agreements) if agreements is not None else None,
        tables=tuple(tables),
        suppressed_cells=tuple(hidden),
        operator=OperatorNotes(duplicates, tuple(unreadable), unplaced),
        exit_code=2 if unreadable else 0,
    )


def _same(a: Agreement, b: Agreement) -> bool:
    """Whether two agreements say the same (their fields, not where they were read from)."""
    return a.model_dump() == b.model_dump()
