"""forenad: explicit, checkable terms for Swedish joint-employment agreements.

The public API::

    import forenad
    agreement = forenad.load("examples/uppsala-professor-overlakare.yaml")
    run = forenad.check_files(["examples/uppsala-professor-overlakare.yaml"])
"""

from forenad._version import __version__
from forenad.checking import check_files, evaluate
from forenad.errors import AgreementFileError, DataFileError, ForenadError, InputError
from forenad.io import LoadResult, load, parse_agreement, read_agreement
from forenad.model import Agreement
from forenad.report import CheckRun, FileResult, Finding

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
    "__version__",
    "check_files",
    "evaluate",
    "load",
    "parse_agreement",
    "read_agreement",
]
