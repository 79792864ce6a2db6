"""``check``: validate agreements and evaluate them at a date.

:func:`check` is the one public way to check: an agreement built in Python, a file, a folder, or several of
them, at a date, with the packaged (or given) rules and parameters. It returns a :class:`CheckRun`, whose
:meth:`~forenad.report.CheckRun.as_json` is the ``check --format json`` contract.

An agreement given in Python is validated again first (:func:`forenad.io.revalidate`): one changed since it
was validated (pydantic does not validate assignments) gets the input errors a file would get.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from forenad.i18n import Lang, Text
from forenad.io import read_agreement
from forenad.model import Agreement
from forenad.report import CheckRun, FileResult, Finding

if TYPE_CHECKING:
    from forenad.engine.rules import RuleSet
    from forenad.params import ParameterSet

Source: TypeAlias = Agreement | str | os.PathLike[str]


def check(
    source: Source | Iterable[Source],
    *,
    on: dt.date | None = None,
    params: ParameterSet | None = None,
    rules: RuleSet | None = None,
    facts: bool = True,
) -> CheckRun:
    """Check agreements at ``on`` (default: today, or an agreement's start when that is later): an
    :class:`~forenad.model.Agreement`, a path to a file or a folder of files, or an iterable of these.
    Never raises for bad input: a file that cannot be read or validated is a result with ``input_errors``,
    and so is an agreement changed in Python that is no longer valid; one bad file never stops the others.

    An agreement given in Python is reported under ``<id>`` (its ``file`` in the JSON). ``facts=False``
    leaves the facts out (faster). ``params`` defaults to the packaged parameters (see
    :func:`forenad.params.resolve_parameters` for an overlay), ``rules`` to the packaged catalogue.
    """
    from forenad.io import revalidate

    if isinstance(source, Agreement | str | os.PathLike):
        items: list[Source] = [source]
    else:
        items = list(source)
        for item in items:
            if not isinstance(item, Agreement | str | os.PathLike):
                raise TypeError(f"expected an Agreement or a path, got {type(item).__name__}")
    run = CheckRun(evaluated_on=on or dt.date.today())
    for item in items:
        if isinstance(item, Agreement):
            fresh = revalidate(item)
            if fresh.agreement is None:
                run.results.append(FileResult(file=f"<{item.id}>", input_errors=list(fresh.errors)))
            else:
                run.results.append(_checked(f"<{item.id}>", fresh.agreement, on, rules, params, facts))
        else:
            from forenad.portfolio import check_paths

            run.results.extend(check_paths([Path(item)], on, rules, params, facts).results)
    return run


def part_names(agreement: Agreement) -> tuple[Text, ...]:
    """Each part as a person names it: ``Del 1 (professor)`` / ``Part 1 (professor)``, numbered from 1."""
    from forenad.presentation import label

    return tuple(
        Text(
            sv=f"Del {i} ({label(p.position, 'sv')})",
            en=f"Part {i} ({label(p.position, 'en')})",
        )
        for i, p in enumerate(agreement.parts, start=1)
    )


def human_path(path: str, names: tuple[Text, ...], lang: Lang) -> str:
    """A field path as a person reads it in ``lang`` (:func:`forenad.presentation.paths.shown_path`)."""
    from forenad.presentation.paths import shown_path

    return shown_path(path, [name(lang) for name in names])


def date_for(agreement: Agreement, on: dt.date | None) -> dt.date:
    """The date to check an agreement on: ``on`` when given, else today, or the agreement's start when that
    is later (an agreement for next year is checked by next year's rules and amounts)."""
    if on is not None:
        return on
    return max(dt.date.today(), agreement.start_date)


def _checked(
    file: str, agreement: Agreement, on: dt.date | None, rules: Any, params: Any, facts: bool
) -> FileResult:
    result = FileResult(file=file, evaluated_on=date_for(agreement, on), part_names=part_names(agreement))
    result.findings, result.facts = evaluate_validated(agreement, result.evaluated_on, rules, params, facts)
    return result


def evaluate(
    agreement: Agreement,
    on: dt.date | None = None,
    rules: RuleSet | None = None,
    params: ParameterSet | None = None,
    facts: bool = True,
) -> tuple[list[Finding], dict[str, Any]]:
    """Findings and facts for one valid agreement at a date (today when not given).

    ``rules`` is a :class:`forenad.engine.RuleSet` and ``params`` a :class:`forenad.params.ParameterSet`;
    the packaged catalogue and parameters are used when they are not given. The agreement is validated
    again first (:func:`forenad.io.checked`): one changed in Python since it was validated raises
    :class:`~forenad.errors.AgreementFileError` with the errors a file would get.
    """
    from forenad.io import checked

    return evaluate_validated(checked(agreement), on, rules, params, facts)


def evaluate_validated(
    agreement: Agreement,
    on: dt.date | None = None,
    rules: RuleSet | None = None,
    params: ParameterSet | None = None,
    facts: bool = True,
) -> tuple[list[Finding], dict[str, Any]]:
    """:func:`evaluate` for an agreement just validated (read from a file, or through
    :func:`forenad.io.checked`): not validated again."""
    from forenad.engine import evaluate as run_rules

    return run_rules(agreement, on or dt.date.today(), rules=rules, params=params, facts=facts)


def paths_of(
    files: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], name: str = "files"
) -> list[str]:
    """``files`` as a list of paths: one path (``"avtal.yaml"``, a :class:`~pathlib.Path`) is one file, not a
    sequence of characters; anything that is not a path raises ``TypeError`` naming it."""
    if isinstance(files, str | bytes | os.PathLike):
        files = [files]
    elif not isinstance(files, Iterable):
        raise TypeError(f"{name}: expected a path or a list of paths, got {type(files).__name__}")
    out = []
    for index, item in enumerate(files):
        if isinstance(item, bytes) or not isinstance(item, str | os.PathLike):
            raise TypeError(
                f"{name}[{index}]: expected a path (str or os.PathLike), got {type(item).__name__}"
            )
        out.append(os.fspath(item))
    return out


def check_files(
    files: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    on: dt.date | None = None,
    rules: RuleSet | None = None,
    params: ParameterSet | None = None,
    facts: bool = True,
) -> CheckRun:
    """Check each file independently: one file's failure (unreadable, invalid) never stops the others.
    Without ``on`` each agreement is checked on :func:`date_for` it (today, or its start when later).

    ``files`` is a list of paths, or one path (``check_files("avtal.yaml")`` checks that one file)."""
    run = CheckRun(evaluated_on=on or dt.date.today())
    for file in paths_of(files):
        loaded = read_agreement(file)
        if loaded.agreement is None:
            run.results.append(FileResult(file=str(file), input_errors=list(loaded.errors)))
        else:
            run.results.append(_checked(str(file), loaded.agreement, on, rules, params, facts))
    return run
