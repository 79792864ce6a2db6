"""Comparing drafts made at different times: only the times (and so the document's hash) may differ."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

_TIMES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def docx_parts(data: bytes) -> dict[str, bytes]:
    """Every part of a ``.docx`` by name, in order; the creation and modification times blanked (they are
    the time of rendering). Zip timestamps are not compared."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {
            name: _TIMES.sub(b"", archive.read(name)) if name == "docProps/core.xml" else archive.read(name)
            for name in archive.namelist()
        }


def normalised(path: Path) -> object:
    """A written file as comparable data: parts of a ``.docx``, a provenance record without its time and
    the hash of the document (which holds that time)."""
    if path.suffix == ".docx":
        return docx_parts(path.read_bytes())
    if path.name.endswith(".provenance.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        record.pop("created")
        record["document"].pop("sha256")
        return record
    return path.read_bytes()
