"""``forenad serve``: the web app on uvicorn, on 127.0.0.1 unless told otherwise (then with a token)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import TextIO

from forenad.i18n import Lang
from forenad.web.security import install_log_masking, is_loopback, new_token


class ServeError(Exception):
    """The server cannot start (the message says why, in Swedish and English)."""


def address(host: str, port: int, token: str | None) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    if host in ("0.0.0.0", "::"):
        shown = socket.gethostname()
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def serve(
    folder: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    lang: Lang = "sv",
    params_overlay: Path | None = None,
    out: TextIO = sys.stdout,
) -> None:
    """Serve ``folder`` until Ctrl-C. Any host but a loopback address needs an access token: ``token``, or
    one made here and printed once."""
    import uvicorn

    from forenad.web.app import Settings, create_app

    if not folder.is_dir():
        raise ServeError(f"{folder}: ingen mapp / not a folder")
    if token is None and not is_loopback(host):
        token = new_token()
    settings = Settings(
        folder=folder, host=host, port=port, token=token, lang=lang, params_overlay=params_overlay
    )
    app = create_app(settings)
    _warm_up()
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, server_header=False
    )
    server = uvicorn.Server(config)
    install_log_masking()
    out.write(f"forenad serve: {settings.folder}\n")
    out.write(f"  {address(host, port, token)}\n")
    if token:
        out.write("  Åtkomstnyckeln visas bara nu; API-anrop skickar Authorization: Bearer NYCKEL.\n")
        out.write("  The access token is shown only now; API calls send Authorization: Bearer TOKEN.\n")
    out.write("  Avsluta med Ctrl-C. / Stop with Ctrl-C.\n")
    out.flush()
    server.run()


def _warm_up() -> None:
    """Load the rules and parameters before the first request (from the on-disk cache when it is there)."""
    from forenad.engine import default_rules
    from forenad.params import default_parameters

    default_rules()
    default_parameters()
