"""The web app's guard: host and access-token checks, cross-site protection, body limits, response headers,
personnummer masking and the served folder's boundary.

Everything here is plain ASGI or plain Python (no FastAPI), so that it is cheap on every request and easy to
test on its own:

- :class:`Guard` is the outermost middleware. It refuses a request whose ``Host`` is not one the server
  answers to (a DNS-rebinding page cannot reach a server bound to 127.0.0.1), a request without the access
  token when one is required, an unsafe request (``POST`` …) whose ``Origin``, ``Referer`` or
  ``Sec-Fetch-Site`` says it comes from another site, and a body over the limit. It sets a CSRF cookie for
  pages and the security headers (a strict Content-Security-Policy: scripts and styles only from the app).
- :func:`check_csrf` compares the form's (or htmx's header) token with the cookie: a double-submit token on
  top of the origin check.
- :func:`mask_personnummer` hides the last four digits of anything that reads as a personnummer; templates
  apply it to every value they print and :class:`MaskingFilter` to every log record.
- :func:`inside` resolves a path given by a request against the served folder and refuses anything outside
  it (``..``, absolute paths, hidden names, symbolic links that lead out).
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "forenad_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "forenad_token"
TOKEN_QUERY = "token"

MAX_BODY_BYTES = 4 * 1024 * 1024
"""The largest request body taken: an agreement file is at most 2 MiB (:data:`forenad.yamlio.MAX_BYTES`),
and a form or a JSON request carrying one needs some room around it."""

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def new_token() -> str:
    """A random access token (or CSRF token): 32 characters, URL-safe."""
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


# --------------------------------------------------------------------------------------------------------
# Personnummer


_PNR = re.compile(r"(?<![\d])(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+]?)(?P<last>\d{4})(?![\d])")


def _reads_as_personnummer(match: re.Match[str]) -> bool:
    century, date, sep = match["century"], match["date"], match["sep"]
    if century is None and not sep:
        return False  # ten digits in a row: a number, not written as a personnummer
    if century is not None and century not in ("18", "19", "20"):
        return False
    month, day = int(date[2:4]), int(date[4:6])
    if not 1 <= month <= 12:
        return False  # an organisationsnummer has 20 or more here
    return 1 <= day <= 31 or 61 <= day <= 91  # a samordningsnummer adds 60 to the day


def mask_personnummer(text: str) -> str:
    """``text`` with the last four digits of every personnummer (or samordningsnummer) replaced by ``****``:
    ``19121212-1212`` and ``121212-1212`` are masked, an organisationsnummer (``202100-2932``), a date or an
    amount is not."""
    if not any(ch.isdigit() for ch in text):
        return text

    def hide(match: re.Match[str]) -> str:
        if not _reads_as_personnummer(match):
            return match.group(0)
        return f"{match['century'] or ''}{match['date']}{match['sep']}****"

    return _PNR.sub(hide, text)


class MaskingFilter(logging.Filter):
    """Masks personnummer in a log record's message and arguments (uvicorn's access log prints paths)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask_personnummer(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(mask_personnummer(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {
                k: mask_personnummer(v) if isinstance(v, str) else v for k, v in record.args.items()
            }
        return True


def install_log_masking(names: Iterable[str] = ("uvicorn", "uvicorn.access", "uvicorn.error")) -> None:
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskingFilter) for f in logger.filters):
            logger.addFilter(MaskingFilter())
        for handler in logger.handlers:
            if not any(isinstance(f, MaskingFilter) for f in handler.filters):
                handler.addFilter(MaskingFilter())


# --------------------------------------------------------------------------------------------------------
# The served folder


class OutsideFolder(ValueError):
    """A path that is not an agreement file inside the served folder."""


SUFFIXES = (".yaml", ".yml", ".json")


def inside(root: Path, relative: str, *, must_exist: bool = True) -> Path:
    """The file ``relative`` (a path with ``/``) inside ``root``, resolved; :class:`OutsideFolder` for an
    absolute path, ``..``, a hidden or empty component, a backslash or NUL, an ending other than .yaml, .yml
    or .json, or a symbolic link (anywhere on the way) that leads out of ``root``."""
    if not relative or "\x00" in relative or "\\" in relative or relative.startswith("/"):
        raise OutsideFolder(relative)
    parts = PurePosixPath(relative).parts
    if not parts or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
        raise OutsideFolder(relative)
    if not parts[-1].lower().endswith(SUFFIXES):
        raise OutsideFolder(relative)
    base = root.resolve()
    candidate = base.joinpath(*parts)
    try:
        resolved = candidate.resolve(strict=must_exist)
    except (OSError, RuntimeError):
        raise OutsideFolder(relative) from None
    if not resolved.is_relative_to(base):
        raise OutsideFolder(relative)
    if must_exist and not resolved.is_file():
        raise OutsideFolder(relative)
    if not must_exist and not resolved.parent.is_dir():
        raise OutsideFolder(relative)
    return resolved


def relative_name(root: Path, path: Path) -> str | None:
    """``path`` as a ``/`` path below ``root`` when it (resolved) lies inside it, else ``None``."""
    base = root.resolve()
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(base):
        return None
    try:
        return path.absolute().relative_to(base).as_posix()
    except ValueError:
        return resolved.relative_to(base).as_posix()


# --------------------------------------------------------------------------------------------------------
# CSRF


def check_csrf(cookie: str | None, given: str | None) -> bool:
    """Whether the token sent with a form (or htmx's header) is the one in the browser's cookie."""
    return bool(cookie and given and hmac.compare_digest(cookie.encode(), given.encode()))


# --------------------------------------------------------------------------------------------------------
# The middleware


@dataclass(frozen=True, slots=True)
class GuardSettings:
    """What :class:`Guard` enforces. ``hosts``: the ``Host`` names answered (empty: any, for a server bound
    to all addresses, which then needs ``token``)."""

    hosts: frozenset[str]
    token: str | None = None
    max_body: int = MAX_BODY_BYTES
    secure_cookies: bool = False


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}


def _cookies(header: str | None) -> dict[str, str]:
    if not header:
        return {}
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # a malformed cookie header is no cookie
        return {}
    return {k: m.value for k, m in jar.items()}


def _host_name(host_header: str) -> str:
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if ":" in host else host


async def _reply(send: Send, status: int, text: str, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


MESSAGES = {
    "host": "Okänd värd (Host) – forenad svarar bara på sin egen adress. / Unknown host.",
    "token": "Åtkomstnyckel saknas eller är fel: öppna adressen som forenad serve skrev ut (med ?token=…), "
    "eller skicka Authorization: Bearer NYCKEL. / Access token missing or wrong.",
    "origin": "Begäran kommer från en annan webbplats och avvisas. / Cross-site request refused.",
    "too_large": "Begäran är för stor (högst {limit} byte). "
    "/ Request body too large (at most {limit} bytes).",
}


class BodyTooLarge(Exception):
    pass


class Guard:
    """The outermost ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp, settings: GuardSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        cookies = _cookies(headers.get("cookie"))
        refusal = self._refusal(scope, headers, cookies)
        if refusal is not None:
            status, text, extra_headers = refusal
            await _reply(send, status, text, extra_headers)
            return
        extra: list[tuple[bytes, bytes]] = []
        csrf = cookies.get(CSRF_COOKIE)
        if not csrf or len(csrf) < 16:
            csrf = new_token()
            extra.append((b"set-cookie", self._cookie(CSRF_COOKIE, csrf)))
        scope.setdefault("state", {})["csrf"] = csrf
        await self._pass(scope, receive, send, extra)

    def _refusal(
        self, scope: Scope, headers: dict[str, str], cookies: dict[str, str]
    ) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """Why the request is not let through (status, text, headers), or ``None``."""
        s = self.settings
        if s.hosts and _host_name(headers.get("host", "")) not in s.hosts:
            return 400, MESSAGES["host"], []
        if s.token is not None:
            query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
            given = dict(query).get(TOKEN_QUERY)
            if given and check_csrf(s.token, given):
                # The address printed at start: set the cookie and send the browser on without the token.
                rest = urlencode([(k, v) for k, v in query if k != TOKEN_QUERY])
                location = scope.get("path", "/") + (f"?{rest}" if rest else "")
                cookie = self._cookie(TOKEN_COOKIE, s.token)
                return 303, "", [(b"location", location.encode()), (b"set-cookie", cookie)]
            bearer = headers.get("authorization", "")
            sent = bearer[7:].strip() if bearer.lower().startswith("bearer ") else None
            if not (check_csrf(s.token, sent) or check_csrf(s.token, cookies.get(TOKEN_COOKIE))):
                return 401, MESSAGES["token"], [(b"www-authenticate", b"Bearer")]
        if scope["method"] not in SAFE_METHODS and not self._same_site(headers):
            return 403, MESSAGES["origin"], []
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > s.max_body):
            return 413, MESSAGES["too_large"].format(limit=s.max_body), []
        return None

    async def _pass(
        self, scope: Scope, receive: Receive, send: Send, extra: list[tuple[bytes, bytes]]
    ) -> None:
        """Call the app with the body counted against the limit and the security headers added."""
        limit = self.settings.max_body
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS, *extra]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _reply(send, 413, MESSAGES["too_large"].format(limit=limit))

    def _cookie(self, name: str, value: str) -> bytes:
        secure = "; Secure" if self.settings.secure_cookies else ""
        return f"{name}={value}; Path=/; HttpOnly; SameSite=Strict{secure}".encode()

    def _same_site(self, headers: dict[str, str]) -> bool:
        """Whether an unsafe request comes from the app's own pages (or from no browser page at all: an HR
        system's request has no ``Origin``)."""
        fetch_site = headers.get("sec-fetch-site")
        if fetch_site is not None and fetch_site not in ("same-origin", "none"):
            return False
        host = headers.get("host", "").lower()
        for name in ("origin", "referer"):
            value = headers.get(name)
            if value is None:
                continue
            if value == "null":
                return False
            parts = urlsplit(value)
            return parts.scheme in ("http", "https") and parts.netloc.lower() == host
        return True
