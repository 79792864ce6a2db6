"""``check``: validate agreement files and evaluate them at a date."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
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
    the packaged catalogue and parameters are used when they are not given. The agreement is validated
    again first (:func:`forenad.io.checked`): one changed in Python since it was validated raises
    :class:`~forenad.errors.AgreementFileError` with the errors a file would get.
    """
    from forenad.io import checked

    return evaluate_validated(checked(agreement), on, rules, params, facts)


def evaluate_validated(
    agreement: Agreement, on: dt.date | None = None, rules: Any = None, params: Any = None, facts: bool = True
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
        files = [files]  # type: ignore[list-item]
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
    rules: Any = None,
    params: Any = None,
    facts: bool = True,
) -> CheckRun:
    """Check each file independently: one file's failure (unreadable, invalid) never stops the others.

    ``files`` is a list of paths, or one path (``check_files("avtal.yaml")`` checks that one file)."""
    run = CheckRun(evaluated_on=on or dt.date.today())
    for file in paths_of(files):
        loaded = read_agreement(file)
        result = FileResult(file=str(file), input_errors=list(loaded.errors))
        if loaded.agreement is not None:
            result.findings, result.facts = evaluate_validated(
                loaded.agreement, run.evaluated_on, rules, params, facts
            )
        run.results.append(result)
    return run
