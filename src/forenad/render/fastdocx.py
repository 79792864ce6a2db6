"""The fast rendering path: the same document as :func:`forenad.render.docx_render.render_docx`, without
re-reading the template for every document.

docxtpl opens the template's zip and parses every part with python-docx, cleans the XML with regular
expressions, compiles it with Jinja, renders it, then python-docx serialises and deflates every part again,
and the checks after rendering unzip and parse it all once more and reopen it with python-docx. Of that, only
the Jinja rendering and what follows from it depend on the agreement. A :class:`CompiledTemplate` does the
rest once per template and process:

- the body, the headers and footers are cleaned (docxtpl's own ``patch_xml``) and compiled once;
- every other part is serialised as python-docx would (from a python-docx save of the unrendered template),
  deflated once and checked once (it parses; its tags are counted; python-docx reopens the package);
- per document, the parts that change (``word/document.xml``, headers, footers, ``docProps/core.xml``,
  ``docProps/custom.xml``) go through docxtpl's own steps (``resolve_listing``, ``fix_tables``, the
  ``docPr`` ids, python-docx's XML parser and serialiser), the missing-value markers are highlighted as
  :func:`~forenad.render.docx_render.highlight_markers` does, the changed parts are parsed again and their
  leftover tags counted, and the zip is assembled from the pre-deflated parts.

The result equals the plain path part by part (tests/test_batch_fast.py); only the zip timestamps and the
times in ``docProps/core.xml`` differ, as they do between any two renders.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from typing import Any

from forenad.i18n import Lang, t
from forenad.render.catalogue import Template
from forenad.render.context import MARKER_WORD
from forenad.render.docxtpl_fixes import CORE_RENDERED, replace_linear, resolve_listing
from forenad.render.environment import BRACE_BUDGET, environment
from forenad.render.errors import RenderCheckError
from forenad.render.sandbox import translated
from forenad.render.zipwriter import Member, deflate, write_zip

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TAG = re.compile(r"\{\{|\{%")
_P_OPEN = re.compile(r"<w:p([ >])")
_P_NEWLINE = re.compile(r"\n<w:p([ >])")
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CACHE_SIZE = 16


class FastPathUnsupported(Exception):
    """The template uses something the fast path does not reproduce (footnotes); use the plain path."""


@dataclass(frozen=True, slots=True)
class _Part:
    member: str
    source: Any  # jinja2.Template
    encoding: str


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _tags(root: Any) -> list[tuple[int, str]]:
    """(count, paragraph text) for every paragraph with ``{{``/``{%`` in it, as the post-render check."""
    found = []
    for paragraph in root.iter(f"{{{_W_NS}}}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{{{_W_NS}}}t"))
        count = len(_TAG.findall(text))
        if count:
            found.append((count, text.strip()[:120]))
    return found


def _broken(name: str, exc: Exception) -> RenderCheckError:
    return RenderCheckError(
        t(f"XML-delen {name} går inte att läsa: {exc}", f"the XML part {name} does not parse: {exc}")
    )


@dataclass(frozen=True, slots=True)
class Skeleton:
    """What a template gives every render, as plain data, so that it can be kept on disk
    (:mod:`forenad.cache`) and a new process skips docxtpl's parsing, the normalising, python-docx's save
    and the checks of the static parts: the Jinja sources (body, headers and footers, core properties), the
    core properties and the document element without its body as XML, the part names that change per
    document, the other parts deflated, and the tags left in them."""

    body: str
    parts: tuple[tuple[str, str, str], ...]  # (member, Jinja source, encoding)
    core_sources: tuple[tuple[str, str], ...]  # (core property, Jinja source)
    core: bytes
    shell: bytes
    core_member: str
    document_member: str
    custom_member: str
    members: tuple[Member | str, ...]  # a name: a part rendered per document
    static_tags: tuple[tuple[int, str, str], ...]


def skeleton(template: Template) -> Skeleton:
    """Build the :class:`Skeleton` of a template (raises :class:`FastPathUnsupported` for footnotes, and
    :class:`~forenad.render.errors.RenderCheckError` for a static part that does not parse)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docxtpl import DocxTemplate
    from lxml import etree

    from forenad.render.normalize import normalized
    from forenad.render.provenance import set_custom_properties

    tpl = DocxTemplate(io.BytesIO(normalized(template.data)))
    tpl.render_init()
    document = tpl.docx
    package = document.part.package
    if any(part.content_type == _FOOTNOTES for part in package.iter_parts()):
        raise FastPathUnsupported(template.label)
    body = _P_OPEN.sub(r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
    parts = []
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _rel, part in tpl.get_headers_footers(uri):
            xml = tpl.get_part_xml(part)
            source = _P_OPEN.sub(r"\n<w:p\1", tpl.patch_xml(xml))
            parts.append((part.partname.membername, source, tpl.get_headers_footers_encoding(xml)))
    core = document.core_properties  # python-docx adds a default part when there is none
    core_sources = tuple((name, str(getattr(core, name))) for name in CORE_RENDERED)
    core_xml = etree.tostring(core._element)
    shell = copy.deepcopy(document.element)
    for child in list(shell.body):
        shell.body.remove(child)
    set_custom_properties(document, {})
    custom_member = next(
        rel.target_part.partname.membername
        for rel in package.rels.values()
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external
    )
    out = io.BytesIO()
    document.save(out)
    document_member = document.part.partname.membername
    core_member = package._core_properties_part.partname.membername
    dynamic = {document_member, core_member, custom_member} | {member for member, _, _ in parts}
    members, static_tags = _check_skeleton(out.getvalue(), dynamic)
    return Skeleton(
        body, tuple(parts), core_sources, core_xml, etree.tostring(shell), core_member, document_member,
        custom_member, tuple(members), tuple(static_tags),
    )  # fmt: skip


def _check_skeleton(data: bytes, dynamic: set[str]) -> tuple[list[Member | str], list[tuple[int, str, str]]]:
    """Deflate and check the parts that never change (their order is python-docx's): (the members, the
    tags left in them)."""
    import zipfile

    import docx
    from lxml import etree

    members: list[Member | str] = []
    static_tags: list[tuple[int, str, str]] = []
    parser = _parser()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name in dynamic:
                members.append(name)
                continue
            raw = archive.read(name)
            members.append(deflate(name, raw))
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                root = etree.fromstring(raw, parser=parser)
            except etree.XMLSyntaxError as exc:
                raise _broken(name, exc) from None
            if name.startswith("word/") and b"{" in raw:
                static_tags += [(count, name, text) for count, text in _tags(root)]
    try:
        docx.Document(io.BytesIO(data))
    except Exception as exc:  # as the plain path: any failure means a broken package
        raise RenderCheckError(
            t(
                f"python-docx kan inte öppna dokumentet: {exc}",
                f"python-docx cannot reopen the document: {exc}",
            )
        ) from None
    return members, static_tags


@cache
def _code_digest() -> bytes:
    """The versions and code a skeleton depends on besides the template's bytes."""
    import hashlib
    import sys
    from importlib.metadata import version
    from pathlib import Path

    from forenad.render import docxtpl_fixes, normalize, provenance

    digest = hashlib.sha256(f"{version('docxtpl')}\0{version('python-docx')}\0{version('lxml')}".encode())
    for module in (sys.modules[__name__], normalize, docxtpl_fixes, provenance):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.digest()


def cached_skeleton(template: Template) -> Skeleton:
    """The template's :class:`Skeleton`, from the disk cache when an earlier process built it."""
    from forenad.cache import cached, key_of

    return cached("fastdocx", key_of("fastdocx", [template.data, _code_digest()]), lambda: skeleton(template))


class CompiledTemplate:
    """One template prepared for many renders in one language (see the module's description)."""

    def __init__(self, template: Template, lang: Lang) -> None:
        from docx.oxml.parser import parse_xml

        self.template = template
        self.lang: Lang = lang
        bones = cached_skeleton(template)
        env = environment(lang)
        with translated(template.label):
            self._body = env.from_string(bones.body)
            self._parts = [
                _Part(member, env.from_string(source), encoding) for member, source, encoding in bones.parts
            ]
            plain = environment(lang, markup=False)  # core properties are plain text, not XML
            self._core_sources = {name: plain.from_string(source) for name, source in bones.core_sources}
        # python-docx's element classes (CT_CoreProperties, CT_Document), as the template's own elements
        self._core: Any = parse_xml(bones.core)
        self._shell: Any = parse_xml(bones.shell)
        self._core_member = bones.core_member
        self._document_member = bones.document_member
        self._custom_member = bones.custom_member
        self._members = list(bones.members)
        self._static_tags = list(bones.static_tags)

    def render(self, context: dict[str, Any], properties: dict[str, str], title: str | None = None) -> bytes:
        """The document's bytes; raises as :func:`~forenad.render.docx_render.render_docx` does."""
        budget = [0]
        token = BRACE_BUDGET.set(budget)
        try:
            with translated(self.template.label):
                document = self._render_body(context)
                parts = {part.member: self._render_part(part, context) for part in self._parts}
                core = self._render_core(context, title)
        finally:
            BRACE_BUDGET.reset(token)
        from forenad.render.provenance import custom_properties_xml

        changed = {
            self._document_member: document,
            self._core_member: core,
            self._custom_member: custom_properties_xml(properties),
            **parts,
        }
        self._verify(changed, budget[0])
        members = (
            deflate(entry, changed[entry]) if isinstance(entry, str) else entry for entry in self._members
        )
        return write_zip(members)

    def _render_body(self, context: dict[str, Any]) -> bytes:
        from docx.oxml.ns import nsmap
        from lxml import etree

        from forenad.render.markers import highlight_markers_in

        tree = _DOCXTPL.fix_tables(_after_render(self._body.render(context)))
        for number, element in enumerate(tree.xpath("//wp:docPr", namespaces=nsmap), start=1001):
            element.attrib["id"] = str(number)
        root = copy.deepcopy(self._shell)
        replace_linear(root, root.body, tree)
        highlight_markers_in(root.body, MARKER_WORD[self.lang])
        return etree.tostring(root, encoding="UTF-8", standalone=True)

    def _render_part(self, part: _Part, context: dict[str, Any]) -> bytes:
        from docx.oxml.parser import parse_xml
        from lxml import etree

        from forenad.render.markers import highlight_markers_in

        xml = _after_render(part.source.render(context)).encode(part.encoding)
        root = parse_xml(xml)
        highlight_markers_in(root, MARKER_WORD[self.lang])  # as the plain path does in headers and footers
        return etree.tostring(root, encoding="UTF-8", standalone=True)

    def _render_core(self, context: dict[str, Any], title: str | None) -> bytes:
        from docx.opc.coreprops import CoreProperties
        from lxml import etree

        element = copy.deepcopy(self._core)
        core = CoreProperties(element)
        for name, source in self._core_sources.items():
            setattr(core, name, source.render(context))
        if title is not None:
            core.title = title
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        core.created = core.modified = now
        core.revision = 1
        core.author = core.last_modified_by = "forenad"
        core.comments = f"forenad: {self.template.id} {self.template.spec.version}"
        return etree.tostring(element, encoding="UTF-8", standalone=True)

    def _verify(self, changed: dict[str, bytes], value_braces: int) -> None:
        """The post-render check on the changed parts (the others were checked once)."""
        from lxml import etree

        parser = _parser()
        leftovers = list(self._static_tags)
        for name, raw in changed.items():
            try:
                root = etree.fromstring(raw, parser=parser)
            except etree.XMLSyntaxError as exc:
                raise _broken(name, exc) from None
            if name.startswith("word/") and b"{" in raw:
                leftovers += [(count, name, text) for count, text in _tags(root)]
        if sum(count for count, _, _ in leftovers) > value_braces:
            where = "; ".join(f"{name}: {text!r}" for _, name, text in leftovers[:3])
            raise RenderCheckError(
                t(
                    f"mallkoder finns kvar i texten efter återgivningen ({where})",
                    f"template tags are left in the text after rendering ({where})",
                )
            )


def _after_render(xml: str) -> str:
    """docxtpl's steps after Jinja (``render_xml_part``)."""
    xml = _P_NEWLINE.sub(r"<w:p\1", xml)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return resolve_listing(xml)  # docxtpl's, on the paragraphs it changes


class _Helper:
    """docxtpl's stateless XML helpers (``resolve_listing``, ``fix_tables``) without a document."""

    def __getattr__(self, name: str) -> Any:
        from docxtpl import DocxTemplate

        method = getattr(DocxTemplate, name)
        return lambda *args: method(None, *args)


_DOCXTPL = _Helper()
_CACHE: OrderedDict[tuple[bytes, str, str], CompiledTemplate] = OrderedDict()


def compiled(template: Template, lang: Lang) -> CompiledTemplate:
    """The compiled template for ``lang``, kept for the process (a small LRU)."""
    key = (template.data, template.label, lang)
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = CompiledTemplate(template, lang)
        if len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return found


def render_docx_fast(
    template: Template,
    context: dict[str, Any],
    lang: Lang,
    properties: dict[str, str],
    title: str | None = None,
) -> bytes:
    """:func:`~forenad.render.docx_render.render_docx`, through the compiled template (the plain path for a
    template the fast path does not reproduce)."""
    try:
        prepared = compiled(template, lang)
    except FastPathUnsupported:
        from forenad.render.docx_render import render_docx

        return render_docx(template, context, lang, properties, title=title)
    return prepared.render(context, properties, title)
