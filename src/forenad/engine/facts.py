"""Named facts: computations too rich for a rule condition, done in Python and read by rules.

A fact is a function registered with :func:`fact`. Agreement-level facts take a :class:`FactContext`;
part-level facts (``scope="part"``) take the context and the part's index. Facts read dated parameters only
through :meth:`FactContext.param`, which records each value used so that a finding can show the dated values
behind it. A fact whose parameter is not in force on the evaluation date is *unknown* (``None``); the
engine reports the missing parameter once as a ``dates`` finding instead of crashing or reusing an old value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from forenad.i18n import Text
from forenad.model import Agreement
from forenad.params import ParameterNotInForce
from forenad.report import UsedValue

Scope = Literal["agreement", "part"]


@dataclass(frozen=True, slots=True)
class FactSpec:
    name: str
    scope: Scope
    func: Callable[..., Any]
    doc: Text


REGISTRY: dict[str, FactSpec] = {}
_SORTED: dict[tuple[int, str], tuple[Any, tuple[Any, ...]]] = {}


def sorted_steps(steps: Any, key: str) -> tuple[Any, ...]:
    """A parameter's list of steps sorted by ``key``, sorted once per (frozen, shared) parameter value.

    The cache keeps the value itself beside its id, so a reused id can never return another value's steps.
    """
    cache_key = (id(steps), key)
    found = _SORTED.get(cache_key)
    if found is None or found[0] is not steps:
        found = _SORTED[cache_key] = (steps, tuple(sorted(steps, key=lambda step: step[key])))
    return found[1]


_LOOKUPS: dict[int, tuple[Any, dict[tuple[str, dt.date], Any]]] = {}


def fact(name: str, *, scope: Scope = "agreement", sv: str, en: str) -> Callable[[Callable[..., Any]], Any]:
    """Register a fact function under ``name`` with a Swedish and English description."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        if name in REGISTRY:
            raise ValueError(f"fact {name!r} registered twice")
        REGISTRY[name] = FactSpec(name, scope, func, Text(sv=sv, en=en))
        return func

    return register


@dataclass(frozen=True, slots=True)
class MissingParameter:
    name: str
    on: dt.date
    text: Text


class _Unknown(Exception):
    """Raised inside a fact when a parameter it needs is not in force; the fact becomes unknown."""


@dataclass
class FactContext:
    """Facts about one agreement at one date, computed lazily and cached."""

    agreement: Agreement
    on: dt.date
    params: Any  # forenad.params.ParameterSet; typed loosely to keep the import light
    _values: dict[tuple[str, int | None], Any] = field(default_factory=dict)
    # For each computed fact: the facts it read and the dated values it read itself. What a finding used is
    # the closure over these, worked out only when a rule fires (cheap bookkeeping on the hot path).
    _deps: dict[tuple[str, int | None], list[tuple[str, int | None]]] = field(default_factory=dict)
    _direct: dict[tuple[str, int | None], dict[str, Any]] = field(default_factory=dict)
    _stack: list[tuple[list[tuple[str, int | None]], dict[str, Any]]] = field(default_factory=list)
    missing: dict[str, MissingParameter] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)
    """Scratch space for derived values shared by several facts (not exported)."""
    tracking: bool = False
    """Record which facts and dated values each fact read (see :meth:`used`)."""

    def lookup(self, name: str) -> Any:
        """The dated value in force, cached per parameter set and date (agreements share dates)."""
        key = (name, self.on)
        entry = _LOOKUPS.get(id(self.params))
        if entry is None or entry[0] is not self.params:
            entry = _LOOKUPS[id(self.params)] = (self.params, {})
        cache = entry[1]
        found = cache.get(key)
        if found is None:
            try:
                found = cache[key] = self.params.at(name, self.on)
            except ParameterNotInForce as exc:
                found = cache[key] = exc  # not in force is an answer too: remember it
        if isinstance(found, ParameterNotInForce):
            raise found.with_traceback(None)  # a fresh traceback each time, not a growing one
        return found

    # -- parameters ---------------------------------------------------------------------------------
    def param(self, name: str) -> Any:
        """The value of a dated parameter in force on the evaluation date (recorded as used)."""
        try:
            dated = self.lookup(name)
        except ParameterNotInForce as exc:
            self.missing.setdefault(name, MissingParameter(name, self.on, _text_of(exc)))
            raise _Unknown(name) from None
        if self._stack:
            self._stack[-1][1][name] = dated
        return dated.value

    def param_or_none(self, name: str) -> Any:
        """Like :meth:`param`, but ``None`` (and no ``dates`` finding) when not in force: for values the
        agreement may state itself, such as an overhead surcharge."""
        try:
            dated = self.lookup(name)
        except ParameterNotInForce:
            return None
        if self._stack:
            self._stack[-1][1][name] = dated
        return dated.value

    # -- facts --------------------------------------------------------------------------------------
    def get(self, name: str, part: int | None = None) -> Any:
        """A fact's value (computed once). Without ``tracking`` no bookkeeping is done: that is the fast
        path rules run on; :meth:`used` replays the few facts of a finding with tracking on."""
        key = (name, part)
        if not self.tracking:
            try:
                return self._values[key]
            except KeyError:
                spec = REGISTRY[name]
                try:
                    value = spec.func(self) if spec.scope == "agreement" else spec.func(self, part)
                except _Unknown:
                    value = None
                self._values[key] = value
                return value
        stack = self._stack
        if stack:
            stack[-1][0].append(key)
        try:
            return self._values[key]
        except KeyError:
            pass
        spec = REGISTRY[name]
        frame: tuple[list[tuple[str, int | None]], dict[str, Any]] = ([], {})
        stack.append(frame)
        try:
            value = spec.func(self) if spec.scope == "agreement" else spec.func(self, part)
        except _Unknown:
            value = None
        finally:
            stack.pop()
        self._values[key] = value
        if frame[0]:
            self._deps[key] = frame[0]
        if frame[1]:
            self._direct[key] = frame[1]
        return value

    def used(self, name: str, part: int | None = None) -> dict[str, UsedValue]:
        """The dated values a fact rests on, its own and those of the facts it read."""
        if not self.tracking:
            tracer = self.memo.get("__tracer__")
            if tracer is None:
                tracer = FactContext(self.agreement, self.on, self.params, tracking=True)
                self.memo["__tracer__"] = tracer
            tracer.get(name, part)
            return tracer.used(name, part)
        out: dict[str, UsedValue] = {}
        seen: set[tuple[str, int | None]] = set()
        todo = [(name, part)]
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            for pname, dated in self._direct.get(key, {}).items():
                out[pname] = UsedValue(pname, dated.value, dated.start, dated.confidence)
            todo.extend(self._deps.get(key, ()))
        return out

    def part_count(self) -> int:
        return len(self.agreement.parts)

    def computed(self) -> dict[tuple[str, int | None], Any]:
        return dict(self._values)


def _text_of(exc: Exception) -> Text:
    text = getattr(exc, "text", None)
    if isinstance(text, Text):
        return text
    return Text(sv=str(exc), en=str(exc))
