"""Dotted field paths over the agreement model (``parts.0.extent_percent``, ``parts.*.employer``).

Used to name the field in an error, to suggest a field name for a typo and to check, when rules load, that
every path a rule reads exists in the model.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from forenad.errors import ForenadError


def dotted(loc: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in loc)


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional; a union of several models is left as it is."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def _step(annotation: Any, segment: str | int) -> Any | None:
    """The annotation one step down, or None when the segment does not exist there."""
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if origin in (list, tuple, Sequence):
        if segment == "*" or isinstance(segment, int) or (isinstance(segment, str) and segment.isdigit()):
            return get_args(annotation)[0]
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(segment))
        return field.annotation if field is not None else None
    return None


def field_names_at(root: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The field names of the model found at ``loc`` (empty when ``loc`` is not a model)."""
    annotation: Any = root
    for segment in loc:
        annotation = _step(annotation, segment)
        if annotation is None:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def suggest(word: str, candidates: Sequence[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


class PathError(ForenadError, ValueError):
    """A dotted path that does not exist in the model; carries the failing segment and a suggestion."""

    def __init__(self, path: str, segment: str, suggestion: str | None) -> None:
        self.path = path
        self.segment = segment
        self.suggestion = suggestion
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        super().__init__(f"{path!r}: no field {segment!r}{hint}")


def resolve(root: type[BaseModel], path: str) -> Any:
    """The annotation at a dotted path; raises :class:`PathError` naming the segment that does not exist."""
    annotation: Any = root
    walked: list[str] = []
    for segment in path.split("."):
        step = _step(annotation, segment)
        if step is None:
            names = field_names_at(root, walked)
            raise PathError(path, segment, suggest(segment, names))
        annotation = step
        walked.append(segment)
    return annotation
