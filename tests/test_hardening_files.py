"""Hardening (issue 8), files: path traversal, symbolic links, special input files, interrupted writes.

Decisions (documented in :func:`forenad.files.write_atomic` and :func:`forenad.render.api.safe_stem`):

- Output names are built from the input file's stem (or the agreement id's slug), the template id and the
  employer id. Template and employer ids are slugs by their schemas; a stem is made one harmless file-name
  component (``/``, ``\\``, NUL and other control characters become ``-``; an empty or all-dots stem becomes
  ``avtal``), and ``write_job`` refuses any name that is not a single component. Nothing is ever written
  outside ``-o DIR``.
- ``--template`` with ``/`` or ``\\`` is a path and must exist; otherwise it is a shipped id. A reference such
  as ``../../x`` that does not exist is refused with exit 2.
- A symbolic link where an output file goes is never written through: without ``--force`` it counts as an
  existing file (even when it dangles) and nothing is written; with ``--force`` the link itself is replaced
  by a regular file and its target is left untouched.
- The output directory the user names is followed if it is a symbolic link: it is the user's explicit
  choice, as with ``cp`` or ``tar -C``.
- ``write_atomic`` interrupted at any point (an exception or Ctrl-C) leaves no temporary or partial file, and
  an existing file keeps its content.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import forenad
from forenad import yamlio
from forenad.cli.app import app
from forenad.files import OutputExists, write_atomic
from forenad.model import Agreement
from forenad.render.api import prepare, render_job, safe_stem, write_job
from forenad.render.errors import DraftError

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
UPPSALA_TEXT = UPPSALA.read_text(encoding="utf-8")
ON = "2026-06-01"
runner = CliRunner()


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A working directory two levels down and an output directory three levels down, inside ``tmp_path``;
    anything a traversal writes outside the output directory lands somewhere in ``tmp_path``."""
    work = tmp_path / "a" / "arbete"
    out = tmp_path / "a" / "b" / "ut"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return tmp_path, out


def outside(root: Path, out: Path, before: set[str]) -> set[str]:
    """Files that appeared in ``root`` but not under ``out`` (the directories leading to ``out`` aside)."""
    inside = str(out.relative_to(root))
    new = {p for p in tree(root) - before if not (root / p).is_dir() or (root / p).is_symlink()}
    return {p for p in new if not p.startswith(inside + os.sep)}


HOSTILE = ["../../x", "/etc/x", "..\\x", "..\\..\\x", "a\x00b", "rad\nbrytning", "..", ".", "", "~/x"]
HOSTILE += ["x/../../y", "\x7f\x1b[31m"]


@pytest.mark.parametrize("ident", HOSTILE)
def test_hostile_agreement_ids_never_write_outside_the_output_dir(
    sandbox: tuple[Path, Path], ident: str
) -> None:
    root, out = sandbox
    data: dict[str, Any] = copy.deepcopy(yamlio.load(UPPSALA).data)
    data["id"] = ident or "x"
    agreement = Agreement.model_validate(data)
    before = tree(root)
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in ident):
        # NUL and ESC are accepted by the model but cannot be in a Word document: refused, nothing written.
        with pytest.raises(DraftError, match="U\\+00"):
            forenad.draft(agreement, out, on=dt.date(2026, 6, 1))
        assert tree(root) == before
        return
    paths = forenad.draft(agreement, out, on=dt.date(2026, 6, 1))
    assert paths and all(p.parent == out for p in paths)
    assert not outside(root, out, before)


@pytest.mark.parametrize("escape", ["\\e", "\\x00", "\\x1b[2J", "\\x0b", "\\uFFFF"])
def test_a_control_character_from_a_yaml_escape_fails_only_its_file(tmp_path: Path, escape: str) -> None:
    """Found by the id test: ``name: "Karin\\x1bEkholm"`` passed ``check`` and crashed ``draft`` (exit 3,
    an lxml XMLSyntaxError, and the rest of the batch was lost). Now that file fails with exit 2, naming the
    field and the character, and the other files are drafted."""
    bad = tmp_path / "trasig.yaml"
    bad.write_text(UPPSALA_TEXT.replace("  name: Karin Ekholm", f'  name: "Karin{escape}Ekholm"', 1))
    out = tmp_path / "ut"
    code, output = run("draft", bad, UPPSALA, "-o", out, "--on", ON)
    assert code == 2, output
    assert "person.name" in output and ("U+00" in output or "U+FFFF" in output)
    assert not list(out.glob("trasig.*"))
    assert (out / "uppsala-professor-overlakare.samverkansavtal-forenad.docx").is_file()


@pytest.mark.parametrize("stem", HOSTILE)
def test_hostile_stems_never_write_outside_the_output_dir(sandbox: tuple[Path, Path], stem: str) -> None:
    root, out = sandbox
    name = safe_stem(stem)
    assert name and "/" not in name and "\\" not in name and name.strip(".")
    assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in name)
    before = tree(root)
    job = prepare(UPPSALA, stem=stem)
    render_job(job)
    assert job.error is None, job.error
    written = write_job(job, out)
    assert written and all(p.parent == out for p in written)
    assert not outside(root, out, before)


@pytest.mark.parametrize("filename", ["..\\x.yaml", "rad\nbrytning.yaml", "...yaml", " .yaml", "-.yaml"])
def test_hostile_file_names_on_the_command_line(sandbox: tuple[Path, Path], filename: str) -> None:
    root, out = sandbox
    source = Path.cwd() / filename
    source.write_text(UPPSALA_TEXT, encoding="utf-8")
    before = tree(root)
    code, output = run("draft", str(source), "-o", out, "--on", ON)
    assert code == 0, output
    assert not outside(root, out, before)
    assert all("\n" not in p.name for p in out.iterdir())


@pytest.mark.parametrize(
    "ref", ["../../something", "/etc/x", "..\\x", "a\x00b", "rad\nbrytning", "../../x.docx", "/etc/passwd"]
)
def test_a_template_reference_that_is_no_id_and_no_existing_path_is_refused(
    sandbox: tuple[Path, Path], ref: str
) -> None:
    root, out = sandbox
    before = tree(root)
    code, output = run("draft", UPPSALA, "-o", out, "--template", ref, "--on", ON)
    assert code == 2, output
    assert "mall" in output
    assert tree(root) == before


def test_a_hostile_template_id_in_a_sidecar_is_refused(sandbox: tuple[Path, Path]) -> None:
    import docx

    root, out = sandbox
    template = root / "mall"
    template.mkdir()
    docx.Document().save(str(template / "template.docx"))
    for ident in ("../../x", "/etc/x", "..\\x", "a/b"):
        (template / "template.yaml").write_text(
            f"id: {ident!r}\nversion: '1'\nlanguage: sv\ndocument: egen\ntitle: Egen\n"
            "models: [forenad_en_arbetsgivare]\n",
            encoding="utf-8",
        )
        before = tree(root)
        code, output = run("draft", UPPSALA, "-o", out, "--template", template, "--on", ON)
        assert code == 2, output
        assert tree(root) == before


def test_an_existing_template_path_with_dot_dot_is_used(sandbox: tuple[Path, Path]) -> None:
    import docx

    root, out = sandbox
    template = root / "a" / "mall"
    template.mkdir()
    document = docx.Document()
    document.add_paragraph("Avtal för {{ person.name }}.")
    document.save(str(template / "template.docx"))
    (template / "template.yaml").write_text(
        "id: egen-mall\nversion: '1'\nlanguage: sv\ndocument: egen\ntitle: Egen\n"
        "models: [forenad_en_arbetsgivare]\nfields: [person.name]\n",
        encoding="utf-8",
    )
    code, output = run("draft", UPPSALA, "-o", out, "--template", "../mall", "--on", ON)
    assert code == 0, output
    assert (out / "uppsala-professor-overlakare.egen-mall.docx").is_file()


# --- symbolic links ----------------------------------------------------------------------------------------

DOCX = "uppsala-professor-overlakare.samverkansavtal-forenad.docx"


@pytest.mark.parametrize("dangling", [False, True])
def test_a_symlink_in_place_of_an_output_file_is_never_written_through(
    tmp_path: Path, dangling: bool
) -> None:
    out = tmp_path / "ut"
    out.mkdir()
    target = tmp_path / "annan" / "viktig.docx"
    target.parent.mkdir()
    if not dangling:
        target.write_bytes(b"untouched")
    (out / DOCX).symlink_to(target)

    code, output = run("draft", UPPSALA, "-o", out, "--on", ON)
    assert code == 2, output
    assert "--force" in output
    assert (out / DOCX).is_symlink()
    assert target.read_bytes() == b"untouched" if not dangling else not target.exists()
    assert sorted(p.name for p in out.iterdir()) == [DOCX]  # nothing else written either

    code, output = run("draft", UPPSALA, "-o", out, "--on", ON, "--force")
    assert code == 0, output
    assert not (out / DOCX).is_symlink() and (out / DOCX).stat().st_size > 1000
    assert target.read_bytes() == b"untouched" if not dangling else not target.exists()


def test_write_atomic_never_follows_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "mål.txt"
    target.write_bytes(b"untouched")
    link = tmp_path / "länk.txt"
    link.symlink_to(target)
    with pytest.raises(OutputExists):
        write_atomic(link, b"ny")
    dangling = tmp_path / "dinglar.txt"
    dangling.symlink_to(tmp_path / "finns-inte.txt")
    with pytest.raises(OutputExists):
        write_atomic(dangling, b"ny")
    assert not (tmp_path / "finns-inte.txt").exists()
    write_atomic(link, b"ny", force=True)
    assert target.read_bytes() == b"untouched" and link.read_bytes() == b"ny" and not link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dinglar.txt", "länk.txt", "mål.txt"]


def test_a_symlinked_output_directory_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "verklig"
    real.mkdir()
    link = tmp_path / "ut"
    link.symlink_to(real, target_is_directory=True)
    code, output = run("draft", UPPSALA, "-o", link, "--on", ON)
    assert code == 0, output
    assert (real / DOCX).is_file()
    assert str(link / DOCX) in " ".join(output.split())


# --- special input files -----------------------------------------------------------------------------------


def test_an_endless_input_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    code, output = run("check", "/dev/zero")
    assert code == 2, output
    assert "för stor" in output


def test_a_pipe_still_works_as_input(tmp_path: Path) -> None:
    """``forenad check <(…)``: a named pipe whose stat() says 0 bytes is read to its end."""
    pipe = tmp_path / "rör.yaml"
    os.mkfifo(pipe)

    def feed() -> None:
        with pipe.open("w", encoding="utf-8") as handle:
            handle.write(UPPSALA_TEXT)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    code, output = run("check", pipe, "--on", ON)
    writer.join(5)
    assert code in (0, 1), output


# --- interrupted writes ------------------------------------------------------------------------------------


def _half_write(real: Callable[..., Any], exc: BaseException) -> Callable[..., Any]:
    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real(fd, *args, **kwargs)
        original = handle.write

        def write(data: bytes) -> int:
            original(data[: len(data) // 2])
            handle.flush()
            raise exc

        handle.write = write
        return handle

    return fdopen


POINTS = ["write", "fsync", "link", "replace", "unlink"]
EXCEPTIONS = {
    "KeyboardInterrupt": KeyboardInterrupt,
    "OSError(ENOSPC)": lambda: OSError(28, "No space left on device"),
    "RuntimeError": lambda: RuntimeError("bug"),
}


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("existing", [False, True])
@pytest.mark.parametrize("kind", sorted(EXCEPTIONS))
@pytest.mark.parametrize("point", POINTS)
def test_an_interrupted_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, point: str, kind: str, existing: bool, force: bool
) -> None:
    target = tmp_path / "utkast.docx"
    if existing:
        target.write_bytes(b"old content")
    exc = EXCEPTIONS[kind]()
    calls = {"unlink": 0}

    def boom(*args: Any, **kwargs: Any) -> None:
        raise exc

    if point == "write":
        monkeypatch.setattr(os, "fdopen", _half_write(os.fdopen, exc))
    elif point == "unlink":  # after the link, removing the temporary name fails once, then works
        real_unlink = os.unlink

        def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
            calls["unlink"] += 1
            if calls["unlink"] == 1:
                raise exc
            real_unlink(path, *args, **kwargs)

        monkeypatch.setattr(os, "unlink", unlink)
    else:
        monkeypatch.setattr(os, point, boom)

    skip_all = existing and not force  # refused before any temporary file is made
    on_path = not skip_all and (
        point in ("write", "fsync")
        or (point == "link" and not force)
        or (point == "replace" and force)
        or (point == "unlink" and not force)
    )
    if skip_all:
        with pytest.raises(OutputExists):
            write_atomic(target, b"new content", force=force)
    elif on_path:
        with pytest.raises(type(exc)):
            write_atomic(target, b"new content", force=force)
    else:  # the patched call is not on this path
        write_atomic(target, b"new content", force=force)
    monkeypatch.undo()

    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == (["utkast.docx"] if existing or not on_path or point == "unlink" else []), names
    if skip_all or (on_path and point != "unlink"):
        assert not existing or target.read_bytes() == b"old content"
    else:  # written, or linked into place before the interruption: complete, never partial
        assert target.read_bytes() == b"new content"
