"""PDF in batches: one LibreOffice process per chunk, each output mapped back to its input, failures per
file. Skipped where LibreOffice is not installed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

import forenad
from forenad.cli.app import app
from forenad.render.api import render_document
from forenad.render.catalogue import shipped_template
from forenad.render.pdf import soffice
from forenad.render.pdf_batch import chunks, convert_files

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
OREBRO = ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml"
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def test_chunks_keep_stems_apart() -> None:
    paths = [Path("a/x.docx"), Path("b/x.docx"), Path("a/y.docx"), Path("a/z.docx")]
    groups = list(chunks(paths, 2))
    assert groups == [[Path("a/x.docx"), Path("a/y.docx")], [Path("b/x.docx"), Path("a/z.docx")]]


@needs_soffice
def test_convert_files_maps_each_output_and_reports_failures(tmp_path: Path) -> None:
    agreement = forenad.load(UPPSALA)
    data = render_document(
        agreement, shipped_template("samverkansavtal-forenad"), on=dt.date(2026, 6, 1)
    ).docx
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = [inputs / f"doc{i}.docx" for i in range(3)]
    for path in good:
        path.write_bytes(data)
    broken = inputs / "borta.docx"  # gone before conversion (LibreOffice turns any readable file into text)
    heard: list[int] = []
    results = convert_files(
        [good[0], broken, good[1], good[2]], tmp_path / "out", chunk=2, progress=heard.append
    )
    # the progress moves while LibreOffice works (polled), not only at the end of each chunk
    assert heard == sorted(heard) and heard[-1] == 4 and 2 in heard
    assert len(heard) > 2, heard
    assert [r.source for r in results] == [good[0], broken, good[1], good[2]]
    assert [r.ok for r in results] == [True, False, True, True]
    for result in results:
        if result.ok:
            assert result.pdf is not None and result.pdf.stem == result.source.stem
            assert result.pdf.read_bytes().startswith(b"%PDF")


@needs_soffice
def test_draft_pdf_batch_writes_every_pdf(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "draft",
            str(UPPSALA),
            str(OREBRO),
            "-o",
            str(tmp_path),
            "--pdf",
            "--on",
            "2026-06-01",
            "--progress",
        ],
    )
    assert result.exit_code in (0, 1), result.output
    assert "PDF" in result.output and "5/5" in result.output  # the PDF bar, complete
    docx_files = sorted(p.stem for p in tmp_path.glob("*.docx"))
    pdf_files = sorted(p.stem for p in tmp_path.glob("*.pdf"))
    assert docx_files == pdf_files and len(docx_files) >= 4
    assert all(p.read_bytes().startswith(b"%PDF") for p in tmp_path.glob("*.pdf"))
