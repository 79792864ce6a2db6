"""``forenad serve``: the local web app and its JSON API (needs the extra ``forenad[web]``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from forenad.cli.common import LangArg, ParamsOverlayArg, default_lang, lang_of

MISSING = (
    "forenad serve behöver webbdelen: installera den med  pip install 'forenad[web]'\n"
    "forenad serve needs the web extra: install it with  pip install 'forenad[web]'\n"
)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Mappen med avtalsfiler (standard: arbetskatalogen). / The folder of agreement files."
        ),
    ] = Path("."),
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Adressen att lyssna på; annat än 127.0.0.1/localhost kräver en åtkomstnyckel. "
            "/ The address to listen on; anything but loopback requires an access token.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.", min=0, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help="Åtkomstnyckel (annars skapas en när --host inte är lokal). "
            "/ Access token (else one is made when --host is not loopback).",
        ),
    ] = None,
    lang: LangArg = default_lang(),  # noqa: B008
    params_overlay: ParamsOverlayArg = None,
) -> None:
    """Starta webbappen över en mapp med avtal. / Start the web app over a folder of agreements."""
    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
        import python_multipart  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        sys.stderr.write(MISSING)
        raise typer.Exit(2) from None
    from forenad.errors import DataFileError
    from forenad.web.server import ServeError
    from forenad.web.server import serve as run

    if token is not None and len(token) < 16:
        sys.stderr.write("forenad serve: --token ska ha minst 16 tecken / must have at least 16 characters\n")
        raise typer.Exit(2)
    try:
        run(folder, host, port, token, lang_of(lang), params_overlay)
    except KeyboardInterrupt:  # Ctrl-C: the server has shut down cleanly
        return
    except (ServeError, NotADirectoryError) as exc:
        sys.stderr.write(f"forenad serve: {exc}\n")
        raise typer.Exit(2) from None
    except DataFileError as exc:
        sys.stderr.write(f"forenad: fel i datafil / error in data file: {exc}\n")
        raise typer.Exit(2) from None
    except OSError as exc:
        sys.stderr.write(f"forenad serve: {exc.strerror or exc}\n")
        raise typer.Exit(2) from None
