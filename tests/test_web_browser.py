"""The web app in a real browser: Chromium from the distribution's packages (``apt-get install chromium``,
as ``.ci/run`` does), driven by Playwright, against the real server on a free loopback port over a folder of
copies of the examples. Nothing is downloaded: Playwright launches ``/usr/bin/chromium``.

Each main page is photographed into ``FORENAD_SCREENSHOTS`` (default: a folder under the system's temporary
directory, never the repository). The tests are skipped only when no Chromium is installed.
"""

from __future__ import annotations

import http.server
import io
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

from web_support import LiveServer, copy_examples, live_server  # noqa: E402

import forenad  # noqa: E402

CHROMIUM = next(
    (
        p
        for p in (os.environ.get("FORENAD_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"))
        if p and Path(p).exists()
    ),
    None,
)
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
OREBRO = "orebro-lektor-specialistsjukskoterska.yaml"
UPPSALA = "uppsala-professor-overlakare.yaml"
SHOTS = Path(os.environ.get("FORENAD_SCREENSHOTS") or Path(tempfile.gettempdir()) / "forenad-web-screenshots")


def shoot(page: Any, name: str, at: str | None = None) -> None:
    """A screenshot of the window (scrolled to ``at`` when given) and one of the whole page."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    if at is not None:
        page.locator(at).first.scroll_into_view_if_needed()
    # caret="initial": Playwright would otherwise add a style element, which the app's CSP refuses.
    page.screenshot(path=str(SHOTS / f"{name}.png"), caret="initial")
    page.screenshot(path=str(SHOTS / f"{name}.full.png"), full_page=True, caret="initial")


def comment_lines(text: str) -> list[str]:
    return [m.group(0).strip() for m in re.finditer(r"#.*$", text, re.MULTILINE)]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(copy_examples(tmp_path / "avtal")) as running:
        yield running


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    errors: list[str] = []
    opened = context.new_page()
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.set_default_timeout(20_000)
    try:
        yield opened
    finally:
        context.close()
    # The app's pages run under a strict CSP: nothing they do may be refused by it, and no script fails.
    assert not [e for e in errors if "Content Security Policy" in e or "Error" in e], errors


def test_portfolio_and_agreement_edit_save_with_comments(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/?on=2026-06-01")
    assert page.locator("table.portfolio tbody tr").count() == 7
    shoot(page, "01-portfolio")
    page.fill("input[name=q]", "örebro")
    expect(page.locator("table.portfolio tbody tr")).to_have_count(1)
    page.click(f"a[href^='/a/{OREBRO}']")
    page.wait_for_selector("#editor-form")
    shoot(page, "02-agreement")

    extent = page.locator("#f-parts-0-extent_percent")
    extent.fill("70")  # 70 + 50: more than the stated total of 100
    slot = page.locator("#slot-parts-0-extent_percent")
    slot.locator("text=Delarna summerar till 120 %").first.wait_for()
    assert "fel" in slot.inner_text().lower()
    page.locator("#results").locator("text=extent.sum_differs_from_total").wait_for()
    shoot(page, "03-agreement-error-next-to-field", at="#item-parts-0")

    extent.fill("50")
    expect(slot).not_to_contain_text("120")
    page.fill("#f-parts-0-monthly_salary", "27 000")
    page.click("#save")
    page.locator("#save-status").locator("text=Sparat").wait_for()
    shoot(page, "04-agreement-saved", at="#save-status")

    path = server.folder / OREBRO
    saved = path.read_text("utf-8")
    original = (Path(__file__).resolve().parent.parent / "examples" / OREBRO).read_text("utf-8")
    assert comment_lines(saved) == comment_lines(original)
    agreement = forenad.load(path)
    assert agreement.parts[0].extent_percent == 50 and agreement.parts[0].monthly_salary == 27000


def test_adding_a_part_in_the_browser(page: Any, server: LiveServer) -> None:
    page.goto(f"{server.url}/a/{OREBRO}")
    page.click("#list-parts > button.add")
    page.wait_for_selector("#item-parts-2")
    page.select_option("#f-parts-2-position", "sjukskoterska")
    page.fill("#f-parts-2-employer", "rol")
    page.fill("#f-parts-2-extent_percent", "10")
    page.fill("#f-parts-2-monthly_salary", "5000")
    page.locator("#slot-parts-2-extent_percent").locator("text=Delarna summerar").first.wait_for()
    page.click("#item-parts-2 > button.remove")
    page.wait_for_selector("#item-parts-2", state="detached")


def test_a_stale_file_is_not_overwritten(page: Any, server: LiveServer) -> None:
    page.goto(f"{server.url}/a/{OREBRO}")
    page.fill("#f-parts-1-monthly_salary", "26000")
    path = server.folder / OREBRO
    elsewhere = path.read_text("utf-8").replace("manager: Vårdenhetschef", "manager: Avdelningschef")
    path.write_text(elsewhere, "utf-8")
    page.click("#save")
    page.locator("#save-status").locator("text=har ändrats på disk").wait_for()
    shoot(page, "05-agreement-stale", at="#save-status")
    assert path.read_text("utf-8") == elsewhere
    assert page.input_value("#f-parts-1-monthly_salary") == "26000"  # the user's edit is still there
    with page.expect_download() as info:
        page.click("#save-status button")
    mine = Path(info.value.path()).read_text("utf-8")
    assert "monthly_salary: 26000" in mine  # the user's version: every value of the form
    assert comment_lines(mine) == comment_lines(elsewhere)


def test_guided_screens_create_an_agreement(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/new")
    shoot(page, "06-new-first-question")
    typed = {
        "id": "WEB-2026-7",
        "employer.1.name": "Örebro universitet",
        "employer.2.name": "Region Örebro län",
        "person.name": "Webb Person",
        "person.birth": "1980",
        "start_date": "2026-10-01",
        "part.1.monthly_salary": "30000",
        "part.2.monthly_salary": "31000",
    }
    for _ in range(80):
        if page.locator("#write").count():
            break
        key = page.get_attribute("input[name=key]", "value")
        assert key is not None
        if key in typed:
            page.fill("#answer", typed[key])
        if key == "person.name":
            shoot(page, "07-new-question")
        page.click("#next")
        page.wait_for_load_state()
    shoot(page, "08-new-done")
    page.fill("#file_name", "webb.yaml")
    page.click("#write")
    page.wait_for_url(re.compile(r"/a/webb\.yaml"))
    page.wait_for_selector("#editor-form")
    agreement = forenad.load(server.folder / "webb.yaml")
    assert agreement.id == "WEB-2026-7" and agreement.person.birth_year == 1980
    assert [p.monthly_salary for p in agreement.parts] == [30000, 31000]


def test_download_a_draft_and_open_it_with_python_docx(page: Any, server: LiveServer) -> None:
    import docx

    page.goto(f"{server.url}/draft/{UPPSALA}")
    shoot(page, "09-drafts")
    for box in page.locator("input[name=template]").all():
        if box.get_attribute("value") != "samverkansavtal-forenad":
            box.uncheck()
        else:
            box.check()
    with page.expect_download() as info:
        page.click("#make-draft")
    download = info.value
    assert download.suggested_filename.endswith(".samverkansavtal-forenad.docx")
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    assert any("Uppsala universitet" in p.text for p in document.paragraphs)


def test_other_main_pages_render(page: Any, server: LiveServer) -> None:
    page.goto(f"{server.url}/compare?files={UPPSALA}&files={OREBRO}&on=2026-06-01")
    assert page.locator("table.compare tbody tr").count() > 10
    shoot(page, "10-compare")
    page.goto(f"{server.url}/compare?files={UPPSALA}&all_models=1&on=2026-06-01")
    shoot(page, "11-compare-all-models")
    page.goto(server.url + "/changes?from=2026-12-31&to=2027-01-01")
    shoot(page, "12-changes")
    page.goto(server.url + "/params?on=2027-06-01")
    shoot(page, "13-params")
    page.goto(server.url + "/survey?on=2026-06-01")
    assert page.locator("section.survey-table").count() > 5
    shoot(page, "16-survey")
    page.goto(server.url + "/api/docs")
    shoot(page, "14-api-docs")
    page.click("a.lang")
    page.wait_for_selector("text=HTTP API for HR systems")
    page.goto(f"{server.url}/a/{UPPSALA}")
    page.wait_for_selector("text=Extent (%)")
    shoot(page, "15-agreement-english")


class _Evil(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_GET(self) -> None:
        body = f"""<!doctype html><html><body>
<form id="f" method="post" action="{self.target}/save/{OREBRO}">
<input name="parts.0.monthly_salary" value="1"><input name="csrf" value="guess"></form>
<script>
fetch("{self.target}/api/check", {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain"}},
  body: "{{}}"}}).finally(() => document.getElementById("f").submit());
</script></body></html>""".encode()
        self.send_response(200)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_request_from_another_origin_is_refused(page: Any, server: LiveServer) -> None:
    before = (server.folder / OREBRO).read_bytes()
    _Evil.target = server.url
    evil = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Evil)
    thread = threading.Thread(target=evil.serve_forever, daemon=True)
    thread.start()
    try:
        with page.expect_response(lambda r: "/save/" in r.url) as info:
            page.goto(f"http://localhost:{evil.server_address[1]}/")
        assert info.value.status == 403
        assert "annan webbplats" in info.value.text()
    finally:
        evil.shutdown()
    assert (server.folder / OREBRO).read_bytes() == before
