"""Hardening, round two (issue 21), items 5, 6 and 10: nothing half-written, environment errors, the umask.

5. An agreement's files (each document's ``.docx``, PDF and provenance) appear whole or not at all
   (:func:`forenad.fileset.write_set`): a full disk at any write, a failing link or rename, Ctrl-C, leave
   nothing (and put back what ``--force`` was replacing), and the report says nothing was written. SIGTERM
   ends the command with its temporary files and LibreOffice; a SIGKILLed run's leftovers are rolled back
   by the next run, which is never refused for them.
6. A read-only folder, a directory where a file should go, a full disk, a control character in ``compare
   --format docx``, ``.nan`` in a parameter file: exit 2 with a message naming the path, never 3.
10. Drafts and reports get ``0o666 & ~umask``; temporary files are ``0o600`` until they take their names.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import forenad
import forenad.fileset as fileset
from forenad.cli.app import app
from forenad.files import OutputError, OutputExists, file_mode, owner_token, write_atomic
from forenad.fileset import recover_stale, write_set

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
OREBRO = ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml"
STEM = "uppsala-professor-overlakare"
OUTPUTS = sorted(
    f"{STEM}.{name}"
    for name in (
        "samverkansavtal-forenad.docx",
        "samverkansavtal-forenad.provenance.json",
        "anstallningsbevis-uu.docx",
        "anstallningsbevis-uu.provenance.json",
    )
)
ON = "2026-06-01"
runner = CliRunner()
CLI = [sys.executable, "-c", "import sys; from forenad.cli import main; sys.argv[0] = 'forenad'; main()"]


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, " ".join(result.output.split())


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


@pytest.fixture(autouse=True)
def _no_disk_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk cache writes through ``os.fdopen`` too (when it is cold): off here, so the ``n``-th write
    is always the ``n``-th write of the drafts, whatever earlier tests left in the cache."""
    monkeypatch.setenv("FORENAD_CACHE", "0")


class FailingWrites:
    """``os.fdopen`` handles whose ``write`` raises ``OSError(ENOSPC)`` on the ``n``-th call overall."""

    def __init__(self, n: int, code: int = errno.ENOSPC) -> None:
        self.n, self.code, self.calls = n, code, 0
        self.real = os.fdopen

    def __call__(self, fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = self.real(fd, *args, **kwargs)
        original = handle.write

        def write(data: Any) -> int:
            self.calls += 1
            if self.calls == self.n:
                raise OSError(self.code, os.strerror(self.code))
            return int(original(data))

        handle.write = write
        return handle


# --- 5. whole or not at all ---------------------------------------------------------------------------


@pytest.mark.parametrize("nth", [1, 2, 3, 4, 5])
def test_a_full_disk_at_any_write_leaves_nothing_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int
) -> None:
    out = tmp_path / "ut"
    monkeypatch.setattr(os, "fdopen", FailingWrites(nth))
    code, output = run("draft", UPPSALA, "-o", out, "--on", ON, "--jobs", "1")
    monkeypatch.undo()
    assert code == 2, output
    assert "inget skrivet" in output and "disken är full" in output and str(out) in output
    assert names(out) == []  # no file of the set, no stage, no temporary file


def test_a_full_disk_in_a_batch_fails_only_that_agreement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ut"
    monkeypatch.setattr(os, "fdopen", FailingWrites(2))
    code, output = run("draft", UPPSALA, OREBRO, "-o", out, "--on", ON, "--jobs", "1")
    monkeypatch.undo()
    assert code == 2, output
    assert "1 klart, 0 överhoppade, 1 misslyckat" in output
    assert names(out) and all(name.startswith("orebro") for name in names(out))


def _fail_on(name: str, nth: int, exc: BaseException) -> Callable[..., Any]:
    real = getattr(os, name)
    calls = [0]

    def call(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == nth:
            raise exc
        return real(*args, **kwargs)

    return call


FILES = {f"avtal.{i}.docx": bytes([i]) * (100 + i) for i in range(4)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    point=st.sampled_from(["write", "link", "replace", "chmod", "fsync", "mkdtemp"]),
    nth=st.integers(1, 6),
    kind=st.sampled_from(["ENOSPC", "EIO", "EROFS", "KeyboardInterrupt"]),
    existing=st.booleans(),
    force=st.booleans(),
)
def test_a_set_is_whole_or_absent_whatever_fails(
    tmp_path_factory: pytest.TempPathFactory, point: str, nth: int, kind: str, existing: bool, force: bool
) -> None:
    """The property: after a failure at any point of :func:`write_set`, the folder holds exactly what it
    held before (with ``force``, the replaced files' old content) or the whole new set, never a part of it,
    and no temporary file; the error is an :class:`OutputError`, or the interrupt itself."""
    out = tmp_path_factory.mktemp("set")
    before = {name: b"old " + name.encode() for name in list(FILES)[:2]} if existing else {}
    for name, data in before.items():
        (out / name).write_bytes(data)
    exc: BaseException = (
        KeyboardInterrupt() if kind == "KeyboardInterrupt" else OSError(getattr(errno, kind), kind)
    )
    mp = pytest.MonkeyPatch()
    if point == "write":
        mp.setattr(os, "fdopen", FailingWrites(nth, getattr(errno, kind, errno.EIO)))
    elif point == "mkdtemp":
        import tempfile

        mp.setattr(tempfile, "mkdtemp", _fail_on_mkdtemp(exc))
    else:
        mp.setattr(os, point, _fail_on(point, nth, exc))
    try:
        write_set(out, FILES, force=force)
        failed = None
    except BaseException as caught:
        failed = caught
    finally:
        mp.undo()
    present = {p.name: p.read_bytes() for p in out.iterdir()}
    if failed is None:
        assert present == FILES | ({} if force else before) or present == FILES, present.keys()
    else:
        assert isinstance(failed, OutputError | KeyboardInterrupt), repr(failed)
        assert present == before, (point, nth, kind, sorted(present))


def _fail_on_mkdtemp(exc: BaseException) -> Callable[..., Any]:
    def mkdtemp(*args: Any, **kwargs: Any) -> str:
        raise exc

    return mkdtemp


def test_force_restores_the_replaced_files_when_the_set_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ut"
    code, _ = run("draft", UPPSALA, "-o", out, "--on", ON)
    assert code == 0
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    monkeypatch.setattr(os, "replace", _fail_on("replace", 3, OSError(errno.EIO, "I/O error")))
    code, output = run("draft", UPPSALA, "-o", out, "--on", "2026-07-01", "--force", "--jobs", "1")
    monkeypatch.undo()
    assert code == 2, output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def _killed_run(out: Path, kill_after: int, *extra: str) -> subprocess.CompletedProcess[str]:
    """``forenad draft`` in a child that SIGKILLs itself right after giving its ``kill_after``-th name."""
    script = (
        "import os, signal, sys\n"
        "import forenad.fileset as fs\n"
        "real = fs._place\n"
        "count = [0]\n"
        "def place(*args, **kwargs):\n"
        "    real(*args, **kwargs)\n"
        "    count[0] += 1\n"
        f"    if count[0] == {kill_after}:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "fs._place = place\n"
        "from forenad.cli import main\n"
        "sys.argv = ['forenad', *sys.argv[1:]]\n"
        "main()\n"
    )
    command = [sys.executable, "-c", script, "draft", str(UPPSALA), "-o", str(out), "--on", ON, "--jobs", "1"]
    return subprocess.run([*command, *extra], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kill_after", [1, 3])
def test_a_sigkilled_run_never_blocks_the_next(tmp_path: Path, kill_after: int) -> None:
    out = tmp_path / "ut"
    result = _killed_run(out, kill_after)
    assert result.returncode == -signal.SIGKILL
    left = names(out)
    assert any(name.endswith(".stage") for name in left), left  # the killed run's stage, and some files
    assert len([n for n in left if n in OUTPUTS]) == kill_after

    code, output = run("draft", UPPSALA, "-o", out, "--on", ON)  # no --force: never refused
    assert code == 0, output
    assert names(out) == OUTPUTS  # whole, and nothing of the killed run left


def test_a_sigkilled_forced_run_puts_the_old_files_back(tmp_path: Path) -> None:
    out = tmp_path / "ut"
    assert run("draft", UPPSALA, "-o", out, "--on", ON)[0] == 0
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    result = _killed_run(out, 2, "--force")
    assert result.returncode == -signal.SIGKILL
    recover_stale(out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leftover_temporary_files_are_recognised_never_outputs(tmp_path: Path) -> None:
    host = owner_token().rsplit("-", 1)[0]
    out = tmp_path / "ut"
    out.mkdir()
    dead = out / f".{STEM}.samverkansavtal-forenad.docx.forenad-{host}-{_dead_pid()}-abc123.part"
    dead.write_bytes(b"half")
    live = out / f".x.docx.forenad-{host}-{os.getppid()}-def456.part"
    live.write_bytes(b"someone else's, still running")
    remote = out / ".x.docx.forenad-annanvard-1-ghi789.part"
    remote.write_bytes(b"another machine's")
    old = out / ".y.docx.forenad-annanvard-2-jkl012.part"
    old.write_bytes(b"another machine's, two days old")
    os.utime(old, (time.time() - 2 * 86400,) * 2)

    code, output = run("draft", UPPSALA, "-o", out, "--on", ON)
    assert code == 0, output
    assert not dead.exists() and not old.exists()
    assert live.exists() and remote.exists()
    assert sorted(set(names(out)) - {live.name, remote.name}) == OUTPUTS


FAKE_SOFFICE = """#!/bin/sh
echo $$ > "{pids}/soffice"
sleep 120 &
echo $! > "{pids}/child"
wait
"""


def test_sigterm_during_pdf_removes_staged_drafts_and_ends_libreoffice(tmp_path: Path) -> None:
    pids, tmp, out = tmp_path / "pids", tmp_path / "tmp", tmp_path / "ut"
    pids.mkdir()
    tmp.mkdir()
    fake = tmp_path / "soffice"
    fake.write_text(FAKE_SOFFICE.format(pids=pids), encoding="utf-8")
    fake.chmod(0o755)
    env = os.environ | {"FORENAD_SOFFICE": str(fake), "TMPDIR": str(tmp)}
    command = [*CLI, "draft", str(UPPSALA), str(OREBRO), "-o", str(out), "--pdf", "--on", ON, "--jobs", "1"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):
            if (pids / "child").exists() and (pids / "child").read_text().strip():
                break
            time.sleep(0.1)
        else:
            pytest.fail("the fake LibreOffice never started")
        assert any(tmp.rglob("*.docx"))  # drafts staged for the PDF conversion, names and salaries in them
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signal.SIGTERM, err
    assert not list(tmp.iterdir()), list(tmp.rglob("*"))  # no staged draft, no profile left
    assert names(out) == []
    for name in ("soffice", "child"):
        pid = int((pids / name).read_text())
        for _ in range(50):
            if not _alive(pid):
                break
            time.sleep(0.1)
        assert not _alive(pid), f"{name} ({pid}) still runs"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not reaped by its parent) has ended
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


# --- 6. environment errors are input errors ------------------------------------------------------------


def test_a_directory_where_a_file_should_go(tmp_path: Path) -> None:
    out = tmp_path / "ut"
    blocker = out / OUTPUTS[2]
    blocker.mkdir(parents=True)
    (blocker / "behåll.txt").write_text("viktigt", encoding="utf-8")
    code, output = run("draft", UPPSALA, "-o", out, "--on", ON)
    assert code == 2 and "--force" in output, output
    code, output = run("draft", UPPSALA, "-o", out, "--on", ON, "--force")
    assert code == 2, output
    assert "är en katalog" in output and OUTPUTS[2] in output
    assert names(out) == [OUTPUTS[2]] and (blocker / "behåll.txt").read_text(encoding="utf-8") == "viktigt"


def test_an_output_folder_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    code, output = run("draft", UPPSALA, "-o", tmp_path / "fil" / "ut", "--on", ON)
    assert code == 2, output
    assert "ingen katalog" in output


READ_ONLY = [errno.EROFS, errno.EACCES]


@pytest.mark.parametrize("code", READ_ONLY)
def test_a_read_only_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Simulated (the tests may run as root, who may write anywhere): making the stage fails."""
    import tempfile

    out = tmp_path / "ut"
    out.mkdir()

    def refuse(*args: Any, **kwargs: Any) -> str:
        raise OSError(code, os.strerror(code), str(out))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    exit_code, output = run("draft", UPPSALA, "-o", out, "--on", ON, "--jobs", "1")
    monkeypatch.undo()
    assert exit_code == 2, output
    assert str(out) in output and ("skrivskyddat" in output or "behörighet" in output)
    assert names(out) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_output_folder_for_real(tmp_path: Path) -> None:
    out = tmp_path / "ut"
    out.mkdir()
    out.chmod(0o555)
    try:
        code, output = run("draft", UPPSALA, "-o", out, "--on", ON)
        assert code == 2 and "behörighet" in output, output
        code, output = run("compare", UPPSALA, "--format", "md", "-o", out / "j.md")
        assert code == 2 and "behörighet" in output, output
    finally:
        out.chmod(0o755)


@pytest.mark.parametrize("command", ["schema", "compare", "changes"])
def test_reports_into_a_directory_exit_2(tmp_path: Path, command: str) -> None:
    target = tmp_path / "katalog"
    target.mkdir()
    args = {
        "schema": ["schema", "-o", target, "--force"],
        "compare": ["compare", UPPSALA, "--format", "md", "-o", target, "--force"],
        "changes": ["changes", UPPSALA, "--from", "2026-06-01", "--format", "json", "-o", target, "--force"],
    }[command]
    code, output = run(*args)
    assert code == 2, output


def test_the_console_script_turns_an_environment_oserror_into_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "katalog"
    target.mkdir()
    result = subprocess.run([*CLI, "schema", "-o", str(target), "--force"], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert str(target) in result.stderr and "internt fel" not in result.stderr


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "md", "text", "json", "survey docx", "survey xlsx"])
def test_a_control_character_in_a_compared_agreement(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "avtal.yaml"
    text = UPPSALA.read_text(encoding="utf-8")
    text = text.replace("  name: Karin Ekholm", '  name: "Karin\\e[31mEkholm\\a"', 1)
    uu = "  - id: uu\n    name: Uppsala universitet"
    source.write_text(text.replace(uu, '  - id: uu\n    name: "Uppsala\\euniversitet"', 1), encoding="utf-8")
    assert "\x1b" in forenad.load(source).person.name and "\x1b" in forenad.load(source).employers[0].name
    command, _, fmt = fmt.rpartition(" ")
    args: list[object] = [command or "compare", source, "--format", fmt, "--on", ON]
    if command:  # the survey: organisations by name, every cell shown
        args.append("--internal-unsuppressed")
    if fmt in ("docx", "xlsx"):
        args += ["-o", tmp_path / f"j.{fmt}"]
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code in (0, 1), (result.output, result.exception)
    assert "\x1b" not in result.output and "\x07" not in result.output
    if fmt == "docx" and not command:
        import docx

        document = docx.Document(str(tmp_path / "j.docx"))
        assert any("Karin␛[31mEkholm␇" in p.text for p in document.paragraphs)


NAN_CASES = {".nan": ".nan", ".inf": ".inf", "-.inf": "-.Inf", "in a list": "[1, .nan]"}


@pytest.mark.parametrize("case", sorted(NAN_CASES))
def test_nan_or_inf_in_a_parameter_file(tmp_path: Path, case: str) -> None:
    params = tmp_path / "parametrar"
    shutil.copytree(ROOT / "rules" / "parameters", params)
    path = params / "inkomstbasbelopp.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines) if text.strip() == "value: 80600")
    lines[line] = f"    value: {NAN_CASES[case]}"
    path.write_text("\n".join(lines), encoding="utf-8")
    for extra in ([], ["--format", "json"], ["--facts"]):
        code, output = run("check", UPPSALA, "--params", params, "--on", "2025-06-01", *extra)
        assert code == 2, output
        assert f"inkomstbasbelopp.yaml:{line + 1}" in output and "values.2025-01-01.value" in output


def test_nan_in_an_overlay(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "inkomstbasbelopp.yaml").write_text(
        "values:\n  2027-01-01:\n    value: .nan\n    refs: [{kind: other, id: x}]\n", encoding="utf-8"
    )
    code, output = run("check", UPPSALA, "--params-overlay", overlay, "--on", "2027-06-01")
    assert code == 2, output
    assert "inkomstbasbelopp.yaml:3" in output


# --- 10. the umask ------------------------------------------------------------------------------------


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    old = os.umask(0o022)
    os.umask(old)
    yield lambda mask: os.umask(mask) and None
    os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_drafts_and_reports_respect_the_umask(
    tmp_path: Path, umask: Callable[[int], None], mask: int
) -> None:
    umask(mask)
    out = tmp_path / "ut"
    assert run("draft", UPPSALA, "-o", out, "--on", ON)[0] == 0
    assert run("compare", UPPSALA, "--format", "xlsx", "-o", tmp_path / "j.xlsx")[0] == 0
    assert run("schema", "-o", tmp_path / "schema.json")[0] == 0
    files = [*out.iterdir(), tmp_path / "j.xlsx", tmp_path / "schema.json"]
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, (path.name, oct(path.stat().st_mode))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mask=st.integers(0, 0o777))
def test_every_umask_gives_its_mode(tmp_path_factory: pytest.TempPathFactory, mask: int) -> None:
    out = tmp_path_factory.mktemp("mode")
    old = os.umask(mask)
    try:
        assert file_mode() == 0o666 & ~mask
        paths = write_set(out / "set", {"a.docx": b"a", "a.provenance.json": b"{}"})
        paths.append(write_atomic(out / "r.json", b"{}"))
    finally:
        os.umask(old)
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_temporary_files_are_private_until_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, int]] = []
    real_place = fileset._place

    def place(stage: Path, name: str, target: Path, force: bool) -> None:
        seen.append(("stage", stat.S_IMODE(stage.stat().st_mode)))
        seen.append((name, stat.S_IMODE((stage / name).stat().st_mode)))
        real_place(stage, name, target, force)

    monkeypatch.setattr(fileset, "_place", place)
    old = os.umask(0o000)
    try:
        write_set(tmp_path, {"a.docx": b"a", "b.docx": b"b"})
    finally:
        os.umask(old)
    assert ("stage", 0o700) in seen and ("a.docx", 0o600) in seen and ("b.docx", 0o600) in seen
    assert stat.S_IMODE((tmp_path / "a.docx").stat().st_mode) == 0o666


def test_output_exists_is_still_an_oserror_and_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"x")
    with pytest.raises(OutputExists) as caught:
        write_set(tmp_path, {"a.docx": b"y"})
    assert isinstance(caught.value, FileExistsError) and "a.docx" in str(caught.value)
    assert (tmp_path / "a.docx").read_bytes() == b"x" and names(tmp_path) == ["a.docx"]


def test_library_draft_writes_the_set_and_json_is_intact(tmp_path: Path) -> None:
    paths = forenad.draft(UPPSALA, tmp_path, on=__import__("datetime").date(2026, 6, 1))
    assert sorted(p.name for p in paths) == OUTPUTS == names(tmp_path)
    for path in paths:
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        else:
            zipfile.ZipFile(io.BytesIO(path.read_bytes())).testzip()
