"""New agreement: the guided questions of ``forenad new``, one screen at a time.

Nothing of the interview is written again here. Each screen runs :func:`forenad.guided.interview` from the
start with the answers given so far as its scripted answers (the interview is deterministic for the same
answers, date and parameters); the first question without an answer stops it and becomes the screen, with
the library's prompt, suggestion, options and, when the last answer was refused, the library's message.
When every question is answered, the library's :func:`forenad.guided.render` writes the commented file into
the served folder.

The answers are kept on the server (a personnummer never goes back into a page), per interview, for a few
hours.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from forenad.guided import AgreementInvalid, Asker, interview
from forenad.guided.asking import mask
from forenad.guided.texts import MESSAGES, PROMPTS
from forenad.i18n import Lang, Text
from forenad.model import Agreement
from forenad.web.app import lang_of, render, state_of
from forenad.web.labels import word
from forenad.web.pages import csrf, url_of

router = APIRouter()
T = TypeVar("T")

STRICT = frozenset(
    {
        "model",
        "employer.N.kind",
        "part.N.position",
        "part.N.employment_form",
        "part.N.working_time",
        "sick_pay.handling",
    }
)
"""Questions answered by picking one of the options shown."""
YES_NO = frozenset({"secondary_employment.reported", "linked_termination.linked"})
EMPLOYER_IDS = frozenset(
    {
        "main_employer",
        "part.N.employer",
        "part.N.host",
        "part.N.payer",
        "work_environment.N.responsible",
        "rehabilitation.lead",
    }
)
"""Questions answered with an employer's id: the ids given so far are suggested."""
LISTED = {
    "model": MESSAGES["models"].sv,
    "employer.N.name": MESSAGES["organisations"].sv,
    "part.N.position": MESSAGES["positions"].sv,
}
"""Option lists shown once before a run of questions, by the questions that use them."""


@dataclass
class Question:
    """The screen: one question of the interview."""

    key: str
    pattern: str
    prompt: str
    default: str | None
    optional: bool
    secret: bool
    options: list[tuple[str, str]]
    notes: list[str]
    error: str | None
    number: int

    @property
    def strict(self) -> bool:
        return self.pattern in STRICT and bool(self.options)

    @property
    def yes_no(self) -> bool:
        return self.pattern in YES_NO

    @property
    def employer_ids(self) -> bool:
        return self.pattern in EMPLOYER_IDS


class _Pending(Exception):
    def __init__(self, question: Question) -> None:
        super().__init__(question.key)
        self.question = question


@dataclass
class _Source:
    """The interview's live input: there is none, so the first unanswered question stops the run."""

    asker: WebAsker | None = None
    suggestions_at_end: bool = False

    def read(self, prompt: str, secret: bool) -> str | None:
        assert self.asker is not None
        raise _Pending(self.asker.question())


@dataclass
class WebAsker(Asker):
    """An :class:`~forenad.guided.Asker` that collects what the interview says and shows instead of
    printing it."""

    named: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    pending: list[tuple[str, str]] | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    current: dict[str, Any] = field(default_factory=dict)
    asked: int = 0

    def say(self, text: Text | str, style: str | None = None) -> None:
        if text is MESSAGES["intro"]:
            return
        message = text if isinstance(text, str) else text(self.lang)
        self.notes.append(message.strip())

    def options(self, heading: Text, items: list[tuple[str, Text | str]]) -> None:
        shown = [(value, label if isinstance(label, str) else label(self.lang)) for value, label in items]
        if heading is MESSAGES["options"]:
            self.pending = shown
        else:
            self.named[heading.sv] = shown

    def ask(
        self,
        key: str,
        parse: Callable[[str], T],
        *,
        pattern: str | None = None,
        default: str | None = None,
        optional: bool = False,
        secret: bool = False,
        echo: Callable[[str, T], str | None] | None = None,
        **fmt: object,
    ) -> T | None:
        pattern = pattern or key
        options = self.pending if self.pending is not None else self.named.get(LISTED.get(pattern, ""), [])
        self.current = {
            "key": key,
            "pattern": pattern,
            "prompt": PROMPTS[pattern].format(**fmt)(self.lang),
            "default": default,
            "optional": optional,
            "secret": secret,
            "options": options,
        }
        self.error = None
        self.asked += 1
        answer = super().ask(
            key, parse, pattern=pattern, default=default, optional=optional, secret=secret, echo=echo, **fmt
        )
        self.pending = None
        self.notes = []
        return answer

    def _reject(self, why: Text) -> None:
        self.error = why(self.lang)

    def question(self) -> Question:
        c = self.current
        default = c["default"]
        options: list[tuple[str, str]] = c["options"]
        if default is not None and default.isdigit() and c["pattern"] in STRICT and options:
            n = int(default)
            default = options[n - 1][0] if 1 <= n <= len(options) else default
        return Question(
            key=c["key"],
            pattern=c["pattern"],
            prompt=c["prompt"],
            default=default,
            optional=c["optional"],
            secret=c["secret"],
            options=options,
            notes=list(self.notes),
            error=self.error,
            number=self.asked,
        )


def step(answers: Mapping[str, str], lang: Lang, params: Any, today: dt.date) -> Agreement | Question:
    """Run the interview on ``answers``: the agreement when every question is answered, else the next
    question. Raises :class:`~forenad.guided.AgreementInvalid`."""
    from rich.console import Console

    source = _Source()
    asker = WebAsker(Console(file=io.StringIO(), width=200, emoji=False), lang, source, dict(answers))
    source.asker = asker
    try:
        return interview(asker, params, today)
    except _Pending as pending:
        return pending.question


# --------------------------------------------------------------------------------------------------------
# Interviews in progress


@dataclass
class Session:
    id: str
    today: dt.date
    answers: dict[str, str] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    """Each answer as it may be shown (a personnummer masked)."""
    prompts: dict[str, str] = field(default_factory=dict)
    touched: float = field(default_factory=time.monotonic)


class Interviews:
    """The interviews in progress, at most ``limit``, each forgotten ``ttl`` seconds after its last use."""

    def __init__(self, limit: int = 200, ttl: float = 6 * 3600) -> None:
        self.limit = limit
        self.ttl = ttl
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def new(self, today: dt.date) -> Session:
        with self._lock:
            self._expire()
            if len(self._sessions) >= self.limit:
                oldest = min(self._sessions.values(), key=lambda s: s.touched)
                del self._sessions[oldest.id]
            session = Session(secrets.token_urlsafe(12), today)
            self._sessions[session.id] = session
            return session

    def get(self, session_id: str) -> Session | None:
        with self._lock:
            self._expire()
            session = self._sessions.get(session_id)
            if session is not None:
                session.touched = time.monotonic()
            return session

    def drop(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

    def _expire(self) -> None:
        now = time.monotonic()
        for key in [k for k, s in self._sessions.items() if now - s.touched > self.ttl]:
            del self._sessions[key]


# --------------------------------------------------------------------------------------------------------
# Routes


def _session(request: Request, session_id: str) -> Session:
    session = state_of(request).interviews.get(session_id)
    if session is None:
        raise HTTPException(404, word("guided_expired", lang_of(request)))
    return session


def _screen(
    request: Request,
    session: Session,
    status: int = 200,
    write_error: str = "",
    refused: Question | None = None,
) -> Response:
    from forenad.guided.defaults import slug

    lang = lang_of(request)
    summary = [(session.prompts.get(k, k), session.shown.get(k, v)) for k, v in session.answers.items()]
    try:
        result = refused or step(session.answers, lang, state_of(request).params(), session.today)
    except AgreementInvalid as exc:
        errors = [f"{e.path}: {e.message(lang)}" for e in exc.errors]
        return render(
            request,
            "new.html",
            status_code=422,
            session=session,
            question=None,
            summary=summary,
            errors=errors,
            done=False,
            file_name="",
            write_error="",
            employer_ids=[],
        )
    if isinstance(result, Agreement):
        return render(
            request,
            "new.html",
            status_code=status,
            session=session,
            question=None,
            summary=summary,
            errors=[],
            done=True,
            file_name=f"{slug(result.id, 'avtal')}.yaml",
            write_error=write_error,
            employer_ids=[],
        )
    ids = [v for k, v in session.answers.items() if re.fullmatch(r"employer\.[0-9]+\.id", k)]
    return render(
        request,
        "new.html",
        status_code=status,
        session=session,
        question=result,
        summary=summary,
        errors=[],
        done=False,
        file_name="",
        write_error="",
        employer_ids=ids,
    )


@router.get("/new", include_in_schema=False)
def start(request: Request) -> Response:
    session = state_of(request).interviews.new(dt.date.today())
    return RedirectResponse(f"/new/{session.id}", status_code=303)


@router.get("/new/{session_id}", include_in_schema=False)
def screen(request: Request, session_id: str) -> Response:
    return _screen(request, _session(request, session_id))


@router.post("/new/{session_id}", include_in_schema=False, dependencies=[Depends(csrf)])
async def answer(request: Request, session_id: str) -> Response:
    session = _session(request, session_id)
    form = await request.form()
    action = form.get("action", "next")
    if action == "back":
        if session.answers:
            last = list(session.answers)[-1]
            session.answers.pop(last)
            session.shown.pop(last, None)
        return _screen(request, session)
    if action == "restart":
        session.answers.clear()
        session.shown.clear()
        return _screen(request, session)
    lang = lang_of(request)
    current = step(session.answers, lang, state_of(request).params(), session.today)
    key = form.get("key")
    raw = form.get("answer", "")
    if not isinstance(current, Question) or key != current.key or not isinstance(raw, str):
        return _screen(request, session)  # an old screen posted again: show the current one
    text = raw.strip()
    if text == "" and current.optional:
        text = "-"  # an emptied optional field leaves the value out (an empty answer takes the suggestion)
    session.answers[key] = text
    session.prompts[key] = current.prompt
    session.shown[key] = mask(text) if current.secret else text
    after = step(session.answers, lang, state_of(request).params(), session.today)
    if isinstance(after, Question) and after.key == key:  # refused: the question again, with the reason
        session.answers.pop(key, None)
        session.shown.pop(key, None)
        return _screen(request, session, status=422, refused=after)
    return _screen(request, session)


_FILE_NAME = re.compile(r"[A-Za-z0-9ÅÄÖåäöÉé][A-Za-z0-9ÅÄÖåäöÉé._-]{0,120}\.(yaml|yml)")


@router.post("/new/{session_id}/write", include_in_schema=False, dependencies=[Depends(csrf)])
async def write(request: Request, session_id: str) -> Response:
    """Write the interview's agreement into the folder (never over an existing file)."""
    from forenad.files import OutputExists, write_atomic
    from forenad.guided import render as render_file

    session = _session(request, session_id)
    lang = lang_of(request)
    form = await request.form()
    name = str(form.get("file_name", "")).strip()
    result = step(session.answers, lang, state_of(request).params(), session.today)
    if not isinstance(result, Agreement):
        return _screen(request, session)
    if not _FILE_NAME.fullmatch(name):
        return _screen(request, session, status=422, write_error=word("bad_name", lang))
    path: Path = state_of(request).folder / name
    try:
        write_atomic(path, render_file(result, path, session.today).encode("utf-8"))
    except OutputExists:
        return _screen(request, session, status=422, write_error=word("exists", lang, file=name))
    state_of(request).interviews.drop(session.id)
    return RedirectResponse(f"/a/{url_of(name)}?written=1", status_code=303)
