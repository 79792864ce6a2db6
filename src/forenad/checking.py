"""``check``: validate agreement files and evaluate them at a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from forenad.io import read_agreement
from forenad.model import Agreement
from forenad.report import CheckRun, FileResult, Finding


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
