"""An overlay: the field changes that turn a baseline agreement into an alternative, each with its reason.

Like a reform over a baseline in rules-as-code systems, an alternative is never written from scratch: it is
the baseline (as the plain data of its file) with a list of changes, and only the changes differ. The
:class:`Editor` records a change only when a value really changes, so an overlay lists exactly what the
employment model decides and nothing else.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from forenad.i18n import Lang, Text
from forenad.model import Agreement, EmploymentModel

_MISSING = object()


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of the agreement file: its dotted path, the value before and after (``None``: absent)."""

    path: str
    before: Any
    after: Any
    why: Text

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {"path": self.path, "before": self.before, "after": self.after, "why": self.why(lang)}


@dataclass(frozen=True, slots=True)
class Overlay:
    """How a baseline is recast under another employment model."""

    model: EmploymentModel
    explanation: Text
    changes: tuple[FieldChange, ...]

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "model": self.model.value,
            "explanation": self.explanation(lang),
            "changes": [c.as_json(lang) for c in self.changes],
        }


class Editor:
    """The baseline's data, changed field by field, with each effective change recorded."""

    def __init__(self, agreement: Agreement) -> None:
        self.data: dict[str, Any] = agreement.model_dump(mode="json", exclude_none=True)
        self.changes: list[FieldChange] = []

    def get(self, path: str, default: Any = None) -> Any:
        node: Any = self.data
        for key in _keys(path):
            found = (isinstance(node, dict) and isinstance(key, str) and key in node) or (
                isinstance(node, list) and isinstance(key, int) and key < len(node)
            )
            if not found:
                return default
            node = node[key]
        return node

    def set(self, path: str, value: Any, why: Text) -> None:
        """Set a field (creating the mappings above it); ``None`` removes it. No change, no record."""
        before = self.get(path, _MISSING)
        if value is None and before is _MISSING:
            return
        if before is not _MISSING and before == value:
            return
        *parents, last = _keys(path)
        node: Any = self.data
        for key in parents:
            node = node.setdefault(key, {}) if isinstance(node, dict) else node[key]
        if value is None:
            del node[last]
        else:
            node[last] = copy.deepcopy(value)
        self.changes.append(
            FieldChange(path, None if before is _MISSING else copy.deepcopy(before), value, why)
        )

    def remove(self, path: str, why: Text) -> None:
        self.set(path, None, why)

    def overlay(self, model: EmploymentModel, explanation: Text) -> Overlay:
        return Overlay(model, explanation, tuple(self.changes))

    def build(self) -> Agreement:
        """The changed data, validated as an agreement (raises pydantic's ``ValidationError``)."""
        return Agreement.model_validate(self.data)


def _keys(path: str) -> list[str | int]:
    return [int(k) if k.isdigit() else k for k in path.split(".")]
