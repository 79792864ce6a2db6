"""What a template sees: the agreement as read-only nodes under its own field names, plus a few extras.

A template reads the agreement by the same dotted paths as the model (``person.name``,
``parts[0].extent_percent``), so ``templates check`` can prove every tag against the model. A field with no
value is a *missing* object, not ``None``: it is false in ``{% if %}``, empty in a loop and, when printed,
a visible marker such as ``«SAKNAS: Del 1 (professor): parts.0.workplace»`` in a draft or a
:class:`MissingValue` error in a final document. The personnummer is only ever seen masked
(``19121212-****``).

Extras beside the agreement's fields:

- ``doc``: the document itself (``draft``, ``evaluated_on``, ``forenad_version``, ``template_id``, …);
- ``findings``: the rule findings of severity warning or error (``rule``, ``severity``, ``topic``,
  ``message``, ``refs``, ``paths``), for the annex of a draft; in a document for one employer only those
  that concern it (:func:`concerns`);
- ``fact(name, part=None)``: a derived fact (``fact('vacation_days', part)``);
- ``missing(path)``: a marker for a value the agreement lacks (an empty list, say);
- ``issuer`` and ``issued_parts`` in a template rendered once per employer (an anställningsbevis): the
  employer and the parts it employs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from jinja2 import Undefined
from pydantic import BaseModel

from forenad.i18n import Lang
from forenad.model import Agreement, Personnummer
from forenad.presentation.paths import dotted, shown_path
from forenad.render.errors import MissingValue
from forenad.report import Finding

DOC_FIELDS: tuple[str, ...] = (
    "draft",
    "lang",
    "evaluated_on",
    "forenad_version",
    "template_id",
    "template_version",
    "rules_version",
    "parameters_version",
)
FINDING_FIELDS: tuple[str, ...] = ("rule", "severity", "topic", "message", "refs", "paths")
EXTRA_NAMES: tuple[str, ...] = ("doc", "findings", "fact", "missing")
PER_EMPLOYER_NAMES: dict[str, str] = {"issuer": "employers.*", "issued_parts": "parts"}
"""Names only a per-employer template sees, and the model path each stands for."""
MARKER_WORD: dict[str, str] = {"sv": "SAKNAS", "en": "MISSING"}
PART_FACT_FIELDS: dict[str, str] = {
    "notice_employer_months": "notice.employer_months",
    "notice_employee_months": "notice.employee_months",
    "weekly_hours": "working_time",
}
"""For a part's fact that is unknown: the field of the part that would give it, named in the marker."""


class Node:
    """A read-only view of one model object: its fields as attributes, nothing else."""

    __slots__ = ("_fields", "_index", "_path")

    def __init__(self, fields: dict[str, Any], path: str, index: int | None = None) -> None:
        self._fields = fields
        self._path = path
        self._index = index

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"<{self._path or 'agreement'}>"


class Missing(Undefined):
    """A value the agreement does not give. Subclasses decide what printing it does (marker or error).

    The marker names the field as a person finds it: ``«SAKNAS: Del 1 (professor): parts.0.workplace»`` (the
    part as messages name it, then the path in the file, its index counted from 0)."""

    __slots__ = ("_forenad_path",)
    marker_word = "SAKNAS"
    part_names: tuple[str, ...] = ()

    def __init__(self, path: str) -> None:
        super().__init__(name=path)
        self._forenad_path = path

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__":
            raise AttributeError(name)
        return type(self)(f"{self._forenad_path}.{name}")

    def __getitem__(self, key: Any) -> Any:
        return type(self)(f"{self._forenad_path}.{key}")

    def __iter__(self) -> Iterator[Any]:
        yield from ()

    def __len__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return f"«{self.marker_word}: {self.shown()}»"

    def shown(self) -> str:
        """The path as a person reads it (``Del 2 (överläkare): parts.1.notice``)."""
        return shown_path(self._forenad_path, self.part_names)

    def __repr__(self) -> str:
        return f"Missing({self._forenad_path!r})"


class FinalMissing(Missing):
    """In a final document a missing value is an error naming the field."""

    __slots__ = ()

    def __str__(self) -> str:
        raise MissingValue(dotted(self._forenad_path), self.shown())


@cache
def missing_class(lang: Lang, draft: bool) -> type[Missing]:
    base = Missing if draft else FinalMissing
    return type(f"{base.__name__}_{lang}", (base,), {"__slots__": (), "marker_word": MARKER_WORD[lang]})


def missing_for(agreement: Agreement, lang: Lang, draft: bool) -> type[Missing]:
    """The missing-value class of one document: its language, draft or final, the agreement's part names."""
    from forenad.checking import part_names

    names = tuple(name(lang) for name in part_names(agreement))
    base = missing_class(lang, draft)
    return type(base.__name__, (base,), {"__slots__": (), "part_names": names})


def wrap(value: Any, path: str, missing: type[Missing], index: int | None = None) -> Any:
    """A template-side view of a model value at ``path`` (``parts.0.workplace``)."""
    if value is None:
        return missing(path)
    if isinstance(value, BaseModel):
        fields = {
            name: wrap(getattr(value, name), f"{path}.{name}" if path else name, missing)
            for name in type(value).model_fields
        }
        return Node(fields, path, index)
    if isinstance(value, list | tuple):
        items = [wrap(item, f"{path}.{i}", missing, i) for i, item in enumerate(value)]
        return tuple(items)
    if isinstance(value, Personnummer):
        return value.masked()
    return value


@dataclass(frozen=True, slots=True)
class DocInfo:
    draft: bool
    lang: Lang
    evaluated_on: dt.date
    forenad_version: str
    template_id: str
    template_version: str
    rules_version: str
    parameters_version: str

    def node(self) -> Node:
        return Node({name: getattr(self, name) for name in DOC_FIELDS}, "doc")


def concerns(finding: Finding, issuer: str, agreement: Agreement) -> bool:
    """Whether a finding concerns the employer ``issuer``: it names no part or employer entry (it is about
    the whole agreement), or one of them is the issuer's (a part it employs, or its own entry)."""
    named: list[str] = []
    for path in finding.paths:
        segments = path.split(".")
        if len(segments) < 2 or not segments[1].isdigit():
            continue
        index = int(segments[1])
        if segments[0] == "parts" and index < len(agreement.parts):
            named.append(agreement.parts[index].employer)
        elif segments[0] == "employers" and index < len(agreement.employers):
            named.append(agreement.employers[index].id)
    return not named or issuer in named


def annex_findings(
    findings: Sequence[Finding], lang: Lang, part_names: Sequence[str] = ()
) -> tuple[Node, ...]:
    """Findings of severity error or warning, errors first, as rows for the annex (a part's field named
    after the part, as in messages)."""
    from forenad.presentation.labels import label

    order = {"error": 0, "warning": 1}
    rows = sorted((f for f in findings if f.severity in order), key=lambda f: (order[f.severity], f.rule))
    return tuple(
        Node(
            {
                "rule": f.rule,
                "severity": label(f.severity, lang, "severity"),
                "topic": f.topic,
                "message": f.text(lang),
                "refs": "; ".join(r.short() for r in f.refs),
                "paths": ", ".join(shown_path(p, part_names) for p in f.paths),
            },
            f"findings.{i}",
        )
        for i, f in enumerate(rows)
    )


def _fact_function(facts: Mapping[str, Any], missing: type[Missing]) -> Any:
    from forenad.engine import REGISTRY

    part_facts: list[dict[str, Any]] = list(facts.get("parts") or [])

    def fact(name: str, part: Any = None) -> Any:
        spec = REGISTRY.get(str(name))
        if spec is None:
            raise KeyError(f"no fact {name!r}")
        if spec.scope == "part":
            is_part = isinstance(part, Node) and part._path.startswith("parts.")
            index = part._index if is_part else None
            if index is None or index >= len(part_facts):
                raise ValueError(f"the fact {name!r} belongs to a part: fact({name!r}, part)")
            value = part_facts[index].get(name)
            filled_by = PART_FACT_FIELDS.get(name)
            where = f"parts.{index}.{filled_by}" if filled_by else f"fakta.parts.{index}.{name}"
        else:
            value = facts.get(name)
            where = f"fakta.{name}"
        if value is None:
            return missing(where)
        return _amounts(value) if spec.money else value

    return fact


def _amounts(value: Any) -> Any:
    """A money fact's amounts as numbers (the facts keep them as exact decimal strings, for JSON), so that
    ``{% if fact('pension_split_loss_month') %}`` is false for ``0.00``."""
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    if isinstance(value, dict):
        return {key: _amounts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_amounts(item) for item in value]
    return value


def build_context(
    agreement: Agreement,
    facts: Mapping[str, Any],
    findings: Sequence[Finding],
    doc: DocInfo,
    issuer: str | None = None,
) -> dict[str, Any]:
    """The template context for one document (``issuer``: the employer id of a per-employer document)."""
    missing = missing_for(agreement, doc.lang, doc.draft)
    context: dict[str, Any] = {
        name: wrap(getattr(agreement, name), name, missing) for name in Agreement.model_fields
    }
    context["doc"] = doc.node()
    if issuer is not None:  # a document for one employer: only the findings that concern it
        findings = [f for f in findings if concerns(f, issuer, agreement)]
    context["findings"] = annex_findings(findings, doc.lang, missing.part_names)
    context["fact"] = _fact_function(facts, missing)
    context["missing"] = lambda path: missing(str(path))
    if issuer is not None:
        context["issuer"] = next(e for e in context["employers"] if e.id == issuer)
        context["issued_parts"] = tuple(p for p in context["parts"] if p.employer == issuer)
    return context
