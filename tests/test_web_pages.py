"""The pages, in process: portfolio, the agreement form (live check, lists, save with comments, stale file),
the guided questions, drafts, compare, changes, parameters, and the guard (host, token, cross-site, CSRF,
folder boundary, personnummer)."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from web_support import client, copy_examples, csrf_of, form_of, htmx, slot

import forenad

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

OREBRO = "orebro-lektor-specialistsjukskoterska.yaml"
UPPSALA = "uppsala-professor-overlakare.yaml"
PNR = "19121212-1212"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_examples(tmp_path / "avtal")


@pytest.fixture
def web(folder: Path):  # type: ignore[no-untyped-def]
    return client(folder)


def comment_lines(text: str) -> list[str]:
    return [m.group(0).strip() for m in re.finditer(r"#.*$", text, re.MULTILINE)]


# --------------------------------------------------------------------------------------------------------
# Portfolio


def test_portfolio_lists_every_agreement_with_model_parties_period_and_status(web) -> None:  # type: ignore[no-untyped-def]
    page = web.get("/?on=2026-06-01")
    assert page.status_code == 200
    html = page.text
    assert html.count('<tr class="status-') == 7
    assert "Förenad, två anställningar" in html and "Örebro universitet, Region Örebro län" in html
    assert "2026-02-01 – " in html
    assert "7 filer: 7 giltiga" in html
    assert 'src="/static/htmx.min.js"' in html


def test_portfolio_filters_and_rechecks_at_another_date(web) -> None:  # type: ignore[no-untyped-def]
    only = web.get("/?q=kombinationsdoktorand&on=2026-06-01").text
    assert only.count('<tr class="status-') == 1 and "gavleborg" in only
    by_model = web.get("/?model=tjanstekop&on=2026-06-01").text
    assert by_model.count('<tr class="status-') == 1 and "varmland" in by_model
    later = web.get("/?on=2040-01-01").text
    assert 'value="2040-01-01"' in later
    assert "ofullständig" in later or "fel" in later  # the dated values of 2040 are not in force


def test_portfolio_reports_a_file_that_cannot_be_read(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    (folder / "trasig.yaml").write_text("id: [\n", "utf-8")
    html = web.get("/").text
    assert "trasig.yaml" in html and "kan inte läsas" in html


def test_english_through_the_language_switch(web) -> None:  # type: ignore[no-untyped-def]
    response = web.get("/lang/en?next=/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    html = web.get("/").text
    assert "Agreements" in html and "Förenad, two employments" in html
    assert web.get("/lang/en?next=//evil.example", follow_redirects=False).headers["location"] == "/"


def test_changes_between_two_dates(web) -> None:  # type: ignore[no-untyped-def]
    page = web.get("/changes?from=2026-12-31&to=2027-01-01")
    assert page.status_code == 200
    assert "Förändringar mellan två datum" in page.text
    sheet = web.get("/changes?from=2026-12-31&to=2027-01-01&format=xlsx")
    assert sheet.status_code == 200 and sheet.content[:2] == b"PK"


def test_parameters_page_shows_what_params_status_shows(web) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from forenad.params import default_parameters
    from forenad.params_update import parameter_status

    html = web.get("/params?on=2027-06-01").text
    for entry in parameter_status(default_parameters(), dt.date(2027, 6, 1)):
        assert f"<code>{entry.name}</code>" in html


# --------------------------------------------------------------------------------------------------------
# The agreement form


def test_the_form_is_built_from_the_model_with_swedish_labels_and_the_schemas_help(web) -> None:  # type: ignore[no-untyped-def]
    html = web.get(f"/a/{OREBRO}").text
    assert 'name="parts.0.extent_percent" value="50"' in html
    assert "Omfattning (%)" in html
    assert "Omfattning i procent av heltid, över 0 och högst 100." in html  # the model's description
    assert 'name="parts.1._orig" value="1"' in html
    english = web.get(f"/a/{OREBRO}?lang=en").text
    assert "Extent (%)" in english and "Extent in percent of full time" in english


def test_every_field_of_the_model_has_a_label() -> None:
    from forenad.web.forms import fields_of
    from forenad.web.labels import FIELDS

    missing: list[str] = []

    def walk(fields) -> None:  # type: ignore[no-untyped-def]
        for field in fields:
            if field.key not in FIELDS:
                missing.append(field.key)
            walk(field.children)

    walk(fields_of())
    assert missing == []


def test_live_check_puts_the_error_next_to_the_field(web) -> None:  # type: ignore[no-untyped-def]
    values = form_of(web, OREBRO)
    values["parts.0.extent_percent"] = "70"
    response = web.post(f"/check/{OREBRO}", data=values, headers=htmx(values))
    assert response.status_code == 200
    assert "Delarna summerar till 120 %" in slot(response.text, "parts.0.extent_percent")
    assert "Delarna summerar till 120 %" in slot(response.text, "total_extent_percent")
    assert 'hx-swap-oob="true"' in response.text
    assert 'href="#f-parts-0-extent_percent"' in response.text  # the finding links to the field
    assert "extent.sum_differs_from_total" in response.text


def test_live_check_shows_input_errors_with_the_models_message(web) -> None:  # type: ignore[no-untyped-def]
    values = form_of(web, OREBRO)
    values["parts.0.extent_percent"] = "150"
    values["parts.1.monthly_salary"] = "tjugo"
    response = web.post(f"/check/{OREBRO}", data=values, headers=htmx(values))
    assert "värdet får vara högst 100" in slot(response.text, "parts.0.extent_percent")
    assert "ett tal väntas" in slot(response.text, "parts.1.monthly_salary")
    assert "Rätta först" in response.text


def test_numbers_typed_the_swedish_way_are_read(web) -> None:  # type: ignore[no-untyped-def]
    values = form_of(web, OREBRO)
    values["parts.0.monthly_salary"] = "27 500"
    values["parts.1.working_time.full_time_hours"] = "38,25"
    response = web.post(f"/check/{OREBRO}", data=values, headers=htmx(values))
    assert "Rätta först" not in response.text
    assert "27 500 kr" in response.text.replace("\u00a0", " ")


def test_adding_and_removing_a_part(web) -> None:  # type: ignore[no-untyped-def]
    values = form_of(web, OREBRO)
    added = web.post(f"/edit/{OREBRO}", data={**values, "op": "add:parts"}, headers=htmx(values))
    assert added.status_code == 200
    assert 'name="parts.2._orig" value="new"' in added.text
    assert added.text.startswith('<fieldset class="list" id="list-parts"')
    removed = web.post(f"/edit/{OREBRO}", data={**values, "op": "remove:parts.0"}, headers=htmx(values))
    assert 'name="parts.0._orig" value="1"' in removed.text
    assert "parts.1._orig" not in removed.text
    bad = web.post(f"/edit/{OREBRO}", data={**values, "op": "add:person"}, headers=htmx(values))
    assert bad.status_code == 400


def test_save_writes_the_file_atomically_keeping_its_comments(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = (folder / UPPSALA).read_text("utf-8")
    values = form_of(web, UPPSALA)
    values["parts.0.monthly_salary"] = "47000"
    values["review_date"] = "2027-09-30"
    response = web.post(f"/save/{UPPSALA}", data=values, headers=htmx(values))
    assert response.status_code == 200, response.text
    assert "Sparat" in response.text
    after = (folder / UPPSALA).read_text("utf-8")
    assert comment_lines(after) == comment_lines(before)
    assert "monthly_salary: 47000               # kronor per månad för delen (vid 50 %)" in after
    assert "review_date: 2027-09-30" in after
    loaded = forenad.load(folder / UPPSALA)
    assert loaded.parts[0].monthly_salary == 47000
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary file left
    # The form that comes back is of the saved version: saving again is not refused as stale.
    again = form_of(web, UPPSALA)
    assert web.post(f"/save/{UPPSALA}", data=again, headers=htmx(again)).status_code == 200


def test_removing_a_part_and_saving_keeps_the_other_parts_comments(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from forenad.web.forms import remove_item

    values = form_of(web, UPPSALA)
    values = remove_item(values, "parts", 0)
    values["total_extent_percent"] = "50"
    values["cost_settlement.shares.0.part"] = "0"
    values = remove_item(values, "cost_settlement.shares", 1)
    values.pop("cost_settlement.invoicing.share_percent", None)
    response = web.post(f"/save/{UPPSALA}", data=values, headers=htmx(values))
    assert response.status_code == 200, response.text
    text = (folder / UPPSALA).read_text("utf-8")
    assert "# kronor per månad för delen (vid 50 %)" not in text  # the removed part's own comment
    assert "host: region-uppsala                # arbetet utförs och leds i regionen" in text
    assert len(forenad.load(folder / UPPSALA).parts) == 1


def test_an_invalid_form_is_not_saved_and_nothing_changes(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = (folder / OREBRO).read_bytes()
    values = form_of(web, OREBRO)
    values["parts.0.extent_percent"] = "0"
    response = web.post(f"/save/{OREBRO}", data=values, headers=htmx(values))
    assert response.status_code == 422
    assert response.headers["hx-retarget"] == "#save-status"
    assert "Inte sparat" in response.text
    assert (folder / OREBRO).read_bytes() == before


def test_a_file_changed_on_disk_is_not_overwritten_and_the_users_version_can_be_downloaded(
    web,  # type: ignore[no-untyped-def]
    folder: Path,
) -> None:
    values = form_of(web, OREBRO)
    values["parts.0.monthly_salary"] = "30000"
    path = folder / OREBRO
    changed_elsewhere = path.read_text("utf-8").replace("manager: Prefekt", "manager: Prefekt (ny)")
    path.write_text(changed_elsewhere, "utf-8")
    response = web.post(f"/save/{OREBRO}", data=values, headers=htmx(values))
    assert response.status_code == 409
    assert "har ändrats på disk" in response.text
    assert path.read_text("utf-8") == changed_elsewhere  # lost nothing of the other change
    download = web.post(f"/download/{OREBRO}", data=values)
    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    mine = download.text
    assert "monthly_salary: 30000" in mine
    assert comment_lines(mine) == comment_lines(changed_elsewhere)


def test_a_form_post_without_the_csrf_token_is_refused(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = (folder / OREBRO).read_bytes()
    values = form_of(web, OREBRO)
    values["csrf"] = "not-the-token"
    assert web.post(f"/save/{OREBRO}", data=values).status_code == 403
    values.pop("csrf")
    assert web.post(f"/save/{OREBRO}", data=values).status_code == 403
    assert (folder / OREBRO).read_bytes() == before


def test_a_post_from_another_origin_is_refused_before_anything_is_read(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = (folder / OREBRO).read_bytes()
    values = form_of(web, OREBRO)
    values["parts.0.monthly_salary"] = "1"
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Referer": "http://evil.example/page"},
        {"Sec-Fetch-Site": "cross-site"},
    ):
        response = web.post(f"/save/{OREBRO}", data=values, headers={**htmx(values), **headers})
        assert response.status_code == 403, headers
    same = web.post(
        f"/save/{OREBRO}", data=values, headers={**htmx(values), "Origin": "http://127.0.0.1:8000"}
    )
    assert same.status_code == 200
    assert (folder / OREBRO).read_bytes() != before


# --------------------------------------------------------------------------------------------------------
# Personnummer


def test_a_personnummer_is_never_in_a_page_and_is_kept_on_save(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    path = folder / OREBRO
    path.write_text(
        path.read_text("utf-8").replace("  birth_year: 1989\n", f"  personnummer: {PNR}\n"), "utf-8"
    )
    page = web.get(f"/a/{OREBRO}").text
    assert PNR not in page and "191212121212" not in page
    assert "19121212-****" in page
    values = form_of(web, OREBRO)
    assert "person.personnummer" not in values
    values["person.name"] = "Sofia Berg"
    saved = web.post(f"/save/{OREBRO}", data=values, headers=htmx(values))
    assert saved.status_code == 200 and PNR not in saved.text
    text = path.read_text("utf-8")
    assert f"personnummer: {PNR}" in text and "name: Sofia Berg" in text
    # A new one typed in replaces it; the page never echoes it.
    values = form_of(web, OREBRO)
    values["person.personnummer"] = "20080816-0120"
    checked = web.post(f"/check/{OREBRO}", data=values, headers=htmx(values))
    assert "20080816-0120" not in checked.text


def test_masking_leaves_organisation_numbers_dates_and_amounts() -> None:
    from forenad.web.security import mask_personnummer

    assert mask_personnummer("pnr 19121212-1212 och 121212-1212, 191212121212") == (
        "pnr 19121212-**** och 121212-****, 19121212****"
    )
    assert mask_personnummer("202100-2932, 2026-01-01, 46000 kr, 1234567890") == (
        "202100-2932, 2026-01-01, 46000 kr, 1234567890"
    )
    assert mask_personnummer("samordningsnummer 19121272-1219") == "samordningsnummer 19121272-****"


def test_the_log_filter_masks_personnummer() -> None:
    import logging

    from forenad.web.security import MaskingFilter

    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, "", 0, '%s "%s"', ("127.0.0.1", "GET /a/19121212-1212.yaml"), None
    )
    MaskingFilter().filter(record)
    assert "1212.yaml" not in record.getMessage() and "19121212-****" in record.getMessage()


# --------------------------------------------------------------------------------------------------------
# The folder's boundary and the guard


def test_only_files_inside_the_folder_can_be_read(web, folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "hemlig.yaml"
    secret.write_text((folder / OREBRO).read_text("utf-8"), "utf-8")
    os.symlink(secret, folder / "lank.yaml")
    (folder / "under").mkdir()
    for bad in (
        "../hemlig.yaml",
        "..%2Fhemlig.yaml",
        "lank.yaml",
        "/etc/passwd",
        "under/../../hemlig.yaml",
        ".dold.yaml",
        "x.txt",
    ):
        assert web.get(f"/a/{bad}").status_code == 404, bad
    assert "lank.yaml" not in web.get("/").text  # a link that leads out is not listed either


def test_the_folder_boundary_helper() -> None:
    from forenad.web.security import OutsideFolder, inside

    root = Path(__file__).resolve().parent.parent / "examples"
    assert inside(root, OREBRO) == root / OREBRO
    for bad in ("", "../README.md", "a\\b.yaml", "x\x00.yaml", "/x.yaml", ".x.yaml", "saknas.yaml"):
        with pytest.raises(OutsideFolder):
            inside(root, bad)


def test_another_host_name_is_refused(folder: Path) -> None:
    from fastapi.testclient import TestClient

    from forenad.web import Settings, create_app

    rebinding = TestClient(create_app(Settings(folder=folder)), base_url="http://evil.example:8000")
    assert rebinding.get("/").status_code == 400


def test_with_a_token_the_browser_gets_a_cookie_from_the_printed_address(folder: Path) -> None:
    token = "k" * 32
    web = client(folder, host="0.0.0.0", token=token)
    assert web.get("/").status_code == 401
    first = web.get(f"/?token={token}", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/"
    assert "HttpOnly" in first.headers["set-cookie"]
    assert web.get("/").status_code == 200
    assert client(folder, host="0.0.0.0", token=token).get("/?token=wrong").status_code == 401


def test_security_headers(web) -> None:  # type: ignore[no-untyped-def]
    response = web.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert "SameSite=Strict" in response.headers["set-cookie"]


def test_user_text_is_escaped(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    path = folder / OREBRO
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^title: .*$", 'title: "<script>alert(1)</script>"', text, flags=re.M), "utf-8")
    for page in (web.get("/").text, web.get(f"/a/{OREBRO}").text):
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_upload_adds_a_valid_file_and_refuses_an_existing_name(web, folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    token = csrf_of(web.get("/").text)
    content = (folder / OREBRO).read_bytes()
    response = web.post(
        "/upload", data={"csrf": token}, files={"file": ("ny.yaml", content, "application/yaml")}
    )
    assert response.status_code == 200 and (folder / "ny.yaml").read_bytes() == content
    again = web.post(
        "/upload", data={"csrf": token}, files={"file": ("ny.yaml", content, "application/yaml")}
    )
    assert again.status_code == 422 and "finns redan" in again.text
    bad = web.post(
        "/upload", data={"csrf": token}, files={"file": ("../x.yaml", b"id: 1\n", "application/yaml")}
    )
    assert bad.status_code == 422 and not (tmp_path / "x.yaml").exists()


# --------------------------------------------------------------------------------------------------------
# Guided questions, drafts, compare


def test_guided_questions_one_screen_at_a_time_write_a_commented_file(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    start = web.get("/new", follow_redirects=False)
    assert start.status_code == 303
    url = start.headers["location"]
    page = web.get(url).text
    assert 'name="key" value="model"' in page and 'type="radio"' in page
    token = csrf_of(page)
    answers = {
        "model": "forenad_tva_anstallningar",
        "id": "TEST-2026-1",
        "employer.1.name": "Uppsala universitet",
        "employer.2.name": "Region Uppsala",
        "person.name": "Test Person",
        "person.birth": PNR,
        "start_date": "2026-09-01",
        "part.1.monthly_salary": "40 000",
        "part.2.monthly_salary": "45000",
    }
    screens = 0
    seen_refusal = False
    while True:
        key = re.search(r'name="key" value="([^"]+)"', page)
        if key is None:
            break
        screens += 1
        assert screens < 80
        name = key.group(1)
        if name == "part.1.extent_percent" and not seen_refusal:
            response = web.post(url, data={"csrf": token, "key": name, "answer": "150", "action": "next"})
            assert response.status_code == 422 and "värdet får vara högst 100" in response.text
            seen_refusal = True
            page = response.text
            continue
        default = re.search(r'name="answer" value="([^"]*)"', page)
        checked = re.search(r'name="answer" value="([^"]*)" checked', page)
        answer = answers.get(name, (checked or default).group(1) if (checked or default) else "")
        response = web.post(url, data={"csrf": token, "key": name, "answer": answer, "action": "next"})
        assert response.status_code == 200, (name, response.text[-2000:])
        page = response.text
        assert PNR not in page
    assert seen_refusal and screens > 20
    assert "19121212-****" in page
    written = web.post(
        f"{url}/write", data={"csrf": token, "file_name": "test-2026-1.yaml"}, follow_redirects=False
    )
    assert written.status_code == 303 and written.headers["location"].startswith("/a/test-2026-1.yaml")
    text = (folder / "test-2026-1.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    agreement = forenad.load(folder / "test-2026-1.yaml")
    assert agreement.id == "TEST-2026-1" and agreement.parts[0].monthly_salary == 40000
    assert str(agreement.person.personnummer) == PNR


def test_guided_back_removes_the_last_answer(web) -> None:  # type: ignore[no-untyped-def]
    url = web.get("/new", follow_redirects=False).headers["location"]
    token = csrf_of(web.get(url).text)
    page = web.post(url, data={"csrf": token, "key": "model", "answer": "tjanstekop", "action": "next"}).text
    assert 'name="key" value="id"' in page
    back = web.post(url, data={"csrf": token, "action": "back"}).text
    assert 'name="key" value="model"' in back
    assert web.get("/new/unknown-session").status_code == 404


def test_draft_page_downloads_a_word_document(web) -> None:  # type: ignore[no-untyped-def]
    import docx

    page = web.get(f"/draft/{UPPSALA}")
    assert page.status_code == 200 and "samverkansavtal-forenad" in page.text
    token = csrf_of(page.text)
    response = web.post(
        f"/draft/{UPPSALA}",
        data={"csrf": token, "template": "samverkansavtal-forenad", "on": "2026-06-01", "draft_lang": "sv"},
    )
    assert response.status_code == 200
    assert (
        "uppsala-professor-overlakare.samverkansavtal-forenad.docx" in response.headers["content-disposition"]
    )
    document = docx.Document(io.BytesIO(response.content))
    assert any("Uppsala universitet" in p.text for p in document.paragraphs)


def test_compare_two_agreements_and_download_xlsx_and_docx(web) -> None:  # type: ignore[no-untyped-def]
    query = f"files={UPPSALA}&files={OREBRO}&on=2026-06-01"
    page = web.get(f"/compare?{query}")
    assert page.status_code == 200 and 'class="compare"' in page.text
    assert page.text.count("<th>") > 10
    for kind in ("xlsx", "docx"):
        response = web.get(f"/compare?{query}&format={kind}")
        assert response.status_code == 200 and response.content[:2] == b"PK"
    recast = web.get(f"/compare?files={UPPSALA}&all_models=1&on=2026-06-01").text
    assert "utgångsläge" in recast
    assert web.get("/compare?files=../x.yaml&files=y.yaml").status_code == 404


def test_templates_and_static_files_are_in_the_package() -> None:
    from importlib.resources import files

    web = files("forenad.web")
    for name in ("base.html", "agreement.html", "_fields.html", "new.html", "portfolio.html"):
        assert (web / "templates" / name).is_file(), name
    for name in ("htmx.min.js", "htmx.LICENSE.txt", "app.css"):
        assert (web / "static" / name).is_file(), name
    import hashlib

    data = (web / "static" / "htmx.min.js").read_bytes()
    assert (
        hashlib.sha256(data).hexdigest() == "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"
    )


def test_draft_page_with_pdf_where_libreoffice_is_installed(web) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    from forenad.render.pdf import soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    page = web.get(f"/draft/{UPPSALA}")
    assert 'name="pdf"' in page.text
    data = {"csrf": csrf_of(page.text), "template": "samverkansavtal-forenad", "on": "2026-06-01", "pdf": "1"}
    response = web.post(f"/draft/{UPPSALA}", data=data)
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert [n.rsplit(".", 1)[1] for n in names] == ["docx", "pdf"]
    assert archive.read(names[1]).startswith(b"%PDF")


def test_survey_page_shows_the_councils_map_in_aggregates_only(web, folder: Path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    import docx
    from openpyxl import load_workbook

    html = web.get("/survey?on=2026-06-01").text
    survey = forenad.survey([folder], on=dt.date(2026, 6, 1))
    for table in survey.as_json("sv", operator=False)["tables"]:
        assert table["title"] in html
    assert "&lt; 3" in html  # seven agreements, one per model: every model's count is hidden
    for path in folder.glob("*.yaml"):
        agreement = forenad.load(path)
        assert agreement.person.name not in html and path.name not in html
    xlsx = web.get("/survey?on=2026-06-01&format=xlsx")
    assert xlsx.status_code == 200 and load_workbook(io.BytesIO(xlsx.content)).sheetnames
    report = web.get("/survey?on=2026-06-01&format=docx")
    assert report.status_code == 200 and docx.Document(io.BytesIO(report.content)).paragraphs
