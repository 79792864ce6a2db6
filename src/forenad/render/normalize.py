"""A template as Word and LibreOffice save it, made ready for docxtpl: normalised before it is parsed.

An HR editor changes the wording in Word or LibreOffice; both write what they like into the XML, and docxtpl
(which reads the XML with regular expressions) breaks on much of it. Before a template is checked or
rendered, every part forenad renders (the body, headers, footers and footnotes) is normalised here:

- tracked changes are accepted: inserted and moved-in text (``w:ins``, ``w:moveTo``) stays, deleted and
  moved-out text (``w:del``, ``w:moveFrom``) goes, and the records of formatting changes (``w:rPrChange``,
  ``w:pPrChange`` …) go; a table row marked deleted goes;
- proofing marks (``w:proofErr``) and the revision-session ids (``w:rsid…`` attributes) go;
- the XML is read and written again, so entity-encoded quotes (``&apos;``, ``&quot;``, which LibreOffice
  writes) are plain characters;
- a tag split across runs (``{{ person.`` in one run, ``name }}`` in the next, as Word splits text at every
  edit, spelling mark or formatting change) is joined into the run where it starts; it takes that run's
  formatting;
- inside a tag, typographic quotes (``“ ” „ ‘ ’ ‚``, typed by Word's AutoFormat) are straight quotes and a
  no-break space a space.

What cannot be normalised is reported with the paragraph's text (:class:`Unmended`): a tag not closed in
its paragraph, or a tag with something other than text in it (a tab, a line break, a field, a picture).
Text outside tags is never changed; the template's own bytes (and so its SHA-256) are never changed either:
:func:`normalized` gives a normalised copy to render from.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import zipfile
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
NORMALISED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENER = re.compile(r"\{\{|\{%|\{#")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"})
_IN_TAG = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'",
                         "\u00a0": " "})  # fmt: skip
_DROPPED = {f"{_W}{name}" for name in ("del", "moveFrom", "proofErr", "moveFromRangeStart",
            "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "rPrChange", "pPrChange",
            "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange",
            "numberingChange")}  # fmt: skip
_UNWRAPPED = {f"{_W}ins", f"{_W}moveTo"}
_NOT_TEXT = {f"{_W}{name}" for name in ("tab", "br", "cr", "fldChar", "instrText", "fldSimple", "drawing",
             "pict", "object", "sym", "footnoteReference", "endnoteReference", "noBreakHyphen",
             "softHyphen", "ptab", "delText", "hyperlink")}  # fmt: skip
CACHE_SIZE = 32


@dataclass(frozen=True, slots=True)
class Unmended:
    """A tag that could not be normalised: where, why (``unclosed`` or ``not_text``), and the paragraph."""

    part: str
    reason: str
    tag: str
    paragraph: str


@dataclass
class PartReport:
    """What normalising one part did and found."""

    part: str
    joined: int = 0
    """Tags that were split across runs and have been joined."""
    quotes: int = 0
    """Tags whose typographic quotes (or no-break spaces) were made straight."""
    revisions: int = 0
    """Tracked changes accepted (insertions, deletions, moves, formatting changes)."""
    unmended: list[Unmended] = field(default_factory=list)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def _accept_revisions(root: Any) -> int:
    """Accept every tracked change in the part; returns how many marks there were."""
    count = 0
    for row in list(root.iter(f"{_W}tr")):
        marker = row.find(f"{_W}trPr/{_W}del")
        if marker is not None and row.getparent() is not None:
            row.getparent().remove(row)
            count += 1
    for marker in list(root.iter(f"{_W}trPr")):
        for ins in marker.findall(f"{_W}ins"):
            marker.remove(ins)
            count += 1
    for element in list(root.iter(*_DROPPED)):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag != f"{_W}proofErr":
            count += 1
        _remove_keeping_tail(element)
    for element in list(root.iter(*_UNWRAPPED)):
        count += 1
        _unwrap(element)
    for mark in list(root.iter(f"{_W}rPr")):  # a paragraph mark inserted or deleted
        for child in mark.findall(f"{_W}ins") + mark.findall(f"{_W}del"):
            mark.remove(child)
    _drop_rsids(root)
    return count


def _remove_keeping_tail(element: Any) -> None:
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    _remove_keeping_tail(element)


def _drop_rsids(root: Any) -> None:
    for element in root.iter():
        attrib = element.attrib
        for key in [k for k in attrib if k.startswith(f"{_W}rsid")]:
            del attrib[key]


def _own_texts(paragraph: Any) -> list[Any]:
    """The paragraph's ``w:t`` elements in order, without those of paragraphs nested in it (text boxes)."""
    return [t for t in paragraph.iter(f"{_W}t") if _paragraph_of(t) is paragraph]


def _paragraph_of(element: Any) -> Any:
    node = element.getparent()
    while node is not None and node.tag != f"{_W}p":
        node = node.getparent()
    return node


def paragraph_text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in _own_texts(paragraph))


def _spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """The tags of a paragraph's text as (start, end), and the openers never closed (position, opener)."""
    spans: list[tuple[int, int]] = []
    unclosed: list[tuple[int, str]] = []
    position = 0
    while (opener := _OPENER.search(text, position)) is not None:
        closer = text.find(_CLOSER[opener.group()], opener.end())
        if closer < 0:
            unclosed.append((opener.start(), opener.group()))
            break
        spans.append((opener.start(), closer + 2))
        position = closer + 2
    return spans, unclosed


def _barriers(paragraph: Any, texts: list[Any]) -> tuple[list[int], list[int]]:
    """Each ``w:t``'s position in the paragraph's document order, and the positions of everything in it
    that is not text or formatting (one walk over the paragraph)."""
    wanted = {id(t) for t in texts}
    where: dict[int, int] = {}
    barriers: list[int] = []
    for position, element in enumerate(paragraph.iter()):
        if id(element) in wanted:
            where[id(element)] = position
        elif element.tag in _NOT_TEXT:
            barriers.append(position)
    return [where[id(t)] for t in texts], barriers


def _crosses(barriers: list[int], first: int, last: int) -> bool:
    """Whether a barrier lies between the positions ``first`` and ``last``."""
    import bisect

    index = bisect.bisect_right(barriers, first)
    return index < len(barriers) and barriers[index] < last


def normalize_paragraph(paragraph: Any, part: str, report: PartReport) -> None:
    """Join the paragraph's split tags into the text element where each starts and straighten quotes
    inside tags. Linear in the paragraph's text: the text is cut into slices, never copied per character."""
    texts = _own_texts(paragraph)
    if not texts:
        return
    pieces = [t.text or "" for t in texts]
    text = "".join(pieces)
    if "{" not in text:
        return
    spans, unclosed = _spans(text)
    for start, _opener in unclosed:
        report.unmended.append(Unmended(part, "unclosed", text[start : start + 40], text.strip()[:200]))
    starts = list(itertools.accumulate((len(piece) for piece in pieces[:-1]), initial=0))
    mended = _mend(paragraph, texts, text, starts, spans, part, report)
    if mended is not None:
        _rewrite(texts, text, starts, mended)


def _owner(starts: list[int], position: int) -> int:
    """The index of the text element holding the character at ``position`` (the last one that starts at or
    before it; an empty element holds nothing)."""
    import bisect

    return bisect.bisect_right(starts, position) - 1


def _mend(
    paragraph: Any,
    texts: list[Any],
    text: str,
    starts: list[int],
    spans: list[tuple[int, int]],
    part: str,
    report: PartReport,
) -> list[tuple[int, int, str]] | None:
    """The tags to move or straighten, as (start, end, the tag's new text): each goes wholly to the text
    element where it starts; None when nothing changes."""
    mended: list[tuple[int, int, str]] = []
    positions: list[int] = []
    barriers: list[int] = []
    for start, end in spans:
        tag = text[start:end]
        first, last = _owner(starts, start), _owner(starts, end - 1)
        if first != last and not positions:
            positions, barriers = _barriers(paragraph, texts)
        if first != last and _crosses(barriers, positions[first], positions[last]):
            report.unmended.append(Unmended(part, "not_text", tag, text.strip()[:200]))
            continue
        straight = tag.translate(_IN_TAG)
        report.quotes += straight != tag
        report.joined += first != last
        if straight != tag or first != last:
            mended.append((start, end, straight))
    return mended or None


def _rewrite(texts: list[Any], text: str, starts: list[int], mended: list[tuple[int, int, str]]) -> None:
    """Each text element's new text: its own characters outside the mended tags, and each mended tag
    whole in the element where it starts; emptied elements are removed."""
    rebuilt: list[list[str]] = [[] for _ in texts]
    position = 0

    def keep(until: int) -> None:
        """The original text from ``position`` to ``until``, each slice to the element holding it."""
        nonlocal position
        while position < until:
            index = _owner(starts, position)
            stop = min(until, starts[index + 1] if index + 1 < len(starts) else len(text))
            rebuilt[index].append(text[position:stop])
            position = stop

    for start, end, tag in mended:
        keep(start)
        rebuilt[_owner(starts, start)].append(tag)
        position = end
    keep(len(text))
    for element, chunks in zip(texts, rebuilt, strict=True):
        new = "".join(chunks)
        if new == (element.text or ""):
            continue
        element.text = new
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if not new:
            _drop_empty_text(element)


def _drop_empty_text(element: Any) -> None:
    """Remove an emptied ``w:t``, and its run when nothing but formatting is left in it."""
    run = element.getparent()
    _remove_keeping_tail(element)
    if run is not None and run.tag == f"{_W}r" and all(child.tag == f"{_W}rPr" for child in run):
        run.getparent().remove(run)


def normalize_xml(raw: bytes, part: str) -> tuple[bytes, PartReport]:
    """One part normalised (see the module's description); raises ``lxml.etree.XMLSyntaxError``."""
    from lxml import etree

    report = PartReport(part)
    root = etree.fromstring(raw, parser=_parser())
    report.revisions = _accept_revisions(root)
    for paragraph in root.iter(f"{_W}p"):
        normalize_paragraph(paragraph, part, report)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data, report


@dataclass(frozen=True)
class Normalised:
    """A template's normalised bytes and what normalising found, part by part."""

    data: bytes
    parts: tuple[PartReport, ...]

    @property
    def unmended(self) -> list[Unmended]:
        return [u for part in self.parts for u in part.unmended]

    @property
    def joined(self) -> int:
        return sum(p.joined for p in self.parts)

    @property
    def quotes(self) -> int:
        return sum(p.quotes for p in self.parts)

    @property
    def revisions(self) -> int:
        return sum(p.revisions for p in self.parts)


_CACHE: OrderedDict[str, Normalised] = OrderedDict()


def normalize_docx(data: bytes) -> Normalised:
    """The template ``data`` with every rendered part normalised (cached by the bytes' SHA-256). A part
    that does not parse is left as it is (the checks report it)."""
    from lxml import etree

    key = hashlib.sha256(data).hexdigest()
    found = _CACHE.get(key)
    if found is not None:
        _CACHE.move_to_end(key)
        return found
    reports: list[PartReport] = []
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            raw = source.read(info)
            if NORMALISED_PART.match(info.filename):
                try:
                    raw, report = normalize_xml(raw, info.filename)
                    reports.append(report)
                except etree.XMLSyntaxError:
                    pass
            target.writestr(info, raw)
    result = Normalised(out.getvalue(), tuple(reports))
    _CACHE[key] = result
    if len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def normalized(data: bytes) -> bytes:
    """The bytes to render from: :func:`normalize_docx`'s."""
    return normalize_docx(data).data


def tags_of(text: str) -> list[str]:
    """The tags in a text, in order."""
    return _TAG.findall(text)
