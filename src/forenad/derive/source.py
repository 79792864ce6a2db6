"""The economics' view of an evaluation: a :class:`~forenad.economics.lookup.ParamSource` that reads the
dated parameters through the fact context, so each value read is recorded as used by the fact being
computed and a missing one becomes the engine's ``dates`` finding."""

from __future__ import annotations

import datetime as dt

from forenad.economics.lookup import Lookup
from forenad.engine.facts import FactContext, MissingParameter
from forenad.i18n import Text
from forenad.params import DatedValue, Parameter, ParameterNotInForce, UnknownParameter


class ContextSource:
    """Dated values read through a :class:`FactContext` (see the module docstring)."""

    __slots__ = ("ctx",)

    def __init__(self, ctx: FactContext) -> None:
        self.ctx = ctx

    @property
    def on(self) -> dt.date:
        return self.ctx.on

    def dated(self, name: str) -> DatedValue | None:
        return self.ctx.dated_in_force(name)

    def reason(self, name: str) -> tuple[Text, bool]:
        try:
            self.ctx.lookup(name)
        except ParameterNotInForce as exc:
            return exc.text, True
        except UnknownParameter as exc:
            return exc.text, False
        raise ValueError(f"{name} is in force on {self.ctx.on}")  # pragma: no cover

    def note_missing(self, name: str, text: Text) -> None:
        self.ctx.note_missing(MissingParameter(name, self.ctx.on, text))

    def parameter(self, name: str) -> Parameter | None:
        params = self.ctx.params
        return params.get(name) if name in params else None


def lookup_of(ctx: FactContext) -> Lookup:
    """One lookup per evaluation (so the economics' list of unverified values covers all its pieces); what it
    reads is recorded as used by whichever fact is being computed at the time."""
    found: Lookup | None = ctx.memo.get("economics.lookup")
    if found is None:
        found = ctx.memo["economics.lookup"] = Lookup(ContextSource(ctx))
    return found
