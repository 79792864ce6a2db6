"""The application factory: :func:`create_app` over a folder of agreement files.

The app holds no agreement in memory between requests: every page reads the files it shows, and every check
runs the library (:func:`forenad.check`, :func:`forenad.compare`, :mod:`forenad.render`, …) on what the
request carries. What it keeps is its settings, the Jinja environment and the guided interviews in progress.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from forenad._version import __version__
from forenad.i18n import Lang
from forenad.web.labels import field_label, item_label, word
from forenad.web.security import CSRF_FIELD, Guard, GuardSettings, is_loopback, mask_personnummer

if TYPE_CHECKING:
    from forenad.params import ParameterSet
    from forenad.web.wizard import Interviews

HERE = Path(__file__).resolve().parent
LANG_COOKIE = "forenad_lang"


@dataclass
class Settings:
    """How the app serves: the folder, the parameters' overlay folder (``None``: found as the CLI finds
    it, from the folder), the default language and the access token (``None``: none needed)."""

    folder: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    lang: Lang = "sv"
    params_overlay: Path | None = None
    max_body: int = 4 * 1024 * 1024

    def hosts(self) -> frozenset[str]:
        """The ``Host`` names the app answers to; empty (any) when bound to every address."""
        if self.host in ("0.0.0.0", "::", ""):
            return frozenset()
        names = {self.host.lower(), f"[{self.host.lower()}]"}
        if is_loopback(self.host):
            names |= {"127.0.0.1", "localhost", "[::1]", "::1"}
        return frozenset(names)


@dataclass
class AppState:
    settings: Settings
    env: Environment
    interviews: Interviews
    locks: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.settings.folder

    def params(self) -> ParameterSet:
        """The parameters, with the overlay folder the CLI would read from the served folder (looked up on
        every request, so a value added with ``forenad params add`` shows at once)."""
        from forenad.params import resolve_parameters

        return resolve_parameters(None, self.settings.params_overlay, cwd=self.settings.folder)


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.forenad
    return state


def lang_of(request: Request) -> Lang:
    given = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if given in ("sv", "en"):
        return "en" if given == "en" else "sv"
    return state_of(request).settings.lang


def on_date(value: str | None) -> dt.date:
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return dt.date.today()


def _finalize(value: Any) -> Any:
    """Every value a template prints passes here: personnummer are masked (the autoescape follows)."""
    if isinstance(value, Markup):
        return Markup(mask_personnummer(str(value)))
    if isinstance(value, str):
        return mask_personnummer(value)
    return value


def _section_label(key: str, lang: Lang) -> str:
    from forenad.comparison.labels import section

    return section(key)(lang)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        version=__version__,
        word=word,
        field_label=field_label,
        item_label=item_label,
        section_label=_section_label,
    )
    return env


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page or a fragment, with the language, the CSRF token and the request in its context."""
    state = state_of(request)
    lang = lang_of(request)
    csrf = request.scope.get("state", {}).get("csrf", "")
    html = state.env.get_template(template).render(
        request=request,
        lang=lang,
        w=lambda key, **values: word(key, lang, **values),
        csrf=csrf,
        csrf_field=CSRF_FIELD,
        folder=state.folder.name or str(state.folder),
        path=request.url.path,
        **context,
    )
    response = HTMLResponse(html, status_code=status_code)
    response.headers["cache-control"] = "no-store"
    return response


def create_app(settings: Settings, interviews: Interviews | None = None) -> Any:
    """The ASGI application (FastAPI wrapped in :class:`~forenad.web.security.Guard`). The folder must
    exist; the parameters are resolved once here so that a malformed overlay stops the start."""
    from forenad.web import api, pages, wizard

    settings.folder = settings.folder.resolve()
    if not settings.folder.is_dir():
        raise NotADirectoryError(str(settings.folder))
    app = FastAPI(
        title="forenad",
        version=__version__,
        description="Förenade anställningar och kombinationstjänster: pröva, jämför och skriv utkast över "
        "HTTP. / Joint-employment agreements: check, compare and draft over HTTP.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    state = AppState(settings, environment(), interviews or wizard.Interviews())
    state.params()  # fails here, at start, for a malformed overlay or forenad.toml
    app.state.forenad = state
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(wizard.router)
    api.install_openapi(app)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        if request.headers.get("hx-request"):
            return PlainTextResponse(str(exc.detail), status_code=exc.status_code)
        return render(request, "error.html", status_code=exc.status_code, message=str(exc.detail))

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:  # pragma: no cover - a bug
        import logging
        import traceback

        logging.getLogger("forenad.web").error(
            mask_personnummer("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        )
        message = word("server_error", lang_of(request))
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=500)
        return PlainTextResponse(message, status_code=500)

    guard = GuardSettings(hosts=settings.hosts(), token=settings.token, max_body=settings.max_body)
    return Guard(app, guard)


def app_from_environment() -> Any:
    """For ``uvicorn --factory forenad.web.app:app_from_environment``: the folder in ``FORENAD_WEB_FOLDER``
    (default: the working directory)."""
    return create_app(Settings(folder=Path(os.environ.get("FORENAD_WEB_FOLDER", "."))))
