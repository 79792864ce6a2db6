"""Checks on a rendered document before it is written: every XML part parses, no template tag is left in
the text (beyond the ``{{``/``{%`` that the agreement's own values contain), and python-docx reopens it."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from forenad.i18n import t
from forenad.render.errors import RenderCheckError

_TAG = re.compile(r"\{\{|\{%")
_BRACE = re.compile(rb"\{")
"""A part whose bytes hold no ``{`` cannot hold a tag, whatever splits its text."""
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def verify_docx(data: bytes, value_braces: int = 0) -> None:
    """Raise :class:`RenderCheckError` when the document is broken; ``value_braces`` is how many
    ``{{``/``{%`` the printed values brought in (they are the agreement's text, not leftover tags)."""
    from lxml import etree

    parser = _parser()
    leftovers: list[tuple[str, str]] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise RenderCheckError(
            t("dokumentet är ingen giltig zip-fil", "the document is not a valid zip file")
        ) from None
    total = 0
    with archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                raw = archive.read(name)
                root = etree.fromstring(raw, parser=parser)
            except etree.XMLSyntaxError as exc:
                raise RenderCheckError(
                    t(
                        f"XML-delen {name} går inte att läsa: {exc}",
                        f"the XML part {name} does not parse: {exc}",
                    )
                ) from None
            if not name.startswith("word/") or not _BRACE.search(raw):
                continue
            for paragraph in root.iter(f"{{{_W_NS}}}p"):
                text = "".join(node.text or "" for node in paragraph.iter(f"{{{_W_NS}}}t"))
                found = len(_TAG.findall(text))
                if found:
                    total += found
                    leftovers.append((name, text.strip()[:120]))
    if total > value_braces:
        where = "; ".join(f"{name}: {text!r}" for name, text in leftovers[:3])
        raise RenderCheckError(
            t(
                f"mallkoder finns kvar i texten efter återgivningen ({where})",
                f"template tags are left in the text after rendering ({where})",
            )
        )
    try:
        import docx

        docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds; any of them means a broken document
        raise RenderCheckError(
            t(
                f"python-docx kan inte öppna dokumentet: {exc}",
                f"python-docx cannot reopen the document: {exc}",
            )
        ) from None
