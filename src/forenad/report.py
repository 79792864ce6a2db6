"""Results of a check run: findings per file, and the contract JSON shape (design.md §2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from forenad._version import __version__
from forenad.errors import InputError
from forenad.i18n import Lang, Text
from forenad.refs import Reference

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
    """A dated parameter value that a finding relied on."""

    name: str
    value: Any
    start: dt.date
    confidence: str

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "start": self.start.isoformat(),
            "confidence": self.confidence,
        }


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


@dataclass(frozen=True)
class Finding:
    """One rule's outcome for one agreement (or one part of it).

    ``values`` are the dated parameter values the finding rests on. They may be given directly or, as the
    engine does, by ``trace``: a function called on first use, so that checking many agreements does not pay
    for provenance nobody reads.
    """

    rule: str
    topic: str
    severity: Severity
    text: Text | LazyText
    paths: tuple[str, ...] = ()
    refs: tuple[Reference, ...] = ()
    given_values: tuple[UsedValue, ...] = ()
    trace: Callable[[], tuple[UsedValue, ...]] | None = field(default=None, repr=False, compare=False)
    unverified_trace: Callable[[], bool] | None = field(default=None, repr=False, compare=False)
    """With ``trace``: whether the values rest on an unverified one, found out without making them (the text
    output marks unverified findings, and only the JSON lists the values)."""

    @property
    def values(self) -> tuple[UsedValue, ...]:
        if self.trace is None:
            return self.given_values
        cached = self.__dict__.get("_values")
        if cached is None:
            cached = self.trace()
            object.__setattr__(self, "_values", cached)
        return cached

    @property
    def unverified(self) -> bool:
        cached = self.__dict__.get("_unverified")
        if cached is None:
            if self.unverified_trace is not None and "_values" not in self.__dict__:
                cached = self.unverified_trace()
            else:
                cached = any(v.confidence == "unverified" for v in self.values)
            object.__setattr__(self, "_unverified", cached)
        return cached

    def detached(self) -> Finding:
        """The same finding with its dated values worked out, holding on to nothing it was made from (to be
        kept and shared: a finding is immutable)."""
        if self.trace is None:
            return self
        return Finding(self.rule, self.topic, self.severity, self.text, self.paths, self.refs, self.values)

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
        return out


@dataclass(slots=True)
class FileResult:
    file: str
    input_errors: list[InputError] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.input_errors

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "file": self.file,
            "valid": self.valid,
            "input_errors": [e.as_json(lang) for e in self.input_errors],
            "findings": [f.as_json(lang) for f in self.findings],
            "facts": self.facts,
        }


@dataclass(slots=True)
class CheckRun:
    evaluated_on: dt.date
    results: list[FileResult] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """2 when any file could not be read or validated, else 1 when any error finding, else 0."""
        if any(not r.valid for r in self.results):
            return 2
        if any(r.has_errors for r in self.results):
            return 1
        return 0

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "forenad": __version__,
            "evaluated_on": self.evaluated_on.isoformat(),
            "results": [r.as_json(lang) for r in self.results],
        }
