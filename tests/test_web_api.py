"""The HTTP API for HR systems, in process: check, compare and draft answer with the CLI's contract."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from conftest import EXAMPLES_DIR, ROOT
from web_support import client, copy_examples

import forenad

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

UPPSALA = EXAMPLES_DIR / "uppsala-professor-overlakare.yaml"
OREBRO = EXAMPLES_DIR / "orebro-lektor-specialistsjukskoterska.yaml"


def agreement_json(path: Path = UPPSALA) -> dict[str, object]:
    data: dict[str, object] = forenad.load(path).model_dump(mode="json", exclude_none=True)
    return data


@pytest.fixture
def api(tmp_path: Path):  # type: ignore[no-untyped-def]
    return client(copy_examples(tmp_path / "avtal"))


def test_check_answers_with_the_cli_json_contract(api, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    response = api.post("/api/check?on=2026-06-01", json=agreement_json())
    assert response.status_code == 200
    body = response.json()
    direct = forenad.check(forenad.load(UPPSALA), on=__import__("datetime").date(2026, 6, 1)).as_json("sv")
    assert body == json.loads(json.dumps(direct, default=str))
    assert body["evaluated_on"] == "2026-06-01"
    [result] = body["results"]
    assert result["file"] == "<UU-RU-2026-014>" and result["valid"] is True
    assert set(result) >= {"input_errors", "findings", "facts", "complete", "not_made"}


def test_check_in_english_and_as_yaml(api) -> None:  # type: ignore[no-untyped-def]
    response = api.post(
        "/api/check?on=2026-06-01&lang=en",
        content=OREBRO.read_bytes(),
        headers={"content-type": "application/yaml"},
    )
    assert response.status_code == 200
    messages = [f["message"] for f in response.json()["results"][0]["findings"]]
    assert any("vacation" in m.lower() for m in messages)


def test_an_invalid_agreement_is_422_with_the_clis_input_errors(api) -> None:  # type: ignore[no-untyped-def]
    data = agreement_json()
    data["parts"][0]["extent_percent"] = 150  # type: ignore[index]
    data["parts"][1]["extent_percen"] = 50  # type: ignore[index]
    response = api.post("/api/check", json=data)
    assert response.status_code == 422
    [result] = response.json()["results"]
    assert result["valid"] is False
    errors = {e["path"]: e["message"] for e in result["input_errors"]}
    assert errors["parts.0.extent_percent"] == "värdet får vara högst 100"
    assert "menade du 'extent_percent'" in errors["parts.1.extent_percen"]


def test_several_agreements_in_a_list(api) -> None:  # type: ignore[no-untyped-def]
    response = api.post("/api/check?on=2026-06-01", json=[agreement_json(UPPSALA), agreement_json(OREBRO)])
    assert response.status_code == 200
    assert [r["file"] for r in response.json()["results"]] == ["<UU-RU-2026-014>", "<ORU-RÖL-2026-003>"]


def test_only_json_or_yaml_bodies_are_taken(api) -> None:  # type: ignore[no-untyped-def]
    # A cross-site page can post text/plain without asking the browser first; the API refuses it.
    response = api.post(
        "/api/check", content=json.dumps(agreement_json()), headers={"content-type": "text/plain"}
    )
    assert response.status_code == 415


def test_compare_answers_with_the_compare_json(api) -> None:  # type: ignore[no-untyped-def]
    body = {"agreements": [agreement_json(UPPSALA), agreement_json(OREBRO)]}
    response = api.post("/api/compare?on=2026-06-01", json=body)
    assert response.status_code == 200
    result = response.json()
    assert len(result["columns"]) == 2 and result["rows"]
    assert result["evaluated_on"] == "2026-06-01"
    recast = api.post(
        "/api/compare?on=2026-06-01", json={"agreements": [agreement_json()], "all_models": True}
    )
    assert recast.status_code == 200
    assert len(recast.json()["columns"]) > 1
    sheet = api.post("/api/compare?on=2026-06-01&format=xlsx", json=body)
    assert sheet.status_code == 200 and sheet.content[:2] == b"PK"
    assert api.post("/api/compare", json={"agreements": [agreement_json()]}).status_code == 400


def test_draft_returns_a_word_document_python_docx_opens(api) -> None:  # type: ignore[no-untyped-def]
    import docx

    response = api.post("/api/draft?template=samverkansavtal-forenad&on=2026-06-01", json=agreement_json())
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    document = docx.Document(io.BytesIO(response.content))
    assert any("Uppsala universitet" in p.text for p in document.paragraphs)


def test_draft_of_several_documents_is_a_zip(api) -> None:  # type: ignore[no-untyped-def]
    response = api.post("/api/draft?on=2026-06-01", json=agreement_json())
    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert any(n.endswith(".docx") for n in names) and len(names) >= 2


def test_draft_of_an_invalid_agreement_or_template_is_422(api) -> None:  # type: ignore[no-untyped-def]
    data = agreement_json()
    del data["parts"]
    assert api.post("/api/draft", json=data).status_code == 422
    assert api.post("/api/draft?template=tjanstekopsavtal", json=agreement_json()).status_code == 422


def test_openapi_describes_the_endpoints_with_the_agreement_schema(api) -> None:  # type: ignore[no-untyped-def]
    spec = api.get("/api/openapi.json").json()
    assert {"/api/check", "/api/compare", "/api/draft", "/api/schema"} <= set(spec["paths"])
    body = spec["paths"]["/api/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Agreement"}
    components = spec["components"]["schemas"]
    assert "Part" in components and "Agreement" in components
    assert components["Part"]["properties"]["extent_percent"]["description"].startswith("Omfattning")
    docs = api.get("/api/docs")
    assert docs.status_code == 200 and "/api/check" in docs.text
    assert "cdn" not in docs.text.lower()
    assert api.get("/api/schema").json()["$id"].endswith("agreement.schema.json")


def test_the_api_needs_the_token_when_there_is_one(tmp_path: Path) -> None:
    api = client(copy_examples(tmp_path / "avtal"), token="t" * 32)
    assert api.post("/api/check", json=agreement_json()).status_code == 401
    ok = api.post("/api/check", json=agreement_json(), headers={"Authorization": "Bearer " + "t" * 32})
    assert ok.status_code == 200
    assert api.get("/api/openapi.json", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_a_body_over_the_limit_is_refused(tmp_path: Path) -> None:
    api = client(copy_examples(tmp_path / "avtal"), max_body=10_000)
    big = agreement_json()
    big["title"] = "x" * 20_000
    response = api.post("/api/check", json=big)
    assert response.status_code == 413


def test_serve_without_the_extra_says_how_to_install_it() -> None:
    code = (
        "import sys, builtins\n"
        "real = builtins.__import__\n"
        "def fake(name, *a, **k):\n"
        "    if name.split('.')[0] in ('fastapi', 'uvicorn'):\n"
        "        raise ImportError(name)\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = fake\n"
        "from forenad.cli import main\n"
        "sys.argv = ['forenad', 'serve', '.']\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2
    assert "pip install 'forenad[web]'" in proc.stderr


def test_importing_the_cli_does_not_import_the_web_stack() -> None:
    code = (
        "import forenad.cli.app, sys; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('fastapi', 'uvicorn', 'starlette')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_a_final_draft_of_an_agreement_with_errors_is_refused_naming_them(api) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "examples" / "uppsala-professor-overlakare.yaml").read_text(encoding="utf-8")
    bad = text.replace("extent_percent: 50", "extent_percent: 90", 1)
    response = api.post(
        "/api/draft?final=true&on=2026-06-01&template=samverkansavtal-forenad",
        content=bad.encode(),
        headers={"Content-Type": "application/yaml"},
    )
    assert response.status_code == 422
    assert "extent.employer_above_full_time" in response.text
