"""The error hierarchy. Every error names where it happened: file, line and dotted field path."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from forenad.i18n import Lang, Text


@dataclass(frozen=True, slots=True)
class InputError:
    """One problem with user input, located by dotted field path and 1-based line (when known).

    ``code`` names the kind of problem for programs, stable across versions and languages: pydantic's error
    type for a field (``missing``, ``extra_forbidden``, ``greater_than``, ``date_parsing``, …, and forenad's
    own: ``orgnr_checksum``, ``unknown_employer``, ``duplicate_id``, ``end_before_start``, …), or the
    reading problem (``yaml_syntax``, ``duplicate_key``, ``file_not_found``, ``not_utf8``, ``too_large``, …;
    see :class:`forenad.yamlio.DocumentError`).
    """

    path: str
    line: int | None
    text: Text
    code: str = "invalid"

    def message(self, lang: Lang = "sv") -> str:
        return self.text(lang)

    def as_json(self, lang: Lang = "sv") -> dict[str, object]:
        return {"path": self.path, "line": self.line, "code": self.code, "message": self.text(lang)}


class ForenadError(Exception):
    """Base class of every error forenad raises on purpose."""


class AgreementFileError(ForenadError):
    """An agreement file that cannot be read or validated (exit code 2)."""

    def __init__(self, file: str | Path, errors: list[InputError]) -> None:
        self.file = str(file)
        self.errors = errors
        first = errors[0] if errors else None
        where = f"{self.file}:{first.line}" if first and first.line else self.file
        detail = f" {first.path}: {first.message('en')}" if first else ""
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{where}:{detail}{more}")


@dataclass
class DataFileError(ForenadError):
    """A rule, parameter or template data file that is malformed (exit code 2 from the CLI)."""

    file: str
    line: int | None
    key: str
    problem: str
    suggestion: str | None = field(default=None)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        hint = f" (did you mean {self.suggestion!r}?)" if self.suggestion else ""
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.problem}{hint}"
