"""Reading dated parameters for the economics, without ever failing on a missing one.

:class:`Lookup` wraps a :class:`~forenad.engine.facts.FactContext`: a value it reads is recorded as used by
the fact being computed (so findings can show it), a value that is not in force is ``None`` together with
the reason as a bilingual :class:`~forenad.i18n.Text`, and names of unverified values are collected so the
result can say which of its figures rest on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from forenad.engine.facts import FactContext, MissingParameter
from forenad.i18n import Text
from forenad.params import Parameter, ParameterNotInForce, UnknownParameter

T = TypeVar("T")


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
        dated = self.ctx.dated_in_force(name)  # recorded as used by the fact being computed
        if dated is None:
            try:
                self.ctx.lookup(name)
            except (ParameterNotInForce, UnknownParameter) as exc:
                self.why[name] = exc.text
                if report and isinstance(exc, ParameterNotInForce):
                    self.ctx.note_missing(MissingParameter(name, self.ctx.on, exc.text))
            return None
        if dated.confidence == "unverified":
            self.unverified.add(name)
        return dated.value

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``: each agreement is evaluated on its own (``key`` names what it is computed for)."""
        return make()

    def parameter(self, name: str) -> Parameter | None:
        """The whole dated parameter (for its periods), or ``None`` when the set has none by that name."""
        try:
            return self.ctx.params.get(name)  # type: ignore[no-any-return]
        except UnknownParameter:
            return None

    @property
    def on(self) -> dt.date:
        return self.ctx.on
