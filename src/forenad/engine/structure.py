"""An agreement's *structure* as a hashable key: every field's value but those left out.

Agreements with equal keys have equal fields everywhere but in the fields left out (the id, the person's
name and birth year, the parts' salaries and extents: see :func:`forenad.engine.facts.by_structure`), so the
facts and rule outcomes that read only the structure can be shared between them.

The key is a nested tuple: for each model, its class and its fields' values in field order, a nested model
as its own key, a list as a tuple. It is made by a function built once per model class from the class's
fields (:func:`keyer`), with the plain fields read in one ``itemgetter`` call, so that making it costs a small
part of what serialising the agreement would (the engine makes one for every agreement it checks).

Values compare as Python compares them, which is as fine as the agreement's JSON tells them apart: an
integral Decimal equals the same integer (``50`` and ``50.0``, as both serialise to ``50``), a string enum
member its value. A field that may hold something other than a plain value, a model or a list of either
falls back to a slower, general conversion that keeps the type of each container.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from operator import itemgetter
from typing import Any

from pydantic import BaseModel

Key = tuple[Any, ...]
Exclude = dict[str, "Exclude | None"]
"""Fields left out, by name: ``None`` leaves the field out, a dict leaves out fields inside it (inside each
item of a list)."""


def exclusion(paths: Iterable[tuple[str, ...]]) -> Exclude:
    """The tree of fields left out, from dotted paths split into names (``*`` for each item of a list)."""
    tree: Exclude = {}
    for path in paths:
        names = [n for n in path if n != "*"]
        node = tree
        for name in names[:-1]:
            child = node.get(name)
            if child is None:
                child = node[name] = {}
            node = child
        node[names[-1]] = None
    return tree


def keyer(cls: type[BaseModel], exclude: Exclude | None = None) -> Callable[[BaseModel], Key]:
    """The function that makes the key of an instance of ``cls`` (built once per class and exclusion tree;
    the tree is kept with it and must not be changed afterwards)."""
    found = _KEYERS.get((cls, id(exclude)))
    if found is None or found[0] is not exclude:  # the tree is kept, so a reused id cannot mislead
        found = _KEYERS[(cls, id(exclude))] = (exclude, _build(cls, exclude or {}))
    return found[1]


_KEYERS: dict[tuple[type, int], tuple[Any, Callable[[BaseModel], Key]]] = {}


def _build(cls: type[BaseModel], exclude: Exclude) -> Callable[[BaseModel], Key]:
    # The key function is written out as Python source, one expression per field, and compiled: no loop, no
    # comprehension and no call per field beyond the keys of nested models (this runs for every agreement).
    env: dict[str, Any] = {"cls": cls, "keyer": keyer, "_general": _general, "exclude": exclude}
    plain: list[str] = []
    parts: list[str] = []
    for name, field in cls.model_fields.items():
        if name in exclude and exclude[name] is None:
            continue
        inner_exclude = exclude.get(name)
        kind, target = _kind(field.annotation, inner_exclude)
        n = len(env)
        if kind == "plain":
            plain.append(name)
        elif kind == "plain_list":
            parts.append(f"(None if (v := d[{name!r}]) is None else tuple(v))")
        elif kind == "model":
            env[f"k{n}"] = keyer(target, inner_exclude)
            parts.append(f"(None if (w := d[{name!r}]) is None else k{n}(w))")
        elif kind == "model_list":
            env[f"k{n}"] = keyer(target, inner_exclude)
            parts.append(f"(None if (v := d[{name!r}]) is None else tuple(map(k{n}, v)))")
        else:
            parts.append(f"_general(d[{name!r}])")
    if len(plain) > 1:
        env["read"] = itemgetter(*plain)
        parts.insert(0, "read(d)")
    elif plain:
        parts.insert(0, f"d[{plain[0]!r}]")
    body = ", ".join(["cls", *parts])
    # An instance of a subclass has a key of its own (every key starts with its class).
    source = (
        "def key(obj):\n"
        "    if type(obj) is not cls:\n"
        "        return keyer(type(obj), exclude)(obj)\n"
        "    d = obj.__dict__\n"
        f"    return ({body})\n"
    )
    exec(compile(source, f"<structure key of {cls.__name__}>", "exec"), env)  # source made from the fields
    return env["key"]  # type: ignore[no-any-return]


def _kind(annotation: Any, exclude: Exclude | None) -> tuple[str, Any]:
    """How a field's value becomes part of the key: as it is (``plain``), a list of plain values as a tuple,
    a model (or a list of models) by its own key, or anything else by :func:`_general`."""
    inner, _ = _strip(annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return "model", inner
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner) or (Any,)
        item_inner, item_optional = _strip(item)
        if isinstance(item_inner, type) and issubclass(item_inner, BaseModel) and not item_optional:
            return "model_list", item_inner
        if _plain(item_inner) and exclude is None:
            return "plain_list", None
        return "general", None
    if _plain(inner) and exclude is None:
        return "plain", None
    return "general", None


_PLAIN: tuple[type, ...] = (str, int, float, Decimal, dt.date, type(None))


def _plain(annotation: Any) -> bool:
    """Whether values of this annotation are hashable, immutable and told apart by equality as their JSON
    would tell them apart: strings (and string enums), numbers, Decimals, dates, None."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return all(type(a) is str for a in typing.get_args(annotation))
    if origin is not None:
        inner, _ = _strip(annotation)
        return inner is not annotation and _plain(inner)
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return issubclass(annotation, str)  # a string enum compares and serialises as its value
        if issubclass(annotation, bool):
            return True
        return issubclass(annotation, _PLAIN)
    return False


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``Annotated`` and ``| None``, and whether ``None`` was allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin is typing.Union or origin is types.UnionType:
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) == 1:
                annotation = args[0]
                continue
            return Any, optional  # a union of several kinds: converted in general, with their types
        return annotation, optional


def _general(value: Any) -> Any:
    """The key of any value, keeping the type of each container and model."""
    if isinstance(value, BaseModel):
        return keyer(type(value))(value)
    if isinstance(value, list | tuple):
        return (type(value), tuple([_general(v) for v in value]))
    if isinstance(value, dict):
        return (dict, tuple([(k, _general(v)) for k, v in value.items()]))
    if isinstance(value, set | frozenset):
        return (frozenset, frozenset(_general(v) for v in value))
    return (type(value), value)
