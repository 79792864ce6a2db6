"""``forenad serve`` as a user runs it: it prints its address, answers, needs a token off loopback, and stops
with Ctrl-C."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from web_support import copy_examples, free_port

CLI = [sys.executable, "-c", "from forenad.cli import main; main()"]


def start(folder: Path, *args: str) -> tuple[subprocess.Popen[str], list[str], float]:
    began = time.monotonic()
    process = subprocess.Popen(
        [*CLI, "serve", str(folder), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    lines = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if "Ctrl-C" in line:
            return process, lines, time.monotonic() - began
    process.kill()
    raise AssertionError(
        f"forenad serve did not start: {lines} {process.stderr.read() if process.stderr else ''}"
    )


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def stop(process: subprocess.Popen[str]) -> int:
    process.send_signal(signal.SIGINT)  # Ctrl-C
    try:
        return process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()


def test_serve_prints_its_address_answers_and_stops_with_ctrl_c(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "avtal")
    port = free_port()
    process, lines, _ = start(folder, "--port", str(port))
    try:
        assert f"  http://127.0.0.1:{port}/" in lines
        status, html = get(f"http://127.0.0.1:{port}/")
        assert status == 200 and "uppsala-professor-overlakare.yaml" in html
    finally:
        code = stop(process)
    assert code == 0


def test_serve_off_loopback_makes_a_token_and_prints_it_once(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "avtal")
    port = free_port()
    process, lines, _ = start(folder, "--host", "0.0.0.0", "--port", str(port))
    try:
        [address] = [line for line in lines if "?token=" in line]
        token = address.split("?token=", 1)[1]
        assert len(token) >= 24
        assert get(f"http://127.0.0.1:{port}/api/schema")[0] == 401
        status, body = get(f"http://127.0.0.1:{port}/api/schema", {"Authorization": f"Bearer {token}"})
        assert status == 200 and json.loads(body)["title"] == "forenad agreement"
    finally:
        stop(process)


def test_serve_refuses_a_folder_that_does_not_exist_and_a_short_token(tmp_path: Path) -> None:
    missing = subprocess.run(
        [*CLI, "serve", str(tmp_path / "saknas")], capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 2 and "saknas" in missing.stderr
    short = subprocess.run(
        [*CLI, "serve", str(tmp_path), "--token", "kort"], capture_output=True, text=True, timeout=60
    )
    assert short.returncode == 2 and "16" in short.stderr
