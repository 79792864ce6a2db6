"""Shared helpers of the web tests: a folder with copies of the examples, an in-process client, the form
values of an agreement page, and a real server on a free loopback port for the browser tests."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import EXAMPLE_PATHS

BASE = "http://127.0.0.1:8000"


def copy_examples(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in EXAMPLE_PATHS:
        shutil.copy(path, folder / path.name)
    return folder


def client(folder: Path, **settings: Any) -> Any:
    from fastapi.testclient import TestClient

    from forenad.web import Settings, create_app

    return TestClient(create_app(Settings(folder=folder, **settings)), base_url=BASE)


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF field in the page"
    return match.group(1)


def form_of(client: Any, file: str, on: str = "2026-06-01") -> dict[str, str]:
    """The values an agreement page's form posts, as the browser would send them."""
    from forenad.web.editor import read
    from forenad.web.forms import values_of

    page = client.get(f"/a/{file}?on={on}")
    assert page.status_code == 200, page.text
    folder = Path(client.app.app.state.forenad.settings.folder)
    disk = read(folder / file)
    values = values_of(disk.data)
    values.update(
        csrf=csrf_of(page.text),
        _base_sha256=disk.version.sha256,
        _base_mtime=str(disk.version.mtime_ns),
        _on=on,
    )
    return values


def htmx(values: dict[str, str]) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": values["csrf"]}


def slot(html: str, path: str) -> str:
    """The text of the message slot next to the field ``path`` in a page or fragment."""
    dom = path.replace(".", "-")
    match = re.search(rf'<div class="slot" id="slot-{re.escape(dom)}"[^>]*>(.*?)</div>', html, re.S)
    assert match, f"no slot for {path}"
    return re.sub(r"<[^>]+>", "", match.group(1))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    folder: Path
    port: int


@contextmanager
def live_server(folder: Path, **settings: Any) -> Iterator[LiveServer]:
    """The real app on uvicorn in a thread, on a free port of 127.0.0.1, until the block ends."""
    import uvicorn

    from forenad.web import Settings, create_app

    port = free_port()
    app = create_app(Settings(folder=folder, port=port, **settings))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", folder, port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
