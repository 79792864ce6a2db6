"""Named facts: computations too rich for a rule condition, done in Python and read by rules.

A fact is a function registered with :func:`fact`. Agreement-level facts take a :class:`FactContext`;
part-level facts (``scope="part"``) take the context and the part's index. Facts read dated parameters only
through :meth:`FactContext.param` (or :meth:`~FactContext.param_or_none`,
:meth:`~FactContext.dated_in_force`), which records each value used, so that a finding can show the dated
values behind it. A fact whose parameter is not in force on the evaluation date is *unknown* (``None``);
the engine reports the missing parameter once as a ``dates`` finding, names the rules it could not make,
and never reuses an old value.

Each agreement is evaluated on its own: a context computes each fact at most once, remembering which facts
and which dated values it read; the dated values behind a finding are the closure over those records,
walked only when someone asks (:meth:`FactContext.used`). The only thing kept between agreements is the
lookup of each parameter in force on a date, per parameter set.

**Internal facts** (``export=False``) are intermediate results several facts read (the employments of an
agreement, say): they are tracked like facts, so every fact that reads one inherits its dated values, but
rules, templates and the JSON ``facts`` never see them. An internal fact that needs a parameter not in force
makes every fact that reads it unknown (it is never a ``None`` for them to trip over).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from forenad.i18n import Text
from forenad.model import Agreement
from forenad.params import DatedValue, ParameterNotInForce, UnknownParameter
from forenad.report import UsedValue

Scope = Literal["agreement", "part"]
FactKey = tuple[str, int | None]


@dataclass(frozen=True, slots=True)
class FactSpec:
    name: str
    scope: Scope
    func: Callable[..., Any]
    doc: Text
    export: bool = True
    money: bool = False
    """Its value is kronor (or holds kronor): JSON writes them as exact decimal strings."""


REGISTRY: dict[str, FactSpec] = {}
"""The public facts: what rules, templates and ``check --format json`` can read."""
_SPECS: dict[str, FactSpec] = {}
"""Every fact, internal ones included."""
_UNKNOWN: Any = object()  # an internal fact that is unknown: the facts that read it are unknown too
_NOTHING: dict[str, Any] = {}


def fact(
    name: str, *, scope: Scope = "agreement", sv: str, en: str, export: bool = True, money: bool = False
) -> Callable[[Callable[..., Any]], Any]:
    """Register a fact function under ``name`` with a Swedish and English description;
    ``export=False`` makes it an internal one (see the module docstring); ``money`` says its value is
    kronor (written in JSON as exact decimal strings)."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        if name in _SPECS:
            raise ValueError(f"fact {name!r} registered twice")
        spec = FactSpec(name, scope, func, Text(sv=sv, en=en), export, money)
        _SPECS[name] = spec
        if export:
            REGISTRY[name] = spec
        return func

    return register


def sorted_steps(steps: Any, key: str) -> tuple[Any, ...]:
    """A parameter's list of steps (mappings) sorted by ``key``."""
    return tuple(sorted(steps, key=lambda step: step[key]))


@dataclass(frozen=True, slots=True)
class MissingParameter:
    name: str
    on: dt.date
    text: Text


class _Unknown(Exception):
    """Raised inside a fact when a parameter it needs is not in force; the fact becomes unknown."""


# The dated value in force (or the ParameterNotInForce it raised), per parameter set and date: looked up
# once per date, not once per agreement. The set is kept beside its id, so a reused id cannot mislead.
_InForce = dict[str, "DatedValue | ParameterNotInForce"]
_IN_FORCE: dict[tuple[int, dt.date], tuple[Any, _InForce]] = {}
_MAX_DATES = 64


def _in_force(params: Any, on: dt.date) -> _InForce:
    key = (id(params), on)
    found = _IN_FORCE.get(key)
    if found is None or found[0] is not params:
        if len(_IN_FORCE) >= _MAX_DATES:
            _IN_FORCE.clear()
        found = _IN_FORCE[key] = (params, {})
    return found[1]


@dataclass(slots=True)
class _Frame:
    """A fact being computed: which it is, the facts it read (an ordered set) and the dated values it read
    itself."""

    key: FactKey
    reads: dict[FactKey, None]
    dated: dict[str, Any]


class FactContext:
    """Facts about one agreement at one date, computed lazily and kept."""

    __slots__ = (
        "_closures",
        "_deps",
        "_direct",
        "_in_force",
        "_missing_of",
        "_stack",
        "_values",
        "agreement",
        "memo",
        "missing",
        "on",
        "params",
        "reads",
    )

    def __init__(self, agreement: Agreement, on: dt.date, params: Any) -> None:
        self.agreement = agreement
        self.on = on
        self.params = params  # forenad.params.ParameterSet; typed loosely to keep the import light
        self.missing: dict[str, MissingParameter] = {}
        """Every parameter found not in force, by name (each becomes one ``dates`` finding)."""
        self.memo: dict[str, Any] = {}
        """Scratch space for derived values shared by several facts (not exported, not tracked: prefer an
        internal fact, whose readers inherit its dated values)."""
        self.reads: list[FactKey] | None = None
        """While not ``None``, the facts rules read are listed here (to tell a rule not made)."""
        self._in_force = _in_force(params, on)
        self._values: dict[FactKey, Any] = {}
        self._deps: dict[FactKey, dict[FactKey, None]] = {}
        self._direct: dict[FactKey, dict[str, Any]] = {}
        self._closures: dict[FactKey, dict[str, Any]] = {}
        self._missing_of: dict[FactKey, dict[str, MissingParameter]] = {}
        self._stack: list[_Frame] = []

    # -- parameters ---------------------------------------------------------------------------------
    def _dated(self, name: str) -> DatedValue | ParameterNotInForce:
        """The DatedValue in force, or the ParameterNotInForce it raised (UnknownParameter propagates)."""
        found = self._in_force.get(name)
        if found is None:
            try:
                found = self.params.at(name, self.on)
            except ParameterNotInForce as exc:
                found = exc
            self._in_force[name] = found
        return found

    def _record(self, dated: DatedValue) -> None:
        if self._stack:
            self._stack[-1].dated[dated.name] = dated

    def lookup(self, name: str) -> DatedValue:
        """The dated value in force (a :class:`~forenad.params.DatedValue`); raises
        :class:`~forenad.params.ParameterNotInForce`. Not recorded as used."""
        found = self._dated(name)
        if isinstance(found, ParameterNotInForce):
            raise found.with_traceback(None)
        return found

    def param(self, name: str) -> Any:
        """The value of a dated parameter in force on the evaluation date (recorded as used). When none is
        in force the parameter is noted missing and the fact being computed becomes unknown."""
        dated = self._dated(name)
        if isinstance(dated, ParameterNotInForce):
            self.note_missing(MissingParameter(name, self.on, dated.text))
            raise _Unknown(name)
        self._record(dated)
        return dated.value

    def param_or_none(self, name: str) -> Any:
        """Like :meth:`param`, but ``None`` (and no ``dates`` finding) when not in force: for values the
        agreement may state itself, such as an overhead surcharge."""
        dated = self._dated(name)
        if isinstance(dated, ParameterNotInForce):
            return None
        self._record(dated)
        return dated.value

    def dated_in_force(self, name: str) -> DatedValue | None:
        """The dated value in force, recorded as used like :meth:`param`; ``None`` when it is not in force
        or not known to the parameter set (no ``dates`` finding: see :meth:`lookup` for why)."""
        try:
            dated = self._dated(name)
        except UnknownParameter:
            return None
        if isinstance(dated, ParameterNotInForce):
            return None
        self._record(dated)
        return dated

    def note_missing(self, missing: MissingParameter) -> None:
        """Record a parameter that is not in force (it becomes a ``dates`` finding once), as found by the fact
        being computed."""
        self.missing.setdefault(missing.name, missing)
        if self._stack:
            self._missing_of.setdefault(self._stack[-1].key, {}).setdefault(missing.name, missing)

    def missing_behind(self, keys: Iterable[FactKey]) -> list[MissingParameter]:
        """The parameters found missing by these facts and the facts they read, in that order."""
        if not self._missing_of:
            return []
        out: dict[str, MissingParameter] = {}
        seen: set[FactKey] = set()
        todo = list(keys)[::-1]
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            for name, missing in self._missing_of.get(key, _NOTHING).items():
                out.setdefault(name, missing)
            todo.extend(reversed(self._deps.get(key, ())))
        return list(out.values())

    # -- facts --------------------------------------------------------------------------------------
    def get(self, name: str, part: int | None = None) -> Any:
        """A fact's value, computed once per context."""
        key = (name, part)
        if self._stack:
            self._stack[-1].reads[key] = None
        value = self._values[key] if key in self._values else self._compute(_SPECS[name], key, part)
        if value is _UNKNOWN:
            raise _Unknown(name)
        return value

    def _compute(self, spec: FactSpec, key: FactKey, part: int | None) -> Any:
        frame = _Frame(key, {}, {})
        self._stack.append(frame)
        try:
            value = spec.func(self) if part is None else spec.func(self, part)
        except _Unknown:
            value = None if spec.export else _UNKNOWN
        finally:
            self._stack.pop()
        self._values[key] = value
        if frame.reads:
            self._deps[key] = frame.reads
        if frame.dated:
            self._direct[key] = frame.dated
        return value

    def unknown_for_want_of_a_value(self, key: FactKey) -> bool:
        """Whether a fact is unknown because a parameter behind it is not in force."""
        return self._values.get(key, 0) is None and bool(self.missing_behind((key,)))

    def _used_dated(self, key: FactKey) -> dict[str, Any]:
        """The ``DatedValue``s behind a computed fact: its own and those of the facts it read."""
        found = self._closures.get(key)
        if found is not None:
            return found
        found = dict(self._direct.get(key, _NOTHING))
        self._closures[key] = found  # (a fact never reads itself, but be safe against cycles)
        for dep in self._deps.get(key, ()):
            found.update(self._used_dated(dep))
        return found

    def used(self, name: str, part: int | None = None) -> dict[str, UsedValue]:
        """The dated values a fact rests on, its own and those of the facts it read."""
        self.get(name, part)
        return {pname: UsedValue.of(dated) for pname, dated in self._used_dated((name, part)).items()}

    def used_values(self, keys: Iterable[FactKey]) -> tuple[UsedValue, ...]:
        """The dated values that these facts (name, part) rest on together, sorted by parameter name."""
        dated: dict[str, Any] = {}
        for name, part in keys:
            with contextlib.suppress(_Unknown):
                self.get(name, part)
            dated.update(self._used_dated((name, part)))
        return tuple(UsedValue.of(dated[pname]) for pname in sorted(dated))

    def part_count(self) -> int:
        return len(self.agreement.parts)

    def computed(self) -> dict[FactKey, Any]:
        """Every public fact computed so far (internal facts left out)."""
        return {k: v for k, v in self._values.items() if k[0] in REGISTRY}
