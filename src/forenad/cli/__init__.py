"""The ``forenad`` command line: a thin layer over the library API.

Exit codes (design.md §2): 0 no errors, 1 at least one rule finding of severity error, 2 input that cannot
be read or validated, 3 an internal failure.
"""

from __future__ import annotations

import sys

from forenad._version import __version__

EXIT_INPUT = 2
EXIT_INTERNAL = 3

ISSUES_URL = "https://github.com/forenad/forenad/issues"


def main() -> None:
    """Console-script entry point: runs the app and turns an unexpected exception into exit code 3."""
    if sys.argv[1:] == ["--version"]:  # answered before the CLI framework is imported
        sys.stdout.write(f"forenad {__version__}\n")
        return
    from forenad.cli.app import app
    from forenad.errors import DataFileError

    try:
        app(prog_name="forenad")
    except SystemExit:
        raise
    except DataFileError as exc:
        sys.stderr.write(f"forenad: fel i datafil / error in data file: {exc}\n")
        raise SystemExit(EXIT_INPUT) from None
    except KeyboardInterrupt:
        sys.stderr.write("avbrutet / interrupted\n")
        raise SystemExit(130) from None
    except Exception as exc:  # a bug: say so, and where to report it
        import traceback

        where = traceback.extract_tb(exc.__traceback__)[-1]
        sys.stderr.write(
            f"forenad: internt fel (en bugg): {type(exc).__name__}: {exc}\n"
            f"  i {where.filename}:{where.lineno}\n"
            f"  Rapportera gärna på {ISSUES_URL} / internal error (a bug), please report it there.\n"
        )
        raise SystemExit(EXIT_INTERNAL) from None
