"""PDF for many ``.docx`` files through one LibreOffice process per chunk, each file's result reported.

``soffice --headless --convert-to pdf --outdir DIR f1.docx f2.docx …`` converts a whole list in one process:
LibreOffice starts once (the slow part) instead of once per file. The profile is private
(``-env:UserInstallation=file:///tmp/…``) and shared by the chunks of one call, so it is made only once and
never touches the user's own LibreOffice. Each chunk writes into its own directory, so outputs map back to
their inputs by name; a file without a PDF afterwards is reported as failed, the others are not affected.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from forenad.render.children import run_child
from forenad.render.pdf import TIMEOUT_SECONDS, require_soffice

CHUNK = 50


@dataclass(frozen=True, slots=True)
class PdfResult:
    source: Path
    pdf: Path | None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.pdf is not None


def chunks(paths: Sequence[Path], size: int) -> Iterator[list[Path]]:
    """Groups of at most ``size`` files with distinct stems (LibreOffice names its output by the stem)."""
    pending = list(paths)
    while pending:
        chunk: list[Path] = []
        stems: set[str] = set()
        rest: list[Path] = []
        for path in pending:
            if len(chunk) < size and path.stem not in stems:
                chunk.append(path)
                stems.add(path.stem)
            else:
                rest.append(path)
        yield chunk
        pending = rest


def convert_files(
    paths: Sequence[Path],
    outdir: Path,
    *,
    chunk: int = CHUNK,
    timeout: float = TIMEOUT_SECONDS,
    progress: Callable[[int], None] | None = None,
) -> list[PdfResult]:
    """Convert ``paths`` into PDFs under ``outdir`` (one LibreOffice run per chunk); one result per path,
    in order. ``progress`` hears how many PDFs exist so far, while LibreOffice works (it writes them one by
    one). Raises :class:`~forenad.render.errors.PdfError` only when there is no LibreOffice."""
    program = require_soffice()
    results: dict[Path, PdfResult] = {}
    done = 0
    with tempfile.TemporaryDirectory(prefix="forenad-lo-profile-") as profile:
        for number, group in enumerate(chunks(paths, max(1, chunk))):
            target = outdir / f"chunk-{number}"
            target.mkdir(parents=True, exist_ok=True)
            poll = _watch(target, done, progress) if progress is not None else None
            detail = _run(program, Path(profile), target, group, timeout, poll)
            done += len(group)
            if progress is not None:
                progress(done)
            for path in group:
                pdf = target / f"{path.stem}.pdf"
                ok = pdf.is_file() and pdf.stat().st_size > 0
                results[path] = PdfResult(path, pdf if ok else None, "" if ok else detail)
    return [results[path] for path in paths]


def _watch(target: Path, before: int, progress: Callable[[int], None]) -> Callable[[], None]:
    """A poll that reports the PDFs LibreOffice has written into ``target`` so far (after ``before``)."""
    return lambda: progress(before + sum(1 for _ in target.glob("*.pdf")))


def _run(
    program: str,
    profile: Path,
    target: Path,
    group: list[Path],
    timeout: float,
    poll: Callable[[], None] | None = None,
) -> str:
    command = [
        program,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(target),
        *(str(path) for path in group),
    ]
    try:
        result = run_child(command, timeout, poll)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"LibreOffice: {exc}"
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit {result.returncode}"
