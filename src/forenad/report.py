"""Results of a check run: findings per file, and the contract JSON shape (design.md §2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from forenad._version import __version__
from forenad.errors import InputError
from forenad.i18n import Lang, Text
from forenad.refs import Reference

if TYPE_CHECKING:
    from forenad.params import DatedValue

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

TOPICS: tuple[str, ...] = (
    "legal_basis",
    "extent",
    "salary",
    "working_time",
    "vacation",
    "pension",
    "insurance",
    "sick_pay",
    "rehabilitation",
    "work_environment",
    "notice",
    "termination",
    "secondary_employment",
    "cost_settlement",
    "collective_agreement",
    "documentation",
    "identity",
    "dates",
)


@dataclass(frozen=True, slots=True)
class UsedValue:
    """A dated parameter value that a finding relied on.

    ``origin`` is ``"shipped"`` (the parameter set) or ``"overlay"`` (an overlay folder's file,
    ``origin_file``); see :mod:`forenad.params_overlay`.
    """

    name: str
    value: Any
    start: dt.date
    confidence: str
    origin: str = "shipped"
    origin_file: str | None = None

    @classmethod
    def of(cls, dated: DatedValue) -> UsedValue:
        """The record of a :class:`~forenad.params.DatedValue`, with where it came from."""
        return cls(dated.name, dated.value, dated.start, dated.confidence, dated.origin, dated.origin_file)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "value": self.value,
            "start": self.start.isoformat(),
            "confidence": self.confidence,
        }
        if self.origin != "shipped":
            out["origin"] = self.origin
            if self.origin_file is not None:
                out["origin_file"] = self.origin_file
        return out


class LazyText:
    """A bilingual text rendered per language on first use (findings are often counted, not read)."""

    __slots__ = ("_cache", "_render")

    def __init__(self, render: Callable[[Lang], str]) -> None:
        self._render = render
        self._cache: dict[str, str] = {}

    def __call__(self, lang: Lang = "sv") -> str:
        text = self._cache.get(lang)
        if text is None:
            text = self._cache[lang] = self._render(lang)
        return text

    @property
    def sv(self) -> str:
        return self("sv")

    @property
    def en(self) -> str:
        return self("en")

    def __repr__(self) -> str:
        return f"LazyText(sv={self.sv!r})"


@dataclass(frozen=True, slots=True)
class NotMade:
    """A rule that could not be made for want of a dated value: its id, severity and part (``None``: the
    whole agreement)."""

    rule: str
    severity: Severity
    part: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "severity": self.severity}
        if self.part is not None:
            out["path"] = f"parts.{self.part}"
        return out


@dataclass(frozen=True)
class Finding:
    """One rule's outcome for one agreement (or one part of it).

    ``values`` are the dated parameter values the finding rests on. A ``dates.parameter_not_in_force``
    finding names its ``parameter`` and the rules it kept from being made (``not_made``).
    """

    rule: str
    topic: str
    severity: Severity
    text: Text | LazyText
    paths: tuple[str, ...] = ()
    refs: tuple[Reference, ...] = ()
    given_values: tuple[UsedValue, ...] = ()
    not_made: tuple[NotMade, ...] = ()
    parameter: str | None = None

    @property
    def values(self) -> tuple[UsedValue, ...]:
        return self.given_values

    @property
    def unverified(self) -> bool:
        """Whether the finding rests on an unverified dated value."""
        return any(v.confidence == "unverified" for v in self.given_values)

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "topic": self.topic,
            "severity": self.severity,
            "message": self.text(lang),
            "paths": list(self.paths),
            "refs": [r.model_dump(exclude_none=True) for r in self.refs],
        }
        if self.values:
            out["values"] = [v.as_json() for v in self.values]
            out["unverified"] = self.unverified
        if self.parameter is not None:
            out["parameter"] = self.parameter
            out["not_made"] = [n.as_json() for n in self.not_made]
        return out


@dataclass(slots=True)
class FileResult:
    file: str
    input_errors: list[InputError] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    evaluated_on: dt.date | None = None
    """The date the agreement was checked on (``None`` when it could not be read)."""
    part_names: tuple[Text, ...] = ()
    """Each part as a person names it, ``Del 1 (professor)``, for text output (not in the JSON)."""

    @property
    def valid(self) -> bool:
        return not self.input_errors

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    @property
    def not_made(self) -> tuple[NotMade, ...]:
        """The rules that could not be made for want of a dated value (each rule and part once)."""
        seen: dict[tuple[str, int | None], NotMade] = {}
        for f in self.findings:
            for n in f.not_made:
                seen.setdefault((n.rule, n.part), n)
        return tuple(seen.values())

    @property
    def missing_parameters(self) -> tuple[str, ...]:
        """The dated parameters the check needed and found no value in force for."""
        return tuple(f.parameter for f in self.findings if f.parameter is not None)

    @property
    def complete(self) -> bool:
        """False when the check needed a dated value that is not in force on the date: rules could not be
        made (:attr:`not_made`) or figures are unknown, so the check cannot say the agreement is in order."""
        return not self.missing_parameters

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "file": self.file,
            "valid": self.valid,
            "evaluated_on": None if self.evaluated_on is None else self.evaluated_on.isoformat(),
            "complete": self.complete,
            "input_errors": [e.as_json(lang) for e in self.input_errors],
            "findings": [f.as_json(lang) for f in self.findings],
            "not_made": [n.as_json() for n in self.not_made],
            "facts": self.facts,
        }


INCOMPLETE = 4
"""Exit code: no input errors or error findings, but a dated value the check needs is not in force on the
date, so rules could not be made or figures are unknown."""


@dataclass(slots=True)
class CheckRun:
    evaluated_on: dt.date
    results: list[FileResult] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """2 when any file could not be read or validated, else 1 when any error finding, else 4 when a
        check is incomplete (a dated value it needs is not in force: rules not made, figures unknown),
        else 0."""
        if any(not r.valid for r in self.results):
            return 2
        if any(r.has_errors for r in self.results):
            return 1
        if not all(r.complete for r in self.results):
            return INCOMPLETE
        return 0

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "forenad": __version__,
            "evaluated_on": self.evaluated_on.isoformat(),
            "results": [r.as_json(lang) for r in self.results],
        }
