"""The structure of a template, to keep its language versions in step: headings, control tags, fields.

Language versions of one document (the same ``document`` in their sidecars) differ in every word, but not
in their structure. :func:`outline` reads, from the normalised template: the headings in order (their level,
by the heading style's built-in name, which is the same in a Swedish and an English Word, and the tags in
their text), the paragraph- and row-level tags (``{%p …%}``, ``{%tr …%}``) in order, and the agreement
fields and facts the template uses. :func:`differences` says where two outlines differ.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from forenad.i18n import Text, t
from forenad.render.catalogue import Template
from forenad.render.normalize import W_NS, normalize_docx, paragraph_text, tags_of

_W = f"{{{W_NS}}}"
_HEADING = re.compile(r"^heading ([1-9])$", re.IGNORECASE)
_BLOCK = re.compile(r"\{%-?\s*(?:p|tr|tc)\s+(.*?)-?%\}", re.DOTALL)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Outline:
    headings: tuple[tuple[int, str, tuple[str, ...]], ...]
    """(level, text, tags in the text) for each heading paragraph, in order."""
    blocks: tuple[str, ...]
    """The paragraph- and row-level tags in order, their code with whitespace collapsed."""
    fields: frozenset[str]
    facts: frozenset[str]


def _heading_styles(archive: zipfile.ZipFile) -> dict[str, int]:
    """Style id → heading level, for the styles whose built-in name is ``heading N``."""
    from lxml import etree

    try:
        root = etree.fromstring(
            archive.read("word/styles.xml"), parser=etree.XMLParser(resolve_entities=False)
        )
    except (KeyError, etree.XMLSyntaxError):
        return {}
    levels: dict[str, int] = {}
    for style in root.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        match = _HEADING.match(name.get(f"{_W}val", "")) if name is not None else None
        style_id = style.get(f"{_W}styleId")
        if match and style_id:
            levels[style_id] = int(match.group(1))
    return levels


def _body(data: bytes) -> tuple[Any | None, dict[str, int]]:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        levels = _heading_styles(archive)
        try:
            root = etree.fromstring(
                archive.read("word/document.xml"), parser=etree.XMLParser(resolve_entities=False)
            )
        except (KeyError, etree.XMLSyntaxError):
            return None, levels
    return root, levels


def outline(template: Template, fields: set[str], facts: set[str]) -> Outline:
    """The outline of ``template``; ``fields`` and ``facts`` are what the check found it using."""
    root, levels = _body(normalize_docx(template.data).data)
    headings: list[tuple[int, str, tuple[str, ...]]] = []
    blocks: list[str] = []
    if root is not None:
        for paragraph in root.iter(f"{_W}p"):
            text = paragraph_text(paragraph)
            style = paragraph.find(f"{_W}pPr/{_W}pStyle")
            level = levels.get(style.get(f"{_W}val", "")) if style is not None else None
            if level is not None:
                headings.append((level, text.strip(), tuple(_code(tag) for tag in tags_of(text))))
            blocks.extend(_code(match.group(1)) for match in _BLOCK.finditer(text))
    return Outline(tuple(headings), tuple(blocks), frozenset(fields), frozenset(facts))


def _code(tag: str) -> str:
    return _SPACE.sub(" ", tag).strip()


def differences(first: tuple[str, Outline], second: tuple[str, Outline]) -> list[Text]:
    """Where two language versions differ in structure (empty when they are in step)."""
    (a_name, a), (b_name, b) = first, second
    found: list[Text] = []
    found += _heading_differences(a_name, a, b_name, b)
    if a.blocks != b.blocks:
        index = next((i for i, (x, y) in enumerate(zip(a.blocks, b.blocks, strict=False)) if x != y), None)
        if index is None:
            index = min(len(a.blocks), len(b.blocks))
        left = a.blocks[index] if index < len(a.blocks) else "–"
        right = b.blocks[index] if index < len(b.blocks) else "–"
        found.append(
            t(
                f"styrkoderna ({{%p …%}}, {{%tr …%}}) skiljer sig från nr {index + 1}: {left!r} i {a_name}, "
                f"{right!r} i {b_name}",
                f"the control tags ({{%p …%}}, {{%tr …%}}) differ from no. {index + 1}: {left!r} in "
                f"{a_name}, {right!r} in {b_name}",
            )
        )
    for kind_sv, kind_en, x, y in (
        ("fälten", "fields", a.fields, b.fields),
        ("fakta", "facts", a.facts, b.facts),
    ):
        if x != y:
            only_a = ", ".join(sorted(x - y)) or "–"
            only_b = ", ".join(sorted(y - x)) or "–"
            found.append(
                t(
                    f"{kind_sv} skiljer sig: bara i {a_name}: {only_a}; bara i {b_name}: {only_b}",
                    f"the {kind_en} differ: only in {a_name}: {only_a}; only in {b_name}: {only_b}",
                )
            )
    return found


def _heading_differences(a_name: str, a: Outline, b_name: str, b: Outline) -> list[Text]:
    if len(a.headings) != len(b.headings):
        return [
            t(
                f"{a_name} har {len(a.headings)} rubriker och {b_name} {len(b.headings)}",
                f"{a_name} has {len(a.headings)} headings and {b_name} {len(b.headings)}",
            )
        ]
    for number, (x, y) in enumerate(zip(a.headings, b.headings, strict=True), start=1):
        if x[0] != y[0] or x[2] != y[2]:
            return [
                t(
                    f"rubrik nr {number} skiljer sig: {x[1]!r} (nivå {x[0]}) i {a_name}, {y[1]!r} "
                    f"(nivå {y[0]}) i {b_name}",
                    f"heading no. {number} differs: {x[1]!r} (level {x[0]}) in {a_name}, {y[1]!r} "
                    f"(level {y[0]}) in {b_name}",
                )
            ]
    return []
