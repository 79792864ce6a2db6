"""Word content in a template that reaches outside the document: found, named and refused, never stripped.

A template's drafts go to HR staff and to the person employed, so whatever the template makes Word do when a
draft is opened, it does on their machines. Refused (each with the part and the relationship or field that
holds it, so the template's owner can remove it in Word):

- every relationship with ``TargetMode="External"``, in any ``.rels`` part: a remote attached template
  (``.dotm``, fetched and run on opening), a linked image (a web beacon that reports who opened the draft),
  an external ``altChunk``, an OLE link, a linked frame or sub-document, and hyperlinks too (a template's
  links point where every draft points; write an address as text instead);
- an ``altChunk`` (a chunk of HTML, RTF or another document that Word imports on opening) even inside the
  package: forenad cannot check what it holds;
- fields that fetch or run something outside the document: ``DDE``, ``DDEAUTO``, ``INCLUDETEXT``,
  ``INCLUDE``, ``INCLUDEPICTURE``, ``IMPORT`` and ``LINK``, as ``w:fldSimple`` or as a complex field whose
  instruction is split over any number of runs; and a field whose name is built by another field;
- a part among these that does not parse (Word's own parser is more lenient than forenad's: what forenad
  cannot read, it cannot vouch for).

Nothing here changes the template: forenad only reports.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from forenad.i18n import Text, t

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
EXTERNAL_FIELDS = frozenset({"DDE", "DDEAUTO", "INCLUDETEXT", "INCLUDE", "INCLUDEPICTURE", "IMPORT", "LINK"})
_FIELD_NAME = re.compile(r'\s*"?\s*([A-Za-z]+)')
_AFCHUNK = "/aFChunk"


@dataclass(frozen=True, slots=True)
class Hostile:
    """One thing refused: a code (``external_relationship``, ``embedded_chunk``, ``external_field``,
    ``unreadable_part``) and the message naming the part."""

    code: str
    text: Text


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def hostile_content(data: bytes) -> list[Hostile]:
    """Everything in the ``.docx`` ``data`` that reaches outside the document (see the module)."""
    from lxml import etree

    found: list[Hostile] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            is_rels = name.endswith(".rels")
            if not (is_rels or (name.startswith("word/") and name.endswith(".xml"))):
                continue
            try:
                root = etree.fromstring(archive.read(name), parser=_parser())
            except etree.XMLSyntaxError as exc:
                found.append(
                    Hostile(
                        "unreadable_part",
                        t(
                            f"{name}: delen går inte att läsa ({exc}), så forenad kan inte pröva den",
                            f"{name}: the part does not parse ({exc}), so forenad cannot check it",
                        ),
                    )
                )
                continue
            found.extend(_relationships(name, root) if is_rels else _fields(name, root))
    return found


def _relationships(part: str, root: Any) -> list[Hostile]:
    out = []
    for rel in root.iter(_RELS):
        ident = rel.get("Id", "?")
        kind = rel.get("Type", "").rsplit("/", 1)[-1] or "?"
        target = _shown(rel.get("Target", ""))
        if rel.get("TargetMode", "").lower() == "external":
            out.append(
                Hostile(
                    "external_relationship",
                    t(
                        f"{part}: relationen {ident} ({kind}) pekar ut ur dokumentet, till {target}; "
                        "Word kan hämta den när ett utkast öppnas. Ta bort den i mallen",
                        f"{part}: the relationship {ident} ({kind}) points outside the document, to "
                        f"{target}; Word may fetch it when a draft is opened. Remove it from the template",
                    ),
                )
            )
        elif rel.get("Type", "").endswith(_AFCHUNK):
            out.append(
                Hostile(
                    "embedded_chunk",
                    t(
                        f"{part}: relationen {ident} (aFChunk) tar in {target} som Word läser in när ett "
                        "utkast öppnas och som forenad inte kan pröva. Klistra in innehållet som text i "
                        "mallen",
                        f"{part}: the relationship {ident} (aFChunk) brings in {target}, which Word imports "
                        "when a draft is opened and forenad cannot check. Paste its content into the "
                        "template as text",
                    ),
                )
            )
    return out


def _shown(target: str) -> str:
    return repr(target if len(target) <= 80 else target[:77] + "…")


@dataclass(slots=True)
class _Open:
    """A complex field being read: its instruction so far, and whether its result has started."""

    instruction: list[str]
    done: bool = False


def _fields(part: str, root: Any) -> list[Hostile]:
    """``w:fldSimple`` instructions, and complex fields' ``w:instrText`` joined between their ``begin`` and
    ``separate`` (or ``end``), nested fields each on their own."""
    out: list[Hostile | None] = [_field(part, s.get(f"{_W}instr", "")) for s in root.iter(f"{_W}fldSimple")]
    stack: list[_Open] = []
    for element in root.iter(f"{_W}fldChar", f"{_W}instrText"):
        top = stack[-1] if stack else None
        if element.tag == f"{_W}instrText":
            if top is not None and not top.done:
                top.instruction.append(element.text or "")
            continue
        kind = element.get(f"{_W}fldCharType")
        if kind == "begin":
            if top is not None and not top.done and not "".join(top.instruction).strip():
                out.append(_computed_name(part))  # the outer field's name would come from this one
            stack.append(_Open([]))
        elif kind in ("separate", "end") and top is not None:
            if not top.done:
                out.append(_field(part, "".join(top.instruction)))
                top.done = True  # the field's result follows: no more instructions
            if kind == "end":
                stack.pop()
    out.extend(_field(part, "".join(o.instruction)) for o in stack if not o.done)  # never closed
    return [hostile for hostile in out if hostile is not None]


def _field(part: str, instruction: str) -> Hostile | None:
    match = _FIELD_NAME.match(instruction)
    if match is None or match.group(1).upper() not in EXTERNAL_FIELDS:
        return None
    shown = _shown(" ".join(instruction.split()))
    name = match.group(1).upper()
    return Hostile(
        "external_field",
        t(
            f"{part}: fältet {name} ({shown}) hämtar eller kör något utanför dokumentet när ett utkast "
            "öppnas eller uppdateras. Ta bort fältet i mallen",
            f"{part}: the field {name} ({shown}) fetches or runs something outside the document when a "
            "draft is opened or updated. Remove the field from the template",
        ),
    )


def _computed_name(part: str) -> Hostile:
    return Hostile(
        "external_field",
        t(
            f"{part}: ett fälts namn byggs av ett annat fält, så forenad kan inte se vad det gör. "
            "Skriv fältet utan inre fält i namnet",
            f"{part}: a field's name is built by another field, so forenad cannot tell what it does. "
            "Write the field without an inner field in its name",
        ),
    )
