"""Named facts: computations too rich for a rule condition, done in Python and read by rules.

A fact is a function registered with :func:`fact`. Agreement-level facts take a :class:`FactContext`;
part-level facts (``scope="part"``) take the context and the part's index. Facts read dated parameters only
through :meth:`FactContext.param`, which records each value used so that a finding can show the dated values
behind it. A fact whose parameter is not in force on the evaluation date is *unknown* (``None``); the
engine reports the missing parameter once as a ``dates`` finding instead of crashing or reusing an old value.

**Provenance.** While a fact is computed the context records which facts it read and which dated values it
read itself; the dated values behind a finding are the closure over those records, walked only when someone
asks (:meth:`FactContext.used`).

**Shared facts.** A fact registered with ``key=`` is a pure function of the dated parameters, the evaluation
date and the few inputs its key returns (fields of the agreement, other facts). It is computed once per
distinct key for a parameter set and date and then shared by every agreement checked on that date, with the
missing parameters and the dated values it rested on, so findings and ``dates`` findings are the same as if
it had been computed afresh. The key must name *every* input the fact reads: the tests check each shared
fact against a fresh computation on the shipped examples and on generated agreements. Only values made of
numbers, strings, booleans, dates and ``None`` are shared (a list is kept as a tuple and handed out as a new
list each time); anything else is computed for every agreement.

A fact keyed so may also give ``inputs=``, the few values it is computed from (the collective agreement and
the age, for vacation days): it is then shared by every agreement with the same inputs, whatever their
structure, while rules still treat it by its ``key``. The tests check that equal inputs always give equal
values and rest on the same dated values.

**Internal facts** (``export=False``) are intermediate results several facts read (the employments of an
agreement, say): they are tracked like facts, so every fact that reads one inherits its dated values, but
rules, templates and the JSON ``facts`` never see them. An internal fact that needs a parameter not in force
makes every fact that reads it unknown (it is never a ``None`` for them to trip over).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from forenad.engine.birth_years import birth_class, limits
from forenad.engine.structure import exclusion, keyer
from forenad.i18n import Text
from forenad.model import Agreement
from forenad.params import ParameterNotInForce, UnknownParameter
from forenad.report import UsedValue

Scope = Literal["agreement", "part"]
FactKey = tuple[str, int | None]
_Frame = tuple[dict[FactKey, None], dict[str, Any], FactKey, Any]
"""A fact being computed: the facts it read (in the order first read), the dated values it read itself,
which fact it is, and the frame of the fact that is reading it (``None`` at the top)."""


@dataclass(frozen=True, slots=True)
class FactSpec:
    name: str
    scope: Scope
    func: Callable[..., Any]
    doc: Text
    key: Callable[..., Hashable] | None = None
    """The inputs that, with the date and the parameters, determine the value (see "Shared facts")."""
    export: bool = True
    inputs: Callable[..., Hashable] | None = None
    """A finer key within ``key``: the few values the fact is computed from (see "Shared facts")."""


REGISTRY: dict[str, FactSpec] = {}
"""The public facts: what rules, templates and ``check --format json`` can read."""
_SPECS: dict[str, FactSpec] = {}
"""Every fact, internal ones included."""
_SORTED: dict[tuple[int, str], tuple[Any, tuple[Any, ...]]] = {}
_NOTHING: dict[str, Any] = {}
_UNKNOWN: Any = object()  # an internal fact that is unknown: the facts that read it are unknown too
_SHAREABLE: tuple[type, ...] = (bool, int, str, Decimal, dt.date, type(None))
_SHAREABLE_EXACT: set[type] = set(_SHAREABLE)  # the same, for a quick test of the exact type


def shareable_type(cls: type) -> type:
    """Let values of an immutable class (a frozen dataclass of shareable fields, say) be shared as fact
    values; usable as a class decorator."""
    global _SHAREABLE
    if cls not in _SHAREABLE:
        _SHAREABLE = (*_SHAREABLE, cls)
        _SHAREABLE_EXACT.add(cls)
    return cls


def sorted_steps(steps: Any, key: str) -> tuple[Any, ...]:
    """A parameter's list of steps sorted by ``key``, sorted once per (frozen, shared) parameter value.

    The cache keeps the value itself beside its id, so a reused id can never return another value's steps.
    """
    cache_key = (id(steps), key)
    found = _SORTED.get(cache_key)
    if found is None or found[0] is not steps:
        found = _SORTED[cache_key] = (steps, tuple(sorted(steps, key=lambda step: step[key])))
    return found[1]


def fact(
    name: str,
    *,
    scope: Scope = "agreement",
    sv: str,
    en: str,
    key: Callable[..., Hashable] | None = None,
    inputs: Callable[..., Hashable] | None = None,
    export: bool = True,
) -> Callable[[Callable[..., Any]], Any]:
    """Register a fact function under ``name`` with a Swedish and English description.

    ``key`` (called like the fact) makes it a shared fact, ``inputs`` (with ``key``) shares it more finely;
    ``export=False`` makes it an internal one (see the module docstring).
    """

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        if name in _SPECS:
            raise ValueError(f"fact {name!r} registered twice")
        if inputs is not None and key not in (by_structure, by_structure_and_birth_year):
            raise ValueError(f"fact {name!r}: 'inputs' refines 'key=by_structure…'")
        spec = FactSpec(name, scope, func, Text(sv=sv, en=en), key, export, inputs)
        _SPECS[name] = spec
        if export:
            REGISTRY[name] = spec
        return func

    return register


@dataclass(frozen=True, slots=True)
class MissingParameter:
    name: str
    on: dt.date
    text: Text


class _Unknown(Exception):
    """Raised inside a fact when a parameter it needs is not in force; the fact becomes unknown."""


class _Shared:
    """A shared fact's value with the parameters it found missing and the dated values it rested on (a plain
    class: made for every shared fact computed, so made cheaply; never changed)."""

    __slots__ = ("container", "missing", "used", "value")

    def __init__(
        self, value: Any, container: type | None, missing: tuple[MissingParameter, ...], used: dict[str, Any]
    ) -> None:
        # A list is kept as a tuple, a dict as a tuple of its items; each is handed out as a new list or
        # dict every time (``container``), so that no reader can change what the others get.
        self.value = value
        self.container = container
        self.missing = missing
        self.used = used  # parameter name → DatedValue, everything the computation rested on


# What a fact's value depends on besides the parameters and the date, for ``key=``:

_EXTENT = ("parts", "*", "extent_percent")
_OUTSIDE_STRUCTURE = (
    *(
        tuple(p.split("."))
        for p in (
            "id",
            "title",
            "person.name",
            "person.personnummer",
            "person.birth_year",
            "parts.*.monthly_salary",
        )
    ),
    _EXTENT,
)
_EXCLUDED = exclusion(_OUTSIDE_STRUCTURE)  # for the structure key: the same fields, as a tree
_PATH_ROOTS = {"part": ("parts", "*"), "employer": ("employers", "*"), "host": ("employers", "*")}


def in_structure(path: str, *, with_extents: bool = False) -> bool:
    """Whether a dotted path (as rules write it: ``parts.0.employer``, ``part.extent_percent``) reads only
    the agreement's structure (``with_extents``: or a part's extent): neither a field left out of it nor
    anything that holds one."""
    head, *rest = path.split(".")
    segments = (*_PATH_ROOTS.get(head, (head,)), *rest)
    segments = tuple("*" if s.isdigit() else s for s in segments)
    for outside in _OUTSIDE_STRUCTURE:
        if with_extents and outside is _EXTENT and len(segments) >= len(_EXTENT):
            continue  # the extent itself (or something in it)
        n = min(len(segments), len(outside))
        if segments[:n] == outside[:n]:
            return False
    return True


def sharing_of(facts: Iterable[str], paths: Iterable[str]) -> Callable[..., Hashable] | None:
    """How a computation that reads these facts and paths can be shared: :func:`by_structure`,
    :func:`by_structure_and_birth_year`, :func:`by_structure_and_extents`, or ``None`` (it reads something
    that varies per agreement, or both the birth year and the extents)."""
    kinds = {_SPECS[name].key for name in facts}
    paths = list(paths)
    if kinds <= {by_structure, by_structure_and_birth_year} and all(in_structure(p) for p in paths):
        return by_structure_and_birth_year if by_structure_and_birth_year in kinds else by_structure
    if kinds <= {by_structure, by_structure_and_extents} and all(
        in_structure(p, with_extents=True) for p in paths
    ):
        return by_structure_and_extents
    return None


def by_structure(ctx: FactContext, part: int | None = None) -> Hashable:
    """Key of a fact that reads only the agreement's *structure*: everything but its id and title, the
    person's name, personnummer and birth year, and the parts' salaries and extents."""
    return (ctx.structure(), part)


def by_structure_and_birth_year(ctx: FactContext, part: int | None = None) -> Hashable:
    """Key of a fact that reads the structure and the person's birth year (age, pension scheme), and the
    birth year only to compare it with the limits in the parameters: agreements whose birth years fall in
    one class (:mod:`forenad.engine.birth_years`) share it. The exact year and age are per agreement."""
    return (ctx.structure(), ctx._table.birth_class(ctx.agreement.person.effective_birth_year), part)


def by_structure_and_extents(ctx: FactContext, part: int | None = None) -> Hashable:
    """Key of a fact that reads the structure and the parts' extents (hours per week, the extents summed):
    agreements that split the time alike share it, whatever the salaries and the birth year."""
    return (ctx.structure(), ctx.extents(), part)


_GROUPED = (by_structure, by_structure_and_birth_year, by_structure_and_extents)
_NO_INPUTS: dict[Any, None] = {}


class _Group:
    """What agreements with one structure (and birth-year class, or extents) share on one date: facts by
    (name, part), the findings of rule steps (with the parameters they found missing) by step, and (for a
    structure) the findings of its birth-year steps by the facts they read (:class:`Replay`) and the groups
    of its agreements with one birth-year class or one split of the extents (``within``)."""

    __slots__ = ("facts", "outcomes", "replays", "within")
    MAX_WITHIN = 2_000

    def __init__(self) -> None:
        self.facts: dict[Any, _Shared] = {}
        self.outcomes: dict[Any, tuple[tuple[Any, ...], tuple[MissingParameter, ...]]] = {}
        self.replays: dict[Any, Replay] = {}
        self.within: dict[Hashable, _Group] = {}

    def sub(self, key: Hashable) -> _Group:
        """The group of this structure's agreements with one birth-year class or one split of the extents."""
        found = self.within.get(key)
        if found is None:
            if len(self.within) >= self.MAX_WITHIN:
                self.within.clear()
            found = self.within[key] = _Group()
        return found


class Replay:
    """The findings of one rule step for one structure, by what its rules read: a tree whose nodes name the
    next fact the rules read and branch on its value and the dated values behind it.

    Rules see an agreement only through its structure's paths and through facts, so within a structure the
    facts the rules read next, and at the end their findings, are fixed by the values (and dated values) of
    the facts read so far. Replaying the reads of an earlier agreement therefore gives that agreement's
    findings as soon as every value matches, and reads the same facts in the same order as running the
    rules would, so the same parameters are found missing. This is how agreements of one structure with
    different birth years share the findings of rules that read the age or the pension scheme.
    """

    __slots__ = ("branches", "findings", "read")
    MAX_BRANCHES = 32

    def __init__(self) -> None:
        self.read: FactKey | None = None  # the next fact read, or None at a leaf
        self.branches: dict[Hashable, list[tuple[dict[str, Any], Replay]]] = {}
        self.findings: tuple[Any, ...] | None = None

    def _child(self, value: Any, used: dict[str, Any]) -> Replay | None:
        for known_used, child in self.branches.get(signature(value), ()):
            if known_used == used:
                return child
        return None

    def replay(self, ctx: FactContext) -> tuple[tuple[Any, ...], list[FactKey]] | None:
        """The findings, and the facts read to reach them, when this agreement reads what an earlier one
        did; ``None`` otherwise (the facts read so far stay computed)."""
        node: Replay = self
        read: list[FactKey] = []
        while node.findings is None:
            key = node.read
            if key is None:
                return None
            read.append(key)
            value = ctx.get(key[0], key[1])
            kind = type(value)
            sig = (kind, value) if kind is str or kind is bool or value is None else signature(value)
            if sig not in node.branches:
                return None
            used = ctx._used_dated(key)
            for known_used, child in node.branches[sig]:
                if known_used == used:
                    node = child
                    break
            else:
                return None
        return node.findings, read

    def record(self, path: list[tuple[FactKey, Any, dict[str, Any]]], findings: tuple[Any, ...]) -> None:
        """Remember the findings after these reads (fact, value, dated values), in the order read."""
        node: Replay = self
        for key, value, used in path:
            if node.read is None:
                if node.findings is not None:
                    return  # cannot happen for rules as defined; keep what is known
                node.read = key
            elif node.read != key:
                return
            child = node._child(value, used)
            if child is None:
                sig = signature(value)
                if sig is None or len(node.branches) >= self.MAX_BRANCHES:
                    return  # a value that cannot be told apart safely, or too many: not kept
                child = Replay()
                node.branches.setdefault(sig, []).append((used, child))
            node = child
        if node.read is None:
            node.findings = findings


def signature(value: Any) -> Hashable:
    """What a rule or a message can tell of a fact value: its type and value, a Decimal to the digit (1.0 is
    not 1), containers item by item and in order; ``None`` for a value of another kind (never the same)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None or kind is dt.date:
        return (kind, value)
    if kind is Decimal:
        return (kind, str(value))  # exact: digits and exponent as written (str is cheaper than as_tuple)
    if kind is list or kind is tuple:
        items = tuple(signature(v) for v in value)
        return None if None in items else (kind, items)
    if kind is dict:
        pairs = tuple((k, signature(v)) for k, v in value.items())
        return None if any(sig is None for _, sig in pairs) else (kind, pairs)
    if isinstance(value, enum.Enum):
        return (kind, value)
    if kind is float:
        return (kind, repr(value))
    return None


class DatedTable:
    """The dated values of one parameter set on one date (looked up once each), and the shared facts."""

    __slots__ = ("bounds", "groups", "on", "params", "present", "seen", "shared", "used", "values")
    MAX_SHARED = 100_000
    MAX_GROUPS = 2_000

    def __init__(self, params: Any, on: dt.date) -> None:
        self.params = params
        self.on = on
        self.values: dict[str, Any] = {}  # name → DatedValue, or the ParameterNotInForce it raised
        self.present: dict[str, Any] = {}  # name → DatedValue, for those in force
        self.shared: dict[Any, _Shared] = {}  # (fact, key) → value, for facts with their own key
        self.groups: dict[Hashable, _Group] = {}  # structure → what its agreements share
        self.seen: set[int] = set()  # hashes of structures met once
        self.used: dict[str, tuple[Any, UsedValue]] = {}
        self.bounds: tuple[int, ...] | bool | None = False  # the birth-year limits, once needed

    def birth_class(self, year: int | None) -> Hashable:
        """The class of a birth year on the table's date (see :mod:`.birth_years`)."""
        bounds = self.bounds
        if bounds is False:
            bounds = self.bounds = limits(self.params, self.on)
        return birth_class(bounds, year)

    def used_value(self, dated: Any) -> UsedValue:
        """A finding's record of a dated value (one per parameter on the table's date)."""
        found = self.used.get(dated.name)
        if found is None or found[0] is not dated:
            found = self.used[dated.name] = (
                dated,
                UsedValue(dated.name, dated.value, dated.start, dated.confidence),
            )
        return found[1]

    def group(self, key: Hashable) -> _Group | None:
        """What agreements with this structure share; ``None`` the first time a structure is met, so that a
        batch of agreements that are all different pays nothing for keeping what nobody would reuse."""
        found = self.groups.get(key)
        if found is None:
            digest = hash(key)
            if digest not in self.seen:
                if len(self.seen) >= 20 * self.MAX_GROUPS:
                    self.seen.clear()
                self.seen.add(digest)
                return None
            if len(self.groups) >= self.MAX_GROUPS:
                self.groups.clear()
            found = self.groups[key] = _Group()
        return found

    def lookup(self, name: str) -> Any:
        found = self.values.get(name)
        if found is None:
            try:
                found = self.params.at(name, self.on)
            except ParameterNotInForce as exc:
                found = exc  # not in force is an answer too: remember it
            else:
                self.present[name] = found
            self.values[name] = found
        return found


_TABLES: dict[tuple[int, dt.date], DatedTable] = {}
_MAX_TABLES = 64


def dated_table(params: Any, on: dt.date) -> DatedTable:
    """The table for a parameter set and date, kept while fewer than 64 are in use (a batch shares one)."""
    key = (id(params), on)
    table = _TABLES.get(key)
    if table is None or table.params is not params:  # the set is kept, so a reused id cannot mislead
        if len(_TABLES) >= _MAX_TABLES:
            _TABLES.clear()
        table = _TABLES[key] = DatedTable(params, on)
    return table


def clear_shared() -> None:
    """Forget every shared fact and rule outcome (and the dated values looked up): to free the memory a
    long-lived process holds, or to time a run that starts with nothing shared."""
    _TABLES.clear()


class FactContext:
    """Facts about one agreement at one date, computed lazily and cached."""

    __slots__ = (
        "_closures",
        "_deps",
        "_direct",
        "_extents",
        "_frames",
        "_groups",
        "_missing_of",
        "_present",
        "_structure",
        "_table",
        "_top",
        "_values",
        "agreement",
        "memo",
        "missing",
        "on",
        "params",
        "reads",
        "share",
    )

    share: bool
    """Whether shared facts and rule outcomes are used (``share=False``: everything afresh)."""

    def __init__(self, agreement: Agreement, on: dt.date, params: Any, *, share: bool = True) -> None:
        """``share=False`` computes every fact afresh (no shared facts), for tests and comparisons."""
        self.agreement = agreement
        self.on = on
        self.params = params  # forenad.params.ParameterSet; typed loosely to keep the import light
        self.missing: dict[str, MissingParameter] = {}
        self.memo: dict[str, Any] = {}
        """Scratch space for derived values shared by several facts (not exported, not tracked: prefer an
        internal fact, whose readers inherit its dated values)."""
        self._table = dated_table(params, on)
        self._present = self._table.present
        self._values: dict[FactKey, Any] = {}
        # For each computed fact: the facts it read, and the dated values it read itself.
        self._deps: dict[FactKey, dict[FactKey, None]] = {}  # the facts each fact read, as an ordered set
        self._closures: dict[FactKey, dict[str, Any]] = {}
        self._direct: dict[FactKey, dict[str, Any]] = {}
        self._top: _Frame | None = None  # the fact being computed, innermost (frames link outwards)
        self._frames: list[dict[str, MissingParameter]] = []  # missing parameters per shared computation
        self.share = share
        self._groups: dict[Any, _Group | None] = {}
        self._missing_of: dict[FactKey, dict[str, MissingParameter]] = {}  # what each fact itself found
        self.reads: list[FactKey] | None = None
        """While not ``None``, the facts rules read are listed here (see :meth:`missing_behind`)."""
        self._structure: Hashable | None = None
        self._extents: tuple[str, ...] | None = None

    def extents(self) -> tuple[str, ...]:
        """The parts' extents exactly as written (50 and 50.0 are told apart), for
        :func:`by_structure_and_extents`."""
        if self._extents is None:
            self._extents = tuple([str(p.extent_percent) for p in self.agreement.parts])
        return self._extents

    def structure(self) -> Hashable:
        """The key of the agreement's structure (see :func:`by_structure` and :mod:`.structure`), made once
        per context."""
        if self._structure is None:
            # (built on first use, then found at once; a subclass instance is keyed by its own class's)
            self._structure = keyer(Agreement, _EXCLUDED)(self.agreement)
        return self._structure

    # -- parameters ---------------------------------------------------------------------------------
    def lookup(self, name: str) -> Any:
        """The dated value in force (a :class:`~forenad.params.DatedValue`); raises
        :class:`~forenad.params.ParameterNotInForce`. Not recorded as used."""
        found = self._present.get(name)
        if found is not None:
            return found
        found = self._table.lookup(name)
        if isinstance(found, ParameterNotInForce):
            raise found.with_traceback(None)  # a fresh traceback each time, not a growing one
        return found

    def param(self, name: str) -> Any:
        """The value of a dated parameter in force on the evaluation date (recorded as used)."""
        present = self._present
        if name in present:
            dated = present[name]
        else:
            dated = self._table.lookup(name)
            if isinstance(dated, ParameterNotInForce):
                self.note_missing(MissingParameter(name, self.on, _text_of(dated)))
                raise _Unknown(name)
        top = self._top
        if top is not None:
            top[1][name] = dated
        return dated.value

    def param_or_none(self, name: str) -> Any:
        """Like :meth:`param`, but ``None`` (and no ``dates`` finding) when not in force: for values the
        agreement may state itself, such as an overhead surcharge."""
        dated = self._present.get(name)
        if dated is None:
            dated = self._table.lookup(name)
            if isinstance(dated, ParameterNotInForce):
                return None
        top = self._top
        if top is not None:
            top[1][name] = dated
        return dated.value

    def dated_in_force(self, name: str) -> Any:
        """The dated value in force (a :class:`~forenad.params.DatedValue`), recorded as used like
        :meth:`param`; ``None`` when it is not in force or not known to the parameter set (no ``dates``
        finding: see :meth:`lookup` for why)."""
        dated = self._present.get(name)
        if dated is None:
            try:
                dated = self._table.lookup(name)
            except UnknownParameter:  # not known to the set: the caller finds out why through lookup()
                return None
            if isinstance(dated, ParameterNotInForce):
                return None
        top = self._top
        if top is not None:
            top[1][name] = dated
        return dated

    def note_missing(self, missing: MissingParameter) -> None:
        """Record a parameter that is not in force (it becomes a ``dates`` finding once), as found by the fact
        being computed."""
        self.missing.setdefault(missing.name, missing)
        for frame in self._frames:
            frame.setdefault(missing.name, missing)
        top = self._top
        if top is not None:  # the fact being computed (or whose inputs are)
            self._missing_of.setdefault(top[2], {}).setdefault(missing.name, missing)

    def missing_behind(self, keys: Iterable[FactKey]) -> list[MissingParameter]:
        """The parameters found missing by these facts and the facts they read, in that order."""
        if not self._missing_of:
            return []  # no fact of this agreement found a parameter missing
        out: dict[str, MissingParameter] = {}
        seen: set[FactKey] = set()
        todo = list(keys)[::-1]
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            own = self._missing_of.get(key)
            if own:
                for name, missing in own.items():
                    out.setdefault(name, missing)
            todo.extend(reversed(self._deps.get(key, ())))
        return list(out.values())

    # -- facts --------------------------------------------------------------------------------------
    def get(self, name: str, part: int | None = None) -> Any:
        """A fact's value, computed once per context (and, for a shared fact, once per key and date)."""
        key = (name, part)
        top = self._top
        if top is not None:
            top[0][key] = None  # (a store, not a call: this is the hottest line)
        values = self._values
        if key in values:  # (tests and subscripts, not calls, here and below on the hot paths)
            value = values[key]
            if value is _UNKNOWN:
                raise _Unknown(name)
            return value
        spec = _SPECS[name]
        if spec.key is not None and self.share:
            return self._get_shared(spec, key, part)
        return self._compute(spec, key, part)

    def _get_shared(self, spec: FactSpec, key: FactKey, part: int | None) -> Any:
        kind = spec.key
        finer = spec.inputs
        read_by_key: dict[FactKey, None] = _NO_INPUTS  # (never written to: a fact shared by its group)
        groups = self._groups
        group = groups[kind] if kind in groups else self._group(kind)  # (no call once known)
        if group is not None:
            # Shared by the agreements of its group (those with finer inputs too: within a group they read
            # the same of them).
            bucket = group.facts
            skey: Hashable = key
        elif finer is None and kind in _GROUPED:
            return self._compute(spec, key, part)
        else:
            # Shared by inputs that are facts of this agreement: the dated values behind those are this
            # agreement's own, so what is shared is only what the fact itself rests on besides them.
            by = finer or kind
            read_by_key = {}
            outer = self._top
            self._top = (read_by_key, {}, key, outer)
            try:
                inputs = by(self) if part is None else by(self, part)  # type: ignore[misc]
            finally:
                self._top = outer
            bucket = self._table.shared
            skey = (spec.name, inputs)
        if skey in bucket:
            hit = bucket[skey]
            if hit.missing:
                outer = self._top
                self._top = ({}, {}, key, outer)  # found missing by this fact when it was computed
                try:
                    for missing in hit.missing:
                        self.note_missing(missing)
                finally:
                    self._top = outer
            container = hit.container
            value = hit.value if container is None else container(hit.value)
            self._values[key] = value
            if hit.used:
                self._direct[key] = hit.used
            if read_by_key:
                self._deps[key] = read_by_key
            else:
                self._closures[key] = hit.used or _NOTHING
            return value
        value = self._compute(spec, key, part)
        # What it found missing, itself or through the facts it read (also those read before, and so not
        # computed now, which another agreement may not have computed); not through its inputs, which are
        # each agreement's own.
        missing = tuple(self.missing_behind((key,))) if self._missing_of else ()
        if read_by_key:
            self._deps.setdefault(key, {}).update(read_by_key)
            self._closures.pop(key, None)
        kind = type(value)
        container = kind if kind is list or kind is dict else None
        kept = value if container is None else tuple(value.items() if kind is dict else value)
        if _shareable(kept):
            if len(bucket) >= DatedTable.MAX_SHARED:
                bucket.clear()
            used = self._used_dated(key) if not read_by_key else self._used_besides(key, read_by_key)
            bucket[skey] = _Shared(kept, container, missing, used)
        return value

    def _used_besides(self, key: FactKey, inputs: dict[FactKey, None]) -> dict[str, Any]:
        """The dated values behind a fact other than through the facts it was keyed by."""
        out = dict(self._direct.get(key) or _NOTHING)
        for dep in self._deps.get(key, ()):
            if dep not in inputs and dep != key:
                out.update(self._used_dated(dep))
        return out

    def _group(self, kind: Callable[..., Hashable]) -> _Group | None:
        """What agreements with this one's structure (and birth-year class) share, or ``None`` (not yet, or
        a key of its own)."""
        groups = self._groups
        if kind in groups:
            return groups[kind]
        if kind not in _GROUPED:
            found = None
        elif kind is by_structure:
            found = self._table.group(self.structure())  # the one lookup by the (long) structure key
        else:
            # Within the structure's group: a structure met before is likely met again with this birth year
            # (or these extents) too, so its group is made at once.
            outer = self._group(by_structure)
            found = (
                None
                if outer is None
                else outer.sub(
                    ("born", self._table.birth_class(self.agreement.person.effective_birth_year))
                    if kind is by_structure_and_birth_year
                    else ("extents", self.extents())
                )
            )
        groups[kind] = found
        return found

    def rule_outcomes(self, kind: Callable[..., Hashable]) -> dict[Any, Any] | None:
        """Outcomes of rule steps that read only what ``kind`` covers, shared like facts (see
        :func:`forenad.engine.evaluate`); ``None`` when the agreement's structure is met the first time."""
        groups = self._groups
        group = groups[kind] if kind in groups else self._group(kind)
        return None if group is None else group.outcomes

    def replays(self) -> dict[Any, Replay] | None:
        """The :class:`Replay` trees of this agreement's structure, by step (``None``: not shared yet)."""
        group = self._group(by_structure)
        return None if group is None else group.replays

    def begin_shared(self) -> None:
        """Start recording the parameters found missing by a computation that will be shared."""
        self._frames.append({})

    def end_shared(self) -> tuple[MissingParameter, ...]:
        """Stop recording (see :meth:`begin_shared`): the parameters found missing meanwhile."""
        return tuple(self._frames.pop().values())

    def _compute(self, spec: FactSpec, key: FactKey, part: int | None) -> Any:
        outer = self._top
        frame: _Frame = ({}, {}, key, outer)
        self._top = frame
        try:
            value = spec.func(self) if part is None else spec.func(self, part)
        except _Unknown:
            value = None if spec.export else _UNKNOWN
        finally:
            self._top = outer
        self._values[key] = value
        if frame[0]:
            self._deps[key] = frame[0]
            if frame[1]:
                self._direct[key] = frame[1]
        else:  # read no other fact: what it rests on is what it read itself
            self._closures[key] = frame[1] or _NOTHING
            if frame[1]:
                self._direct[key] = frame[1]
        if value is _UNKNOWN:
            raise _Unknown(spec.name)
        return value

    def _used_dated(self, name_part: FactKey) -> dict[str, Any]:
        """The ``DatedValue``s behind a computed fact: its own and those of the facts it read (worked out
        once per fact and context; the dict is shared, never to be changed)."""
        closures = self._closures
        if name_part in closures:
            return closures[name_part]
        direct = self._direct.get(name_part)
        deps = self._deps.get(name_part)
        if not deps:
            found = direct or _NOTHING
        else:
            found = dict(direct) if direct else {}
            closures[name_part] = found  # a fact never reads itself, but be safe against cycles
            for dep in deps:
                if dep != name_part:
                    found.update(closures[dep] if dep in closures else self._used_dated(dep))
        closures[name_part] = found
        return found

    def used(self, name: str, part: int | None = None) -> dict[str, UsedValue]:
        """The dated values a fact rests on, its own and those of the facts it read."""
        self.get(name, part)
        used = self._table.used_value
        return {pname: used(dated) for pname, dated in self._used_dated((name, part)).items()}

    def used_values(self, keys: Iterable[FactKey]) -> tuple[UsedValue, ...]:
        """The dated values that these facts (name, part) rest on together, sorted by parameter name."""
        dated: dict[str, Any] = {}
        reads = self.reads
        for name, part in keys:
            if reads is not None:
                reads.append((name, part))
            self.get(name, part)
            dated.update(self._used_dated((name, part)))
        used = self._table.used_value
        return tuple(used(dated[pname]) for pname in sorted(dated))

    def rests_on_unverified(self, keys: Iterable[FactKey]) -> bool:
        """Whether any dated value behind these facts is unverified: what :meth:`used_values` would mark,
        found out without making the values."""
        for name, part in keys:
            self.get(name, part)
            for dated in self._used_dated((name, part)).values():
                if dated.confidence == "unverified":
                    return True
        return False

    def part_count(self) -> int:
        return len(self.agreement.parts)

    def computed(self) -> dict[FactKey, Any]:
        """Every public fact computed so far (internal facts left out)."""
        return {k: v for k, v in self._values.items() if k[0] in REGISTRY}


def _shareable(value: Any) -> bool:
    if type(value) in _SHAREABLE_EXACT:
        return True
    if isinstance(value, tuple):
        for item in value:  # noqa: SIM110  (a loop: no generator made on this hot path)
            if type(item) not in _SHAREABLE_EXACT and not _shareable(item):
                return False
        return True
    return isinstance(value, _SHAREABLE)


def _text_of(exc: Exception) -> Text:
    text = getattr(exc, "text", None)
    if isinstance(text, Text):
        return text
    return Text(sv=str(exc), en=str(exc))
