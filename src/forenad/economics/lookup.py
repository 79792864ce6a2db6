"""Reading dated parameters for the economics, without ever failing on a missing one.

:class:`Lookup` wraps a :class:`~forenad.engine.facts.FactContext`: a value it reads is recorded as used by
the fact being computed (so findings can show it), a value that is not in force is ``None`` together with
the reason as a bilingual :class:`~forenad.i18n.Text`, and names of unverified values are collected so the
result can say which of its figures rest on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from forenad.engine.facts import FactContext, MissingParameter
from forenad.i18n import Text
from forenad.params import Parameter, ParameterNotInForce, UnknownParameter

# Parameters found missing, per parameter set and date: raising and wording ParameterNotInForce is slow, and
# a missing default (SKR's PO rate after 2023) is asked for by every agreement with a region or kommun.
_MISSES: dict[tuple[int, str, Any], tuple[Text, bool]] = {}
_MAX_MISSES = 10_000


@dataclass
class Lookup:
    ctx: FactContext
    why: dict[str, Text] = field(default_factory=dict)
    """For each parameter found missing: why (not in force on the date, or unknown to the set)."""
    unverified: set[str] = field(default_factory=set)

    def value(self, name: str, *, report: bool = True) -> Any:
        """The value in force, or ``None``. With ``report`` a missing value also becomes the engine's
        ``dates.parameter_not_in_force`` finding; leave it off for values that are optional by nature (a
        temporary reduction, a default the agreement may override)."""
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
                self.ctx.missing.setdefault(name, MissingParameter(name, self.ctx.on, why))
            return None
        self.ctx.param_or_none(name)  # records the value as used by the fact being computed
        if dated.confidence == "unverified":
            self.unverified.add(name)
        return dated.value

    def parameter(self, name: str) -> Parameter | None:
        """The whole dated parameter (for its periods), or ``None`` when the set has none by that name."""
        try:
            return self.ctx.params.get(name)  # type: ignore[no-any-return]
        except UnknownParameter:
            return None

    @property
    def on(self) -> dt.date:
        return self.ctx.on
