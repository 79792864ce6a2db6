"""PDF through LibreOffice: ``soffice --headless --convert-to pdf``, one run for many documents.

``FORENAD_SOFFICE`` names the program when it is not ``soffice`` (or ``libreoffice``) on the ``PATH``. Each
run uses a throw-away LibreOffice profile, so it neither disturbs nor waits for a LibreOffice the user has
open.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from forenad.i18n import t
from forenad.render.children import run_child
from forenad.render.errors import PdfError

TIMEOUT_SECONDS = 600


def soffice() -> str | None:
    """The LibreOffice program to run, or None when there is none."""
    configured = os.environ.get("FORENAD_SOFFICE")
    if configured:
        return shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    program = soffice()
    if program is None:
        raise PdfError(
            t(
                "LibreOffice (soffice) finns inte; installera t.ex. paketet libreoffice-writer-nogui, "
                "eller ange programmet i FORENAD_SOFFICE",
                "LibreOffice (soffice) was not found; install e.g. the package libreoffice-writer-nogui, "
                "or name the program in FORENAD_SOFFICE",
            )
        )
    return program


def convert_to_pdf(documents: Mapping[str, bytes]) -> dict[str, bytes]:
    """PDF bytes for each ``.docx`` (by file name, which must be unique); raises :class:`PdfError`."""
    if not documents:
        return {}
    program = require_soffice()
    with tempfile.TemporaryDirectory(prefix="forenad-pdf-") as tmp:
        root = Path(tmp)
        source, target, profile = root / "in", root / "out", root / "profile"
        source.mkdir()
        target.mkdir()
        for name, data in documents.items():
            (source / name).write_bytes(data)
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
            *(str(source / name) for name in documents),
        ]
        try:
            result = run_child(command, TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(
                t(f"LibreOffice kunde inte köras: {exc}", f"LibreOffice could not run: {exc}")
            ) from None
        out: dict[str, bytes] = {}
        failed = []
        for name in documents:
            pdf = target / (Path(name).stem + ".pdf")
            if pdf.is_file() and pdf.stat().st_size > 0:
                out[name] = pdf.read_bytes()
            else:
                failed.append(name)
        if failed:
            detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [
                f"exit {result.returncode}"
            ]
            raise PdfError(
                t(
                    f"LibreOffice skapade ingen PDF för {', '.join(failed)} ({detail[0]})",
                    f"LibreOffice made no PDF for {', '.join(failed)} ({detail[0]})",
                )
            )
        return out
