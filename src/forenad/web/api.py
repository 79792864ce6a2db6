"""The HTTP API for HR systems: check, compare and draft an agreement sent as JSON (or YAML).

The agreement is validated by the same model and the same reader as a file
(:func:`forenad.io.parse_agreement`), so the errors are the CLI's; the answers are the CLI's JSON contract
(:meth:`forenad.report.CheckRun.as_json`, :meth:`forenad.comparison.Comparison.as_json`). The OpenAPI
description is at ``/api/openapi.json`` and a page made from it, served by the app itself (nothing is
fetched from elsewhere), at ``/api/docs``.

=========================  ======================================================================
``POST /api/check``        an agreement (or a JSON list of them) → the ``check --format json`` object;
                           ``422`` with the same object when an agreement cannot be validated
``POST /api/compare``      ``{"agreements": [...], "all_models": false}`` → the ``compare --format json``
                           object; ``?format=xlsx|docx|md`` for the file
``POST /api/draft``        an agreement → the Word draft (``.docx``); a ``.zip`` when it makes several
                           documents (e.g. one anställningsbevis per employer)
``GET /api/schema``        the agreement's JSON Schema (``forenad schema``)
=========================  ======================================================================
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from forenad.i18n import Lang
from forenad.web.app import render, state_of

router = APIRouter(prefix="/api", tags=["api"])

JSON_TYPES = ("application/json",)
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml")


def _lang(value: str | None) -> Lang:
    return "en" if value == "en" else "sv"


def _date(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(
            400, f"on: {value!r} är inte ett datum ÅÅÅÅ-MM-DD / is not a date YYYY-MM-DD"
        ) from None


async def _body_text(request: Request) -> str:
    """The request body as text; only JSON or YAML bodies (a cross-site form cannot send either without
    the browser asking first)."""
    from forenad.yamlio import DocumentError, decode

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in JSON_TYPES + YAML_TYPES:
        raise HTTPException(415, "Content-Type: application/json (eller application/yaml) väntas / expected")
    try:
        return decode(await request.body())
    except DocumentError as exc:
        raise HTTPException(400, exc.text.en) from None


def _parse_many(text: str) -> list[tuple[str, Any]]:
    """``(text, data)`` for each agreement in the body: one agreement, or a JSON/YAML list of them."""
    from forenad.yamlio import parse_fast

    head = text.lstrip()[:2]
    if not (head.startswith("[") or head == "- "):
        return [(text, None)]  # one agreement: read once, by parse_agreement
    data = parse_fast(text)
    if isinstance(data, list):
        return [(json.dumps(item, ensure_ascii=False, default=str), item) for item in data]
    return [(text, data)]


def _results(text: str, on: dt.date, params: Any) -> Any:
    from forenad.checking import check
    from forenad.io import parse_agreement
    from forenad.report import CheckRun, FileResult

    run = CheckRun(evaluated_on=on)
    for i, (item, _) in enumerate(_parse_many(text)):
        loaded = parse_agreement(item, "<request>" if i == 0 else f"<request {i}>")
        if loaded.agreement is None:
            run.results.append(FileResult(file=loaded.file, input_errors=list(loaded.errors)))
        else:
            run.results.extend(check(loaded.agreement, on=on, params=params).results)
    return run


def _agreement(text: str, name: str = "<request>") -> Any:
    from forenad.io import parse_agreement

    loaded = parse_agreement(text, name)
    if loaded.agreement is None:
        raise HTTPException(
            422, {"file": name, "valid": False, "input_errors": [e.as_json("sv") for e in loaded.errors]}
        )
    return loaded.agreement


AGREEMENT_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Agreement"}},
        "application/yaml": {"schema": {"type": "string", "description": "The agreement file as YAML."}},
    },
}


@router.post(
    "/check",
    summary="Pröva ett avtal / Check an agreement",
    openapi_extra={"requestBody": AGREEMENT_BODY},
    responses={
        200: {"description": "The `forenad check --format json` object (one result per agreement)."},
        422: {"description": "The same object; an agreement could not be validated (`input_errors`)."},
    },
)
async def check(request: Request, on: str | None = None, lang: str | None = None) -> Response:
    """Validate and check the agreement in the body (JSON or YAML, or a JSON list of agreements) on `on`
    (default today). The answer is the CLI's `check --format json` object; a result's `file` is
    `<id>` for a valid agreement and `<request>` for one that cannot be validated."""
    run = _results(await _body_text(request), _date(on), state_of(request).params())
    body = json.dumps(run.as_json(_lang(lang)), ensure_ascii=False, default=str)
    status = 422 if any(not r.valid for r in run.results) else 200
    return Response(body, status_code=status, media_type="application/json")


@router.post(
    "/compare",
    summary="Jämför avtal / Compare agreements",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["agreements"],
                        "properties": {
                            "agreements": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Agreement"},
                            },
                            "all_models": {"type": "boolean", "default": False},
                        },
                    }
                }
            },
        }
    },
    responses={200: {"description": "The `forenad compare --format json` object, or the file asked for."}},
)
async def compare(
    request: Request, on: str | None = None, lang: str | None = None, format: str = "json"
) -> Response:
    """Compare two or more agreements side by side, or one under every employment model that can apply
    (`all_models`), on `on`. `format`: `json` (the CLI's compare JSON), `md`, `xlsx` or
    `docx`."""
    from forenad.comparison import compare as run_compare
    from forenad.comparison import output

    text = await _body_text(request)
    from forenad.yamlio import parse_fast

    body = parse_fast(text)
    if not isinstance(body, dict) or not isinstance(body.get("agreements"), list) or not body["agreements"]:
        raise HTTPException(400, '{"agreements": [...]} väntas / expected')
    every = bool(body.get("all_models", False))
    items = body["agreements"]
    if len(items) < 2 and not every:
        raise HTTPException(
            400, "två eller fler avtal, eller all_models / two or more agreements, or all_models"
        )
    agreements = [
        _agreement(json.dumps(a, ensure_ascii=False, default=str), f"<agreement {i}>")
        for i, a in enumerate(items)
    ]
    language = _lang(lang)
    result = run_compare(
        agreements, on=_date(on), lang=language, all_models=every, params=state_of(request).params()
    )
    if format == "xlsx":
        return Response(
            output.to_xlsx(result, language),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"content-disposition": 'attachment; filename="jamforelse.xlsx"'},
        )
    if format == "docx":
        return Response(
            output.to_docx(result, language),
            media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            headers={"content-disposition": 'attachment; filename="jamforelse.docx"'},
        )
    if format == "md":
        return Response(output.to_markdown(result, language), media_type="text/markdown; charset=utf-8")
    return Response(
        json.dumps(result.as_json(language), ensure_ascii=False, default=str), media_type="application/json"
    )


@router.post(
    "/draft",
    summary="Utkast i Word / Word draft",
    openapi_extra={"requestBody": AGREEMENT_BODY},
    responses={
        200: {
            "description": "The .docx (or a .zip of several documents).",
            "content": {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
                "application/zip": {},
            },
        },
        422: {"description": "The agreement could not be validated, or a final draft misses a value."},
    },
)
async def draft(
    request: Request,
    template: str | None = None,
    on: str | None = None,
    lang: str | None = None,
    final: bool = False,
) -> Response:
    """Draft the agreement in the body. `template`: a shipped template id (`forenad templates list`);
    without it, every shipped template that serves the agreement's model. One document comes back as a
    `.docx`, several as a `.zip`. `final`: no markers and no annex; a missing value, or an agreement with
    rule findings of severity error, is refused (422, naming them)."""
    from starlette.concurrency import run_in_threadpool

    from forenad.errors import ForenadError
    from forenad.web.pages import draft_files, files_response

    agreement = _agreement(await _body_text(request))
    language = _lang(lang)
    from forenad.render.api import slug

    try:
        files = await run_in_threadpool(
            draft_files,
            agreement,
            slug(agreement.id),
            [template] if template else None,
            _date(on),
            language,
            final,
            False,
            state_of(request).params(),
        )
    except ForenadError as exc:
        text = getattr(exc, "text", None)
        message = text(language) if callable(text) else str(exc)
        raise HTTPException(422, message) from None
    return files_response(files, f"{slug(agreement.id)}.utkast.zip")


@router.get("/schema", summary="JSON Schema för avtalsfilen / The agreement's JSON Schema")
def schema() -> JSONResponse:
    from forenad.schema import agreement_schema

    return JSONResponse(agreement_schema())


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request) -> Response:
    """The API's documentation, made from its OpenAPI description."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        (
                            p["name"],
                            p.get("in", ""),
                            _type(p.get("schema", {})),
                            p.get("required", False),
                        )
                        for p in op.get("parameters", [])
                    ],
                    "request": list(op.get("requestBody", {}).get("content", {}).keys()),
                    "responses": [
                        (code, r.get("description", "")) for code, r in op.get("responses", {}).items()
                    ],
                }
            )
    return render(
        request,
        "api_docs.html",
        operations=operations,
        title=spec["info"]["title"],
        version=spec["info"]["version"],
    )


def _type(schema: dict[str, Any]) -> str:
    if "type" in schema:
        return str(schema["type"])
    kinds = [s.get("type") for s in schema.get("anyOf", []) if s.get("type") not in (None, "null")]
    return str(kinds[0]) if kinds else ""


def install_openapi(app: Any) -> None:
    """The OpenAPI description with the agreement's schema (and the models it holds) as components, so
    that the request bodies refer to the same pydantic model that validates them."""
    from fastapi.openapi.utils import get_openapi

    from forenad.model import Agreement

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return dict(app.openapi_schema)
        spec = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        schema = Agreement.model_json_schema(ref_template="#/components/schemas/{model}", mode="validation")
        definitions = schema.pop("$defs", {})
        components = spec.setdefault("components", {}).setdefault("schemas", {})
        components.update(definitions)
        components["Agreement"] = schema
        app.openapi_schema = spec
        return spec

    app.openapi = openapi
