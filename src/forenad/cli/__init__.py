"""The ``forenad`` command line: a thin layer over the library API.

Exit codes (design.md §2): 0 no errors, 1 at least one rule finding of severity error, 2 input that cannot
be read or validated, 3 an internal failure.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from forenad._version import __version__
from forenad.terminal import write_text

if TYPE_CHECKING:
    import typer

EXIT_INPUT = 2
EXIT_INTERNAL = 3

ISSUES_URL = "https://github.com/forenad/forenad/issues"


class Terminated(SystemExit):
    """SIGTERM (or SIGHUP) as an exception, so every ``finally`` runs: temporary files go, half-written sets
    are rolled back and LibreOffice is killed (exit code 128 + the signal's number)."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(128 + signum)


def install_signal_handlers() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) in (signal.SIG_DFL, None):
            signal.signal(number, _terminate)


def main() -> None:
    """Console-script entry point: runs the app and turns an unexpected exception into exit code 3, and an
    error of the environment (a folder that cannot be written, a full disk) into exit code 2."""
    from forenad.terminal import setup_streams

    setup_streams()  # output in any encoding: what it cannot carry becomes '?', never an error
    if sys.argv[1:] == ["--version"]:  # answered before the CLI framework is imported
        sys.stdout.write(f"forenad {__version__}\n")
        return
    install_signal_handlers()
    app = _started(sys.argv[1:])
    from forenad.errors import DataFileError

    try:
        app(prog_name="forenad")
    except Terminated:
        write_text("avbrutet / terminated\n", sys.stderr)
        raise
    except SystemExit:
        raise
    except DataFileError as exc:
        write_text(f"forenad: fel i datafil / error in data file: {exc}\n", sys.stderr)
        raise SystemExit(EXIT_INPUT) from None
    except KeyboardInterrupt:
        write_text("avbrutet / interrupted\n", sys.stderr)
        raise SystemExit(130) from None
    except OSError as exc:
        from forenad.files import ENVIRONMENT_ERRNOS, output_error

        if exc.errno not in ENVIRONMENT_ERRNOS:
            _bug(exc)
        where = exc.filename if exc.filename is not None else "."
        write_text(f"forenad: {output_error(exc, where)}\n", sys.stderr)
        raise SystemExit(EXIT_INPUT) from None
    except Exception as exc:  # a bug: say so, and where to report it
        _bug(exc)


def _started(args: list[str]) -> typer.Typer:
    """The application for ``args``, imported with Python's cyclic garbage collector paused.

    Start-up creates some hundred thousand objects (modules, classes, pydantic's validators) that live until
    the process ends; the collector would scan them again and again while they are made (about a sixth of a
    one-file ``check``). They are then frozen, out of its sight, and it runs as usual for the work itself,
    which in a batch of drafts does leave cycles to collect.
    """
    import gc

    gc.disable()
    try:
        from forenad.cli.app import app_for

        return app_for(args)
    finally:
        gc.freeze()
        gc.enable()


def _bug(exc: BaseException) -> None:
    import traceback

    where = traceback.extract_tb(exc.__traceback__)[-1]
    write_text(
        f"forenad: internt fel (en bugg): {type(exc).__name__}: {exc}\n"
        f"  i {where.filename}:{where.lineno}\n"
        f"  Rapportera gärna på {ISSUES_URL} / internal error (a bug), please report it there.\n",
        sys.stderr,
    )
    raise SystemExit(EXIT_INTERNAL) from None
