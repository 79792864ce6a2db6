"""The agreement as a form, built from the pydantic model: fields, their inputs, and the way back.

:func:`fields_of` reads the model (:class:`~forenad.model.Agreement` and the models it holds) into a tree of
:class:`Field`; nothing about the agreement is written down twice. A form is a flat mapping of dotted paths
to the text in each input (``parts.0.extent_percent`` → ``"50"``), the same paths the validation errors and
the rule findings use. Each item of a list of models carries ``<path>.<i>._orig``, the index it had in the
file (``new`` for an added one), so that saving keeps each item's comments with it.

- :func:`values_of` turns the file's data into form values;
- :func:`data_of` turns posted form values back into agreement data (numbers typed the Swedish way, ``46 000``
  or ``37,5``, are read as the guided questions read them) for :func:`forenad.io.parse_agreement`;
- :func:`add_item` and :func:`remove_item` add and remove a list item in the form values.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from annotated_types import MaxLen
from pydantic import BaseModel

from forenad.guided.parsing import Invalid
from forenad.guided.reading import Unit
from forenad.guided.reading import number as read_number
from forenad.model import Agreement
from forenad.model.types import Personnummer

Kind = Literal[
    "text", "textarea", "decimal", "int", "date", "bool", "enum", "lines", "personnummer", "group", "list"
]

ORIG = "_orig"
NEW = "new"
LONG_TEXT = 200
"""Text fields allowed more characters than this get a text area."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a model. ``key`` is ``Model.field`` (labels); ``children`` are a group's fields or a list
    item's fields; ``choices`` an enum's values."""

    name: str
    key: str
    kind: Kind
    required: bool
    description: str
    choices: tuple[str, ...] = ()
    children: tuple[Field, ...] = ()


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``X | None`` and whether ``None`` was allowed."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


_SCALARS: tuple[tuple[type, Kind], ...] = (
    (bool, "bool"),  # before int: a bool is an int
    (Personnummer, "personnummer"),
    (int, "int"),
    (Decimal, "decimal"),
    (dt.date, "date"),
)


def _kind(annotation: Any, metadata: list[Any]) -> tuple[Kind, Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return ("list", item) if isinstance(item, type) and issubclass(item, BaseModel) else ("lines", item)
    if not isinstance(annotation, type):
        return "text", None
    if issubclass(annotation, BaseModel):
        return "group", annotation
    if issubclass(annotation, enum.Enum):
        return "enum", annotation
    for base, kind in _SCALARS:
        if issubclass(annotation, base):
            return kind, None
    longest = max((m.max_length for m in metadata if isinstance(m, MaxLen)), default=0)
    return ("textarea" if longest > LONG_TEXT else "text"), None


@functools.cache
def fields_of(model: type[BaseModel] = Agreement) -> tuple[Field, ...]:
    """The fields of ``model`` in order, each with its kind, and the fields of the models it holds."""
    out = []
    for name, info in model.model_fields.items():
        annotation, optional = _unwrap(info.annotation)
        kind, inner = _kind(annotation, list(info.metadata))
        children: tuple[Field, ...] = ()
        choices: tuple[str, ...] = ()
        if kind in ("group", "list"):
            children = fields_of(inner)
        elif kind == "enum":
            choices = tuple(str(m.value) for m in inner)
        out.append(
            Field(
                name=name,
                key=f"{model.__name__}.{name}",
                kind=kind,
                required=info.is_required() and not optional,
                description=info.description or "",
                choices=choices,
                children=children,
            )
        )
    return tuple(out)


def field_at(path: str) -> Field | None:
    """The field a dotted path (``parts.0.extent_percent``) names, or ``None``."""
    fields = fields_of()
    found: Field | None = None
    for part in path.split("."):
        if part.isdigit() and found is not None and found.kind == "list":
            continue
        found = next((f for f in fields if f.name == part), None)
        if found is None:
            return None
        fields = found.children
    return found


# --------------------------------------------------------------------------------------------------------
# From the file's data to form values


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return "" if value is None else str(value)


def values_of(
    data: Mapping[str, Any], fields: tuple[Field, ...] | None = None, prefix: str = ""
) -> dict[str, str]:
    """Form values for agreement data as read from a file (valid or not: what is there is shown)."""
    out: dict[str, str] = {}
    for field in fields if fields is not None else fields_of():
        if field.name not in data:
            continue
        value = data[field.name]
        path = prefix + field.name
        if field.kind == "group" and isinstance(value, Mapping):
            out.update(values_of(value, field.children, path + "."))
        elif field.kind == "list" and isinstance(value, list):
            for i, item in enumerate(value):
                out[f"{path}.{i}.{ORIG}"] = str(i)
                if isinstance(item, Mapping):
                    out.update(values_of(item, field.children, f"{path}.{i}."))
        elif field.kind == "lines" and isinstance(value, list):
            out[path] = "\n".join(_text(v) for v in value)
        elif field.kind == "personnummer":
            continue  # never put into a page: kept on the server (see data_of)
        else:
            out[path] = _text(value)
    return out


# --------------------------------------------------------------------------------------------------------
# From posted form values back to data


_INT = re.compile(r"[+-]?[0-9]+")


def number_text(raw: str, name: str = "") -> str:
    """A number as people write it (``26 500``, ``26500,50``, ``54,461 %``) as plain digits for the model
    to validate, read by the field's unit (``*_percent``: percent, ``*hours``: hours, else kronor, where a
    dot before three digits groups thousands); what is no number is passed on for the model's message."""
    unit = Unit.percent if "percent" in name else Unit.hours if "hours" in name else Unit.kronor
    try:
        return format(read_number(raw, unit), "f")
    except Invalid:
        return raw.strip()


def _value(field: Field, raw: str) -> Any:
    if field.kind in ("decimal",):
        return number_text(raw, field.name)
    if field.kind == "int":
        text = number_text(raw, field.name)
        return int(text) if _INT.fullmatch(text) else text
    if field.kind == "bool":
        return {"true": True, "false": False}.get(raw, raw)
    if field.kind == "lines":
        return [line.strip() for line in raw.splitlines() if line.strip()]
    return raw


def item_indexes(values: Mapping[str, str], path: str) -> list[int]:
    """The indexes of the items of the list at ``path`` in the form, in order."""
    pattern = re.compile(rf"^{re.escape(path)}\.([0-9]+)\.{ORIG}$")
    found = {int(m.group(1)) for key in values if (m := pattern.match(key))}
    return sorted(found)


@dataclass(frozen=True, slots=True)
class FormData:
    """Agreement data from a form, and where each list item came from (for :mod:`forenad.roundtrip`)."""

    data: dict[str, Any]
    origins: dict[str, list[int | None]]


def data_of(values: Mapping[str, str], personnummer: str | None = None) -> FormData:
    """Agreement data from posted form values. The personnummer is never sent to the page: an empty input
    keeps ``personnummer`` (the one in the file), ``person.personnummer__remove`` removes it, a new one typed
    in replaces it."""
    origins: dict[str, list[int | None]] = {}
    data = _data(values, fields_of(), "", origins)
    typed = values.get("person.personnummer", "").strip()
    person = data.setdefault("person", {})
    if typed:
        person["personnummer"] = typed
    elif personnummer and not values.get("person.personnummer__remove"):
        person["personnummer"] = personnummer
    return FormData(data, origins)


def _data(
    values: Mapping[str, str], fields: tuple[Field, ...], prefix: str, origins: dict[str, list[int | None]]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in fields:
        path = prefix + field.name
        if field.kind == "group":
            sub = _data(values, field.children, path + ".", origins)
            if sub or field.required:
                out[field.name] = sub
        elif field.kind == "list":
            items = []
            where: list[int | None] = []
            for i in item_indexes(values, path):
                items.append(_data(values, field.children, f"{path}.{i}.", origins))
                origin = values.get(f"{path}.{i}.{ORIG}", NEW)
                where.append(int(origin) if origin.isdigit() else None)
            if items:
                out[field.name] = items
                origins[path] = where
        elif field.kind == "personnummer":
            continue
        else:
            raw = values.get(path, "").strip()
            if raw == "":
                continue
            value = _value(field, raw)
            if value == []:
                continue
            out[field.name] = value
    return out


# --------------------------------------------------------------------------------------------------------
# Adding and removing items


def add_item(values: Mapping[str, str], path: str) -> dict[str, str]:
    """The form values with a new, empty item at the end of the list at ``path``."""
    out = dict(values)
    indexes = item_indexes(values, path)
    n = indexes[-1] + 1 if indexes else 0
    out[f"{path}.{n}.{ORIG}"] = NEW
    return out


def remove_item(values: Mapping[str, str], path: str, index: int) -> dict[str, str]:
    """The form values without item ``index`` of the list at ``path``; the items after it move up one."""
    prefix = f"{path}."
    out: dict[str, str] = {}
    for key, value in values.items():
        if not key.startswith(prefix):
            out[key] = value
            continue
        head, _, tail = key[len(prefix) :].partition(".")
        if not head.isdigit():
            out[key] = value
            continue
        i = int(head)
        if i == index:
            continue
        out[f"{prefix}{i - 1 if i > index else i}.{tail}"] = value
    return out


def renumbered(values: Mapping[str, str]) -> dict[str, str]:
    """The form values with every list's items numbered 0, 1, 2 … in order (a form may skip numbers)."""
    out = dict(values)
    for path in list_paths(out):
        indexes = item_indexes(out, path)
        if indexes == list(range(len(indexes))):
            continue
        moved: dict[str, str] = {}
        prefix = f"{path}."
        for key, value in out.items():
            if key.startswith(prefix):
                head, _, tail = key[len(prefix) :].partition(".")
                if head.isdigit() and int(head) in indexes:
                    moved[f"{prefix}{indexes.index(int(head))}.{tail}"] = value
                    continue
            moved[key] = value
        out = moved
    return out


def list_paths(values: Mapping[str, str]) -> list[str]:
    """The paths of the lists of models that have items in the form, outermost first."""
    paths = {key[: -len(ORIG) - 1].rsplit(".", 1)[0] for key in values if key.endswith("." + ORIG)}
    return sorted(paths, key=lambda p: (p.count("."), p))


def is_list_path(path: str) -> bool:
    field = field_at(path)
    return field is not None and field.kind == "list" and not path.split(".")[-1].isdigit()
