# ruff: noqa: E501  (the templates' text: long Swedish sentences read better unbroken)
"""Build forenad's Word templates from code: ``templates/<id>/{template.docx,template.yaml}``.

Usage::

    python tools/build_templates.py            # write every template and its sidecar
    python tools/build_templates.py --check    # exit 1 if a committed template differs from what is built

The documents are generated with python-docx, so every template is reproducible from this file: fixed zip
timestamps and core properties, Word styles (Title, Subtitle, Heading 1/2 numbered with Word numbering,
Normal, List Bullet, table styles), an A4 page, a header with the agreement id (``UTKAST`` in a draft) and
page numbers (``PAGE``/``NUMPAGES`` fields) in the footer. Every tag is written into a single run, so no tag
is ever split across runs. The sidecar's ``fields`` are what ``forenad templates check`` finds the template
using, so they cannot drift from the document.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "templates"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
ACCENT = RGBColor(0x1F, 0x38, 0x64)
HEADER_FILL = "DCE3EE"
NUMBERING_ID = 90
TEXT_WIDTH_MM = 160

Seg = str | tuple[str, str]
"""A run of text: plain, or (style, text) with style ``b`` (bold) or ``i`` (italic)."""

PART_TITLE = "{% if part.title %}{{ part.title }}{% else %}{{ part.position|label|cap }}{% endif %}"


# --------------------------------------------------------------------------------------------------------
# The document builder
# --------------------------------------------------------------------------------------------------------


def _el(tag: str, **attrs: str) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


_PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]  # fmt: skip


def _insert_ppr(ppr: OxmlElement, child: OxmlElement) -> None:
    """Insert ``child`` into a ``w:pPr`` at the position the schema requires (Word is strict about it)."""
    name = child.tag.split("}")[1]
    rank = _PPR_ORDER.index(name)
    for existing in ppr.findall(qn(f"w:{name}")):
        ppr.remove(existing)
    for index, sibling in enumerate(ppr):
        sibling_name = sibling.tag.split("}")[1]
        if sibling_name in _PPR_ORDER and _PPR_ORDER.index(sibling_name) > rank:
            ppr.insert(index, child)
            return
    ppr.append(child)


def _set_cell_fill(cell: object, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = _el("w:shd", val="clear", color="auto", fill=fill)
    # tcPr order: tcW, gridSpan, vMerge, tcBorders, shd, …: shd goes after any of the first four.
    anchor = None
    for name in ("tcW", "gridSpan", "vMerge", "tcBorders"):
        found = tcpr.find(qn(f"w:{name}"))
        if found is not None:
            anchor = found
    if anchor is None:
        tcpr.insert(0, shd)
    else:
        anchor.addnext(shd)


def _set_widths(table: object, widths_mm: Sequence[float]) -> None:
    """Column widths in the grid (what LibreOffice reads) and in every cell (what Word reads)."""
    tbl = table._tbl  # type: ignore[attr-defined]
    for column, width in zip(tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        column.w = Mm(width)
    tbl_w = tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(int(Mm(sum(widths_mm)).twips)))
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


class Builder:
    """A Word document in forenad's house style, with helpers that keep every tag in one run."""

    def __init__(self, lang: str, description: str) -> None:
        self.lang = lang
        self.doc = Document()
        self._page()
        self._styles()
        self._numbering()
        self._header_footer()
        self._core(description)

    def tr(self, sv: str, en: str) -> str:
        return en if self.lang == "en" else sv

    # -- setup -------------------------------------------------------------------------------------------
    def _page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(25), Mm(22)
        section.header_distance = section.footer_distance = Mm(11)

    def _styles(self) -> None:
        styles = self.doc.styles
        # Document language (spelling and hyphenation) in the defaults.
        rpr_default = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for old in rpr_default.findall(qn("w:lang")):
            rpr_default.remove(old)
        rpr_default.append(_el("w:lang", val=self.tr("sv-SE", "en-GB"), eastAsia="en-US", bidi="ar-SA"))

        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.12

        title = styles["Title"]
        title.font.name = "Calibri"
        title.font.size = Pt(22)
        title.font.bold = True
        title.font.color.rgb = ACCENT
        title.paragraph_format.space_after = Pt(2)

        subtitle = styles["Subtitle"]
        subtitle.font.name = "Calibri"
        subtitle.font.size = Pt(12)
        subtitle.font.italic = False
        subtitle.font.color.rgb = RGBColor(0x44, 0x54, 0x6A)
        subtitle.paragraph_format.space_after = Pt(10)

        for name, size, before in (("Heading 1", 13, 14), ("Heading 2", 11, 8)):
            heading = styles[name]
            heading.font.name = "Calibri"
            heading.font.size = Pt(size)
            heading.font.bold = True
            heading.font.italic = False
            heading.font.color.rgb = ACCENT
            heading.paragraph_format.space_before = Pt(before)
            heading.paragraph_format.space_after = Pt(4)
            heading.paragraph_format.keep_with_next = True

        annex = styles.add_style("Bilagerubrik", WD_STYLE_TYPE.PARAGRAPH)
        annex.base_style = styles["Heading 1"]
        annex.next_paragraph_style = normal
        annex.quick_style = True
        ppr = annex.element.get_or_add_pPr()
        num_pr = _el("w:numPr")
        num_pr.append(_el("w:ilvl", val="0"))
        num_pr.append(_el("w:numId", val="0"))
        _insert_ppr(ppr, num_pr)

        no_hyphens = _el("w:suppressAutoHyphens")
        _insert_ppr(annex.element.get_or_add_pPr(), no_hyphens)

        note = styles.add_style("Anmärkning", WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.size = Pt(9)
        note.font.italic = True
        note.font.color.rgb = RGBColor(0x44, 0x54, 0x6A)

        cell = styles.add_style("Tabelltext", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(9.5)
        cell.paragraph_format.space_after = Pt(0)
        cell.paragraph_format.line_spacing = 1.0

        head = styles.add_style("Tabellrubrik", WD_STYLE_TYPE.PARAGRAPH)
        head.base_style = cell
        head.font.bold = True

        line = styles.add_style("Signaturlinje", WD_STYLE_TYPE.PARAGRAPH)
        line.base_style = cell
        line.paragraph_format.space_before = Pt(26)
        border = _el("w:pBdr")
        border.append(_el("w:bottom", val="single", sz="6", space="1", color="404040"))
        _insert_ppr(line.element.get_or_add_pPr(), border)

        label = styles.add_style("Signaturtext", WD_STYLE_TYPE.PARAGRAPH)
        label.base_style = cell
        label.font.size = Pt(8.5)
        label.font.color.rgb = RGBColor(0x44, 0x54, 0x6A)

        # The annex of findings: text that is never hyphenated (rule ids, field names, messages).
        annex_text = styles.add_style("Bilagetext", WD_STYLE_TYPE.PARAGRAPH)
        annex_text.base_style = normal
        _insert_ppr(annex_text.element.get_or_add_pPr(), _el("w:suppressAutoHyphens"))
        annex_cell = styles.add_style("Bilagetabell", WD_STYLE_TYPE.PARAGRAPH)
        annex_cell.base_style = cell
        _insert_ppr(annex_cell.element.get_or_add_pPr(), _el("w:suppressAutoHyphens"))

    def _numbering(self) -> None:
        """Heading 1 and 2 numbered 1., 1.1 through one Word list bound to the two styles."""
        numbering = self.doc.part.numbering_part.element
        abstract = _el("w:abstractNum", abstractNumId=str(NUMBERING_ID))
        abstract.append(_el("w:multiLevelType", val="multilevel"))
        for level, (style, text) in enumerate((("Heading1", "%1."), ("Heading2", "%1.%2"))):
            lvl = _el("w:lvl", ilvl=str(level))
            lvl.append(_el("w:start", val="1"))
            lvl.append(_el("w:numFmt", val="decimal"))
            lvl.append(_el("w:pStyle", val=style))
            lvl.append(_el("w:lvlText", val=text))
            lvl.append(_el("w:lvlJc", val="left"))
            ppr = _el("w:pPr")
            ppr.append(_el("w:ind", left="567", hanging="567"))
            lvl.append(ppr)
            abstract.append(lvl)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = _el("w:num", numId=str(NUMBERING_ID))
        num.append(_el("w:abstractNumId", val=str(NUMBERING_ID)))
        numbering.append(num)
        for level, style in enumerate(("Heading 1", "Heading 2")):
            ppr = self.doc.styles[style].element.get_or_add_pPr()
            num_pr = _el("w:numPr")
            if level:
                num_pr.append(_el("w:ilvl", val=str(level)))
            num_pr.append(_el("w:numId", val=str(NUMBERING_ID)))
            _insert_ppr(ppr, num_pr)

    def _header_footer(self) -> None:
        section = self.doc.sections[0]
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header.add_run(
            self.tr(
                "{% if doc.draft %}UTKAST · {% endif %}{{ id }}",
                "{% if doc.draft %}DRAFT · {% endif %}{{ id }}",
            )
        )
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(self.tr("Sida ", "Page "))
        self._field(footer, "PAGE")
        footer.add_run(self.tr(" av ", " of "))
        self._field(footer, "NUMPAGES")

    @staticmethod
    def _field(paragraph: object, instruction: str) -> None:
        p = paragraph._p  # type: ignore[attr-defined]
        for kind in ("begin", "instr", "separate", "result", "end"):
            run = OxmlElement("w:r")
            if kind == "instr":
                text = OxmlElement("w:instrText")
                text.set(qn("xml:space"), "preserve")
                text.text = f" {instruction} "
                run.append(text)
            elif kind == "result":
                text = OxmlElement("w:t")
                text.text = "1"
                run.append(text)
            else:
                run.append(_el("w:fldChar", fldCharType=kind))
            p.append(run)

    def _core(self, description: str) -> None:
        import datetime as dt

        core = self.doc.core_properties
        core.author = "forenad"
        core.last_modified_by = "forenad"
        core.title = description
        core.subject = ""
        core.comments = self.tr(
            "Mall för forenad. Redigera i Word eller LibreOffice och granska med forenad templates check.",
            "A forenad template. Edit it in Word or LibreOffice and check it with forenad templates check.",
        )
        core.keywords = "forenad"
        core.revision = 1
        core.created = core.modified = dt.datetime(*FIXED_TIME)
        core.language = self.tr("sv-SE", "en-GB")
        # Drop the default template's thumbnail (a picture of an empty page).
        package = self.doc.part.package
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                del package.rels[rel_id]

    # -- content -----------------------------------------------------------------------------------------
    def para(
        self, *segments: Seg, style: str | None = None, align: str | None = None, keep: bool = False
    ) -> object:
        """A paragraph; ``keep`` keeps it on the page of the next one (keep with next)."""
        paragraph = self.doc.add_paragraph(style=style)
        for segment in segments:
            self._run(paragraph, segment)
        if align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if keep:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    @staticmethod
    def _run(paragraph: object, segment: Seg) -> None:
        if isinstance(segment, tuple):
            kind, text = segment
            run = paragraph.add_run(text)  # type: ignore[attr-defined]
            run.bold = "b" in kind
            run.italic = "i" in kind
        else:
            paragraph.add_run(segment)  # type: ignore[attr-defined]

    def tag(self, code: str) -> None:
        """A paragraph holding only a paragraph-level tag (``{%p … %}``); docxtpl removes the paragraph."""
        self.doc.add_paragraph().add_run(code)

    def title(self, text: str, subtitle: str) -> None:
        self.para(text, style="Title")
        self.para(subtitle, style="Subtitle")

    def h1(self, *segments: Seg) -> None:
        self.para(*segments, style="Heading 1")

    def h2(self, *segments: Seg) -> None:
        self.para(*segments, style="Heading 2")

    def bullet(self, *segments: Seg) -> None:
        self.para(*segments, style="List Bullet")

    def note(self, *segments: Seg) -> None:
        self.para(*segments, style="Anmärkning")

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(
        self,
        headers: Sequence[str],
        widths_mm: Sequence[float],
        row: Sequence[str | Sequence[Seg]],
        loop: tuple[str, str] | None = None,
        total: Sequence[str] | None = None,
        first_column_bold: bool = False,
        cell_style: str = "Tabelltext",
    ) -> object:
        """A grid table: a repeated header row, an optional ``{%tr for %}`` loop around ``row``, a total."""
        rows: list[tuple[str, Sequence[str | Sequence[Seg]]]] = []
        if loop:
            rows.append(("tag", [loop[0]] + [""] * (len(headers) - 1)))
        rows.append(("row", row))
        if loop:
            rows.append(("tag", [loop[1]] + [""] * (len(headers) - 1)))
        if total:
            rows.append(("total", total))
        table = self.doc.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        head = table.rows[0]
        tr_pr = head._tr.get_or_add_trPr()
        tr_pr.append(_el("w:tblHeader"))
        for i, text in enumerate(headers):
            cell = head.cells[i]
            cell.paragraphs[0].style = self.doc.styles["Tabellrubrik"]
            cell.paragraphs[0].add_run(text)
            _set_cell_fill(cell, HEADER_FILL)
        for r, (kind, values) in enumerate(rows, start=1):
            cells = table.rows[r].cells
            for i, value in enumerate(values):
                paragraph = cells[i].paragraphs[0]
                paragraph.style = self.doc.styles["Tabellrubrik" if kind == "total" else cell_style]
                segments: Sequence[Seg] = [value] if isinstance(value, str) else value
                for segment in segments:
                    if first_column_bold and i == 0 and kind == "row" and isinstance(segment, str):
                        segment = ("b", segment)
                    self._run(paragraph, segment)
        _set_widths(table, widths_mm)
        self.doc.add_paragraph(style="Tabelltext")
        return table

    def items_table(
        self,
        headers: Sequence[str],
        widths_mm: Sequence[float],
        items: Sequence[tuple[str, str, str | tuple[str]]],
        loop: str,
    ) -> None:
        """A table of numbered items: (number, item, text); a text in a 1-tuple is a paragraph per loop
        iteration (``loop`` … ``{%p endfor %}`` inside the cell)."""
        table = self.doc.add_table(rows=1 + len(items), cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        head = table.rows[0]
        head._tr.get_or_add_trPr().append(_el("w:tblHeader"))
        for i, text in enumerate(headers):
            cell = head.cells[i]
            cell.paragraphs[0].style = self.doc.styles["Tabellrubrik"]
            cell.paragraphs[0].add_run(text)
            _set_cell_fill(cell, HEADER_FILL)
        for r, (number, item, text) in enumerate(items, start=1):
            row = table.rows[r]
            row._tr.get_or_add_trPr().append(_el("w:cantSplit"))
            cells = row.cells
            for cell, value in ((cells[0], number), (cells[1], item)):
                cell.paragraphs[0].style = self.doc.styles["Tabelltext"]
                cell.paragraphs[0].add_run(value)
            cell = cells[2]
            if isinstance(text, tuple):
                cell.paragraphs[0].style = self.doc.styles["Tabelltext"]
                cell.paragraphs[0].add_run(loop)
                cell.add_paragraph(text[0], style="Tabelltext")
                cell.add_paragraph("{%p endfor %}", style="Tabelltext")
            else:
                cell.paragraphs[0].style = self.doc.styles["Tabelltext"]
                cell.paragraphs[0].add_run(text)
        _set_widths(table, widths_mm)
        self.doc.add_paragraph(style="Tabelltext")

    def signatures(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """Signature blocks: for each ``(loop start, block heading, name line, loop end)`` group of rows.

        ``rows`` are tuples (kind, heading, name): kind ``tag`` puts a ``{%tr %}`` tag in a row of its own;
        kind ``block`` is a block with a heading, a date line and a signature line with the name under it.
        """
        table = self.doc.add_table(rows=len(rows), cols=2)
        table.autofit = False
        for r, (kind, heading, name) in enumerate(rows):
            left, right = table.rows[r].cells
            if kind == "tag":
                left.paragraphs[0].add_run(heading)
                continue
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            tr_pr.append(_el("w:cantSplit"))
            first = left.paragraphs[0]
            first.style = self.doc.styles["Tabellrubrik"]
            first.paragraph_format.space_before = Pt(14)
            first.add_run(heading)
            left.add_paragraph(style="Signaturlinje")
            left.add_paragraph(self.tr("Ort och datum", "Place and date"), style="Signaturtext")
            spacer = right.paragraphs[0]
            spacer.style = self.doc.styles["Tabelltext"]
            spacer.paragraph_format.space_before = Pt(14)
            right.add_paragraph(style="Signaturlinje")
            right.add_paragraph(self.tr("Underskrift", "Signature"), style="Signaturtext")
            right.add_paragraph(name, style="Tabelltext")
        # The block stays together and with the text above it: every paragraph keeps with the next.
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        _set_widths(table, (70, 90))
        self.doc.add_paragraph()

    # -- output ------------------------------------------------------------------------------------------
    def docx_bytes(self) -> bytes:
        """The document with fixed zip timestamps, and its language in every part that names one."""
        raw = io.BytesIO()
        self.doc.save(raw)
        out = io.BytesIO()
        lang = self.tr("sv-SE", "en-GB").encode()
        with (
            zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                item = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
                item.compress_type = zipfile.ZIP_DEFLATED
                item.external_attr = 0o644 << 16
                data = source.read(info.filename)
                if info.filename in ("word/stylesWithEffects.xml", "word/settings.xml"):
                    data = re.sub(rb'(<w:(?:lang|themeFontLang) w:val=")[^"]*(")', rb"\g<1>" + lang + rb"\g<2>", data)
                target.writestr(item, data)
        return out.getvalue()


# --------------------------------------------------------------------------------------------------------
# Sections shared by the agreements
# --------------------------------------------------------------------------------------------------------
#
# ``kind`` names the agreement: forenad, kombination, delad (region–kommun), tjanstekop, adjungering,
# doktorand (kombinationsdoktorand).

PERSON_ROLE = {
    "doktorand": ("arbetstagaren och doktoranden", "the employee and doctoral student"),
}


def opening(b: Builder, subtitle: str) -> None:
    b.title("{{ title }}", subtitle)
    b.para(
        b.tr(
            "Avtal {{ id }} · {{ model|label|cap }} · gäller från och med {{ start_date|datum }}"
            "{% if end_date %} till och med {{ end_date|datum }}{% endif %}",
            "Agreement {{ id }} · {{ model|label|cap }} · in force from {{ start_date|datum }}"
            "{% if end_date %} until {{ end_date|datum }}{% endif %}",
        ),
        style="Anmärkning",
    )
    if b.lang == "en":
        b.note(
            "This English text is a translation. Where a Swedish version of the agreement is signed, the Swedish "
            "version prevails in case of any difference."
        )
    b.tag("{%p if doc.draft %}")
    b.note(
        b.tr(
            "Utkast framtaget med forenad {{ doc.forenad_version }} den {{ doc.evaluated_on|datum }}. "
            "Uppgifter som saknas i avtalsfilen är markerade «SAKNAS: …». Bilagan Att åtgärda före "
            "undertecknande listar vad regelprövningen har funnit.",
            "Draft made with forenad {{ doc.forenad_version }} on {{ doc.evaluated_on|datum }}. Values missing "
            "from the agreement file are marked «MISSING: …». The annex To resolve before signing lists what "
            "the rule checks found.",
        )
    )
    b.tag("{%p endif %}")


def parties(b: Builder, kind: str) -> None:
    b.h1(b.tr("Parter", "Parties"))
    if kind == "tjanstekop":
        b.para(
            b.tr(
                "Avtalet är träffat mellan arbetsgivaren, som säljer en del av arbetstagarens arbetstid som en "
                "tjänst, och köparen.",
                "This agreement is made between the employer, which sells part of the employee's working time as "
                "a service, and the buyer.",
            )
        )
    else:
        b.para(
            b.tr(
                "Avtalet är träffat mellan följande parter.",
                "This agreement is made between the following parties.",
            )
        )
    b.tag("{%p for e in employers %}")
    b.bullet(
        ("b", "{{ e.name }}"),
        b.tr(
            ", organisationsnummer {{ e.organisationsnummer }}{% if e.address %}, {{ e.address }}{% endif %} "
            "({{ e.kind|label }})"
            + (
                "{% if e.id == main_employer or (cost_settlement.invoicing and e.id == "
                "cost_settlement.invoicing.seller) %}, arbetsgivaren (säljaren){% elif cost_settlement.invoicing "
                "and e.id == cost_settlement.invoicing.buyer %}, köparen{% endif %}"
                if kind == "tjanstekop"
                else "{% if e.id == main_employer %}, huvudarbetsgivare{% endif %}"
            ),
            ", organisation number {{ e.organisationsnummer }}{% if e.address %}, {{ e.address }}{% endif %} "
            "({{ e.kind|label }})"
            + (
                "{% if e.id == main_employer or (cost_settlement.invoicing and e.id == "
                "cost_settlement.invoicing.seller) %}, the employer (the seller){% elif cost_settlement.invoicing "
                "and e.id == cost_settlement.invoicing.buyer %}, the buyer{% endif %}"
                if kind == "tjanstekop"
                else "{% if e.id == main_employer %}, main employer{% endif %}"
            ),
        ),
    )
    b.tag("{%p endfor %}")
    if kind == "tjanstekop":
        b.para(
            b.tr(
                "Avtalet gäller arbetstagaren {{ person.name }}{% if person.profession %}, {{ person.profession }}"
                "{% endif %}, som har tagit del av det och samtycker till det (avsnittet Arbetstagarens samtycke).",
                "The agreement concerns the employee {{ person.name }}{% if person.profession %}, "
                "{{ person.profession }}{% endif %}, who has read it and consents to it (see The employee's "
                "consent).",
            )
        )
        return
    role_sv, role_en = PERSON_ROLE.get(kind, ("arbetstagaren", "the employee"))
    b.bullet(
        ("b", "{{ person.name }}"),
        b.tr(
            "{% if person.profession %}, {{ person.profession }}{% endif %} (" + role_sv + ")",
            "{% if person.profession %}, {{ person.profession }}{% endif %} (" + role_en + ")",
        ),
    )


def background(b: Builder, kind: str) -> None:
    b.h1(b.tr("Bakgrund och syfte", "Background and purpose"))
    BACKGROUNDS[kind](b)


def _background_forenad(b: Builder) -> None:
    b.para(
        b.tr(
            "{% if fact('forenad_other_employment') == 'klinisk' %}Enligt 3 kap. 8 § högskolelagen (1992:1434) "
            "och 4 kap. 2 § högskoleförordningen (1993:100) i dess lydelse före den 15 juli 2025 får en "
            "anställning som professor eller lektor förenas med en klinisk anställning inom hälso- och "
            "sjukvården.{% else %}Enligt 4 kap. 2 § högskoleförordningen (1993:100, i lydelse enligt SFS "
            "2025:667) får en högskola besluta att en anställning som professor, lektor, biträdande lektor "
            "eller en annan anställning som lärare vid högskolan ska vara förenad med en anställning utanför "
            "högskolan.{% if fact('has_health_care_principal') %} Bestämmelser om förenade anställningar inom "
            "hälso- och sjukvården finns också i 3 kap. 8 § högskolelagen (1992:1434).{% endif %}{% endif %}",
            "{% if fact('forenad_other_employment') == 'klinisk' %}Under Chapter 3, Section 8 of the Higher "
            "Education Act (1992:1434) and Chapter 4, Section 2 of the Higher Education Ordinance (1993:100) as "
            "worded before 15 July 2025, a post as professor or senior lecturer may be combined with a clinical "
            "post in health care.{% else %}Under Chapter 4, Section 2 of the Higher Education Ordinance "
            "(1993:100, as worded by SFS 2025:667), a higher education institution may decide that a post as "
            "professor, senior lecturer, associate senior lecturer or another teaching post at the institution "
            "shall be combined with an employment outside the institution.{% if "
            "fact('has_health_care_principal') %} Provisions on joint posts in health care are also found in "
            "Chapter 3, Section 8 of the Higher Education Act (1992:1434).{% endif %}{% endif %}",
        )
    )
    b.para(
        b.tr(
            "{% if model == 'forenad_en_arbetsgivare' %}{{ main_employer|employer_name }} är ensam arbetsgivare "
            "för hela tjänsten. {% if fact('has_health_care_principal') %}Den kliniska tjänstgöringen{% else %}"
            "Arbetet utanför lärosätet{% endif %} utförs som ett uppdrag hos den organisation som anges "
            "i avsnittet om omfattning och fördelning och leds där av verksamhetens chef.{% else %}Arbetstagaren "
            "har en anställning hos vardera arbetsgivaren. Anställningarna är förenade och samordnas genom detta "
            "avtal.{% endif %}",
            "{% if model == 'forenad_en_arbetsgivare' %}{{ main_employer|employer_name }} is the only employer for "
            "the whole post. {% if fact('has_health_care_principal') %}The clinical work{% else %}The work outside "
            "the institution{% endif %} is done as an assignment at the organisation named under Extent "
            "and allocation and is led there by its head of department.{% else %}The employee has an employment "
            "with each employer. The employments are combined and coordinated through this agreement.{% endif %}",
        )
    )
    b.para(
        b.tr(
            "Syftet med avtalet är att förena forskning, utbildning och {% if fact('has_health_care_principal') "
            "%}hälso- och sjukvård{% else %}verksamheten utanför lärosätet{% endif %} i en tjänst och att "
            "skriftligen reglera hur arbetsgivaransvar, villkor och kostnader fördelas mellan parterna, så att "
            "arbetstagaren har tydliga villkor i alla delar.",
            "The purpose of the agreement is to combine research, education and {% if "
            "fact('has_health_care_principal') %}health care{% else %}the work outside the institution{% endif "
            "%} in one post and to set out in writing how employer responsibilities, terms and costs are shared "
            "between the parties, so that the employee has clear terms in every part.",
        )
    )


def _background_kombination(b: Builder) -> None:
    b.para(
        b.tr(
            "Tjänsten kombinerar arbete hos {{ fact('employing_employers')|employer_name }}. Arbetstagaren har en "
            "anställning hos var och en av arbetsgivarna. Anställningarna är självständiga men samordnas genom "
            "detta avtal.{% if fact('has_larosate') %} Anställningen vid lärosätet är inte förenad med den andra "
            "anställningen i den mening som avses i 4 kap. 2 § högskoleförordningen (1993:100).{% endif %}",
            "The post combines work with {{ fact('employing_employers')|employer_name }}. The employee has an "
            "employment with each of the employers. The employments are independent but coordinated through this "
            "agreement.{% if fact('has_larosate') %} The employment at the university is not combined with the "
            "other employment in the sense of Chapter 4, Section 2 of the Higher Education Ordinance "
            "(1993:100).{% endif %}",
        )
    )
    b.para(
        b.tr(
            "Syftet med avtalet är att ta till vara arbetstagarens kompetens i båda verksamheterna, att samordna "
            "arbetstid, semester och arbetsmiljöansvar och att skriftligen reglera vad som gäller när samarbetet "
            "förändras eller upphör.",
            "The purpose of the agreement is to make use of the employee's skills in both operations, to "
            "coordinate working time, annual leave and work-environment responsibility, and to set out in "
            "writing what applies when the arrangement changes or ends.",
        )
    )


def _background_delad(b: Builder) -> None:
    b.para(
        b.tr(
            "Tjänsten delas mellan {{ fact('employing_employers')|employer_name }} inom nära vård: arbetstagaren "
            "arbetar i båda huvudmännens hälso- och sjukvård. Regionen och kommunen är var för sig huvudmän och "
            "vårdgivare för sin del av vården enligt hälso- och sjukvårdslagen (2017:30). Arbetstagaren har en "
            "anställning hos var och en av dem; anställningarna är självständiga men samordnas genom detta avtal.",
            "The post is shared between {{ fact('employing_employers')|employer_name }} in local health care "
            "(nära vård): the employee works in the health care of both principals. The region and the "
            "municipality are each the principal and care provider for their part of the care under the Health "
            "and Medical Services Act (2017:30). The employee has an employment with each of them; the "
            "employments are independent but coordinated through this agreement.",
        )
    )
    b.para(
        b.tr(
            "Syftet med avtalet är att ge patienterna en sammanhållen vård över huvudmannagränsen, att ta till "
            "vara arbetstagarens kompetens i båda verksamheterna och att skriftligen reglera arbetstid, semester, "
            "arbetsmiljöansvar, patientsäkerhet och journalföring, och vad som gäller när samarbetet förändras "
            "eller upphör.",
            "The purpose of the agreement is to give patients coherent care across the boundary between the "
            "principals, to make use of the employee's skills in both operations, and to set out in writing "
            "working time, annual leave, work-environment responsibility, patient safety and record keeping, and "
            "what applies when the arrangement changes or ends.",
        )
    )


def _background_tjanstekop(b: Builder) -> None:
    b.para(
        b.tr(
            "{% if cost_settlement.invoicing %}{{ cost_settlement.invoicing.seller|employer_name }} är arbetsgivare "
            "för arbetstagaren och åtar sig att genom arbetstagaren utföra arbete åt "
            "{{ cost_settlement.invoicing.buyer|employer_name }} i den omfattning som anges i avsnittet Den köpta "
            "tjänsten.{% else %}Säljare och köpare: {{ missing('cost_settlement.invoicing') }}.{% endif %} Köpet "
            "avser en tjänst. Arbetstagaren är under hela avtalstiden anställd enbart hos arbetsgivaren; köpet "
            "ändrar inte anställningen och gör inte köparen till arbetsgivare.",
            "{% if cost_settlement.invoicing %}{{ cost_settlement.invoicing.seller|employer_name }} is the "
            "employee's employer and undertakes to perform work for {{ cost_settlement.invoicing.buyer|employer_name "
            "}} through the employee to the extent set out under The purchased service.{% else %}Seller and buyer: "
            "{{ missing('cost_settlement.invoicing') }}.{% endif %} The purchase is of a service. Throughout the "
            "agreement the employee is employed by the employer alone; the purchase does not change the "
            "employment and does not make the buyer an employer.",
        )
    )
    b.para(
        b.tr(
            "Köp av tjänst mot ersättning kan omfattas av lagen (2016:1145) om offentlig upphandling; parterna "
            "ansvarar för att pröva detta innan avtalet ingås. Syftet med avtalet är att köparen ska få tillgång "
            "till arbetstagarens kompetens, och att ansvar, ersättning och villkor ska vara skriftligen reglerade.",
            "A purchase of services for payment may fall under the Public Procurement Act (2016:1145); the "
            "parties are responsible for assessing this before the agreement is made. The purpose of the "
            "agreement is to give the buyer access to the employee's skills and to set out responsibilities, "
            "compensation and terms in writing.",
        )
    )


def _background_adjungering(b: Builder) -> None:
    b.para(
        b.tr(
            "Arbetstagaren är anställd hos {% if main_employer %}{{ main_employer|employer_name }}{% else %}"
            "hemarbetsgivaren {{ missing('main_employer') }}{% endif %} och adjungeras till lärosätet under den tid "
            "som anges nedan. Bestämmelser om adjungerade lärare finns i högskoleförordningen (1993:100) och i "
            "tillämpliga kollektivavtal.",
            "The employee is employed by {% if main_employer %}{{ main_employer|employer_name }}{% else %}the home "
            "employer {{ missing('main_employer') }}{% endif %} and holds an adjunct appointment at the university "
            "for the period set out below. Adjunct teachers are governed by the Higher Education Ordinance "
            "(1993:100) and the applicable collective agreements.",
        )
    )
    b.tag("{%p for part in parts if fact('is_adjunct', part) %}")
    b.bullet(
        ("b", PART_TITLE),
        b.tr(
            " vid {{ part.employer|employer_name }}, {{ part.extent_percent|pct }} av heltid, från och med "
            "{{ fact('start', part)|datum }} till och med {{ fact('end', part)|datum }}.",
            " at {{ part.employer|employer_name }}, {{ part.extent_percent|pct }} of full time, from "
            "{{ fact('start', part)|datum }} until {{ fact('end', part)|datum }}.",
        ),
    )
    b.tag("{%p endfor %}")
    b.para(
        b.tr(
            "Syftet med adjungeringen är att föra in erfarenhet från yrkesverksamheten i utbildning och forskning "
            "och att stärka samverkan mellan lärosätet och hemarbetsgivaren. Avtalet reglerar arbetsuppgifter, "
            "kostnader, lokaler och utrustning, immateriella rättigheter och publicering.",
            "The purpose of the adjunct appointment is to bring professional experience into education and "
            "research and to strengthen the cooperation between the university and the home employer. The "
            "agreement sets out duties, costs, premises and equipment, intellectual property and publication.",
        )
    )


def _background_doktorand(b: Builder) -> None:
    b.para(
        b.tr(
            "Arbetstagaren är anställd hos {{ fact('employing_employers')|employer_name }} och bedriver utbildning "
            "på forskarnivå vid {{ doctoral_studies.larosate|employer_name }} inom sin anställning "
            "(kombinationsdoktorand). Enligt 7 kap. 36 § högskoleförordningen (1993:100) får lärosätet anta en "
            "sökande med annan finansiering än anställning som doktorand, om finansieringen kan säkras under hela "
            "utbildningen och den sökande kan ägna så stor del av sin tid åt utbildningen att en "
            "{{ doctoral_studies.degree|label }} kan avläggas inom {{ fact('doctoral_max_years') }} år.",
            "The employee is employed by {{ fact('employing_employers')|employer_name }} and pursues doctoral "
            "education at {{ doctoral_studies.larosate|employer_name }} within that employment (a combined "
            "doctoral student). Under Chapter 7, Section 36 of the Higher Education Ordinance (1993:100), the "
            "university may admit an applicant with other financing than a doctoral studentship if the financing "
            "can be secured for the whole education and the applicant can devote so much time to it that a "
            "{{ doctoral_studies.degree|label }} can be completed within {{ fact('doctoral_max_years') }} years.",
        )
    )
    b.para(
        b.tr(
            "Syftet med avtalet är att arbetstagaren ska kunna forska utan att lämna yrket, och att finansiering, "
            "studietakt, handledning, villkor och ansvar under utbildningen ska vara skriftligen reglerade mellan "
            "arbetsgivaren, lärosätet och arbetstagaren.",
            "The purpose of the agreement is to let the employee do research without leaving the profession, and "
            "to set out in writing between the employer, the university and the employee the financing, study "
            "pace, supervision, terms and responsibilities during the education.",
        )
    )


BACKGROUNDS: dict[str, Callable[[Builder], None]] = {
    "forenad": _background_forenad,
    "kombination": _background_kombination,
    "delad": _background_delad,
    "tjanstekop": _background_tjanstekop,
    "adjungering": _background_adjungering,
    "doktorand": _background_doktorand,
}


# -- conditions, eligibility, recruitment, term --------------------------------------------------------------

CONDITIONS = {
    "forenad": (
        "Avtalet gäller under förutsättning att arbetstagaren anställs i de delar som anges i avsnittet om "
        "omfattning och fördelning: {% if model == 'forenad_en_arbetsgivare' %}att {{ main_employer|employer_name "
        "}} beslutar om anställningen och att uppdraget hos den andra parten kan börja{% else %}att lärosätet och "
        "den andra arbetsgivaren var för sig beslutar om sin anställning{% endif %}. Avtalet börjar gälla när det "
        "har undertecknats av alla parter och villkoren är uppfyllda. Uppfylls villkoren inte har avtalet ingen "
        "verkan.",
        "The agreement applies on condition that the employee is appointed to the parts set out under Extent and "
        "allocation: {% if model == 'forenad_en_arbetsgivare' %}that {{ main_employer|employer_name }} decides on "
        "the employment and that the assignment with the other party can begin{% else %}that the university and "
        "the other employer each decide on their employment{% endif %}. The agreement takes effect when all "
        "parties have signed it and the conditions are met. If the conditions are not met, the agreement has no "
        "effect.",
    ),
    "kombination": (
        "Avtalet förutsätter att arbetstagaren är eller blir anställd hos var och en av arbetsgivarna i de delar "
        "som anges i avsnittet om omfattning och fördelning. Det börjar gälla när det har undertecknats av alla "
        "parter och båda anställningarna har börjat, dock tidigast {{ start_date|datum }}. Uppfylls villkoren inte "
        "har avtalet ingen verkan.",
        "The agreement presupposes that the employee is or becomes employed by each of the employers in the parts "
        "set out under Extent and allocation. It takes effect when all parties have signed it and both "
        "employments have begun, but not before {{ start_date|datum }}. If the conditions are not met, the "
        "agreement has no effect.",
    ),
    "tjanstekop": (
        "Avtalet förutsätter att arbetstagaren har samtyckt till att en del av arbetstiden utförs hos köparen "
        "(avsnittet Arbetstagarens samtycke), att arbetet ryms inom arbetstagarens arbetsskyldighet hos "
        "arbetsgivaren och att parterna har prövat om lagen (2016:1145) om offentlig upphandling är tillämplig. "
        "Avtalet börjar gälla när det har undertecknats av parterna och av arbetstagaren.",
        "The agreement presupposes that the employee has consented to part of the working time being done for "
        "the buyer (see The employee's consent), that the work falls within the employee's duty to work for the "
        "employer, and that the parties have assessed whether the Public Procurement Act (2016:1145) applies. The "
        "agreement takes effect when the parties and the employee have signed it.",
    ),
    "adjungering": (
        "Avtalet gäller under förutsättning att lärosätet beslutar att anställa arbetstagaren som adjungerad "
        "lärare och att hemarbetsgivaren medger att arbetstagaren utför arbetet vid lärosätet. Avtalet börjar "
        "gälla när det har undertecknats av alla parter och lärosätets beslut har fattats. Uppfylls villkoren "
        "inte har avtalet ingen verkan.",
        "The agreement applies on condition that the university decides to appoint the employee as an adjunct "
        "teacher and that the home employer agrees to the employee doing the work at the university. It takes "
        "effect when all parties have signed it and the university has made its decision. If the conditions are "
        "not met, the agreement has no effect.",
    ),
    "doktorand": (
        "Avtalet gäller under förutsättning att arbetstagaren antas till utbildning på forskarnivå vid "
        "{{ doctoral_studies.larosate|employer_name }}. {% if doctoral_studies.admitted_on %}Arbetstagaren antogs "
        "den {{ doctoral_studies.admitted_on|datum }}.{% else %}Antas arbetstagaren inte har avtalet ingen "
        "verkan.{% endif %} Lärosätet får anta arbetstagaren endast om finansieringen är säkrad för hela "
        "utbildningen (avsnittet Finansiering). Avtalet börjar gälla när det har undertecknats av alla parter och "
        "arbetstagaren har antagits.",
        "The agreement applies on condition that the employee is admitted to doctoral education at "
        "{{ doctoral_studies.larosate|employer_name }}. {% if doctoral_studies.admitted_on %}The employee was "
        "admitted on {{ doctoral_studies.admitted_on|datum }}.{% else %}If the employee is not admitted, the "
        "agreement has no effect.{% endif %} The university may admit the employee only if the financing is "
        "secured for the whole education (see Financing). The agreement takes effect when all parties have signed "
        "it and the employee has been admitted.",
    ),
}
CONDITIONS["delad"] = CONDITIONS["kombination"]


def conditions(b: Builder, kind: str) -> None:
    b.h1(b.tr("Villkor för avtalets giltighet", "Conditions for the agreement to take effect"))
    b.para(b.tr(*CONDITIONS[kind]))


ELIGIBILITY_PART = (
    "{% if part.position == 'doktorand' %}antagning till utbildning på forskarnivå{% elif "
    "fact('is_academic', part) %}behörighet för anställningen som lärare enligt högskoleförordningen "
    "(1993:100) och lärosätets anställningsordning{% elif fact('is_clinical', part) %}legitimation för yrket"
    "{% if person.specialist %} och specialistkompetens ({{ person.specialist }}){% endif %}, som "
    "{{ (part.host or part.employer)|employer_name }} prövar{% else %}de krav som "
    "{{ (part.host or part.employer)|employer_name }} ställer för befattningen{% endif %}.",
    "{% if part.position == 'doktorand' %}admission to doctoral education{% elif fact('is_academic', part) %}"
    "eligibility for the teaching post under the Higher Education Ordinance (1993:100) and the university's "
    "appointment rules{% elif fact('is_clinical', part) %}a licence to practise the profession"
    "{% if person.specialist %} and specialist competence ({{ person.specialist }}){% endif %}, assessed by "
    "{{ (part.host or part.employer)|employer_name }}{% else %}the requirements "
    "{{ (part.host or part.employer)|employer_name }} sets for the position{% endif %}.",
)


def eligibility(b: Builder, kind: str) -> None:
    heading = ("Antagning och behörighet", "Admission and eligibility") if kind == "doktorand" else (
        "Behörighet", "Eligibility"
    )
    b.h1(b.tr(*heading))
    if kind == "doktorand":
        b.para(
            b.tr(
                "Arbetstagaren ska ha grundläggande och särskild behörighet för utbildning på forskarnivå enligt "
                "högskoleförordningen (1993:100) och den allmänna studieplanen för ämnet{% if "
                "doctoral_studies.larosate %} vid {{ doctoral_studies.larosate|employer_name }}{% endif %}. "
                "Lärosätet prövar behörigheten och beslutar om antagning. För anställningen hos arbetsgivaren gäller:",
                "The employee shall meet the general and specific entry requirements for doctoral education under "
                "the Higher Education Ordinance (1993:100) and the general syllabus for the subject{% if "
                "doctoral_studies.larosate %} at {{ doctoral_studies.larosate|employer_name }}{% endif %}. The "
                "university assesses eligibility and decides on admission. For the employment with the employer:",
            )
        )
    else:
        b.para(
            b.tr(
                "För varje del ska arbetstagaren uppfylla behörighetskraven för den befattningen"
                + (
                    "; i en förenad anställning ska kraven för båda anställningarna vara uppfyllda"
                    if kind == "forenad"
                    else ""
                )
                + ":",
                "For each part the employee shall meet the eligibility requirements of that position"
                + ("; in a joint appointment the requirements of both posts shall be met" if kind == "forenad" else "")
                + ":",
            )
        )
    b.tag("{%p for part in parts %}")
    b.bullet(b.tr("Del {{ loop.index }}, ", "Part {{ loop.index }}, "), PART_TITLE, ": ", b.tr(*ELIGIBILITY_PART))
    b.tag("{%p endfor %}")
    b.para(
        b.tr(
            "Enligt avtalsfilen har arbetstagaren legitimation: {{ person.licensed }}"
            "{% if person.specialist %}; specialitet: {{ person.specialist }}{% endif %}"
            "{% if fact('academic_positions') %}; doktorsexamen: {{ person.doctorate }}{% endif %}.",
            "According to the agreement file the employee is licensed: {{ person.licensed }}"
            "{% if person.specialist %}; specialty: {{ person.specialist }}{% endif %}"
            "{% if fact('academic_positions') %}; doctorate: {{ person.doctorate }}{% endif %}.",
        )
    )


def recruitment(b: Builder) -> None:
    b.h1(b.tr("Rekrytering", "Recruitment"))
    b.para(
        b.tr(
            "Den förenade anställningen tillsätts i ett gemensamt förfarande. Parterna kommer överens om "
            "kravprofil, annonsering och vilka som deltar i beredningen. Lärosätet utlyser anställningen som lärare "
            "och beslutar om den enligt sin anställningsordning; den andra parten ska höras innan lärosätet "
            "beslutar{% if model == 'forenad_tva_anstallningar' %}, och den beslutar själv om sin anställning{% "
            "endif %}. Bedömningen av de sökande omfattar behörigheten och skickligheten för båda delarna.",
            "The joint appointment is filled through a joint procedure. The parties agree on the requirement "
            "profile, the advertisement and who takes part in the preparation. The university advertises the "
            "teaching post and decides on it under its appointment rules; the other party shall be heard before "
            "the university decides{% if model == 'forenad_tva_anstallningar' %}, and it decides on its own "
            "employment{% endif %}. The assessment of the applicants covers eligibility and merit for both parts.",
        )
    )
    b.para(
        b.tr(
            "Ingen part erbjuder anställning i den förenade tjänsten förrän båda parterna har godkänt tillsättningen.",
            "No party offers employment in the joint post before both parties have approved the appointment.",
        )
    )


TERM_EXTRA = {
    "adjungering": (
        " Anställningen som adjungerad lärare är tidsbegränsad. En förlängning kräver ett nytt beslut av "
        "lärosätet inom de gränser som gäller för adjungerade lärare; avtalet förlängs då genom en skriftlig "
        "överenskommelse.",
        " The adjunct appointment is fixed-term. An extension needs a new decision by the university within the "
        "limits that apply to adjunct teachers; the agreement is then extended by a written agreement.",
    ),
    "doktorand": (
        " Avtalet gäller längst till dess att arbetstagaren har avlagt {{ doctoral_studies.degree|label }} eller "
        "utbildningen har avbrutits (avsnittet Om studierna avbryts eller anställningen upphör).",
        " The agreement lasts at most until the employee has obtained the {{ doctoral_studies.degree|label }} or "
        "the education has been discontinued (see If the studies stop or the employment ends).",
    ),
    "tjanstekop": (
        " Omfattning och pris för en förlängd period bestäms när avtalet förlängs.",
        " The extent and price for an extended period are set when the agreement is extended.",
    ),
}


def term(b: Builder, kind: str) -> None:
    b.h1(b.tr("Avtalstid", "Term of the agreement"))
    extra_sv, extra_en = TERM_EXTRA.get(kind, ("", ""))
    b.para(
        b.tr(
            "Avtalet gäller från och med {{ start_date|datum }}{% if end_date %} till och med {{ end_date|datum }}. "
            "Det kan förlängas genom en skriftlig överenskommelse som parterna träffar före avtalstidens slut; "
            "annars upphör det utan uppsägning{% else %} och tills vidare. Det kan sägas upp enligt avsnittet om "
            "uppsägning och upphörande{% endif %}." + extra_sv,
            "The agreement applies from {{ start_date|datum }}{% if end_date %} until {{ end_date|datum }}. It can "
            "be extended by a written agreement the parties make before the term ends; otherwise it ends without "
            "notice{% else %} until further notice. It can be terminated as set out under Termination{% endif %}."
            + extra_en,
        )
    )


# -- the post ---------------------------------------------------------------------------------------------


def extent(b: Builder, kind: str) -> None:
    bought = kind == "tjanstekop"
    b.h1(b.tr("Omfattning och fördelning", "Extent and allocation"))
    b.para(
        b.tr(
            "Tjänsten omfattar sammanlagt {{ fact('total_extent')|pct }} av heltid och är fördelad på följande delar.",
            "The post totals {{ fact('total_extent')|pct }} of full time, divided into the following parts.",
        )
        if not bought
        else b.tr(
            "Arbetstagarens arbetstid hos arbetsgivaren, sammanlagt {{ fact('total_extent')|pct }} av heltid, "
            "fördelas så här; de delar som utförs hos köparen är den köpta tjänsten.",
            "The employee's working time with the employer, {{ fact('total_extent')|pct }} of full time in all, "
            "is divided as follows; the parts done for the buyer are the purchased service.",
        )
    )
    b.table(
        headers=[
            b.tr("Del", "Part"),
            b.tr("Arbetsgivare", "Employer"),
            b.tr("Befattning", "Position"),
            b.tr("Omfattning", "Extent"),
            b.tr("Månadslön", "Monthly salary"),
        ],
        widths_mm=[17, 43, 43, 30, 27],
        loop=("{%tr for part in parts %}", "{%tr endfor %}"),
        row=[
            "{{ loop.index }}",
            b.tr(
                "{{ part.employer|employer_name }}{% if part.host %} (arbetet utförs hos "
                "{{ part.host|employer_name }}){% endif %}",
                "{{ part.employer|employer_name }}{% if part.host %} (work done at {{ part.host|employer_name }})"
                "{% endif %}",
            ),
            PART_TITLE,
            "{{ part.extent_percent|pct }}",
            "{{ part.monthly_salary|kr }}",
        ],
        total=[
            b.tr("Totalt", "Total"),
            "",
            "",
            "{{ fact('total_extent')|pct }}",
            "{{ fact('total_monthly_salary')|kr }}",
        ],
    )
    b.tag("{%p for part in parts %}")
    b.h2(b.tr("Del {{ loop.index }}: ", "Part {{ loop.index }}: "), PART_TITLE)
    b.para(("b", b.tr("Arbetsuppgifter: ", "Duties: ")), "{{ part.duties }}")
    b.tag("{%p if part.subject %}")
    b.para(("b", b.tr("Ämne eller verksamhetsområde: ", "Subject or field: ")), "{{ part.subject }}")
    b.tag("{%p endif %}")
    b.para(("b", b.tr("Arbetsplats: ", "Workplace: ")), "{{ part.workplace }}")
    b.para(
        ("b", b.tr("Närmaste chef: ", "Line manager: ") if not bought else b.tr("Arbetsledning: ", "Led by: ")),
        "{{ part.manager }}",
    )
    b.para(
        ("b", b.tr("Anställningsform: ", "Form of employment: ")),
        b.tr(
            "{{ part.employment_form|label|cap }}, från och med {{ fact('start', part)|datum }}"
            "{% if part.end_date %} till och med {{ part.end_date|datum }}{% endif %}.",
            "{{ part.employment_form|label|cap }}, from {{ fact('start', part)|datum }}"
            "{% if part.end_date %} until {{ part.end_date|datum }}{% endif %}.",
        )
        if not bought
        else b.tr(
            "{{ part.employment_form|label|cap }} hos {{ part.employer|employer_name }}, från och med "
            "{{ fact('start', part)|datum }}{% if part.end_date %} till och med {{ part.end_date|datum }}{% endif %}"
            "{% if part.host %}; delen utförs som köpt tjänst hos {{ part.host|employer_name }}{% endif %}.",
            "{{ part.employment_form|label|cap }} with {{ part.employer|employer_name }}, from "
            "{{ fact('start', part)|datum }}{% if part.end_date %} until {{ part.end_date|datum }}{% endif %}"
            "{% if part.host %}; the part is done as a purchased service for {{ part.host|employer_name }}"
            "{% endif %}.",
        ),
    )
    b.tag("{%p endfor %}")


def salary(b: Builder, kind: str) -> None:
    b.h1(b.tr("Lön", "Salary"))
    b.para(
        b.tr(
            "Lön betalas ut månadsvis av den arbetsgivare som anställer för respektive del, enligt det "
            "kollektivavtal som gäller för delen.",
            "Salary is paid monthly by the employer that employs for each part, under the collective agreement "
            "that applies to that part.",
        )
    )
    b.tag("{%p for part in parts %}")
    b.bullet(
        b.tr(
            "Del {{ loop.index }}: {{ part.monthly_salary|kr }} per månad vid {{ part.extent_percent|pct }} av "
            "heltid, betalas av {{ part.employer|employer_name }} "
            "({{ fact('collective_agreement', part)|label('collective_agreement') }}).",
            "Part {{ loop.index }}: {{ part.monthly_salary|kr }} a month at {{ part.extent_percent|pct }} of full "
            "time, paid by {{ part.employer|employer_name }} "
            "({{ fact('collective_agreement', part)|label('collective_agreement') }}).",
        )
    )
    b.tag("{%p endfor %}")
    if kind == "forenad":
        b.tag("{%p if model == 'forenad_en_arbetsgivare' %}")
        b.para(
            b.tr(
                "{{ main_employer|employer_name }} är ensam arbetsgivare och betalar hela lönen. Ersättningen för "
                "{% if fact('has_health_care_principal') %}den kliniska delen{% else %}delen utanför lärosätet"
                "{% endif %} regleras i avsnittet om kostnadsfördelning och fakturering.",
                "{{ main_employer|employer_name }} is the only employer and pays the whole salary. Compensation "
                "for {% if fact('has_health_care_principal') %}the clinical part{% else %}the part outside the "
                "institution{% endif %} is set out under Cost allocation and invoicing.",
            )
        )
        b.tag("{%p endif %}")
    if kind == "doktorand":
        b.para(
            b.tr(
                "Lönen betalas också för den tid som arbetstagaren ägnar åt forskarutbildningen; studierna ingår i "
                "anställningen och lönen ändras inte för att arbetstagaren studerar.",
                "Salary is paid also for the time the employee spends on the doctoral education; the studies are "
                "part of the employment and the salary does not change because the employee studies.",
            )
        )
    if kind == "adjungering":
        b.para(
            b.tr(
                "Vem som betalar lönen för den adjungerade delen, och om hemarbetsgivaren ersätts för den, framgår "
                "av avsnittet om kostnadsfördelning och fakturering.",
                "Who pays the salary for the adjunct part, and whether the home employer is compensated for it, is "
                "set out under Cost allocation and invoicing.",
            )
        )
    b.para(
        b.tr(
            "Lönerevision sker enligt respektive kollektivavtal. Arbetsgivarna ska samråda inför lönerevision så "
            "att lönen för tjänsten bedöms som en helhet.",
            "Salaries are reviewed under each collective agreement. The employers shall consult each other before "
            "a salary review so that the pay for the post is assessed as a whole.",
        )
    )


def working_time(b: Builder, kind: str) -> None:
    b.h1(b.tr("Arbetstid", "Working time"))
    b.para(
        b.tr(
            "Arbetstiden regleras av arbetstidslagen (1982:673) och det kollektivavtal som gäller för respektive "
            "del. {% if fact('employment_count') == 1 %}Eftersom tjänsten har en arbetsgivare räknas arbetstiden "
            "i alla delar samman.{% else %}Lagens gränser gäller för varje arbetsgivare för sig, men parterna ska "
            "planera arbetet så att den sammanlagda arbetstiden håller sig inom gränserna för ordinarie "
            "arbetstid, övertid och vila.{% endif %}",
            "Working time is governed by the Working Hours Act (1982:673) and the collective agreement of each "
            "part. {% if fact('employment_count') == 1 %}As the post has one employer, the hours of all parts "
            "count together.{% else %}The Act's limits apply to each employer separately, but the parties shall "
            "plan the work so that the combined hours stay within the limits for ordinary hours, overtime and "
            "rest.{% endif %}",
        )
    )
    b.tag("{%p for part in parts %}")
    b.bullet(
        b.tr(
            "Del {{ loop.index }}: heltidsmått {{ part.working_time.full_time_hours|num }} "
            "{{ part.working_time.form|label }}; omfattning {{ part.extent_percent|pct }}, cirka "
            "{{ fact('weekly_hours', part)|num(1) }} timmar per vecka.",
            "Part {{ loop.index }}: full time is {{ part.working_time.full_time_hours|num }} "
            "{{ part.working_time.form|label }}; extent {{ part.extent_percent|pct }}, about "
            "{{ fact('weekly_hours', part)|num(1) }} hours a week.",
        )
    )
    b.tag("{%p endfor %}")
    if kind == "tjanstekop":
        b.para(
            b.tr(
                "Sammanlagt blir arbetstiden cirka {{ fact('combined_weekly_hours')|num(1) }} timmar per vecka. "
                "Arbetsgivaren förlägger arbetstiden efter samråd med köparen; under den köpta tiden leder köparen "
                "arbetet inom ramen för arbetstagarens arbetsskyldighet hos arbetsgivaren.",
                "Combined, the working time is about {{ fact('combined_weekly_hours')|num(1) }} hours a week. The "
                "employer schedules the working time after consulting the buyer; during the purchased time the "
                "buyer leads the work within the employee's duty to work for the employer.",
            )
        )
        return
    b.para(
        b.tr(
            "Sammanlagt blir arbetstiden cirka {{ fact('combined_weekly_hours')|num(1) }} timmar per vecka. "
            "Arbetstidens förläggning samordnas mellan de chefer som leder delarna."
            + (
                " Tiden för forskarutbildningen planeras i den individuella studieplanen."
                if kind == "doktorand"
                else ""
            ),
            "Combined, the working time is about {{ fact('combined_weekly_hours')|num(1) }} hours a week. The "
            "scheduling of working time is coordinated between the managers who lead the parts."
            + (" The time for the doctoral education is planned in the individual study plan." if kind == "doktorand" else ""),
        )
    )


def vacation(b: Builder, kind: str) -> None:
    b.h1(b.tr("Semester", "Annual leave"))
    if kind == "tjanstekop":
        b.para(
            b.tr(
                "Arbetstagaren tjänar in semester enbart i anställningen hos arbetsgivaren, enligt semesterlagen "
                "(1977:480) och kollektivavtalet: {% for part in parts %}{% if loop.first %}"
                "{{ fact('vacation_days', part) }} semesterdagar per år{% endif %}{% endfor %}. Den köpta tiden ger "
                "ingen egen semester. Arbetsgivaren lägger ut semestern efter samråd med köparen, och under "
                "arbetstagarens semester utförs ingen köpt tid.",
                "The employee earns annual leave only in the employment with the employer, under the Annual Leave "
                "Act (1977:480) and the collective agreement: {% for part in parts %}{% if loop.first %}"
                "{{ fact('vacation_days', part) }} days a year{% endif %}{% endfor %}. The purchased time gives no "
                "leave of its own. The employer schedules the leave after consulting the buyer, and no purchased "
                "time is done during the employee's leave.",
            )
        )
        b.tag("{%p if vacation.coordination %}")
        b.para(("b", b.tr("Samordning: ", "Coordination: ")), "{{ vacation.coordination }}")
        b.tag("{%p endif %}")
        return
    b.para(
        b.tr(
            "Semester tjänas in enligt semesterlagen (1977:480) och det kollektivavtal som gäller för respektive del.",
            "Annual leave is earned under the Annual Leave Act (1977:480) and the collective agreement of each part.",
        )
    )
    b.tag("{%p for part in parts %}")
    b.bullet(
        b.tr(
            "Del {{ loop.index }}: {{ fact('vacation_days', part) }} semesterdagar per år.",
            "Part {{ loop.index }}: {{ fact('vacation_days', part) }} days of annual leave a year.",
        )
    )
    b.tag("{%p endfor %}")
    b.tag("{%p if fact('employment_count') > 1 or vacation.coordination %}")
    b.para(
        ("b", b.tr("Samordning mellan arbetsgivarna: ", "Coordination between the employers: ")),
        "{{ vacation.coordination }}",
    )
    b.tag("{%p endif %}")


def pension(b: Builder, kind: str) -> None:
    b.h1(b.tr("Pension och sjuklön", "Pension and sick pay"))
    b.para(
        b.tr(
            "Tjänstepension och avtalsförsäkringar följer det kollektivavtal som gäller för respektive del.",
            "Occupational pension and agreement-based insurance follow the collective agreement of each part.",
        )
    )
    b.tag("{%p for part in parts %}")
    b.bullet(
        b.tr(
            "Del {{ loop.index }}: {{ fact('pension_scheme', part)|label('pension_scheme') }}.",
            "Part {{ loop.index }}: {{ fact('pension_scheme', part)|label('pension_scheme') }}.",
        )
    )
    b.tag("{%p endfor %}")
    b.tag("{%p if fact('pension_split_loss_month') %}")
    b.para(
        b.tr(
            "Eftersom lönen delas mellan olika pensionsplaner beräknas avsättningen till tjänstepension bli cirka "
            "{{ fact('pension_split_loss_month')|kr }} lägre per månad ({{ fact('pension_split_loss_year')|kr }} "
            "per år) än med en enda anställning. Parterna ska pröva hur förlusten kan undvikas eller kompenseras"
            "{% if fact('pension_pro_rata_gain_month') %}, till exempel genom att enligt AKAP-KR avtala om en "
            "proportionerligt lägre brytpunkt (cirka {{ fact('pension_pro_rata_gain_month')|kr }} mer per månad)"
            "{% endif %}.",
            "Because the salary is split between pension plans, the occupational pension contributions are "
            "estimated at about {{ fact('pension_split_loss_month')|kr }} less a month "
            "({{ fact('pension_split_loss_year')|kr }} a year) than with a single employment. The parties shall "
            "consider how the loss can be avoided or compensated{% if fact('pension_pro_rata_gain_month') %}, for "
            "example by agreeing a pro-rata lower break point under AKAP-KR (about "
            "{{ fact('pension_pro_rata_gain_month')|kr }} more a month){% endif %}.",
        )
    )
    b.tag("{%p endif %}")
    b.para(
        ("b", b.tr("Sjuklön: ", "Sick pay: ")),
        "{{ sick_pay.handling|label|cap }}.{% if sick_pay.note %} {{ sick_pay.note }}{% endif %}",
    )


INSURANCE_EXTRA = {
    "doktorand": (
        "Under forskarutbildningen omfattas arbetstagaren av arbetsgivarens försäkringar som anställd, också när "
        "arbetet och studierna utförs vid lärosätet. ",
        "During the doctoral education the employee is covered by the employer's insurance as an employee, also "
        "when the work and studies are done at the university. ",
    ),
    "tjanstekop": (
        "Arbetsgivaren svarar för arbetstagarens försäkringar också under den köpta tiden; köparen tecknar inga "
        "försäkringar som arbetsgivare. ",
        "The employer provides the employee's insurance also during the purchased time; the buyer takes out no "
        "insurance as an employer. ",
    ),
}


def insurance(b: Builder, kind: str) -> None:
    b.h1(b.tr("Försäkringar och skadeansvar", "Insurance and liability"))
    extra_sv, extra_en = INSURANCE_EXTRA.get(kind, ("", ""))
    b.para(
        b.tr(
            "Arbetstagaren omfattas av den lagstadgade arbetsskadeförsäkringen enligt socialförsäkringsbalken "
            "(2010:110) och av de avtalsförsäkringar vid arbetsskada som följer av kollektivavtalet för respektive "
            "anställning, också när arbetet utförs på en annan parts arbetsplats. " + extra_sv + "En arbetsskada "
            "anmäls av arbetsgivaren; den part där skadan inträffade medverkar i utredningen.",
            "The employee is covered by the statutory occupational injury insurance under the Social Insurance "
            "Code (2010:110) and by the agreement-based occupational injury insurance of the collective agreement "
            "of each employment, also when the work is done at another party's workplace. " + extra_en + "An "
            "occupational injury is reported by the employer; the party where the injury occurred takes part in "
            "the investigation.",
        )
    )
    b.tag("{%p if fact('has_health_care_principal') %}")
    b.para(
        b.tr(
            "Den vårdgivare i vars verksamhet arbetstagaren ger vård ansvarar för att vården omfattas av "
            "patientförsäkring enligt patientskadelagen (1996:799).",
            "The care provider in whose operations the employee gives care is responsible for the care being "
            "covered by patient insurance under the Patient Injury Act (1996:799).",
        )
    )
    b.tag("{%p endif %}")
    b.para(
        b.tr(
            "Arbetsgivarens ansvar för skada som arbetstagaren vållar i tjänsten (3 kap. 1 § skadeståndslagen "
            "(1972:207)) påverkas inte av avtalet. Mellan parterna bär den part som leder arbetet där en skada "
            "uppstår kostnaden för den, om inte parterna kommer överens om annat.",
            "The employer's liability for damage the employee causes at work (Chapter 3, Section 1 of the Tort "
            "Liability Act (1972:207)) is not affected by the agreement. Between the parties, the party that leads "
            "the work where damage arises bears its cost, unless the parties agree otherwise.",
        )
    )


def work_environment(b: Builder, kind: str) -> None:
    hired = kind in ("forenad", "tjanstekop")
    b.h1(b.tr("Arbetsmiljö och rehabilitering", "Work environment and rehabilitation"))
    b.para(
        b.tr(
            "Varje arbetsgivare har arbetsmiljöansvar för sina arbetstagare enligt 3 kap. 2 § arbetsmiljölagen "
            "(1977:1160). Den som råder över ett arbetsställe ska enligt 3 kap. 12 § se till att det är säkert "
            "även för andra som arbetar där"
            + (", och den som hyr in arbetskraft ska vidta de skyddsåtgärder som behövs" if hired else "")
            + ". Ansvaret fördelas per arbetsplats så här.",
            "Each employer is responsible for the work environment of its employees under Chapter 3, Section 2 "
            "of the Work Environment Act (1977:1160). Under Chapter 3, Section 12, whoever controls a workplace "
            "shall keep it safe for others who work there"
            + (", and whoever hires in labour shall take the protective measures needed" if hired else "")
            + ". Responsibility is allocated per workplace as follows.",
        )
    )
    b.tag("{%p if work_environment %}")
    b.table(
        headers=[
            b.tr("Arbetsplats", "Workplace"),
            b.tr("Ansvarig arbetsgivare", "Responsible employer"),
            b.tr("Anmärkning", "Note"),
        ],
        widths_mm=[55, 45, 60],
        loop=("{%tr for duty in work_environment %}", "{%tr endfor %}"),
        row=[
            "{{ duty.workplace }}",
            "{{ duty.responsible|employer_name }}",
            "{% if duty.note %}{{ duty.note }}{% endif %}",
        ],
    )
    b.tag("{%p else %}")
    b.para(
        b.tr("Fördelning per arbetsplats: ", "Allocation per workplace: "),
        "{{ missing('work_environment') }}",
    )
    b.tag("{%p endif %}")
    b.para(
        ("b", b.tr("Rehabilitering: ", "Rehabilitation: ")),
        b.tr(
            "{{ rehabilitation.lead|employer_name }} leder arbetet med rehabilitering och arbetsanpassning enligt "
            "30 kap. socialförsäkringsbalken (2010:110). Övriga parters medverkan: "
            "{{ rehabilitation.cooperation }}",
            "{{ rehabilitation.lead|employer_name }} leads rehabilitation and work adjustment under Chapter 30 of "
            "the Social Insurance Code (2010:110). How the other parties take part: "
            "{{ rehabilitation.cooperation }}",
        ),
    )


def personal_data(b: Builder, kind: str) -> None:
    b.h1(
        b.tr("Personuppgifter och journalföring", "Personal data and patient records")
        if kind == "delad"
        else b.tr("Personuppgifter", "Personal data")
    )
    b.para(
        b.tr(
            "Varje part är personuppgiftsansvarig enligt EU:s dataskyddsförordning (EU) 2016/679 för de "
            "personuppgifter om arbetstagaren som den behandlar i sin egen verksamhet, till exempel i "
            "personaladministration, lönehantering och schemaläggning. Parterna lämnar till varandra endast de "
            "uppgifter om arbetstagaren som behövs för att fullgöra avtalet (omfattning, arbetstid, frånvaro, "
            "kostnader och rehabilitering), och var och en informerar arbetstagaren om sin behandling.",
            "Each party is the controller under the EU General Data Protection Regulation (EU) 2016/679 of the "
            "personal data about the employee that it processes in its own operations, for example in personnel "
            "administration, payroll and scheduling. The parties give each other only the data about the employee "
            "needed to perform the agreement (extent, working time, absence, costs and rehabilitation), and each "
            "informs the employee of its processing.",
        )
    )
    if kind == "delad":
        b.para(
            b.tr(
                "Regionen och kommunen är var för sig vårdgivare och personuppgiftsansvariga för patientuppgifterna "
                "i sin verksamhet. Arbetstagaren dokumenterar i den patientjournal som förs av den vårdgivare i "
                "vars verksamhet vården ges, och får behörighet i vardera vårdgivarens journalsystem enligt "
                "patientdatalagen (2008:355) på samma villkor som vårdgivarens egna anställda. Arbetstagaren får "
                "ta del av uppgifter om en patient endast när det behövs för vården av patienten. Direktåtkomst "
                "till den andra vårdgivarens uppgifter förutsätter sammanhållen journalföring enligt "
                "patientdatalagen.",
                "The region and the municipality are each the care provider and the controller of the patient data "
                "in their own operations. The employee keeps records in the patient record of the care provider in "
                "whose operations the care is given, and is given access to each care provider's record system "
                "under the Patient Data Act (2008:355) on the same terms as its own employees. The employee may "
                "access data about a patient only when it is needed for that patient's care. Direct access to the "
                "other care provider's data requires shared record keeping (sammanhållen journalföring) under the "
                "Patient Data Act.",
            )
        )
        return
    b.tag("{%p if fact('has_health_care_principal') %}")
    b.para(
        b.tr(
            "I hälso- och sjukvården är vårdgivaren personuppgiftsansvarig för patientuppgifterna. När arbetstagaren "
            "arbetar kliniskt får arbetstagaren behörighet till vårdgivarens journalsystem enligt patientdatalagen "
            "(2008:355) på samma villkor som vårdgivarens egna anställda och får ta del av uppgifter om en patient "
            "endast när det behövs för vården av patienten. Uppgifter ur patientjournaler får användas i "
            "utbildning och forskning endast när lagens krav är uppfyllda, i forskning bland annat etikprövning "
            "enligt lagen (2003:460) om etikprövning av forskning som avser människor.",
            "In health care the care provider is the controller of the patient data. When the employee works "
            "clinically, the employee is given access to the care provider's record system under the Patient Data "
            "Act (2008:355) on the same terms as its own employees, and may access data about a patient only when "
            "it is needed for that patient's care. Data from patient records may be used in education and "
            "research only when the law's requirements are met, in research among them ethical review under the "
            "Act on Ethical Review of Research Involving Humans (2003:460).",
        )
    )
    b.tag("{%p endif %}")
    if kind == "doktorand":
        b.para(
            b.tr(
                "Personuppgifter i forskningen behandlas under lärosätets ansvar som forskningshuvudman.",
                "Personal data in the research are processed under the responsibility of the university as the "
                "research principal.",
            )
        )


def patient_safety(b: Builder) -> None:
    b.h1(b.tr("Patientsäkerhet och samverkan i vården", "Patient safety and cooperation in care"))
    b.para(
        b.tr(
            "Varje vårdgivare ansvarar för patientsäkerheten i sin verksamhet enligt patientsäkerhetslagen "
            "(2010:659). Arbetstagaren följer rutinerna hos den vårdgivare där vården ges, och en avvikelse "
            "rapporteras i den vårdgivarens system. Cheferna hos båda huvudmännen samråder om arbetstagarens "
            "uppdrag, delegeringar och patientflöden så att vården blir sammanhållen för patienten.",
            "Each care provider is responsible for patient safety in its operations under the Patient Safety Act "
            "(2010:659). The employee follows the procedures of the care provider where the care is given, and an "
            "incident is reported in that care provider's system. The managers of both principals consult on the "
            "employee's assignment, delegations and patient flows so that care is coherent for the patient.",
        )
    )


def secondary(b: Builder, kind: str) -> None:
    b.h1(b.tr("Bisysslor", "Secondary employment"))
    b.para(
        b.tr(
            "{% if fact('employment_count') == 1 %}Arbetet hos de andra parterna ingår i anställningen hos "
            "{{ fact('employing_employers')|employer_name }} och är ingen bisyssla. Andra bisysslor ska "
            "arbetstagaren anmäla till arbetsgivaren.{% else %}Varje anställning är en egen anställning, och "
            "arbetstagaren ska informera varje arbetsgivare om anställningen hos den andra och om sina övriga "
            "bisysslor.{% endif %} För statligt anställda gäller 7 och 7 b §§ lagen (1994:260) om offentlig "
            "anställning och Villkorsavtalet, och en lärare vid ett lärosäte ska själv hålla lärosätet informerat "
            "om bisysslor med samband med ämnesområdet för anställningen (4 kap. 15 § högskoleförordningen); för "
            "anställda i regioner och kommuner gäller AB § 8.",
            "{% if fact('employment_count') == 1 %}The work for the other parties is part of the employment with "
            "{{ fact('employing_employers')|employer_name }} and is not secondary employment. The employee shall "
            "report any other secondary employment to the employer.{% else %}Each employment is an employment of "
            "its own, and the employee shall inform each employer of the employment with the other and of any "
            "other secondary employment.{% endif %} State employees are covered by Sections 7 and 7 b of the "
            "Public Employment Act (1994:260) and the Villkorsavtal, and a teacher at a university shall keep it "
            "informed of secondary employment related to the post's subject (Chapter 4, Section 15 of the Higher "
            "Education Ordinance); employees of regions and municipalities are covered by AB § 8.",
        )
    )
    b.para(
        b.tr(
            "{% if secondary_employment.reported_to %}{% if fact('employment_count') == 1 %}Arrangemanget har "
            "anmälts till{% else %}Anställningen hos den andra arbetsgivaren har anmälts till{% endif %} "
            "{{ secondary_employment.reported_to|employer_name }}.{% elif fact('employment_count') > 1 %}Anmälan "
            "till arbetsgivarna: {{ missing('secondary_employment.reported_to') }}{% endif %}"
            "{% if secondary_employment.note %} {{ secondary_employment.note }}{% endif %}",
            "{% if secondary_employment.reported_to %}{% if fact('employment_count') == 1 %}The arrangement has "
            "been reported to{% else %}The employment with the other employer has been reported to{% endif %} "
            "{{ secondary_employment.reported_to|employer_name }}.{% elif fact('employment_count') > 1 %}Reported "
            "to the employers: {{ missing('secondary_employment.reported_to') }}{% endif %}"
            "{% if secondary_employment.note %} {{ secondary_employment.note }}{% endif %}",
        )
    )


IP_CLAUSE = (
    "{% if intellectual_property %}Rätten till resultat av arbetet – uppfinningar, upphovsrättsligt skyddade "
    "verk och annat – {% if intellectual_property.owner == 'enligt_lag' %}följer lag: en lärare vid ett lärosäte "
    "har rätten till sina uppfinningar (1 § andra stycket lagen (1949:345) om rätten till arbetstagares "
    "uppfinningar, lärarundantaget) och enligt praxis till sina verk; för resultat av arbetet hos en annan part "
    "gäller den lagen, upphovsrättslagen (1960:729) och det kollektivavtal som gäller för anställningen."
    "{% elif intellectual_property.owner == 'arbetstagaren' %}tillkommer arbetstagaren, i alla delar av tjänsten "
    "och i den mån tvingande lag inte ger någon annan rätten.{% elif intellectual_property.owner == "
    "'arbetsgivaren' %}tillkommer den part i vars verksamhet resultatet uppstår, i den utsträckning lag och "
    "kollektivavtal medger det.{% else %}regleras i ett särskilt avtal mellan parterna.{% endif %}"
    "{% if intellectual_property.right_of_use %} De andra parterna får en kostnadsfri, icke-exklusiv rätt att "
    "använda resultaten i sin egen verksamhet (utbildning, forskning och vård).{% endif %}"
    "{% if intellectual_property.note %} {{ intellectual_property.note }}{% endif %}"
    "{% else %}Rätten till resultat av arbetet: {{ missing('intellectual_property') }}{% endif %}",
    "{% if intellectual_property %}The rights to results of the work – inventions, works protected by copyright "
    "and other results – {% if intellectual_property.owner == 'enligt_lag' %}follow the law: a teacher at a "
    "university holds the rights to their inventions (Section 1, second paragraph of the Act on the Right to "
    "Employees' Inventions (1949:345), the teachers' exemption) and by custom to their works; for results of the "
    "work with another party that Act, the Copyright Act (1960:729) and the collective agreement of the "
    "employment apply.{% elif intellectual_property.owner == 'arbetstagaren' %}belong to the employee, in every "
    "part of the post and as far as mandatory law does not give them to someone else.{% elif "
    "intellectual_property.owner == 'arbetsgivaren' %}belong to the party in whose operations the result arises, "
    "as far as the law and the collective agreement allow.{% else %}are governed by a separate agreement between "
    "the parties.{% endif %}{% if intellectual_property.right_of_use %} The other parties get a free, "
    "non-exclusive right to use the results in their own operations (education, research and care).{% endif %}"
    "{% if intellectual_property.note %} {{ intellectual_property.note }}{% endif %}"
    "{% else %}The rights to results of the work: {{ missing('intellectual_property') }}{% endif %}",
)


def intellectual_property(b: Builder, kind: str) -> None:
    b.h1(b.tr("Immateriella rättigheter och publicering", "Intellectual property and publication"))
    b.para(b.tr(*IP_CLAUSE))
    if kind == "doktorand":
        b.para(
            b.tr(
                "Forskarutbildningen redovisas i en doktorsavhandling eller licentiatuppsats som är offentlig och "
                "publiceras enligt lärosätets regler. Arbetsgivaren får inte hindra eller fördröja publiceringen "
                "av avhandlingen.",
                "The doctoral education is presented in a doctoral thesis or licentiate thesis that is public and "
                "published under the university's rules. The employer may not prevent or delay the publication of "
                "the thesis.",
            )
        )
    b.para(
        b.tr(
            "Arbetstagaren har rätt att publicera resultat av forskning och undervisning enligt god forskningssed. "
            "Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (2009:400) får inte "
            "röjas i en publikation, och uppgifter om patienter publiceras inte så att en enskild kan identifieras. "
            "En part som anser att en planerad publikation röjer sådana uppgifter ska säga det i god tid före "
            "publiceringen.",
            "The employee may publish results of research and teaching in line with good research practice. "
            "Information covered by secrecy under the Public Access to Information and Secrecy Act (2009:400) may "
            "not be disclosed in a publication, and information about patients is not published so that an "
            "individual can be identified. A party that finds that a planned publication discloses such "
            "information shall say so in good time before publication.",
        )
    )


def premises(b: Builder) -> None:
    b.h1(b.tr("Lokaler och utrustning", "Premises and equipment"))
    b.para(
        b.tr(
            "Lärosätet tillhandahåller arbetsplats, tillgång till bibliotek och IT-system och den utrustning som "
            "behövs för arbetet vid lärosätet. Hemarbetsgivaren tillhandahåller det som behövs för arbetet i sin "
            "verksamhet. Var och en bär sina kostnader för detta om inte avsnittet om kostnadsfördelning säger "
            "annat.",
            "The university provides a workplace, access to the library and IT systems and the equipment needed "
            "for the work at the university. The home employer provides what is needed for the work in its own "
            "operations. Each bears its own costs for this unless Cost allocation says otherwise.",
        )
    )


# -- money, ending, disputes ----------------------------------------------------------------------------------

INVOICE_TEXT = (
    "{% set inv = cost_settlement.invoicing %}{{ inv.seller|employer_name }} fakturerar "
    "{{ inv.buyer|employer_name }} {{ inv.period|label }}. Prisgrund: {{ inv.basis|label }}"
    "{% if inv.share_percent %} för {{ inv.share_percent|pct }} av heltid{% endif %}"
    "{% if inv.overhead_percent %}, med ett pålägg på {{ inv.overhead_percent|pct }}{% endif %}"
    "{% if inv.price %}, pris {{ inv.price|kr }}{% endif %}. Fakturan betalas inom "
    "{{ inv.payment_terms_days }} dagar.",
    "{% set inv = cost_settlement.invoicing %}{{ inv.seller|employer_name }} invoices "
    "{{ inv.buyer|employer_name }} {{ inv.period|label }}. Basis: {{ inv.basis|label }}"
    "{% if inv.share_percent %} for {{ inv.share_percent|pct }} of full time{% endif %}"
    "{% if inv.overhead_percent %}, with an overhead of {{ inv.overhead_percent|pct }}{% endif %}"
    "{% if inv.price %}, price {{ inv.price|kr }}{% endif %}. Invoices are paid within "
    "{{ inv.payment_terms_days }} days.",
)


def costs(b: Builder, kind: str) -> None:
    if kind == "tjanstekop":
        b.h1(b.tr("Ersättning och fakturering", "Compensation and invoicing"))
        b.para(
            b.tr(
                "Köparen ersätter arbetsgivaren för den köpta tjänsten. Lönekostnaden för delarna bärs enligt "
                "följande.",
                "The buyer compensates the employer for the purchased service. The salary cost of the parts is "
                "borne as follows.",
            )
        )
    else:
        b.h1(
            b.tr("Kostnader", "Costs")
            if kind == "doktorand"
            else b.tr("Kostnadsfördelning och fakturering", "Cost allocation and invoicing")
        )
        b.para(
            b.tr(
                "Lönekostnaden för delarna bärs enligt följande.",
                "The salary cost of the parts is borne as follows.",
            )
        )
    b.tag("{%p for share in cost_settlement.shares %}")
    b.bullet(
        b.tr(
            "{% set p = parts[share.part] %}Del {{ share.part + 1 }} ({% if p.title %}{{ p.title }}{% else %}"
            "{{ p.position|label }}{% endif %}): {{ share.payer|employer_name }} bär {{ share.share_percent|pct }} "
            "av kostnaden.",
            "{% set p = parts[share.part] %}Part {{ share.part + 1 }} ({% if p.title %}{{ p.title }}{% else %}"
            "{{ p.position|label }}{% endif %}): {{ share.payer|employer_name }} bears {{ share.share_percent|pct }} "
            "of the cost.",
        )
    )
    b.tag("{%p endfor %}")
    b.tag("{%p if not cost_settlement.shares %}")
    b.para(
        b.tr("Kostnadsfördelning per del: ", "Cost allocation per part: "),
        "{{ missing('cost_settlement.shares') }}",
    )
    b.tag("{%p endif %}")
    if kind == "tjanstekop":
        b.para(("b", b.tr("Fakturering: ", "Invoicing: ")), b.tr(*INVOICE_TEXT))
        b.para(
            b.tr(
                "Fakturans belopp per period är {{ fact('invoice_amount_per_period')|kr }} "
                "({{ cost_settlement.invoicing.period|label }}). Beloppet räknas om när lönen, omfattningen eller "
                "pålägget ändras; ändringen gäller från och med den period då den börjar gälla.",
                "The invoice amount per period is {{ fact('invoice_amount_per_period')|kr }} "
                "({{ cost_settlement.invoicing.period|label }}). The amount is recalculated when the salary, the "
                "extent or the overhead changes, from the period in which the change takes effect.",
            )
        )
    else:
        b.tag("{%p if cost_settlement.invoicing %}")
        b.para(("b", b.tr("Fakturering: ", "Invoicing: ")), b.tr(*INVOICE_TEXT))
        b.para(
            b.tr(
                "Fakturans belopp per period: {{ fact('invoice_amount_per_period')|kr }}.",
                "The invoice amount per period: {{ fact('invoice_amount_per_period')|kr }}.",
            )
        )
        b.tag("{%p endif %}")
    b.tag("{%p if cost_settlement.notes %}")
    b.para("{{ cost_settlement.notes }}")
    b.tag("{%p endif %}")


NOTICE_PART = (
    "Del {{ loop.index }}: {% if part.employment_form in ('tillsvidare', 'provanstallning') %}arbetsgivarens "
    "uppsägningstid {{ fact('notice_employer_months', part)|months }}, arbetstagarens "
    "{{ fact('notice_employee_months', part)|months }}.{% else %}tidsbegränsad anställning till och med "
    "{{ fact('end', part)|datum }}; den upphör utan uppsägning.{% endif %}",
    "Part {{ loop.index }}: {% if part.employment_form in ('tillsvidare', 'provanstallning') %}the employer's "
    "notice {{ fact('notice_employer_months', part)|months }}, the employee's "
    "{{ fact('notice_employee_months', part)|months }}.{% else %}fixed-term employment until "
    "{{ fact('end', part)|datum }}; it ends without notice.{% endif %}",
)
LINKED = (
    "{% if linked_termination.linked is sameas true %}Delarna är sammankopplade.{% elif "
    "linked_termination.linked is sameas false %}Delarna är självständiga; att den ena upphör påverkar "
    "inte den andra.{% else %}Vad som händer med den ena delen när den andra upphör: "
    "{{ missing('linked_termination') }}{% endif %}"
    "{% if linked_termination.description %} {{ linked_termination.description }}{% endif %}",
    "{% if linked_termination.linked is sameas true %}The parts are linked.{% elif "
    "linked_termination.linked is sameas false %}The parts are independent; one ending does not affect "
    "the other.{% else %}What happens to one part when the other ends: "
    "{{ missing('linked_termination') }}{% endif %}"
    "{% if linked_termination.description %} {{ linked_termination.description }}{% endif %}",
)


def termination(b: Builder, kind: str) -> None:
    if kind == "doktorand":
        b.h1(b.tr("Om studierna avbryts eller anställningen upphör", "If the studies stop or the employment ends"))
        b.para(
            b.tr(
                "Om arbetstagaren avbryter forskarutbildningen, eller lärosätet beslutar att arbetstagaren inte "
                "längre ska ha rätt till handledning och andra resurser (6 kap. 30 § högskoleförordningen), "
                "upphör detta avtal. Arbetstagaren återgår då till arbete hos arbetsgivaren i den omfattning "
                "anställningen avser; anställningen påverkas inte i övrigt.",
                "If the employee discontinues the doctoral education, or the university decides that the employee "
                "shall no longer be entitled to supervision and other resources (Chapter 6, Section 30 of the "
                "Higher Education Ordinance), this agreement ends. The employee then returns to work for the "
                "employer to the extent of the employment; the employment is not otherwise affected.",
            )
        )
        b.para(
            b.tr(
                "Om anställningen upphör upphör också finansieringen av forskarutbildningen genom den. Parterna "
                "samråder i god tid om hur utbildningen kan slutföras, till exempel med annan finansiering; "
                "arbetstagaren är fortfarande antagen till utbildningen.",
                "If the employment ends, the financing of the doctoral education through it ends too. The parties "
                "consult in good time on how the education can be completed, for example with other financing; "
                "the employee remains admitted to the education.",
            )
        )
    elif kind == "tjanstekop":
        b.h1(b.tr("Uppsägning och upphörande", "Termination"))
        b.para(
            b.tr(
                "Avtalet om köp av tjänst kan sägas upp enligt följande: {{ procedure.exit }} Att köpet upphör "
                "påverkar inte arbetstagarens anställning hos arbetsgivaren; arbetstagaren återgår till arbete hos "
                "arbetsgivaren i den omfattning anställningen avser. Anställningen kan bara sägas upp av "
                "arbetsgivaren eller arbetstagaren, enligt lagen (1982:80) om anställningsskydd och kollektivavtalet; "
                "den köpta tiden har ingen egen uppsägningstid.",
                "The agreement on the purchase of services can be terminated as follows: {{ procedure.exit }} The "
                "end of the purchase does not affect the employee's employment with the employer; the employee "
                "returns to work for the employer to the extent of the employment. The employment can only be "
                "terminated by the employer or the employee, under the Employment Protection Act (1982:80) and the "
                "collective agreement; the purchased time has no notice period of its own.",
            )
        )
        b.para(
            b.tr(
                "{% if linked_termination.linked is sameas true %}Köpet upphör när anställningen upphör.{% elif "
                "linked_termination.linked is sameas false %}Köpet kan bestå även om delar av anställningen "
                "ändras.{% else %}Vad som händer med köpet när anställningen upphör: "
                "{{ missing('linked_termination') }}{% endif %}"
                "{% if linked_termination.description %} {{ linked_termination.description }}{% endif %}",
                "{% if linked_termination.linked is sameas true %}The purchase ends when the employment ends.{% "
                "elif linked_termination.linked is sameas false %}The purchase can continue even if parts of the "
                "employment change.{% else %}What happens to the purchase when the employment ends: "
                "{{ missing('linked_termination') }}{% endif %}"
                "{% if linked_termination.description %} {{ linked_termination.description }}{% endif %}",
            )
        )
        b.tag("{%p if end_date %}")
        b.para(
            b.tr(
                "Avtalet upphör utan uppsägning den {{ end_date|datum }}.",
                "The agreement ends without notice on {{ end_date|datum }}.",
            )
        )
        b.tag("{%p endif %}")
        return
    else:
        b.h1(b.tr("Uppsägning och upphörande – när det inte fungerar", "Termination – when it does not work"))
    b.para(
        b.tr(
            "{% if fact('employment_count') == 1 %}Anställningen{% else %}Varje anställning{% endif %} kan sägas "
            "upp enligt lagen (1982:80) om anställningsskydd och det kollektivavtal som gäller för den.",
            "{% if fact('employment_count') == 1 %}The employment{% else %}Each employment{% endif %} can be "
            "terminated under the Employment Protection Act (1982:80) and the collective agreement that applies "
            "to it.",
        )
    )
    b.tag("{%p for part in parts %}")
    b.bullet(b.tr(*NOTICE_PART))
    b.tag("{%p endfor %}")
    b.para(b.tr(*LINKED))
    b.para(("b", b.tr("Avslutande av samarbetet: ", "Ending the arrangement: ")), "{{ procedure.exit }}")
    b.tag("{%p if end_date %}")
    b.para(
        b.tr(
            "Avtalet upphör utan uppsägning den {{ end_date|datum }}.",
            "The agreement ends without notice on {{ end_date|datum }}.",
        )
    )
    b.tag("{%p endif %}")
    b.para(
        b.tr(
            "Om samarbetet inte fungerar ska parterna först samråda enligt avsnittet om tvister innan någon part "
            "säger upp avtalet.",
            "If the arrangement does not work, the parties shall first consult each other as set out under "
            "Disputes before any party terminates the agreement.",
        )
    )


def disputes(b: Builder) -> None:
    b.h1(b.tr("Tvister", "Disputes"))
    b.para("{{ procedure.dispute }}")
    b.para(
        b.tr(
            "Tvister mellan arbetsgivare och arbetstagare om anställningen handläggs enligt lagen (1974:371) om "
            "rättegången i arbetstvister.",
            "Disputes between an employer and the employee about the employment are handled under the Labour "
            "Disputes (Judicial Procedure) Act (1974:371).",
        )
    )


def follow_up(b: Builder) -> None:
    b.h1(b.tr("Uppföljning och ändringar", "Follow-up and changes"))
    b.para(
        b.tr(
            "Parterna följer upp avtalet och fördelningen av tjänsten senast {{ review_date|datum }} och därefter "
            "när någon part begär det. Ändringar i avtalet ska vara skriftliga och undertecknade av parterna. "
            "Ändrade anställningsvillkor ska meddelas arbetstagaren skriftligen senast den dag ändringen börjar "
            "gälla (6 e § lagen om anställningsskydd).",
            "The parties review the agreement and the allocation of the post no later than "
            "{{ review_date|datum }} and thereafter when any party asks. Changes to the agreement shall be in "
            "writing and signed by the parties. Changed terms of employment shall be given to the employee in "
            "writing no later than the day they take effect (Section 6 e of the Employment Protection Act).",
        )
    )


def other_terms(b: Builder) -> None:
    b.tag("{%p if clauses %}")
    b.h1(b.tr("Övriga villkor", "Other terms"))
    b.tag("{%p for clause in clauses %}")
    b.h2("{{ clause.heading }}")
    b.para("{{ clause.text }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


# -- what a tjänsteköp and a kombinationsdoktorand add -----------------------------------------------------------


def purchased_service(b: Builder) -> None:
    b.h1(b.tr("Den köpta tjänsten", "The purchased service"))
    b.para(
        b.tr(
            "{{ cost_settlement.invoicing.buyer|employer_name }} köper följande arbete som en tjänst:",
            "{{ cost_settlement.invoicing.buyer|employer_name }} buys the following work as a service:",
        )
    )
    b.tag("{%p for part in parts if part.host %}")
    b.bullet(
        ("b", PART_TITLE),
        b.tr(
            ": {{ part.extent_percent|pct }} av heltid hos {{ part.host|employer_name }}, {{ part.workplace }}.",
            ": {{ part.extent_percent|pct }} of full time at {{ part.host|employer_name }}, {{ part.workplace }}.",
        ),
    )
    b.tag("{%p endfor %}")
    b.para(
        b.tr(
            "Arbetstagaren blir inte anställd hos köparen och får genom köpet ingen anställning där. Den köpta "
            "tiden är en del av anställningen hos arbetsgivaren: den ger ingen egen semester, ingen egen "
            "uppsägningstid och inga andra anställningsvillkor hos köparen. Köparen leder och fördelar arbetet "
            "under den köpta tiden, men beslut om arbetstagarens anställningsvillkor fattas av arbetsgivaren.",
            "The employee does not become an employee of the buyer and gets no employment there through the "
            "purchase. The purchased time is part of the employment with the employer: it gives no leave of its "
            "own, no notice period of its own and no other terms of employment with the buyer. The buyer leads "
            "and allocates the work during the purchased time, but decisions on the employee's terms of "
            "employment are made by the employer.",
        )
    )


def employment_with_seller(b: Builder) -> None:
    b.h1(b.tr("Anställningen hos arbetsgivaren", "The employment with the employer"))
    b.para(
        b.tr(
            "Arbetstagaren är anställd hos {{ cost_settlement.invoicing.seller|employer_name }}, som betalar hela "
            "lönen och svarar för arbetsgivarens skyldigheter enligt lag och kollektivavtal under hela "
            "avtalstiden, också för den köpta tiden:",
            "The employee is employed by {{ cost_settlement.invoicing.seller|employer_name }}, which pays the "
            "whole salary and has the employer's duties under law and the collective agreement throughout the "
            "agreement, also for the purchased time:",
        )
    )
    b.tag("{%p for part in parts %}")
    b.bullet(
        b.tr(
            "Del {{ loop.index }}: {{ part.monthly_salary|kr }} per månad vid {{ part.extent_percent|pct }} av "
            "heltid ({{ fact('collective_agreement', part)|label('collective_agreement') }}; tjänstepension "
            "{{ fact('pension_scheme', part)|label('pension_scheme') }}).",
            "Part {{ loop.index }}: {{ part.monthly_salary|kr }} a month at {{ part.extent_percent|pct }} of full "
            "time ({{ fact('collective_agreement', part)|label('collective_agreement') }}; occupational pension "
            "{{ fact('pension_scheme', part)|label('pension_scheme') }}).",
        )
    )
    b.tag("{%p endfor %}")
    b.para(
        b.tr(
            "Sammanlagd månadslön: {{ fact('total_monthly_salary')|kr }}. Lönerevision sker enligt "
            "kollektivavtalet; arbetsgivaren informerar köparen om ändrad lön.",
            "Total monthly salary: {{ fact('total_monthly_salary')|kr }}. Salaries are reviewed under the "
            "collective agreement; the employer informs the buyer of a changed salary.",
        )
    )
    b.para(
        ("b", b.tr("Sjuklön: ", "Sick pay: ")),
        "{{ sick_pay.handling|label|cap }}.{% if sick_pay.note %} {{ sick_pay.note }}{% endif %}",
    )


def consent(b: Builder) -> None:
    b.h1(b.tr("Arbetstagarens samtycke", "The employee's consent"))
    b.para(
        b.tr(
            "Arbetstagaren har tagit del av avtalet och samtycker genom sin underskrift till att den del av "
            "arbetstiden som anges i avsnittet Den köpta tjänsten utförs hos köparen under avtalstiden. "
            "Samtycket ändrar inte anställningen hos arbetsgivaren.",
            "The employee has read the agreement and by signing it consents to the part of the working time set "
            "out under The purchased service being done for the buyer during the term of the agreement. The "
            "consent does not change the employment with the employer.",
        ),
        keep=True,
    )


def financing(b: Builder) -> None:
    b.h1(b.tr("Finansiering", "Financing"))
    b.para(
        b.tr(
            "{{ fact('employing_employers')|employer_name }} finansierar forskarutbildningen genom anställningen "
            "till och med {{ doctoral_studies.financing_until|datum }}. Vid studietakten nedan beräknas "
            "utbildningen vara klar {{ fact('doctoral_financing_needed_until')|datum }}; finansieringen ska vara "
            "säkrad för hela den tiden.{% if fact('doctoral_financing_short') %} Den angivna finansieringen slutar "
            "före den beräknade utbildningstidens slut och behöver förlängas.{% endif %}",
            "{{ fact('employing_employers')|employer_name }} finances the doctoral education through the "
            "employment until {{ doctoral_studies.financing_until|datum }}. At the study pace below the "
            "education is expected to be completed on {{ fact('doctoral_financing_needed_until')|datum }}; the "
            "financing shall be secured for the whole of that time.{% if fact('doctoral_financing_short') %} The "
            "stated financing ends before the expected end of the education and needs to be extended.{% endif %}",
        )
    )
    b.para(
        b.tr(
            "Arbetsgivaren åtar sig att inte minska den tid som är avsatt för studierna under avtalstiden utan "
            "lärosätets och arbetstagarens medgivande.",
            "The employer undertakes not to reduce the time set aside for the studies during the term of the "
            "agreement without the consent of the university and the employee.",
        )
    )


def study_pace(b: Builder) -> None:
    b.h1(b.tr("Studietakt och studietid", "Study pace and duration"))
    b.para(
        b.tr(
            "Forskarutbildningen leder till {{ doctoral_studies.degree|label }} och bedrivs på "
            "{{ fact('doctoral_study_share')|pct }} av heltid inom anställningen. Vid den studietakten tar "
            "utbildningen cirka {{ fact('doctoral_years_needed')|num(1) }} år, från "
            "{{ fact('doctoral_start')|datum }} till {{ fact('doctoral_financing_needed_until')|datum }}. Den får "
            "enligt 7 kap. 36 § högskoleförordningen ta högst {{ fact('doctoral_max_years') }} år.",
            "The doctoral education leads to a {{ doctoral_studies.degree|label }} and is pursued at "
            "{{ fact('doctoral_study_share')|pct }} of full time within the employment. At that pace the education "
            "takes about {{ fact('doctoral_years_needed')|num(1) }} years, from {{ fact('doctoral_start')|datum }} "
            "to {{ fact('doctoral_financing_needed_until')|datum }}. Under Chapter 7, Section 36 of the Higher "
            "Education Ordinance it may take at most {{ fact('doctoral_max_years') }} years.",
        )
    )
    b.para(
        b.tr(
            "En ändrad studietakt kräver att parterna är överens och att den individuella studieplanen och "
            "finansieringen ändras i motsvarande mån.",
            "A changed study pace requires the parties' agreement and a matching change of the individual study "
            "plan and the financing.",
        )
    )


def supervision(b: Builder) -> None:
    b.h1(b.tr("Handledning", "Supervision"))
    b.para(
        b.tr(
            "Lärosätet utser handledare för doktoranden enligt högskoleförordningen (1993:100) och sina regler, "
            "minst två, varav en huvudhandledare. {% if doctoral_studies.supervisors %}Handledare: "
            "{{ doctoral_studies.supervisors|join(', ') }} (huvudhandledaren först).{% else %}Handledare: "
            "{{ missing('doctoral_studies.supervisors') }}{% endif %} Lärosätet står för handledning och kurser "
            "inom forskarutbildningen. Arbetsgivaren ger arbetstagaren möjlighet att delta i handledning, kurser "
            "och seminarier inom den tid som är avsatt för studierna.",
            "The university appoints supervisors for the doctoral student under the Higher Education Ordinance "
            "(1993:100) and its own rules, at least two, one of them the principal supervisor. {% if "
            "doctoral_studies.supervisors %}Supervisors: {{ doctoral_studies.supervisors|join(', ') }} (the "
            "principal supervisor first).{% else %}Supervisors: {{ missing('doctoral_studies.supervisors') }}"
            "{% endif %} The university provides supervision and courses within the doctoral education. The "
            "employer lets the employee take part in supervision, courses and seminars within the time set aside "
            "for the studies.",
        )
    )


def study_plan(b: Builder) -> None:
    b.h1(b.tr("Individuell studieplan och årlig uppföljning", "Individual study plan and yearly follow-up"))
    b.para(
        b.tr(
            "För doktoranden ska det finnas en individuell studieplan med lärosätets och doktorandens åtaganden "
            "och en tidsplan för utbildningen (6 kap. 29 § högskoleförordningen). {% if "
            "doctoral_studies.individual_study_plan is sameas true %}Studieplanen är upprättad eller upprättas vid "
            "antagningen.{% elif doctoral_studies.individual_study_plan is sameas false %}Studieplanen är ännu "
            "inte upprättad; den upprättas senast vid antagningen.{% else %}Studieplanen: "
            "{{ missing('doctoral_studies.individual_study_plan') }}{% endif %} Arbetsgivarens åtaganden enligt "
            "detta avtal (tid och finansiering) anges i studieplanen.",
            "The doctoral student shall have an individual study plan with the university's and the student's "
            "undertakings and a timetable for the education (Chapter 6, Section 29 of the Higher Education "
            "Ordinance). {% if doctoral_studies.individual_study_plan is sameas true %}The study plan has been or "
            "is drawn up at admission.{% elif doctoral_studies.individual_study_plan is sameas false %}The study "
            "plan has not yet been drawn up; it is drawn up at admission at the latest.{% else %}The study plan: "
            "{{ missing('doctoral_studies.individual_study_plan') }}{% endif %} The employer's undertakings under "
            "this agreement (time and financing) are set out in the study plan.",
        )
    )
    b.para(
        b.tr(
            "Studieplanen följs upp minst en gång om året av doktoranden och handledarna. Arbetsgivaren får ta del "
            "av uppföljningen i den mån den rör studietakten, tiden och finansieringen, och parterna samråder om "
            "ändringar.",
            "The study plan is followed up at least once a year by the doctoral student and the supervisors. The "
            "employer is told of the follow-up as far as it concerns the study pace, the time and the financing, "
            "and the parties consult on changes.",
        )
    )


# -- signatures and the annex ----------------------------------------------------------------------------------


def signatures(b: Builder, kind: str) -> None:
    b.h1(b.tr("Underskrifter", "Signatures"))
    b.para(
        b.tr(
            "Avtalet har upprättats i likalydande exemplar, ett för varje part"
            + (" och ett för arbetstagaren" if kind == "tjanstekop" else "")
            + ".",
            "This agreement has been made in identical copies, one for each party"
            + (" and one for the employee" if kind == "tjanstekop" else "")
            + ".",
        ),
        keep=True,
    )
    heading = b.tr(
        "{% if s.party == 'person' %}Arbetstagare{% else %}För {{ s.party|employer_name }}{% endif %}",
        "{% if s.party == 'person' %}Employee{% else %}For {{ s.party|employer_name }}{% endif %}",
    )
    name = "{{ s.name }}{% if s.role %}, {{ s.role }}{% endif %}"
    loop = "{%tr for s in signatories if s.party != 'person' %}" if kind == "tjanstekop" else (
        "{%tr for s in signatories %}"
    )
    fallback: list[tuple[str, str, str]] = [
        ("tag", "{%tr for e in employers %}", ""),
        ("block", b.tr("För {{ e.name }}", "For {{ e.name }}"), b.tr("Namnförtydligande", "Name in print")),
        ("tag", "{%tr endfor %}", ""),
    ]
    if kind != "tjanstekop":
        fallback.append(("block", b.tr("Arbetstagare", "Employee"), "{{ person.name }}"))
    rows = [("tag", loop, ""), ("block", heading, name), ("tag", "{%tr else %}", ""), *fallback]
    rows.append(("tag", "{%tr endfor %}", ""))
    if kind == "tjanstekop":
        rows.append(
            (
                "block",
                b.tr("Arbetstagarens samtycke", "The employee's consent"),
                "{{ person.name }}",
            )
        )
    b.signatures(rows)


def annex(b: Builder) -> None:
    b.tag("{%p if doc.draft %}")
    b.page_break()
    b.para(
        b.tr("Bilaga: Att åtgärda före undertecknande", "Annex: To resolve before signing"),
        style="Bilagerubrik",
    )
    b.para(
        b.tr(
            "forenad {{ doc.forenad_version }} prövade avtalet per {{ doc.evaluated_on|datum }} (regler "
            "{{ doc.rules_version }}, parametrar {{ doc.parameters_version }}). Följande fel och varningar ska "
            "åtgärdas eller bedömas innan avtalet undertecknas. Bilagan tas bort i den slutliga versionen.",
            "forenad {{ doc.forenad_version }} checked the agreement as of {{ doc.evaluated_on|datum }} (rules "
            "{{ doc.rules_version }}, parameters {{ doc.parameters_version }}). The following errors and warnings "
            "shall be resolved or assessed before the agreement is signed. The annex is left out of the final "
            "version.",
        ),
        style="Bilagetext",
    )
    b.tag("{%p if findings %}")
    b.table(
        headers=[
            b.tr("Regel", "Rule"),
            b.tr("Allvar", "Severity"),
            b.tr("Iakttagelse", "Finding"),
            b.tr("Hänvisning", "Reference"),
        ],
        widths_mm=[44, 16, 66, 34],
        loop=("{%tr for f in findings %}", "{%tr endfor %}"),
        row=[
            "{{ f.rule }}",
            "{{ f.severity }}",
            [
                "{{ f.message }}",
                (
                    "i",
                    b.tr(
                        "{% if f.paths %} Fält: {{ f.paths }}{% endif %}",
                        "{% if f.paths %} Fields: {{ f.paths }}{% endif %}",
                    ),
                ),
            ],
            "{{ f.refs }}",
        ],
        cell_style="Bilagetabell",
    )
    b.tag("{%p else %}")
    b.para(
        b.tr("Regelprövningen fann inga fel eller varningar.", "The rule checks found no errors or warnings."),
        style="Bilagetext",
    )
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


# --------------------------------------------------------------------------------------------------------
# The templates
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    id: str
    version: str
    language: str
    document: str
    title: str
    per: str
    models: tuple[str, ...]
    description: str
    build: Callable[[Builder], None]


def agreement(kind: str, subtitle: tuple[str, str]) -> Callable[[Builder], None]:
    """An agreement of ``kind``: the sections in the order a negotiator reads them."""

    def build(b: Builder) -> None:
        opening(b, b.tr(*subtitle))
        parties(b, kind)
        background(b, kind)
        conditions(b, kind)
        if kind != "tjanstekop":
            eligibility(b, kind)
        if kind == "forenad":
            recruitment(b)
        term(b, kind)
        if kind == "doktorand":
            financing(b)
            study_pace(b)
            supervision(b)
            study_plan(b)
        if kind == "tjanstekop":
            purchased_service(b)
        extent(b, kind)
        if kind == "tjanstekop":
            employment_with_seller(b)
        else:
            salary(b, kind)
        working_time(b, kind)
        vacation(b, kind)
        if kind != "tjanstekop":
            pension(b, kind)
        insurance(b, kind)
        work_environment(b, kind)
        if kind == "delad":
            patient_safety(b)
        personal_data(b, kind)
        secondary(b, kind)
        if kind == "adjungering":
            premises(b)
        if kind != "delad":
            intellectual_property(b, kind)
        costs(b, kind)
        termination(b, kind)
        disputes(b)
        follow_up(b)
        if kind == "tjanstekop":
            consent(b)
        other_terms(b)
        signatures(b, kind)
        annex(b)

    return build


# -- the anställningsbevis ---------------------------------------------------------------------------------------

PER_PART = "{% if issued_parts|length > 1 %}" + PART_TITLE + ": {% endif %}"
"""Before a part's line in a cell, when the employer employs in more than one part."""
FIXED = "part.employment_form not in ('tillsvidare', 'provanstallning')"


def bevis_items(b: Builder) -> list[tuple[str, str, str | tuple[str]]]:
    """The LAS 6 c § items: (number, item, text); a text in a 1-tuple is written once per part."""
    ka = "{{ fact('collective_agreement', first)|label('collective_agreement') }}"
    return [
        (
            "1",
            b.tr("Arbetsplats", "Place of work"),
            (
                PER_PART
                + b.tr(
                    "{{ part.workplace }}{% if part.host %} (arbetet utförs hos {{ part.host|employer_name }})"
                    "{% endif %}",
                    "{{ part.workplace }}{% if part.host %} (the work is done at {{ part.host|employer_name }})"
                    "{% endif %}",
                ),
            ),
        ),
        ("1", b.tr("Tillträdesdag", "Start date"), (PER_PART + "{{ fact('start', part)|datum }}",)),
        (
            "2",
            b.tr("Befattning och arbetsuppgifter", "Position and duties"),
            (PART_TITLE + "{% if part.subject %} ({{ part.subject }}){% endif %}. {{ part.duties }}",),
        ),
        (
            "3",
            b.tr("Anställningsform", "Form of employment"),
            (
                PER_PART
                + b.tr(
                    "{{ part.employment_form|label|cap }}{% if " + FIXED + " %} till och med "
                    "{{ fact('end', part)|datum }}{% endif %}.",
                    "{{ part.employment_form|label|cap }}{% if " + FIXED + " %} until "
                    "{{ fact('end', part)|datum }}{% endif %}.",
                ),
            ),
        ),
        (
            "4",
            b.tr("Lön", "Pay"),
            (
                PER_PART
                + b.tr(
                    "{{ part.monthly_salary|kr }} per månad vid {{ part.extent_percent|pct }} av heltid.",
                    "{{ part.monthly_salary|kr }} a month at {{ part.extent_percent|pct }} of full time.",
                ),
            ),
        ),
        (
            "4",
            b.tr("Lönens utbetalning", "Payment of pay"),
            b.tr(
                "Lönen betalas ut månadsvis. Övriga lönedelar enligt " + ka + ".",
                "Pay is paid monthly. Other components of pay under " + ka + ".",
            ),
        ),
        (
            "5",
            b.tr("Arbetstid", "Working time"),
            (
                PER_PART
                + b.tr(
                    "Heltidsmått {{ part.working_time.full_time_hours|num }} {{ part.working_time.form|label }}; "
                    "omfattning {{ part.extent_percent|pct }}, cirka {{ fact('weekly_hours', part)|num(1) }} "
                    "timmar per vecka.",
                    "Full time is {{ part.working_time.full_time_hours|num }} {{ part.working_time.form|label }}; "
                    "extent {{ part.extent_percent|pct }}, about {{ fact('weekly_hours', part)|num(1) }} hours a "
                    "week.",
                ),
            ),
        ),
        (
            "6",
            b.tr("Övertid och mertid", "Overtime and additional hours"),
            b.tr(
                "Ersätts enligt arbetstidslagen (1982:673) och " + ka + ".",
                "Paid under the Working Hours Act (1982:673) and " + ka + ".",
            ),
        ),
        (
            "7",
            b.tr("Arbetstidens förläggning", "Scheduling of working time"),
            (
                PER_PART
                + b.tr(
                    "Enligt schema som fastställs av närmaste chef{% if part.manager %} ({{ part.manager }})"
                    "{% endif %}.",
                    "On a schedule set by the line manager{% if part.manager %} ({{ part.manager }}){% endif %}.",
                ),
            ),
        ),
        (
            "8",
            b.tr("Kundföretag", "User undertaking"),
            b.tr(
                "Ej tillämpligt: arbetsgivaren är inte ett bemanningsföretag.",
                "Not applicable: the employer is not a temporary-work agency.",
            ),
        ),
        (
            "9",
            b.tr("Kompetensutveckling", "Training"),
            b.tr(
                "Enligt " + ka + " och arbetsgivarens riktlinjer.",
                "Under " + ka + " and the employer's guidelines.",
            ),
        ),
        (
            "10",
            b.tr("Semester", "Paid leave"),
            b.tr(
                "{{ fact('vacation_days', first) }} semesterdagar per år enligt semesterlagen (1977:480) och "
                + ka
                + ".",
                "{{ fact('vacation_days', first) }} days of annual leave a year under the Annual Leave Act "
                "(1977:480) and " + ka + ".",
            ),
        ),
        (
            "11",
            b.tr("Uppsägning", "Termination"),
            (
                PER_PART
                + b.tr(
                    "{% if " + FIXED + " %}Tidsbegränsad anställning som upphör utan uppsägning "
                    "{{ fact('end', part)|datum }}; besked om att den inte fortsätter lämnas enligt 15 § lagen om "
                    "anställningsskydd när det krävs.{% else %}Arbetsgivarens uppsägningstid "
                    "{{ fact('notice_employer_months', part)|months }}, arbetstagarens "
                    "{{ fact('notice_employee_months', part)|months }}, enligt lagen (1982:80) om "
                    "anställningsskydd och {{ fact('collective_agreement', part)|label('collective_agreement') }}."
                    "{% endif %}",
                    "{% if " + FIXED + " %}Fixed-term employment that ends without notice on "
                    "{{ fact('end', part)|datum }}; notice that it will not continue is given under Section 15 of "
                    "the Employment Protection Act where required.{% else %}The employer's notice "
                    "{{ fact('notice_employer_months', part)|months }}, the employee's "
                    "{{ fact('notice_employee_months', part)|months }}, under the Employment Protection Act "
                    "(1982:80) and {{ fact('collective_agreement', part)|label('collective_agreement') }}."
                    "{% endif %}",
                ),
            ),
        ),
        (
            "12",
            b.tr("Pension och försäkringar", "Pension and insurance"),
            b.tr(
                "Tjänstepension enligt {{ fact('pension_scheme', first)|label('pension_scheme') }}; "
                "avtalsförsäkringar enligt " + ka + ". Arbetsgivaravgifter betalas till Skatteverket.",
                "Occupational pension under {{ fact('pension_scheme', first)|label('pension_scheme') }}; "
                "agreement-based insurance under " + ka + ". Employer's social security contributions are paid "
                "to the Swedish Tax Agency (Skatteverket).",
            ),
        ),
        (
            "13",
            b.tr("Kollektivavtal", "Collective agreements"),
            "{% if fact('collective_agreement', first) == 'annat' %}{{ issuer.collective_agreement_name }}"
            "{% else %}{{ fact('collective_agreement', first)|label('collective_agreement_parties')|cap }}{% endif %}.",
        ),
    ]


def fill_in(path: str) -> str:
    """A value the employer may complete by hand: the value, a marker in a draft, a line in a final one."""
    return (
        "{% if " + path + " %}{{ " + path + " }}{% elif doc.draft %}{{ missing('" + path + "') }}"
        "{% else %}____________________________{% endif %}"
    )


def anstallningsbevis(b: Builder) -> None:
    b.title(
        b.tr("Anställningsbevis", "Written statement of employment"),
        b.tr(
            "Skriftlig information om anställningsvillkor enligt 6 c § lagen (1982:80) om anställningsskydd",
            "Written information on the terms of employment under Section 6 c of the Employment Protection Act "
            "(1982:80)",
        ),
    )
    b.para(
        b.tr(
            "{{ issuer.name }} · avtal {{ id }} · {{ model|label|cap }}",
            "{{ issuer.name }} · agreement {{ id }} · {{ model|label|cap }}",
        ),
        style="Anmärkning",
    )
    if b.lang == "en":
        b.note(
            "This English text is a translation of the Swedish written statement; where they differ, the "
            "Swedish text prevails."
        )
    b.tag("{%p if doc.draft %}")
    b.note(
        b.tr(
            "Utkast framtaget med forenad {{ doc.forenad_version }} den {{ doc.evaluated_on|datum }}. Uppgifter som "
            "saknas i avtalsfilen är markerade «SAKNAS: …».",
            "Draft made with forenad {{ doc.forenad_version }} on {{ doc.evaluated_on|datum }}. Values missing "
            "from the agreement file are marked «MISSING: …».",
        )
    )
    b.tag("{%p endif %}")
    b.para(
        b.tr(
            "{{ issuer.name }} lämnar här den skriftliga information om anställningen som arbetsgivaren ska ge "
            "enligt 6 c § lagen om anställningsskydd. Punkterna 1–7 lämnas senast sju kalenderdagar efter att "
            "arbetet har börjat och punkterna 9–13 senast en månad efter det. Varje anställning i en "
            "kombinationstjänst har sin egen information från sin arbetsgivare.",
            "{{ issuer.name }} hereby gives the written information on the employment that an employer shall give "
            "under Section 6 c of the Employment Protection Act. Items 1–7 are given no later than seven calendar "
            "days after work has begun and items 9–13 no later than one month after that. Each employment in a "
            "combined post has its own information from its employer.",
        )
    )
    b.h1(b.tr("Parter", "Parties"))
    b.para(
        ("b", b.tr("Arbetsgivare: ", "Employer: ")),
        b.tr(
            "{{ issuer.name }}, organisationsnummer {{ issuer.organisationsnummer }}, {{ issuer.address }} "
            "({{ issuer.kind|label }}).",
            "{{ issuer.name }}, organisation number {{ issuer.organisationsnummer }}, {{ issuer.address }} "
            "({{ issuer.kind|label }}).",
        ),
    )
    b.para(
        ("b", b.tr("Arbetstagare: ", "Employee: ")),
        b.tr(
            "{{ person.name }}, personnummer " + fill_in("person.personnummer") + ", adress "
            + fill_in("person.address") + ".",
            "{{ person.name }}, personal identity number " + fill_in("person.personnummer") + ", address "
            + fill_in("person.address") + ".",
        ),
    )
    b.h1(b.tr("Anställningen hos {{ issuer.name }}", "The employment with {{ issuer.name }}"))
    b.para(
        b.tr(
            "Anställningen omfattar {% if issued_parts|length > 1 %}följande delar: {% for part in issued_parts %}"
            "{% if part.title %}{{ part.title }}{% else %}{{ part.position|label }}{% endif %} "
            "({{ part.extent_percent|pct }}){% if not loop.last %}, {% endif %}{% endfor %}{% else %}"
            "{% for part in issued_parts %}{{ part.extent_percent|pct }} av heltid{% endfor %}{% endif %}.",
            "The employment comprises {% if issued_parts|length > 1 %}the following parts: {% for part in "
            "issued_parts %}{% if part.title %}{{ part.title }}{% else %}{{ part.position|label }}{% endif %} "
            "({{ part.extent_percent|pct }}){% if not loop.last %}, {% endif %}{% endfor %}{% else %}"
            "{% for part in issued_parts %}{{ part.extent_percent|pct }} of full time{% endfor %}{% endif %}.",
        )
    )
    b.tag("{%p set first = issued_parts|first %}")
    b.items_table(
        headers=[b.tr("6 c §", "6 c §"), b.tr("Uppgift", "Item"), b.tr("Villkor", "Terms")],
        widths_mm=[14, 42, 104],
        items=bevis_items(b),
        loop="{%p for part in issued_parts %}",
    )
    b.h1(b.tr("Övrigt", "Other information"))
    b.para(
        b.tr(
            "Anställningen omfattas av avtal {{ id }} ({{ title }}) mellan "
            "{% for e in employers %}{{ e.name }}{% if not loop.last %}{% if loop.revindex == 2 %} och "
            "{% else %}, {% endif %}{% endif %}{% endfor %} (anställningsmodell: {{ model|label }}). Ändrade "
            "villkor meddelas skriftligen senast den dag ändringen börjar gälla (6 e § lagen om anställningsskydd).",
            "The employment is covered by agreement {{ id }} ({{ title }}) between "
            "{% for e in employers %}{{ e.name }}{% if not loop.last %}{% if loop.revindex == 2 %} and "
            "{% else %}, {% endif %}{% endif %}{% endfor %} (employment model: {{ model|label }}). Changed terms "
            "are given in writing no later than the day the change takes effect (Section 6 e of the Employment "
            "Protection Act).",
        )
    )
    b.h1(b.tr("Underskrifter", "Signatures"))
    b.para(
        b.tr(
            "Anställningsbeviset har upprättats i två exemplar, ett för arbetsgivaren och ett för arbetstagaren.",
            "This statement has been made in two copies, one for the employer and one for the employee.",
        ),
        keep=True,
    )
    b.signatures(
        [
            ("tag", "{%tr for s in signatories if s.party == issuer.id or s.party == 'person' %}", ""),
            (
                "block",
                b.tr(
                    "{% if s.party == 'person' %}Mottaget av arbetstagaren{% else %}För {{ issuer.name }}{% endif %}",
                    "{% if s.party == 'person' %}Received by the employee{% else %}For {{ issuer.name }}{% endif %}",
                ),
                "{{ s.name }}{% if s.role %}, {{ s.role }}{% endif %}",
            ),
            ("tag", "{%tr else %}", ""),
            ("block", b.tr("För {{ issuer.name }}", "For {{ issuer.name }}"), b.tr("Namnförtydligande", "Name in print")),
            ("block", b.tr("Mottaget av arbetstagaren", "Received by the employee"), "{{ person.name }}"),
            ("tag", "{%tr endfor %}", ""),
        ]
    )
    annex(b)


FORENAD_MODELS = ("forenad_en_arbetsgivare", "forenad_tva_anstallningar")
ALL_MODELS = (
    "forenad_en_arbetsgivare", "forenad_tva_anstallningar", "kombinationsanstallning", "tjanstekop",
    "adjungering", "kombinationsdoktorand", "delad_tjanst_region_kommun",
)  # fmt: skip

DOCUMENTS: tuple[tuple[str, str, tuple[str, str], tuple[str, ...], tuple[str, str], Callable[[Builder], None]], ...] = (
    (
        "samverkansavtal-forenad", "agreement",
        ("Samverkansavtal om förenad anställning", "Cooperation agreement on a joint appointment"),
        FORENAD_MODELS,
        (
            "Samverkansavtal mellan lärosäte och annan arbetsgivare om förenad anställning (en eller två anställningar).",
            "Cooperation agreement between a university and another employer on a joint appointment (förenad anställning).",
        ),
        agreement("forenad", (
            "Samverkansavtal om förenad anställning",
            "Cooperation agreement on a joint appointment (förenad anställning)",
        )),
    ),
    (
        "kombinationsanstallning", "agreement",
        ("Avtal om kombinationsanställning", "Agreement on a combined employment"),
        ("kombinationsanstallning",),
        (
            "Samverkansavtal om kombinationsanställning: två självständiga anställningar som samordnas.",
            "Cooperation agreement on a combined employment (kombinationsanställning): two independent employments.",
        ),
        agreement("kombination", (
            "Samverkansavtal om kombinationsanställning",
            "Cooperation agreement on a combined employment (kombinationsanställning)",
        )),
    ),
    (
        "delad-tjanst-region-kommun", "agreement",
        ("Avtal om delad tjänst mellan region och kommun", "Agreement on a post shared between a region and a municipality"),
        ("delad_tjanst_region_kommun",),
        (
            "Samverkansavtal om en tjänst som delas mellan region och kommun i nära vård.",
            "Cooperation agreement on a post shared between a region and a municipality in local health care.",
        ),
        agreement("delad", (
            "Samverkansavtal om delad tjänst mellan region och kommun",
            "Cooperation agreement on a post shared between a region and a municipality",
        )),
    ),
    (
        "tjanstekopsavtal", "agreement",
        ("Tjänsteköpsavtal", "Agreement on the purchase of services"),
        ("tjanstekop",),
        (
            "Avtal mellan arbetsgivare om köp av en del av en arbetstagares arbetstid som en tjänst.",
            "Agreement between employers on buying part of an employee's working time as a service.",
        ),
        agreement("tjanstekop", (
            "Avtal om köp av tjänst (tjänsteköp)",
            "Agreement on the purchase of services (tjänsteköp)",
        )),
    ),
    (
        "adjungeringsavtal", "agreement",
        ("Avtal om adjungering", "Agreement on an adjunct appointment"),
        ("adjungering",),
        (
            "Trepartsavtal om adjungering: lärosäte, hemarbetsgivare och arbetstagare.",
            "Three-party agreement on an adjunct appointment: university, home employer and employee.",
        ),
        agreement("adjungering", (
            "Avtal om adjungering mellan lärosäte, hemarbetsgivare och arbetstagare",
            "Agreement on an adjunct appointment between the university, the home employer and the employee",
        )),
    ),
    (
        "forskarutbildningsavtal", "agreement",
        ("Avtal om forskarutbildning inom anställning", "Agreement on doctoral education within an employment"),
        ("kombinationsdoktorand",),
        (
            "Avtal mellan arbetsgivare, lärosäte och arbetstagare om forskarutbildning inom anställningen "
            "(kombinationsdoktorand).",
            "Agreement between the employer, the university and the employee on doctoral education within the "
            "employment (combined doctoral student).",
        ),
        agreement("doktorand", (
            "Avtal om forskarutbildning inom anställning (kombinationsdoktorand)",
            "Agreement on doctoral education within an employment (combined doctoral student)",
        )),
    ),
    (
        "anstallningsbevis", "employer",
        ("Anställningsbevis", "Written statement of employment"),
        ALL_MODELS,
        (
            "Anställningsbevis med uppgifterna i 6 c § LAS, ett per arbetsgivare som anställer, en tabell per "
            "anställning.",
            "Written statement of employment with the items of LAS Section 6 c, one per employing employer, one "
            "table per employment.",
        ),
        anstallningsbevis,
    ),
)  # fmt: skip


def specs() -> tuple[Spec, ...]:
    out = []
    for document, per, titles, models, descriptions, build in DOCUMENTS:
        version = "1.0.0" if document not in ("samverkansavtal-forenad", "kombinationsanstallning",
                                              "tjanstekopsavtal", "adjungeringsavtal", "anstallningsbevis") else "2.0.0"
        for lang, index in (("sv", 0), ("en", 1)):
            template_id = document if lang == "sv" else f"{document}-en"
            out.append(
                Spec(template_id, version, lang, document, titles[index], per, models, descriptions[index], build)
            )
    return tuple(out)


# --------------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------------


def build(spec: Spec) -> bytes:
    builder = Builder(spec.language, spec.title)
    spec.build(builder)
    return builder.docx_bytes()


def sidecar(spec: Spec, docx: bytes, directory: Path) -> str:
    """The sidecar text; the template is checked first (no errors, no warnings)."""
    sys.path.insert(0, str(ROOT / "src"))
    from forenad.render.catalogue import Template, TemplateSpec
    from forenad.render.lint import CheckReport, analyse

    provisional = TemplateSpec(
        id=spec.id, version=spec.version, language=spec.language, document=spec.document, title=spec.title,
        per=spec.per, models=list(spec.models), description=spec.description,
    )  # fmt: skip
    template = Template(provisional, directory / "template.docx", directory / "template.yaml", True, docx)
    report = CheckReport(spec.id, template)
    analyse(report, template)
    errors = [i.text.en for i in report.issues if i.severity == "error"]
    if errors:
        raise SystemExit(f"{spec.id}: " + "; ".join(errors))
    head = (
        "# Mallens sidofil. Texten finns i template.docx: redigera den i Word eller LibreOffice och granska med\n"
        "# forenad templates check. Fälten mallen använder läses ur mallen; de anges inte här.\n"
        if spec.language == "sv"
        else "# The template's sidecar. The text is in template.docx: edit it in Word or LibreOffice and check it\n"
        "# with forenad templates check. The fields the template uses are read from the template, not listed here.\n"
    )
    lines = [
        head.rstrip("\n"),
        f"id: {spec.id}",
        f"version: {spec.version}",
        f"language: {spec.language}",
        f"document: {spec.document}",
        f"title: {_quoted(spec.title)}",
        f"per: {spec.per}",
        f"description: {_quoted(spec.description)}",
        "models:",
        *(f"  - {model}" for model in spec.models),
    ]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: templates/)")
    args = parser.parse_args(argv)
    for spec in specs():
        directory = args.out / spec.id
        directory.mkdir(parents=True, exist_ok=True)
        docx = build(spec)
        (directory / "template.docx").write_bytes(docx)
        text = sidecar(spec, docx, directory)
        (directory / "template.yaml").write_text(text, encoding="utf-8")
        print(f"{directory.relative_to(ROOT) if directory.is_relative_to(ROOT) else directory}: built")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
