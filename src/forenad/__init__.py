"""forenad: explicit, checkable terms for Swedish joint-employment agreements.

The public API::

    import forenad
    agreement = forenad.load("examples/uppsala-professor-overlakare.yaml")
    run = forenad.check("examples/uppsala-professor-overlakare.yaml")  # CheckRun; .as_json(): the contract
    run = forenad.check(agreement, on=datetime.date(2027, 3, 1))
    overview = forenad.survey(["avtal/"])  # Survey: a map of a portfolio, in aggregates only

Names are imported on first use (PEP 562), so ``import forenad`` and ``forenad --version`` stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from forenad._version import __version__

_EXPORTS: dict[str, str] = {
    "Agreement": "forenad.model",
    "AgreementFileError": "forenad.errors",
    "CheckRun": "forenad.report",
    "DataFileError": "forenad.errors",
    "FileResult": "forenad.report",
    "Finding": "forenad.report",
    "ForenadError": "forenad.errors",
    "InputError": "forenad.errors",
    "LoadResult": "forenad.io",
    "check": "forenad.checking",
    "check_files": "forenad.checking",
    "compare": "forenad.comparison",
    "draft": "forenad.render",
    "evaluate": "forenad.checking",
    "load": "forenad.io",
    "parse_agreement": "forenad.io",
    "read_agreement": "forenad.io",
    "survey": "forenad.kartlaggning",
    "Survey": "forenad.kartlaggning",
}

__all__ = [
    "Agreement",
    "AgreementFileError",
    "CheckRun",
    "DataFileError",
    "FileResult",
    "Finding",
    "ForenadError",
    "InputError",
    "LoadResult",
    "Survey",
    "__version__",
    "check",
    "check_files",
    "compare",
    "draft",
    "evaluate",
    "load",
    "parse_agreement",
    "read_agreement",
    "survey",
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
    from forenad.checking import check, check_files, evaluate
    from forenad.comparison import compare
    from forenad.errors import AgreementFileError, DataFileError, ForenadError, InputError
    from forenad.io import LoadResult, load, parse_agreement, read_agreement
    from forenad.kartlaggning import Survey, survey
    from forenad.model import Agreement
    from forenad.render import draft
    from forenad.report import CheckRun, FileResult, Finding
