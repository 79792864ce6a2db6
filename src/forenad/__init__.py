"""forenad: explicit, checkable terms for Swedish joint-employment agreements.

The public API is the names in ``__all__``, all importable from here (``from forenad import check``);
docs/library.md shows them at work::

    import forenad
    agreement = forenad.load("examples/uppsala-professor-overlakare.yaml")
    run = forenad.check("examples/uppsala-professor-overlakare.yaml")  # CheckRun; .as_json(): the contract
    run = forenad.check(agreement, on=datetime.date(2027, 3, 1))
    econ = forenad.compute(agreement, datetime.date(2026, 6, 1))  # Economics: costs, fees, pension
    files = forenad.draft_files(agreement)  # the Word drafts in memory: {file name: bytes}
    overview = forenad.survey(["avtal/"])  # Survey: a map of a portfolio, in aggregates only
    report = forenad.changes(["avtal/"], datetime.date(2026, 12, 31), datetime.date(2027, 1, 1))

Names are imported on first use (PEP 562), so ``import forenad`` and ``forenad --version`` stay fast. Code
outside forenad uses these names (and ``forenad.web`` of the extra ``forenad[web]``); the modules behind
them may be reorganised.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from forenad._version import __version__

_EXPORTS: dict[str, str] = {
    # the agreement: read, validated, written back
    "Agreement": "forenad.model",
    "LoadResult": "forenad.io",
    "dump_json": "forenad.io",
    "dump_yaml": "forenad.io",
    "load": "forenad.io",
    "parse_agreement": "forenad.io",
    "read_agreement": "forenad.io",
    # checking against the rules at a date, the economics, comparing, surveying
    "CheckRun": "forenad.report",
    "Comparison": "forenad.comparison",
    "Economics": "forenad.economics",
    "FileResult": "forenad.report",
    "Finding": "forenad.report",
    "Survey": "forenad.kartlaggning",
    "check": "forenad.checking",
    "check_files": "forenad.checking",
    "compare": "forenad.comparison",
    "compute": "forenad.economics",
    "evaluate": "forenad.checking",
    "survey": "forenad.kartlaggning",
    "Summary": "forenad.portfolio",
    "summarize": "forenad.portfolio",
    # what changes between two dates (a new year's amounts, a law in force)
    "ChangeReport": "forenad.changes_report",
    "changes": "forenad.changes_report",
    # the rule catalogue and the dated parameters: the packaged ones or an organisation's own
    "ParameterSet": "forenad.params",
    "RuleSet": "forenad.engine",
    "data_dir": "forenad.data",
    "default_parameters": "forenad.params",
    "default_rules": "forenad.engine",
    "load_parameters": "forenad.params",
    "load_rules": "forenad.engine",
    "with_local_rules": "forenad.engine",
    "resolve_parameters": "forenad.params",
    # Word drafts and templates
    "check_template": "forenad.render.lint",
    "draft": "forenad.render.api",
    "draft_files": "forenad.render.api",
    "export_template": "forenad.render.export",
    # errors raised on purpose: all are ForenadError
    "AgreementFileError": "forenad.errors",
    "DataFileError": "forenad.errors",
    "DraftError": "forenad.render.errors",
    "FinalRefused": "forenad.render.errors",
    "ForenadError": "forenad.errors",
    "InputError": "forenad.errors",
    "OutputError": "forenad.files",
    "OutputExists": "forenad.files",
    "ParameterNotInForce": "forenad.params",
}

__all__ = [
    "Agreement",
    "AgreementFileError",
    "ChangeReport",
    "CheckRun",
    "Comparison",
    "DataFileError",
    "DraftError",
    "Economics",
    "FileResult",
    "FinalRefused",
    "Finding",
    "ForenadError",
    "InputError",
    "LoadResult",
    "OutputError",
    "OutputExists",
    "ParameterNotInForce",
    "ParameterSet",
    "RuleSet",
    "Summary",
    "Survey",
    "__version__",
    "changes",
    "check",
    "check_files",
    "check_template",
    "compare",
    "compute",
    "data_dir",
    "default_parameters",
    "default_rules",
    "draft",
    "draft_files",
    "dump_json",
    "dump_yaml",
    "evaluate",
    "export_template",
    "load",
    "load_parameters",
    "load_rules",
    "parse_agreement",
    "read_agreement",
    "resolve_parameters",
    "summarize",
    "survey",
    "with_local_rules",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'forenad' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:
    from forenad.changes_report import ChangeReport, changes
    from forenad.checking import check, check_files, evaluate
    from forenad.comparison import Comparison, compare
    from forenad.data import data_dir
    from forenad.economics import Economics, compute
    from forenad.engine import RuleSet, default_rules, load_rules, with_local_rules
    from forenad.errors import AgreementFileError, DataFileError, ForenadError, InputError
    from forenad.files import OutputError, OutputExists
    from forenad.io import LoadResult, dump_json, dump_yaml, load, parse_agreement, read_agreement
    from forenad.kartlaggning import Survey, survey
    from forenad.model import Agreement
    from forenad.params import (
        ParameterNotInForce,
        ParameterSet,
        default_parameters,
        load_parameters,
        resolve_parameters,
    )
    from forenad.portfolio import Summary, summarize
    from forenad.render.api import draft, draft_files
    from forenad.render.errors import DraftError, FinalRefused
    from forenad.render.export import export_template
    from forenad.render.lint import check_template
    from forenad.report import CheckRun, FileResult, Finding
