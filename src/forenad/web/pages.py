"""The pages: portfolio, agreement (form, live check, save), drafts, compare, changes and parameters.

Every page is rendered on the server; htmx (vendored, ``/static/htmx.min.js``) swaps parts of a page for
the live check, the filters and adding or removing list items. Without JavaScript the same forms post and
the whole page comes back.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from forenad.i18n import Lang
from forenad.web import editor
from forenad.web.app import lang_of, on_date, render, state_of
from forenad.web.forms import (
    add_item,
    remove_item,
    renumbered,
    values_of,
)
from forenad.web.labels import word
from forenad.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    OutsideFolder,
    check_csrf,
    inside,
    relative_name,
)

router = APIRouter()


async def form_values(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.multi_items() if isinstance(v, str)}


async def csrf(request: Request) -> None:
    """Form posts must carry the CSRF token of the browser's cookie (in the form or htmx's header)."""
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not check_csrf(request.cookies.get(CSRF_COOKIE), given):
        raise HTTPException(403, word("forbidden_csrf", lang_of(request)))


def agreement_path(request: Request, file: str) -> Path:
    try:
        return inside(state_of(request).folder, file)
    except OutsideFolder:
        raise HTTPException(404, word("forbidden", lang_of(request))) from None


def url_of(file: str) -> str:
    return quote(file, safe="/")


# --------------------------------------------------------------------------------------------------------
# Language


@router.get("/lang/{code}", include_in_schema=False)
def switch_language(code: str, next: str = "/") -> Response:
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    if code in ("sv", "en"):
        from forenad.web.app import LANG_COOKIE

        response.set_cookie(LANG_COOKIE, code, samesite="strict", httponly=True, max_age=365 * 24 * 3600)
    return response


# --------------------------------------------------------------------------------------------------------
# Portfolio


@dataclass
class Row:
    file: str
    valid: bool
    status: str
    status_text: str
    detail: str = ""
    id: str = ""
    title: str = ""
    model: str = ""
    model_value: str = ""
    parties: str = ""
    period: str = ""
    person: str = ""

    def matches(self, query: str) -> bool:
        text = " ".join((self.file, self.id, self.title, self.model, self.parties, self.person)).casefold()
        return all(term in text for term in query.casefold().split())


_ROWS: dict[tuple[str, int, int, str, str, str], Row] = {}
_ROWS_MAX = 20_000


def portfolio_rows(request: Request, on: dt.date, lang: Lang) -> list[Row]:
    """One row per agreement file in the folder, checked on ``on`` (a row is kept while its file, the date
    and the parameters are the same)."""
    from forenad.checking import check
    from forenad.comparison.labels import model as model_label
    from forenad.io import read_agreement
    from forenad.portfolio import agreement_files

    state = state_of(request)
    params = state.params()
    rows = []
    for path in agreement_files([state.folder]):
        name = relative_name(state.folder, path)
        if name is None:
            continue  # a symbolic link that leads out of the folder
        try:
            info = path.stat()
        except OSError:
            continue
        key = (name, info.st_mtime_ns, info.st_size, on.isoformat(), params.version, lang)
        row = _ROWS.get(key)
        if row is None:
            loaded = read_agreement(path)
            if loaded.agreement is None:
                first = loaded.errors[0] if loaded.errors else None
                detail = ""
                if first is not None:
                    where = f"{first.line}: " if first.line else ""
                    detail = f"{where}{first.path + ': ' if first.path else ''}{first.message(lang)}"
                row = Row(name, False, "invalid", word("invalid", lang), detail)
            else:
                a = loaded.agreement
                result = check(a, on=on, params=params, facts=False).results[0]
                errors = sum(1 for f in result.findings if f.severity == "error")
                warnings = sum(1 for f in result.findings if f.severity == "warning")
                if errors:
                    status, text = "errors", f"{errors} {word('errors', lang)}"
                elif not result.complete:
                    status, text = "incomplete", word("incomplete", lang)
                elif warnings:
                    status, text = "warnings", f"{warnings} {word('warnings', lang)}"
                else:
                    status, text = "ok", word("ok", lang)
                if warnings and status == "errors":
                    text += f", {warnings} {word('warnings', lang)}"
                end = a.end_date.isoformat() if a.end_date else ""
                row = Row(
                    name,
                    True,
                    status,
                    text,
                    id=a.id,
                    title=a.title,
                    model=model_label(a.model)(lang),
                    model_value=a.model.value,
                    parties=", ".join(e.name for e in a.employers),
                    period=f"{a.start_date.isoformat()} – {end}",
                    person=a.person.name,
                )
            if len(_ROWS) >= _ROWS_MAX:
                _ROWS.clear()
            _ROWS[key] = row
        rows.append(row)
    return rows


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def portfolio(request: Request, q: str = "", status: str = "", model: str = "", on: str = "") -> Response:
    from forenad.comparison.labels import MODEL
    from forenad.model import EmploymentModel

    lang = lang_of(request)
    date = on_date(on)
    rows = portfolio_rows(request, date, lang)
    shown = [
        r
        for r in rows
        if (not q or r.matches(q))
        and (not status or r.status == status)
        and (not model or r.model_value == model)
    ]
    counts = {
        s: sum(1 for r in rows if r.status == s)
        for s in ("ok", "warnings", "errors", "incomplete", "invalid")
    }
    summary = word(
        "summary",
        lang,
        files=len(rows),
        valid=len(rows) - counts["invalid"],
        errors=counts["errors"],
        warnings=counts["warnings"],
        invalid=counts["invalid"],
    )
    statuses = [
        ("", word("all", lang)),
        ("ok", word("ok", lang)),
        ("warnings", word("warnings", lang)),
        ("errors", word("errors", lang)),
        ("incomplete", word("incomplete", lang)),
        ("invalid", word("invalid", lang)),
    ]
    year = date.year
    return render(
        request,
        "portfolio.html",
        rows=shown,
        total=len(rows),
        summary=summary,
        q=q,
        status_filter=status,
        model=model,
        on=date.isoformat(),
        statuses=statuses,
        models=[(m.value, MODEL[m](lang)) for m in EmploymentModel],
        change_from=dt.date(year, 12, 31).isoformat(),
        change_to=dt.date(year + 1, 1, 1).isoformat(),
        upload_message=request.query_params.get("uploaded", ""),
        upload_class="msg info",
        upload_errors=[],
    )


def _upload_name(raw: str) -> str | None:
    import re

    name = Path(raw.replace("\\", "/")).name
    if not re.fullmatch(r"[A-Za-z0-9ÅÄÖåäöÉé][A-Za-z0-9ÅÄÖåäöÉé._-]{0,120}\.(yaml|yml|json)", name):
        return None
    return name


@router.post("/upload", include_in_schema=False, dependencies=[Depends(csrf)])
async def upload(request: Request) -> Response:
    """Add an agreement file to the folder: read and validated like any file; never over an existing one."""
    from starlette.datastructures import UploadFile

    from forenad.files import OutputExists, write_atomic
    from forenad.io import parse_agreement
    from forenad.yamlio import MAX_BYTES, DocumentError, decode

    lang = lang_of(request)
    form = await request.form(max_files=1, max_fields=10, max_part_size=MAX_BYTES + 1)
    upload = form.get("file")
    errors: list[str] = []
    message = ""
    if not isinstance(upload, UploadFile):
        raise HTTPException(400, word("bad_name", lang))
    name = _upload_name(upload.filename or "")
    raw = await upload.read(MAX_BYTES + 1)
    if name is None:
        errors.append(word("bad_name", lang))
    elif len(raw) > MAX_BYTES:
        errors.append(f"{name}: > {MAX_BYTES} byte")
    else:
        try:
            loaded = parse_agreement(decode(raw), name)
        except DocumentError as exc:
            errors.append(f"{name}: {exc.text(lang)}")
        else:
            if loaded.agreement is None:
                errors.extend(
                    f"{name}:{e.line or ''} {e.path}: {e.message(lang)}".replace(": :", ":")
                    for e in loaded.errors
                )
            else:
                target = state_of(request).folder / name
                try:
                    write_atomic(target, raw)
                except OutputExists:
                    errors.append(word("exists", lang, file=name))
                else:
                    message = word("uploaded", lang, file=name)
    if not errors:
        return RedirectResponse(f"/?uploaded={quote(message)}", status_code=303)
    return _with_upload_errors(request, errors)


def _with_upload_errors(request: Request, errors: list[str]) -> Response:
    from forenad.comparison.labels import MODEL
    from forenad.model import EmploymentModel

    lang = lang_of(request)
    date = dt.date.today()
    rows = portfolio_rows(request, date, lang)
    return render(
        request,
        "portfolio.html",
        status_code=422,
        rows=rows,
        total=len(rows),
        summary="",
        q="",
        status_filter="",
        model="",
        on=date.isoformat(),
        statuses=[("", word("all", lang))],
        models=[(m.value, MODEL[m](lang)) for m in EmploymentModel],
        change_from=dt.date(date.year, 12, 31).isoformat(),
        change_to=dt.date(date.year + 1, 1, 1).isoformat(),
        upload_message="",
        upload_class="",
        upload_errors=errors,
    )


# --------------------------------------------------------------------------------------------------------
# The agreement page


@dataclass
class Status:
    kind: str
    text: str


def _findings_view(outcome: editor.Outcome, values: Mapping[str, str], lang: Lang) -> list[dict[str, Any]]:
    order = {"error": 0, "warning": 1, "info": 2}
    out = []
    for f in sorted(outcome.findings, key=lambda f: order.get(f.severity, 3)):
        out.append(
            {
                "severity": f.severity,
                "rule": f.rule,
                "message": f.text(lang),
                "links": editor.finding_links(f, values, lang),
                "refs": [r.short() for r in f.refs],
                "unverified": f.unverified,
            }
        )
    return out


def _errors_view(outcome: editor.Outcome, values: Mapping[str, str], lang: Lang) -> list[dict[str, str]]:
    known = set(editor.slot_paths(values))
    out = []
    for e in outcome.errors:
        target = editor.nearest(e.path, known) if e.path else None
        out.append(
            {
                "anchor": f"slot-{editor.dom_id(target)}" if target else "slot-general",
                "where": editor.path_words(e.path, lang) if e.path else word("general", lang),
                "text": e.message(lang),
            }
        )
    return out


def _context(
    request: Request,
    file: str,
    values: Mapping[str, str],
    outcome: editor.Outcome,
    base: editor.Version,
    saved_pnr: str | None,
    status: Status | None = None,
) -> dict[str, Any]:
    lang = lang_of(request)
    econ = None
    if outcome.agreement is not None:
        econ = editor.economics(outcome.facts, outcome.agreement, lang)
    ids = [
        values[k] for k in sorted(values) if k.startswith("employers.") and k.endswith(".id") and values[k]
    ]
    return {
        "file": file,
        "file_url": url_of(file),
        "node_rows": editor.rows(editor.nodes(values, lang, saved_pnr)),
        "slots": outcome.slots,
        "general": outcome.general,
        "outcome": outcome,
        "findings": _findings_view(outcome, values, lang),
        "errors": _errors_view(outcome, values, lang),
        "econ": econ,
        "base": base,
        "on": outcome.on.isoformat(),
        "status": status,
        "employer_ids": ids,
        "unknown": "",
    }


@router.get("/a/{file:path}", response_class=HTMLResponse, include_in_schema=False)
def agreement_page(request: Request, file: str, on: str = "") -> Response:
    path = agreement_path(request, file)
    lang = lang_of(request)
    disk = editor.read(path)
    if disk.data is None or not isinstance(disk.data, dict):
        return render(
            request,
            "agreement.html",
            file=file,
            file_url=url_of(file),
            unreadable=disk.errors,
            on=on,
            title="",
        )
    values = values_of(disk.data)
    outcome, _ = editor.check_values(values, on_date(on), lang, state_of(request).params(), disk.personnummer)
    context = _context(request, file, values, outcome, disk.version, disk.personnummer)
    unknown = [
        e.path for e in disk.errors if "okänt fält" in e.message("sv") or "unknown field" in e.message("en")
    ]
    if unknown:
        context["unknown"] = word("unknown_fields", lang, fields=", ".join(unknown))
    title = disk.data.get("title") if isinstance(disk.data.get("title"), str) else ""
    return render(request, "agreement.html", unreadable=(), title=title, **context)


def _control(values: Mapping[str, str]) -> tuple[dict[str, str], editor.Version, dt.date]:
    fields = {k: v for k, v in values.items() if not k.startswith("_") and k not in (CSRF_FIELD, "op")}
    mtime = values.get("_base_mtime", "0")
    base = editor.Version(values.get("_base_sha256", ""), int(mtime) if mtime.isdigit() else 0)
    return renumbered(fields), base, on_date(values.get("_on"))


def _slots_oob(request: Request, outcome: editor.Outcome, skip: str = "") -> str:
    state = state_of(request)
    lang = lang_of(request)
    template = state.env.from_string(
        '{% from "_fields.html" import slot with context %}'
        "{% for path, messages in slots %}{{ slot(ids[path], messages, oob=True) }}{% endfor %}"
        '{{ slot("general", general, oob=True) }}'
    )
    slots = [
        (p, m) for p, m in outcome.slots.items() if not (skip and (p == skip or p.startswith(skip + ".")))
    ]
    return template.render(
        slots=slots,
        ids={p: editor.dom_id(p) for p, _ in slots},
        general=outcome.general,
        w=lambda key, **v: word(key, lang, **v),
        lang=lang,
    )


def _fragment(request: Request, template: str, **context: Any) -> str:
    state = state_of(request)
    lang = lang_of(request)
    from forenad.web.labels import item_label

    return state.env.get_template(template).render(
        request=request,
        lang=lang,
        w=lambda key, **v: word(key, lang, **v),
        csrf=request.scope.get("state", {}).get("csrf", ""),
        csrf_field=CSRF_FIELD,
        item_label=item_label,
        **context,
    )


@router.post("/check/{file:path}", include_in_schema=False, dependencies=[Depends(csrf)])
async def live_check(request: Request, file: str) -> Response:
    """The form as it stands, checked: the results panel, and the messages next to every field."""
    path = agreement_path(request, file)
    values, base, on = _control(await form_values(request))
    disk = editor.read(path)
    outcome, _ = editor.check_values(
        values, on, lang_of(request), state_of(request).params(), disk.personnummer
    )
    context = _context(request, file, values, outcome, base, disk.personnummer)
    html = _fragment(request, "_results.html", oob=False, **context) + _slots_oob(request, outcome)
    return HTMLResponse(html, headers={"cache-control": "no-store"})


@router.post("/edit/{file:path}", include_in_schema=False, dependencies=[Depends(csrf)])
async def edit_list(request: Request, file: str) -> Response:
    """Add or remove an item of a list (``op`` is ``add:parts`` or ``remove:parts.1``)."""
    path = agreement_path(request, file)
    posted = await form_values(request)
    values, base, on = _control(posted)
    op = posted.get("op", "")
    kind, _, target = op.partition(":")
    list_path = target
    if kind == "add" and editor_list(target):
        values = add_item(values, target)
    elif kind == "remove" and "." in target:
        list_path, _, index = target.rpartition(".")
        if editor_list(list_path) and index.isdigit():
            values = remove_item(values, list_path, int(index))
    else:
        raise HTTPException(400, op)
    lang = lang_of(request)
    disk = editor.read(path)
    outcome, _ = editor.check_values(values, on, lang, state_of(request).params(), disk.personnummer)
    context = _context(request, file, values, outcome, base, disk.personnummer)
    if not request.headers.get("hx-request"):
        return render(request, "agreement.html", unreadable=(), title="", **context)
    node = editor.list_node(list_path, values, lang)
    assert node is not None
    template = state_of(request).env.from_string(
        '{% from "_fields.html" import list_field with context %}{{ list_field(node, slots) }}'
    )
    from forenad.web.labels import item_label

    html = template.render(
        node=node,
        slots=outcome.slots,
        w=lambda key, **v: word(key, lang, **v),
        lang=lang,
        file_url=url_of(file),
        item_label=item_label,
    )
    html += _fragment(request, "_results.html", oob=True, **context)
    html += _slots_oob(request, outcome, skip=list_path)
    return HTMLResponse(html, headers={"cache-control": "no-store"})


def editor_list(path: str) -> bool:
    from forenad.web.forms import is_list_path

    return is_list_path(path)


@router.post("/save/{file:path}", include_in_schema=False, dependencies=[Depends(csrf)])
async def save(request: Request, file: str) -> Response:
    """Save the form into the file: refused (409) when the file changed on disk since the form was opened,
    and (422) when the form does not hold a valid agreement; nothing is lost either way."""
    path = agreement_path(request, file)
    values, base, on = _control(await form_values(request))
    lang = lang_of(request)
    htmx = bool(request.headers.get("hx-request"))
    disk = editor.read(path)
    outcome, form = editor.check_values(values, on, lang, state_of(request).params(), disk.personnummer)
    if outcome.agreement is None:
        return _not_saved(
            request, file, values, outcome, base, disk, Status("invalid", word("invalid_save", lang)), 422
        )
    try:
        version = editor.save(path, base, outcome.agreement, form.origins)
    except editor.Stale:
        return _not_saved(
            request, file, values, outcome, base, disk, Status("stale", word("stale", lang)), 409
        )
    disk = editor.read(path)
    fresh = values_of(disk.data) if isinstance(disk.data, dict) else values
    outcome, _ = editor.check_values(fresh, on, lang, state_of(request).params(), disk.personnummer)
    saved = Status("saved", word("saved", lang, time=dt.datetime.now().strftime("%H:%M:%S"), file=file))
    context = _context(request, file, fresh, outcome, version, disk.personnummer, saved)
    if not htmx:
        return render(
            request,
            "agreement.html",
            unreadable=(),
            title=outcome.agreement.title if outcome.agreement else "",
            **context,
        )
    html = _fragment(request, "_editor.html", **context) + _fragment(
        request, "_results.html", oob=True, **context
    )
    return HTMLResponse(html, headers={"cache-control": "no-store"})


def _not_saved(
    request: Request,
    file: str,
    values: Mapping[str, str],
    outcome: editor.Outcome,
    base: editor.Version,
    disk: editor.OnDisk,
    status: Status,
    code: int,
) -> Response:
    context = _context(request, file, values, outcome, base, disk.personnummer, status)
    if not request.headers.get("hx-request"):
        return render(request, "agreement.html", status_code=code, unreadable=(), title="", **context)
    html = _fragment(request, "_status.html", **context)
    html += _fragment(request, "_results.html", oob=True, **context) + _slots_oob(request, outcome)
    return HTMLResponse(
        html,
        status_code=code,
        headers={"hx-retarget": "#save-status", "hx-reswap": "innerHTML", "cache-control": "no-store"},
    )


@router.post("/download/{file:path}", include_in_schema=False, dependencies=[Depends(csrf)])
async def download_version(request: Request, file: str) -> Response:
    """The form's version of the file, to keep (e.g. when the file changed on disk meanwhile): the file on
    disk with the form's values, comments kept; the form's data as it is when it is not a valid agreement."""
    path = agreement_path(request, file)
    values, _, on = _control(await form_values(request))
    disk = editor.read(path)
    outcome, form = editor.check_values(
        values, on, lang_of(request), state_of(request).params(), disk.personnummer
    )
    if outcome.agreement is not None:
        text = editor.new_text(disk, outcome.agreement, form.origins)
    elif path.suffix.lower() == ".json":
        import json

        text = json.dumps(form.data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = _plain_yaml(form.data)
    stem = path.stem
    name = f"{stem}.min-version{path.suffix}"
    return Response(
        text.encode("utf-8"),
        media_type="application/json" if path.suffix.lower() == ".json" else "application/yaml",
        headers={"content-disposition": _attachment(name), "cache-control": "no-store"},
    )


def _plain_yaml(data: Any) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _attachment(name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


# --------------------------------------------------------------------------------------------------------
# Drafts


@router.get("/draft/{file:path}", response_class=HTMLResponse, include_in_schema=False)
def draft_page(request: Request, file: str, on: str = "") -> Response:
    from forenad.io import read_agreement
    from forenad.render import list_templates
    from forenad.render.catalogue import select_templates
    from forenad.render.pdf import soffice

    path = agreement_path(request, file)
    lang = lang_of(request)
    loaded = read_agreement(path)
    if loaded.agreement is None:
        return render(
            request,
            "draft.html",
            file=file,
            file_url=url_of(file),
            errors=loaded.errors,
            templates=[],
            on=on_date(on).isoformat(),
            pdf=False,
            chosen=set(),
            error="",
        )
    a = loaded.agreement
    chosen = {t.id for t in select_templates(a.model, lang)}
    templates = [
        {"id": t.id, "title": t.spec.title, "language": t.spec.language, "per": t.spec.per}
        for t in list_templates()
        if t.serves(a.model)
    ]
    return render(
        request,
        "draft.html",
        file=file,
        file_url=url_of(file),
        errors=(),
        templates=templates,
        chosen=chosen,
        on=on_date(on).isoformat(),
        pdf=soffice() is not None,
        error="",
    )


def draft_files(
    agreement: Any,
    stem: str,
    templates: list[str] | None,
    on: dt.date,
    lang: Lang,
    final: bool,
    pdf: bool,
    params: Any,
) -> list[tuple[str, bytes]]:
    """The drafts of an agreement in memory (:func:`forenad.draft_files`): ``(name, bytes)`` for each
    ``.docx`` (and ``.pdf``), without the provenance records. Raises the library's errors."""
    from forenad.render.api import draft_files as make

    files = make(agreement, templates, on=on, lang=lang, final=final, pdf=pdf, params=params, stem=stem)
    return [(name, data) for name, data in files.items() if not name.endswith(".provenance.json")]


def files_response(files: list[tuple[str, bytes]], zip_name: str) -> Response:
    """One file as itself; several as a zip."""
    if len(files) == 1:
        name, data = files[0]
        media = (
            "application/pdf"
            if name.endswith(".pdf")
            else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        return Response(data, media_type=media, headers={"content-disposition": _attachment(name)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"content-disposition": _attachment(zip_name)},
    )


@router.post("/draft/{file:path}", include_in_schema=False, dependencies=[Depends(csrf)])
async def make_draft(request: Request, file: str) -> Response:
    from starlette.concurrency import run_in_threadpool

    from forenad.errors import ForenadError
    from forenad.io import read_agreement

    path = agreement_path(request, file)
    lang = lang_of(request)
    form = await request.form()
    templates = [t for t in form.getlist("template") if isinstance(t, str)]
    draft_lang: Lang = "en" if form.get("draft_lang") == "en" else "sv"
    on = on_date(str(form.get("on") or ""))
    loaded = read_agreement(path)
    if loaded.agreement is None:
        raise HTTPException(422, "; ".join(e.message(lang) for e in loaded.errors))
    try:
        files = await run_in_threadpool(
            draft_files,
            loaded.agreement,
            path.stem,
            templates or None,
            on,
            draft_lang,
            form.get("final") == "1",
            form.get("pdf") == "1",
            state_of(request).params(),
        )
    except ForenadError as exc:
        message = exc.message(lang) if hasattr(exc, "message") else str(exc)
        return render(
            request,
            "draft.html",
            status_code=422,
            file=file,
            file_url=url_of(file),
            errors=(),
            templates=[],
            chosen=set(),
            on=on.isoformat(),
            pdf=False,
            error=str(message),
        )
    return files_response(files, f"{path.stem}.utkast.zip")


# --------------------------------------------------------------------------------------------------------
# Compare


def _compare(request: Request, files: list[str], all_models: bool, on: dt.date, lang: Lang) -> Any:
    from forenad.comparison import compare

    paths = [agreement_path(request, f) for f in files]
    return compare(paths, on=on, lang=lang, all_models=all_models, params=state_of(request).params())


@router.get("/compare", response_class=HTMLResponse, include_in_schema=False)
def compare_page(
    request: Request,
    files: Annotated[list[str] | None, Query()] = None,
    all_models: str = "",
    on: str = "",
    format: str = "",
) -> Response:
    from forenad.portfolio import agreement_files

    lang = lang_of(request)
    date = on_date(on)
    state = state_of(request)
    available = [n for p in agreement_files([state.folder]) if (n := relative_name(state.folder, p))]
    picked = [f for f in (files or []) if f]
    every = all_models == "1"
    result = None
    if picked and (len(picked) > 1 or every):
        result = _compare(request, picked, every, date, lang)
        if format in ("xlsx", "docx"):
            from forenad.comparison.output import to_docx, to_xlsx

            data = to_xlsx(result, lang) if format == "xlsx" else to_docx(result, lang)
            media = {
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            }[format]
            return Response(
                data, media_type=media, headers={"content-disposition": _attachment(f"jamforelse.{format}")}
            )
    table = None
    if result is not None:
        table = {
            "columns": [c.label(lang) for c in result.columns],
            "rows": [
                {"section": r.section, "label": r.label(lang), "texts": r.texts(lang), "differs": r.differs}
                for r in result.rows
            ],
            "not_applicable": [
                (n.as_json(lang)["label"], [x(lang) for x in n.reasons]) for n in result.not_applicable
            ],
            "input_errors": [
                (
                    relative_name(state.folder, Path(r.file)) or Path(r.file).name,
                    [e.message(lang) for e in r.errors],
                )
                for r in result.input_errors
            ],
        }
    from urllib.parse import urlencode

    query = urlencode(
        [("files", f) for f in picked] + [("all_models", "1" if every else ""), ("on", date.isoformat())]
    )
    return render(
        request,
        "compare.html",
        available=available,
        picked=set(picked),
        all_models=every,
        on=date.isoformat(),
        table=table,
        query=query,
    )


# --------------------------------------------------------------------------------------------------------
# Changes between two dates


@router.get("/changes", response_class=HTMLResponse, include_in_schema=False)
def changes_page(request: Request, format: str = "") -> Response:
    from forenad.changes_output import figure_value, finding_side
    from forenad.changes_report import changes

    lang = lang_of(request)
    state = state_of(request)
    year = dt.date.today().year
    start = on_date(request.query_params.get("from") or dt.date(year, 12, 31).isoformat())
    end = on_date(
        request.query_params.get("to")
        or request.query_params.get("from")
        or dt.date(year + 1, 1, 1).isoformat()
    )
    params = state.params()
    report = changes([state.folder], start, end, params_from=params, params_to=params)
    if format == "xlsx":
        from forenad.changes_output import to_xlsx

        return Response(
            to_xlsx(report, lang),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"content-disposition": _attachment(f"forandringar-{start}-{end}.xlsx")},
        )

    def name(entry: Any) -> str:
        if entry.file is None:
            return str(entry.agreement_id)
        return relative_name(state.folder, Path(entry.file)) or Path(entry.file).name

    changed = []
    for entry in report.changed:
        changed.append(
            {
                "file": name(entry),
                "id": entry.agreement_id,
                "findings": [
                    {
                        "kind": word(c.kind, lang),
                        "rule": c.rule,
                        "before": finding_side(c, "before", lang),
                        "after": finding_side(c, "after", lang),
                    }
                    for c in entry.findings
                ],
                "figures": [
                    {
                        "label": f.figure.label(lang) + (f" ({f.subject(lang)})" if f.subject else ""),
                        "before": figure_value(f.before, f.figure.unit, lang),
                        "after": figure_value(f.after, f.figure.unit, lang),
                        "difference": figure_value(f.difference, f.figure.unit, lang, sign=True)
                        if f.difference is not None
                        else "",
                    }
                    for f in entry.figures
                ],
            }
        )
    return render(
        request,
        "changes.html",
        start=start.isoformat(),
        end=end.isoformat(),
        changed=changed,
        unchanged=[name(e) for e in report.unchanged],
        invalid=[(name(e), [x.message(lang) for x in e.input_errors]) for e in report.invalid],
    )


# --------------------------------------------------------------------------------------------------------
# The council's map (forenad survey)


@router.get("/survey", response_class=HTMLResponse, include_in_schema=False)
def survey_page(request: Request, on: str = "", format: str = "") -> Response:
    """The portfolio as the competence council's map: aggregates only, small cells hidden (as ``forenad
    survey`` gives it; the folder's file names are never shown)."""
    from forenad.kartlaggning import survey
    from forenad.kartlaggning.output import to_docx, to_xlsx

    lang = lang_of(request)
    date = on_date(on)
    state = state_of(request)
    result = survey([state.folder], on=date, params=state.params())
    if format in ("xlsx", "docx"):
        document, media = (
            (to_xlsx(result, lang), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            if format == "xlsx"
            else (
                to_docx(result, lang),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        )
        name = f"kartlaggning-{date}.{format}" if lang == "sv" else f"survey-{date}.{format}"
        return Response(document, media_type=media, headers={"content-disposition": _attachment(name)})
    data = result.as_json(lang, operator=False)
    return render(
        request,
        "survey.html",
        on=date.isoformat(),
        agreements=data["agreements"],
        tables=data["tables"],
        suppressed=len(data["suppression"]["cells"]),
    )


# --------------------------------------------------------------------------------------------------------
# Parameters


@router.get("/params", response_class=HTMLResponse, include_in_schema=False)
def params_page(request: Request, on: str = "") -> Response:
    from forenad.params_update import parameter_status

    lang = lang_of(request)
    date = on_date(on)
    params = state_of(request).params()
    entries = []
    for entry in parameter_status(params, date):
        data = entry.as_json(lang)
        entries.append(
            {
                "name": entry.name,
                "status": entry.kind,
                "status_text": word(
                    {"missing": "missing", "unverified": "unverified_status", "ending": "ending"}[entry.kind],
                    lang,
                ),
                "description": data["description"],
                "value": "" if entry.value is None else _short(entry.value.value),
                "unit": data.get("unit") or "",
                "start": data.get("start") or data.get("since") or "",
                "end": data.get("end") or data.get("resumes") or "",
                "add_from": entry.add_from.isoformat(),
                "origin": data.get("origin", ""),
            }
        )
    overlay = params.overlay
    return render(
        request,
        "params.html",
        on=date.isoformat(),
        entries=entries,
        overlay=word("overlay", lang, name=Path(overlay.directory).name, version=overlay.version)
        if overlay
        else word("no_overlay", lang),
        params_version=params.version,
    )


def _short(value: Any) -> str:
    import json

    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:79] + "…"
