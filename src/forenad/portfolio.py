"""A portfolio of agreements: folders walked into agreement files, and the summary of a check over them.

A folder stands for every agreement file under it, recursively: ``*.yaml``, ``*.yml`` and ``*.json`` (any
case), in sorted order, hidden folders and files (names starting with ``.``) left out, and ``forenad.toml``
and files with other endings (drafts, notes) left out. Every other file is read as an agreement, so a YAML
file that is not an agreement is reported as an input error rather than skipped without a word. A folder
that holds no agreement file is an input error of its own. Symbolic links to files are followed, symbolic
links to folders are not (a link cannot make the walk loop). A file named on its own is always read, as
``forenad check`` always did, whatever its name.

Usage::

    from forenad.portfolio import agreement_files, check_paths, summarize
    files = agreement_files(["avtal/"])           # [Path('avtal/2026/a.yaml'), …]
    run = check_paths(["avtal/", "extra.yaml"])   # a CheckRun, one FileResult per file (or empty folder)
    summary = summarize(run)                      # counts per file and findings per topic and severity
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forenad.errors import InputError
from forenad.i18n import t
from forenad.report import SEVERITIES, TOPICS, CheckRun, FileResult, Severity

if TYPE_CHECKING:
    from forenad.engine.rules import RuleSet
    from forenad.params import ParameterSet

__all__ = [
    "AGREEMENT_SUFFIXES",
    "NOT_AGREEMENTS",
    "Source",
    "Summary",
    "TopicCount",
    "agreement_files",
    "check_paths",
    "is_folder",
    "sources",
    "summarize",
]

AGREEMENT_SUFFIXES: tuple[str, ...] = (".yaml", ".yml", ".json")
"""Endings (compared without regard to case) of the files a folder contributes."""

NOT_AGREEMENTS: frozenset[str] = frozenset({"forenad.toml"})
"""File names a folder never contributes, whatever their ending."""


@dataclass(frozen=True, slots=True)
class Source:
    """One agreement file to read, or a folder that cannot contribute any (``error`` says why)."""

    path: Path
    error: InputError | None = None

    @property
    def is_file(self) -> bool:
        return self.error is None


def is_agreement_name(name: str) -> bool:
    """Whether a file of this name, met in a folder, is read as an agreement."""
    return (
        not name.startswith(".") and name not in NOT_AGREEMENTS and name.lower().endswith(AGREEMENT_SUFFIXES)
    )


def is_folder(path: str | Path) -> bool:
    """Whether ``path`` is read as a folder of agreements: a directory, unless it is named like an agreement
    file (``avtal.yaml/`` is reported as a directory where a file was expected)."""
    path = Path(path)
    return path.is_dir() and not path.name.lower().endswith(AGREEMENT_SUFFIXES)


def sources(paths: Iterable[str | Path]) -> list[Source]:
    """The files to read for ``paths``, in order: a folder expands in place to its agreement files (sorted),
    anything else is kept as given (a missing file is reported when it is read).

    A file found in a folder that was already named (on its own or in another folder) is not repeated. A
    sub-folder that cannot be read comes before the folder's files, as a source with an error.
    """
    out: list[Source] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not is_folder(path):
            out.append(Source(path))
            seen.add(_identity(path))
            continue
        found, problems = _walk(path)
        out.extend(problems)
        fresh = [f for f in found if _identity(f) not in seen]
        seen.update(_identity(f) for f in fresh)
        out.extend(Source(f) for f in fresh)
        if not found and not problems:
            out.append(Source(path, _empty_folder()))
    return out


def agreement_files(paths: Iterable[str | Path]) -> list[Path]:
    """The agreement files that ``paths`` stand for (folders walked), without the folders that hold none."""
    return [s.path for s in sources(paths) if s.is_file]


def check_paths(
    paths: Iterable[str | Path],
    on: dt.date | None = None,
    rules: RuleSet | None = None,
    params: ParameterSet | None = None,
    facts: bool = True,
) -> CheckRun:
    """:func:`forenad.checking.check_files` over files and folders: a folder with no agreement file (or one
    that cannot be read) is a result of its own with an input error, so the run's exit code is 2."""
    from forenad.checking import check_files

    listed = sources(paths)
    run = check_files([s.path for s in listed if s.is_file], on=on, rules=rules, params=params, facts=facts)
    checked = iter(run.results)
    results: list[FileResult] = []
    for source in listed:
        if source.error is None:
            results.append(next(checked))
        else:
            results.append(FileResult(file=str(source.path), input_errors=[source.error]))
    run.results = results
    return run


# --------------------------------------------------------------------------------------------------------
# Summary


@dataclass(frozen=True, slots=True)
class TopicCount:
    """The findings of one topic over a run, by severity."""

    topic: str
    error: int = 0
    warning: int = 0
    info: int = 0

    def count(self, severity: Severity) -> int:
        return int(getattr(self, severity))

    def as_json(self) -> dict[str, int]:
        return {s: self.count(s) for s in SEVERITIES}


@dataclass(frozen=True, slots=True)
class Summary:
    """What a run over many files came to.

    ``files`` counts the results (a folder without agreement files is one, invalid); ``valid`` and
    ``invalid`` add up to it. ``with_errors`` and ``with_warnings`` count valid files with at least one
    finding of that severity (a file may be in both); ``incomplete`` valid files whose check could not make
    an error-level rule for want of a dated value. ``topics`` lists, in the fixed topic order, the topics
    that have findings.
    """

    files: int
    valid: int
    invalid: int
    with_errors: int
    with_warnings: int
    topics: tuple[TopicCount, ...] = ()
    incomplete: int = 0

    def findings(self, severity: Severity) -> int:
        return sum(c.count(severity) for c in self.topics)

    def as_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "valid": self.valid,
            "with_errors": self.with_errors,
            "with_warnings": self.with_warnings,
            "invalid": self.invalid,
            "incomplete": self.incomplete,
            "findings": {s: self.findings(s) for s in SEVERITIES},
            "findings_by_topic": {c.topic: c.as_json() for c in self.topics},
        }


def summarize(run: CheckRun) -> Summary:
    counts: dict[str, dict[str, int]] = {}
    for result in run.results:
        for finding in result.findings:
            by_severity = counts.setdefault(finding.topic, dict.fromkeys(SEVERITIES, 0))
            by_severity[finding.severity] += 1
    order = {topic: i for i, topic in enumerate(TOPICS)}
    topics = tuple(
        TopicCount(topic, **counts[topic])
        for topic in sorted(counts, key=lambda x: (order.get(x, len(order)), x))
    )
    valid = [r for r in run.results if r.valid]
    return Summary(
        files=len(run.results),
        valid=len(valid),
        invalid=len(run.results) - len(valid),
        with_errors=sum(1 for r in valid if any(f.severity == "error" for f in r.findings)),
        with_warnings=sum(1 for r in valid if any(f.severity == "warning" for f in r.findings)),
        topics=topics,
        # ``FileResult.complete`` comes with the check that names the rules it could not make (exit 4).
        incomplete=sum(1 for r in valid if not getattr(r, "complete", True)),
    )


# --------------------------------------------------------------------------------------------------------
# Walking


def _walk(root: Path) -> tuple[list[Path], list[Source]]:
    """The agreement files under ``root`` sorted by their path below it, and the sub-folders that could not
    be read (as sources with an error)."""
    found: list[tuple[tuple[str, ...], Path]] = []
    problems: list[Source] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        problems.append(Source(where, _unreadable_folder(exc)))

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(folder)
        for name in filenames:
            if is_agreement_name(name):
                path = base / name
                found.append((path.relative_to(root).parts, path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found], problems


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # pragma: no cover - a path that cannot be resolved is compared as written
        return path.absolute()


def _empty_folder() -> InputError:
    suffixes = ", ".join(f"*{s}" for s in AGREEMENT_SUFFIXES)
    return InputError(
        "",
        None,
        t(
            f"mappen innehåller inga avtalsfiler ({suffixes}; dolda filer och mappar räknas inte)",
            f"the folder holds no agreement files ({suffixes}; hidden files and folders do not count)",
        ),
        "empty_folder",
    )


def _unreadable_folder(exc: OSError) -> InputError:
    reason = exc.strerror or type(exc).__name__
    return InputError(
        "",
        None,
        t(f"mappen kan inte läsas ({reason})", f"the folder cannot be read ({reason})"),
        "unreadable_folder",
    )
