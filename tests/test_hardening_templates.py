"""Hardening (issue 8), templates: macros, zip bombs, files that are not zips, and symbolic links.

Every refused template stops ``forenad draft`` with exit 2 before anything is written, and
``forenad templates check`` reports it with exit 2; the message says what is wrong.

Decision on a symlinked template: a link to a regular file is followed (it is the user's own choice of file,
and reading grants nothing the user could not read anyway); anything that is not a regular file behind the
link — a device such as ``/dev/zero``, a pipe, a directory, a dangling link — is refused before it is
opened, so a template can never hang or exhaust memory while being read.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from forenad.cli.app import app
from forenad.render.catalogue import MAX_ENTRIES, MAX_UNPACKED_BYTES

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
SIDECAR = (
    "id: egen-mall\nversion: '1'\nlanguage: sv\ndocument: egen\ntitle: Egen mall\n"
    "models: [forenad_en_arbetsgivare]\nfields: [person.name]\n"
)
runner = CliRunner()


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def plain_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph().add_run("Avtal för {{ person.name }}.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rezip(
    data: bytes, extra: dict[str, bytes] | None = None, replace: dict[str, bytes] | None = None
) -> bytes:
    """``data`` (a .docx) with parts added or replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info)))
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def template_dir(directory: Path, data: bytes | None = None, name: str = "template.docx") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    if data is not None:
        (directory / name).write_bytes(data)
    (directory / "template.yaml").write_text(SIDECAR, encoding="utf-8")
    return directory


def assert_refused(template: Path, tmp_path: Path, *words: str) -> str:
    out_dir = tmp_path / "ut"
    code, out = run("draft", UPPSALA, "-o", out_dir, "--template", template, "--on", "2026-06-01")
    assert code == 2, out
    assert not out_dir.exists() or not any(out_dir.iterdir())
    flat = " ".join(out.split())
    for word in words:
        assert word in flat, out
    code, checked = run("templates", "check", template)
    assert code == 2, checked
    return out


def _macro_docx() -> bytes:
    return rezip(plain_docx(), extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})


def _macro_type_docx() -> bytes:
    data = plain_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    return rezip(data, replace={"[Content_Types].xml": types.encode()})


MACROS = {
    "vbaProject.bin": _macro_docx,
    "macro content type": _macro_type_docx,
    "vbaProject.bin (upper case)": lambda: rezip(plain_docx(), extra={"word/VBAPROJECT.BIN": b"x"}),
}


@pytest.mark.parametrize("kind", sorted(MACROS))
def test_a_template_with_macros_is_refused(tmp_path: Path, kind: str) -> None:
    template = template_dir(tmp_path / "mall", MACROS[kind]())
    assert_refused(template, tmp_path, "makron")


@pytest.mark.parametrize("suffix", [".docm", ".dotm", ".DOCM"])
def test_a_macro_enabled_file_type_is_refused_by_its_name(tmp_path: Path, suffix: str) -> None:
    directory = template_dir(tmp_path / "mall", plain_docx(), name=f"mall{suffix}")
    (directory / "mall.yaml").write_text(SIDECAR, encoding="utf-8")
    assert_refused(directory / f"mall{suffix}", tmp_path, "makron")


def test_a_zip_bomb_by_size_is_refused(tmp_path: Path) -> None:
    bomb = b"\0" * (MAX_UNPACKED_BYTES + 1024 * 1024)  # deflates to about 50 kB
    template = template_dir(tmp_path / "mall", rezip(plain_docx(), extra={"word/media/bomb.bin": bomb}))
    assert (template / "template.docx").stat().st_size < 1024 * 1024
    assert_refused(template, tmp_path, "zip-bomb", "MB")


def test_a_zip_bomb_by_number_of_parts_is_refused(tmp_path: Path) -> None:
    many = {f"customXml/bomb{i}.xml": b"<a/>" for i in range(MAX_ENTRIES + 10)}
    template = template_dir(tmp_path / "mall", rezip(plain_docx(), extra=many))
    assert_refused(template, tmp_path, "zip-bomb", str(MAX_ENTRIES))


NOT_ZIPS = {
    "text": "Detta är ingen Word-fil {{ person.name }}".encode(),
    "empty": b"",
    "truncated": None,  # the first half of a real .docx
    "pdf": b"%PDF-1.7\n" + b"x" * 200,
}


@pytest.mark.parametrize("kind", sorted(NOT_ZIPS))
def test_a_template_that_is_not_a_zip_is_refused(tmp_path: Path, kind: str) -> None:
    data = NOT_ZIPS[kind]
    if data is None:
        whole = plain_docx()
        data = whole[: len(whole) // 2]
    template = template_dir(tmp_path / "mall", data)
    assert_refused(template, tmp_path, "ingen .docx-fil")


def test_a_symlinked_template_file_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "delad" / "riktig.docx"
    real.parent.mkdir()
    real.write_bytes(plain_docx())
    template = template_dir(tmp_path / "mall")
    (template / "template.docx").symlink_to(real)
    code, out = run("draft", UPPSALA, "-o", tmp_path / "ut", "--template", template, "--on", "2026-06-01")
    assert code == 0, out
    assert (tmp_path / "ut" / "uppsala-professor-overlakare.egen-mall.docx").is_file()


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


SPECIAL = {
    "/dev/zero": lambda tmp: Path("/dev/zero"),  # stat() says 0 bytes; reading it never ends
    "fifo": lambda tmp: _fifo(tmp / "pipe"),  # opening it would block for ever
    "directory": lambda tmp: tmp,
    "dangling": lambda tmp: tmp / "finns-inte.docx",
}


@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_a_symlink_to_something_that_is_not_a_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    target = SPECIAL[kind](tmp_path)
    if kind == "/dev/zero" and not target.exists():
        pytest.skip("no /dev/zero")
    template = template_dir(tmp_path / "mall")
    (template / "template.docx").symlink_to(target)
    assert_refused(template, tmp_path)


def test_a_shipped_template_copied_as_an_organisations_own_passes_the_archive_checks(tmp_path: Path) -> None:
    shipped = ROOT / "templates" / "samverkansavtal-forenad"
    copy = tmp_path / "kopia"
    shutil.copytree(shipped, copy)
    code, out = run("templates", "check", copy)
    assert code == 0, out
