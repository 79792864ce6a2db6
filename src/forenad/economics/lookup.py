"""Reading dated parameters for the economics, without ever failing on a missing one.

:class:`Lookup` wraps a :class:`~forenad.engine.facts.FactContext`: a value it reads is recorded as used by
the fact being computed (so findings can show it), a value that is not in force is ``None`` together with
the reason as a bilingual :class:`~forenad.i18n.Text`, and names of unverified values are collected so the
result can say which of its figures rest on them.

:meth:`Lookup.remembered` computes a small result that depends only on the dated parameters and a key (the
fee rule for a year of birth, an employer's overhead) once per parameter set and date, as the engine shares
facts between agreements, and replays the lookups it made on every later use, so each fact still records the
values, reasons and missing parameters it rests on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from forenad.engine.facts import FactContext, MissingParameter, dated_table
from forenad.i18n import Text
from forenad.params import Parameter, ParameterNotInForce, UnknownParameter

# Parameters found missing, per parameter set and date: raising and wording ParameterNotInForce is slow, and
# a missing default (SKR's PO rate after 2023) is asked for by every agreement with a region or kommun.
_MISSES: dict[tuple[int, str, Any], tuple[Text, bool]] = {}
_MAX_MISSES = 10_000

T = TypeVar("T")
_Remembered = dict[Hashable, tuple[Any, tuple[tuple[str, bool], ...]]]  # key → result, (name, report) read
# What Lookup.remembered keeps per parameter set and date, beside the engine's table of dated values for
# them: when the engine's table is dropped (clear_shared) or replaced, so is this.
_REMEMBERED: dict[tuple[int, dt.date], tuple[Any, _Remembered]] = {}
_MAX_REMEMBERED = 10_000


@dataclass
class Lookup:
    ctx: FactContext
    why: dict[str, Text] = field(default_factory=dict)
    """For each parameter found missing: why (not in force on the date, or unknown to the set)."""
    unverified: set[str] = field(default_factory=set)
    _reads: list[tuple[str, bool]] | None = field(default=None, repr=False)

    def value(self, name: str, *, report: bool = True) -> Any:
        """The value in force, or ``None``. With ``report`` a missing value also becomes the engine's
        ``dates.parameter_not_in_force`` finding; leave it off for values that are optional by nature (a
        temporary reduction, a default the agreement may override)."""
        if self._reads is not None:
            self._reads.append((name, report))
        dated = self.ctx.dated_in_force(name)  # recorded as used by the fact being computed
        if dated is not None:
            if dated.confidence == "unverified":
                self.unverified.add(name)
            return dated.value
        key = (id(self.ctx.params), name, self.ctx.on)
        miss = _MISSES.get(key)
        if miss is None:
            try:
                dated = self.ctx.lookup(name)
            except (ParameterNotInForce, UnknownParameter) as exc:
                if len(_MISSES) > _MAX_MISSES:
                    _MISSES.clear()
                miss = _MISSES[key] = (exc.text, isinstance(exc, ParameterNotInForce))
        if miss is not None:
            why, in_set = miss
            self.why[name] = why
            if report and in_set:
                self.ctx.note_missing(MissingParameter(name, self.ctx.on, why))
            return None
        self.ctx.param_or_none(name)  # records the value as used by the fact being computed
        if dated.confidence == "unverified":
            self.unverified.add(name)
        return dated.value

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, computed once per parameter set, date and ``key`` (as the engine shares what agreements
        have in common); later calls replay the lookups it made (recording the values as used, the reasons
        and the missing parameters) and return the same result. With ``share=False`` it is computed afresh.

        ``make`` must depend only on ``key``, the date and what it reads through this lookup, and return an
        immutable value."""
        ctx = self.ctx
        if not ctx.share:
            return make()
        table = dated_table(ctx.params, ctx.on)
        slot = (id(ctx.params), ctx.on)
        kept = _REMEMBERED.get(slot)
        if kept is None or kept[0] is not table:
            if len(_REMEMBERED) >= 64:
                _REMEMBERED.clear()
            kept = _REMEMBERED[slot] = (table, {})
        cache = kept[1]
        hit = cache.get(key)
        if hit is not None:
            for name, report in hit[1]:
                self.value(name, report=report)
            return hit[0]  # type: ignore[no-any-return]
        outer, self._reads = self._reads, []
        try:
            result = make()
            reads = tuple(self._reads)
        finally:
            self._reads = outer
        if outer is not None:
            outer.extend(reads)
        if len(cache) >= _MAX_REMEMBERED:
            cache.clear()
        cache[key] = (result, reads)
        return result

    def parameter(self, name: str) -> Parameter | None:
        """The whole dated parameter (for its periods), or ``None`` when the set has none by that name."""
        try:
            return self.ctx.params.get(name)  # type: ignore[no-any-return]
        except UnknownParameter:
            return None

    @property
    def on(self) -> dt.date:
        return self.ctx.on
