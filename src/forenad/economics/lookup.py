"""Reading dated parameters for the economics, without ever failing on a missing one.

:class:`Lookup` reads through a :class:`ParamSource`: a value in force is returned (and the source may
record it as used), a value that is not in force is ``None`` together with the reason as a bilingual
:class:`~forenad.i18n.Text`, and names of unverified values are collected so the result can say which of its
figures rest on them.

Two sources: :class:`PlainSource` reads a :class:`~forenad.params.ParameterSet` directly (what
:func:`forenad.economics.compute` uses); the facts of :mod:`forenad.derive` read through the evaluation's
context instead, so that findings list the dated values behind each figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from forenad.i18n import Text
from forenad.params import DatedValue, Parameter, ParameterNotInForce, ParameterSet, UnknownParameter


class ParamSource(Protocol):
    """Where a :class:`Lookup` reads dated values."""

    @property
    def on(self) -> dt.date: ...

    def dated(self, name: str) -> DatedValue | None:
        """The value in force (recorded as used, where the source records), or ``None``."""

    def reason(self, name: str) -> tuple[Text, bool]:
        """Why ``name`` has no value in force, and whether the set knows the name at all."""

    def note_missing(self, name: str, text: Text) -> None:
        """A needed value is not in force (the engine makes it a ``dates`` finding)."""

    def parameter(self, name: str) -> Parameter | None:
        """The whole dated parameter, or ``None`` when the set has none by that name."""


@dataclass
class PlainSource:
    """A parameter set read on a date, recording nothing."""

    params: ParameterSet
    on: dt.date
    missing: dict[str, Text] = field(default_factory=dict)

    def dated(self, name: str) -> DatedValue | None:
        try:
            return self.params.at(name, self.on)
        except (ParameterNotInForce, UnknownParameter):
            return None

    def reason(self, name: str) -> tuple[Text, bool]:
        try:
            self.params.at(name, self.on)
        except ParameterNotInForce as exc:
            return exc.text, True
        except UnknownParameter as exc:
            return exc.text, False
        raise ValueError(f"{name} is in force on {self.on}")  # pragma: no cover - callers ask after a miss

    def note_missing(self, name: str, text: Text) -> None:
        self.missing.setdefault(name, text)

    def parameter(self, name: str) -> Parameter | None:
        return self.params.get(name) if name in self.params else None


@dataclass
class Lookup:
    source: ParamSource
    why: dict[str, Text] = field(default_factory=dict)
    """For each parameter found missing: why (not in force on the date, or unknown to the set)."""
    unverified: set[str] = field(default_factory=set)

    def value(self, name: str, *, report: bool = True) -> Any:
        """The value in force, or ``None``. With ``report`` a missing value also becomes the engine's
        ``dates.parameter_not_in_force`` finding; leave it off for values that are optional by nature (a
        temporary reduction, a default the agreement may override)."""
        dated = self.source.dated(name)
        if dated is None:
            text, in_set = self.source.reason(name)
            self.why[name] = text
            if report and in_set:
                self.source.note_missing(name, text)
            return None
        if dated.confidence == "unverified":
            self.unverified.add(name)
        return dated.value

    def parameter(self, name: str) -> Parameter | None:
        """The whole dated parameter (for its periods), or ``None`` when the set has none by that name."""
        return self.source.parameter(name)

    @property
    def on(self) -> dt.date:
        return self.source.on
