"""``check``: validate agreements and evaluate them at a date.

:func:`check` is the one public way to check: an agreement built in Python, a file, a folder, or several of
them, at a date, with the packaged (or given) rules and parameters. It returns a :class:`CheckRun`, whose
:meth:`~forenad.report.CheckRun.as_json` is the ``check --format json`` contract.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

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
    """Check agreements at ``on`` (default today): an :class:`~forenad.model.Agreement`, a path to a file or
    a folder of files, or an iterable of these. Never raises for bad input: a file that cannot be read or
    validated is a result with ``input_errors``; one bad file never stops the others.

    An agreement given in Python is reported under ``<id>`` (its ``file`` in the JSON). ``facts=False``
    leaves the facts out (faster). ``params`` defaults to the packaged parameters (see
    :func:`forenad.params.resolve_parameters` for an overlay), ``rules`` to the packaged catalogue.
    """
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
            result = FileResult(file=f"<{item.id}>")
            result.findings, result.facts = evaluate(item, run.evaluated_on, rules, params, facts)
            run.results.append(result)
        else:
            from forenad.portfolio import check_paths

            run.results.extend(check_paths([Path(item)], run.evaluated_on, rules, params, facts).results)
    return run


def evaluate(
    agreement: Agreement,
    on: dt.date | None = None,
    rules: Any = None,
    params: Any = None,
    facts: bool = True,
) -> tuple[list[Finding], dict[str, Any]]:
    """Findings and facts for one valid agreement at a date (today when not given).

    ``rules`` is a :class:`forenad.engine.RuleSet` and ``params`` a :class:`forenad.params.ParameterSet`;
    the packaged catalogue and parameters are used when they are not given.
    """
    from forenad.engine import evaluate as run_rules

    return run_rules(agreement, on or dt.date.today(), rules=rules, params=params, facts=facts)


def check_files(
    files: Iterable[str | Path],
    on: dt.date | None = None,
    rules: Any = None,
    params: Any = None,
    facts: bool = True,
) -> CheckRun:
    """Check each file independently: one file's failure never stops the others."""
    run = CheckRun(evaluated_on=on or dt.date.today())
    for file in files:
        loaded = read_agreement(file)
        result = FileResult(file=str(file), input_errors=list(loaded.errors))
        if loaded.agreement is not None:
            result.findings, result.facts = evaluate(loaded.agreement, run.evaluated_on, rules, params, facts)
        run.results.append(result)
    return run
