"""Rule conditions: a small, safe, typed language written as YAML and compiled to Python closures.

A condition is one of::

    {all: [COND, ...]}        every one holds
    {any: [COND, ...]}        at least one holds
    {not: COND}
    {path: DOTTED, OP: VALUE} a field of the agreement; in a rule with ``each: parts`` also ``part.…``
                              (the current part), ``employer.…`` and ``host.…`` (its employer and host)
    {fact: NAME, OP: VALUE}   a named fact (see :mod:`forenad.engine.facts`)

OP is one of ``eq ne in not_in gt ge lt le`` (VALUE a literal, a list for ``in``/``not_in``, or an operand
``{fact: …}`` / ``{path: …}``), ``exists`` or ``empty`` (VALUE true or false) and ``contains``.
Logic is three-valued: a comparison with an unknown value (``None``) is unknown, and a rule fires only when
its condition is true. Paths, facts, operators and enum literals are checked when rules load.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from forenad.engine.facts import REGISTRY, FactContext
from forenad.errors import ForenadError
from forenad.model import Agreement, Employer, Part
from forenad.model.paths import PathError, _unwrap, resolve, suggest

COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "ge": operator.ge,
    "lt": operator.lt,
    "le": operator.le,
    "in": lambda a, b: a in b,
    "not_in": lambda a, b: a not in b,
    "contains": lambda a, b: b in a,
}
OPERATORS = (*COMPARISONS, "exists", "empty")
COMBINATORS = ("all", "any", "not")


class ConditionError(ForenadError, ValueError):
    """A condition that does not compile; ``key`` is the offending key or name, ``suggestion`` a fix and
    ``loc`` where in the condition it is (keys and list indexes from the condition's top, such as
    ``("all", 0, "fact")``), so that the rule file's line can be found."""

    def __init__(
        self, key: str, problem: str, suggestion: str | None = None, loc: tuple[str | int, ...] = ()
    ) -> None:
        self.key = key
        self.problem = problem
        self.suggestion = suggestion
        self.loc = loc
        super().__init__(f"{key}: {problem}")


@contextmanager
def _at(*loc: str | int) -> Iterator[None]:
    """A :class:`ConditionError` raised inside is located under ``loc``."""
    try:
        yield
    except ConditionError as exc:
        exc.loc = (*loc, *exc.loc)
        raise


@dataclass
class Scope:
    """Where a condition is evaluated: the agreement, or one of its parts."""

    ctx: FactContext
    part: int | None = None

    @property
    def index(self) -> int:
        """The part's index: only in a rule with ``each: parts``, as the compiler makes sure."""
        assert self.part is not None, "a per-part condition evaluated for the whole agreement"
        return self.part


Evaluator = Callable[[Scope], Any]


@dataclass(frozen=True, slots=True)
class Compiled:
    evaluate: Callable[[Scope], bool | None]
    facts: frozenset[str]
    paths: frozenset[str] = frozenset()
    """The dotted paths the condition reads, as written (``part.…`` and the like included)."""


_ROOTS: dict[str, type[BaseModel]] = {"part": Part, "employer": Employer, "host": Employer}


def _path_getter(path: str, per_part: bool) -> tuple[Evaluator, Any]:
    """A getter for a dotted path and the annotation found there (for literal checks)."""
    head, _, rest = path.partition(".")
    if head in _ROOTS:
        if not per_part:
            raise ConditionError(path, f"'{head}.' can only be used in a rule with 'each: parts'")
        model = _ROOTS[head]
        segments = rest.split(".") if rest else []
        annotation = _resolve(model, rest, path) if rest else model
    else:
        model = Agreement
        segments = path.split(".")
        annotation = _resolve(Agreement, path, path)
    attrs = tuple(int(s) if s.isdigit() else s for s in segments)

    def walk(value: Any) -> Any:
        for attr in attrs:
            if value is None:
                return None
            if isinstance(attr, int):
                value = value[attr] if attr < len(value) else None
            else:
                value = getattr(value, attr)
        return value

    if head == "part":
        return (lambda s: walk(s.ctx.agreement.parts[s.index])), annotation
    if head == "employer":
        return (lambda s: walk(s.ctx.agreement.employer(s.ctx.agreement.parts[s.index].employer))), annotation

    if head == "host":

        def host(s: Scope) -> Any:
            part = s.ctx.agreement.parts[s.index]
            return walk(s.ctx.agreement.employer(part.host)) if part.host else None

        return host, annotation
    return (lambda s: walk(s.ctx.agreement)), annotation


def _resolve(model: type[BaseModel], path: str, full: str) -> Any:
    try:
        return resolve(model, path)
    except PathError as exc:
        raise ConditionError(
            full, f"no field {exc.segment!r} in the agreement model", exc.suggestion
        ) from None


def _fact_getter(name: str, per_part: bool) -> Evaluator:
    spec = REGISTRY.get(name)
    if spec is None:
        raise ConditionError(name, "unknown fact", suggest(name, list(REGISTRY)))
    if spec.scope == "part":
        if not per_part:
            raise ConditionError(name, "a part fact can only be used in a rule with 'each: parts'")

        def part_fact(s: Scope) -> Any:
            return _read(s.ctx, name, s.part)

        return part_fact

    def agreement_fact(s: Scope) -> Any:
        return _read(s.ctx, name, None)

    return agreement_fact


def _read(ctx: FactContext, name: str, part: int | None) -> Any:
    """A fact as a rule reads it: listed in ``ctx.reads``; :data:`UNKNOWN` when it is unknown because a
    parameter behind it is not in force (so that ``exists``/``empty`` cannot mistake it for a blank)."""
    if ctx.reads is not None:
        ctx.reads.append((name, part))
    value = ctx.get(name, part)
    if value is None and ctx.unknown_for_want_of_a_value((name, part)):
        return UNKNOWN
    return value


class _UnknownValue:
    """A fact that could not be worked out for want of a dated value: every comparison with it is
    unknown."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _UnknownValue()


def operand(
    data: Any, per_part: bool, facts: set[str], paths: set[str] | None = None
) -> tuple[Evaluator, Any] | None:
    """Compile ``{fact: …}`` or ``{path: …}``; ``None`` when ``data`` is a literal. The fact or path read is
    added to ``facts`` or ``paths``."""
    if isinstance(data, dict) and len(data) == 1:
        ((key, value),) = data.items()
        if key == "fact":
            facts.add(str(value))
            return _fact_getter(str(value), per_part), None
        if key == "path":
            if paths is not None:
                paths.add(str(value))
            return _path_getter(str(value), per_part)
    return None


def _check_literal(annotation: Any, value: Any, key: str) -> None:
    """Reject an enum literal that the field cannot hold, with a suggestion."""
    target = _unwrap(annotation)
    if isinstance(target, type) and issubclass(target, enum.Enum):
        allowed = [m.value for m in target]
        for item in value if isinstance(value, list) else [value]:
            if item not in allowed:
                raise ConditionError(
                    key, f"{item!r} is not a value of {target.__name__}", suggest(str(item), allowed)
                )


def compile_condition(data: Any, per_part: bool) -> Compiled:
    facts: set[str] = set()
    paths: set[str] = set()
    evaluate = _compile(data, per_part, facts, paths)
    return Compiled(evaluate, frozenset(facts), frozenset(paths))


Predicate = Callable[[Scope], bool | None]
"""A compiled condition: true, false, or ``None`` when it cannot be told (a value is unknown)."""


def _compile(data: Any, per_part: bool, facts: set[str], paths: set[str]) -> Predicate:
    if not isinstance(data, dict) or not data:
        raise ConditionError("when", "a condition must be a mapping")
    if set(data) & set(COMBINATORS):
        return _compile_combination(data, per_part, facts, paths)
    return _compile_comparison(data, per_part, facts, paths)


def _compile_combination(data: dict[Any, Any], per_part: bool, facts: set[str], paths: set[str]) -> Predicate:
    """``all``, ``any`` or ``not``: each stands alone in its mapping."""
    if len(data) != 1:
        raise ConditionError(", ".join(sorted(data)), "'all', 'any' and 'not' stand alone in a condition")
    ((key, value),) = data.items()
    if key == "not":
        with _at(key):
            return _negate(_compile(value, per_part, facts, paths))
    if not isinstance(value, list) or not value:
        raise ConditionError(key, f"'{key}' takes a non-empty list of conditions", loc=(key,))
    items = []
    for i, item in enumerate(value):
        with _at(key, i):
            items.append(_compile(item, per_part, facts, paths))
    return _all(items) if key == "all" else _any(items)


def _compile_comparison(data: dict[Any, Any], per_part: bool, facts: set[str], paths: set[str]) -> Predicate:
    """One ``path`` or ``fact``, one operator, and what it is compared with (a literal or an operand)."""
    subject_key, op = _subject_and_operator(set(data))
    with _at(subject_key):
        left, annotation = operand({subject_key: data[subject_key]}, per_part, facts, paths) or (None, None)
    assert left is not None
    right_raw = data[op]
    with _at(op):
        if op in ("exists", "empty"):
            return _presence(op, left, right_raw)
        with _at(*right_raw) if isinstance(right_raw, dict) and len(right_raw) == 1 else _at():
            right = operand(right_raw, per_part, facts, paths)
        if right is None:
            if op in ("in", "not_in") and not isinstance(right_raw, list):
                raise ConditionError(op, f"'{op}' takes a list")
            if annotation is not None and op != "contains":
                _check_literal(annotation, right_raw, str(data[subject_key]))
            literal = frozenset(right_raw) if op in ("in", "not_in") and _hashable(right_raw) else right_raw
            return _with_literal(COMPARISONS[op], left, literal)
    return _with_operand(COMPARISONS[op], left, right[0])


def _subject_and_operator(keys: set[Any]) -> tuple[str, str]:
    """The comparison's subject key (``path`` or ``fact``) and its one operator."""
    subjects = keys & {"path", "fact"}
    if len(subjects) != 1:
        raise ConditionError(", ".join(sorted(keys)), "a comparison needs exactly one of 'path' or 'fact'")
    ops = keys - subjects
    if len(ops) != 1:
        unknown = sorted(ops)
        hint = suggest(unknown[0], OPERATORS) if unknown else None
        raise ConditionError(
            ", ".join(unknown) or "when",
            f"a comparison needs exactly one operator of {OPERATORS}",
            hint,
            loc=tuple(unknown[:1]),
        )
    (op,) = ops
    if op not in OPERATORS:
        raise ConditionError(op, "unknown operator", suggest(op, OPERATORS), loc=(op,))
    return next(iter(subjects)), op


def _negate(inner: Predicate) -> Predicate:
    def negate(s: Scope) -> bool | None:
        result = inner(s)
        return None if result is None else not result

    return negate


def _presence(op: str, left: Evaluator, expected: Any) -> Predicate:
    """``exists`` (the value is not blank) or ``empty`` (blank: none, or an empty text or collection)."""
    if not isinstance(expected, bool):
        raise ConditionError(op, f"'{op}' takes true or false")
    if op == "exists":

        def exists(s: Scope) -> bool | None:
            value = left(s)
            return None if value is UNKNOWN else (value is not None) == expected

        return exists

    def empty(s: Scope) -> bool | None:
        value = left(s)
        return None if value is UNKNOWN else _is_empty(value) == expected

    return empty


def _with_literal(compare: Callable[[Any, Any], bool], left: Evaluator, literal: Any) -> Predicate:
    def with_literal(s: Scope) -> bool | None:
        value = left(s)
        if value is None or value is UNKNOWN:
            return None
        return bool(compare(value, literal))

    return with_literal


def _with_operand(compare: Callable[[Any, Any], bool], left: Evaluator, right: Evaluator) -> Predicate:
    def with_operand(s: Scope) -> bool | None:
        a, b = left(s), right(s)
        if a is None or b is None or a is UNKNOWN or b is UNKNOWN:
            return None
        return bool(compare(a, b))

    return with_operand


def _hashable(values: Sequence[Any]) -> bool:
    try:
        frozenset(values)
    except TypeError:
        return False
    return True


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str | list | tuple | dict | set | frozenset):
        return len(value) == 0
    return False


def _all(items: list[Callable[[Scope], bool | None]]) -> Callable[[Scope], bool | None]:
    def run(s: Scope) -> bool | None:
        unknown = False
        for item in items:
            result = item(s)
            if result is False:
                return False
            if result is None:
                unknown = True
        return None if unknown else True

    return run


def _any(items: list[Callable[[Scope], bool | None]]) -> Callable[[Scope], bool | None]:
    def run(s: Scope) -> bool | None:
        unknown = False
        for item in items:
            result = item(s)
            if result is True:
                return True
            if result is None:
                unknown = True
        return None if unknown else False

    return run
