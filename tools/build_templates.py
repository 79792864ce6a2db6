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
            "Mall för forenad. Genererad av tools/build_templates.py.",
            "A forenad template. Generated by tools/build_templates.py.",
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
    def para(self, *segments: Seg, style: str | None = None, align: str | None = None) -> object:
        paragraph = self.doc.add_paragraph(style=style)
        for segment in segments:
            self._run(paragraph, segment)
        if align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
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
    ) -> None:
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
                paragraph.style = self.doc.styles["Tabellrubrik" if kind == "total" else "Tabelltext"]
                segments: Sequence[Seg] = [value] if isinstance(value, str) else value
                for segment in segments:
                    if first_column_bold and i == 0 and kind == "row" and isinstance(segment, str):
                        segment = ("b", segment)
                    self._run(paragraph, segment)
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
        _set_widths(table, (70, 90))
        self.doc.add_paragraph()

    # -- output ------------------------------------------------------------------------------------------
    def docx_bytes(self) -> bytes:
        """The document with fixed zip timestamps, so that the same code gives the same file."""
        raw = io.BytesIO()
        self.doc.save(raw)
        out = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                item = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
                item.compress_type = zipfile.ZIP_DEFLATED
                item.external_attr = 0o644 << 16
                target.writestr(item, source.read(info.filename))
        return out.getvalue()


# --------------------------------------------------------------------------------------------------------
# Sections shared by the agreements
# --------------------------------------------------------------------------------------------------------


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


def parties(b: Builder, person_is_party: bool = True, intro: str | None = None) -> None:
    b.h1(b.tr("Parter", "Parties"))
    b.para(
        intro
        or b.tr(
            "Avtalet är träffat mellan följande parter.",
            "This agreement is made between the following parties.",
        )
    )
    b.tag("{%p for e in employers %}")
    b.bullet(
        ("b", "{{ e.name }}"),
        b.tr(
            ", organisationsnummer {{ e.organisationsnummer }} ({{ e.kind|label }})"
            "{% if e.id == main_employer %}, huvudarbetsgivare{% endif %}",
            ", organisation number {{ e.organisationsnummer }} ({{ e.kind|label }})"
            "{% if e.id == main_employer %}, main employer{% endif %}",
        ),
    )
    b.tag("{%p endfor %}")
    if person_is_party:
        b.bullet(
            ("b", "{{ person.name }}"),
            b.tr(
                "{% if person.profession %}, {{ person.profession }}{% endif %} (arbetstagaren)",
                "{% if person.profession %}, {{ person.profession }}{% endif %} (the employee)",
            ),
        )
    else:
        b.para(
            b.tr(
                "Avtalet gäller arbetstagaren {{ person.name }}{% if person.profession %}, {{ person.profession }}{% endif %}.",
                "The agreement concerns the employee {{ person.name }}{% if person.profession %}, "
                "{{ person.profession }}{% endif %}.",
            )
        )


def extent(b: Builder) -> None:
    b.h1(b.tr("Omfattning och fördelning", "Extent and allocation"))
    b.para(
        b.tr(
            "Tjänsten omfattar sammanlagt {{ fact('total_extent')|pct }} av heltid och är fördelad på följande delar.",
            "The post totals {{ fact('total_extent')|pct }} of full time, divided into the following parts.",
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
                "{{ part.employer|employer_name }}{% if part.host %} (arbetet utförs hos {{ part.host|employer_name }}){% endif %}",
                "{{ part.employer|employer_name }}{% if part.host %} (work done at {{ part.host|employer_name }}){% endif %}",
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
    b.para(("b", b.tr("Närmaste chef: ", "Line manager: ")), "{{ part.manager }}")
    b.para(
        ("b", b.tr("Anställningsform: ", "Form of employment: ")),
        b.tr(
            "{{ part.employment_form|label|cap }}, från och med {{ fact('start', part)|datum }}"
            "{% if part.end_date %} till och med {{ part.end_date|datum }}{% endif %}.",
            "{{ part.employment_form|label|cap }}, from {{ fact('start', part)|datum }}"
            "{% if part.end_date %} until {{ part.end_date|datum }}{% endif %}.",
        ),
    )
    b.tag("{%p endfor %}")


def salary(b: Builder, extra: Callable[[Builder], None] | None = None) -> None:
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
    if extra:
        extra(b)
    b.para(
        b.tr(
            "Lönerevision sker enligt respektive kollektivavtal. Arbetsgivarna ska samråda inför lönerevision så "
            "att lönen för tjänsten bedöms som en helhet.",
            "Salaries are reviewed under each collective agreement. The employers shall consult each other before "
            "a salary review so that the pay for the post is assessed as a whole.",
        )
    )


def working_time(b: Builder) -> None:
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
    b.para(
        b.tr(
            "Sammanlagt blir arbetstiden cirka {{ fact('combined_weekly_hours')|num(1) }} timmar per vecka. "
            "Arbetstidens förläggning samordnas mellan de chefer som leder delarna.",
            "Combined, the working time is about {{ fact('combined_weekly_hours')|num(1) }} hours a week. The "
            "scheduling of working time is coordinated between the managers who lead the parts.",
        )
    )


def vacation(b: Builder) -> None:
    b.h1(b.tr("Semester", "Annual leave"))
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


def pension(b: Builder) -> None:
    b.h1(b.tr("Pension och försäkringar", "Pension and insurance"))
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


def work_environment(b: Builder, hired: bool = False) -> None:
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
            "30 kap. socialförsäkringsbalken (2010:110). Övriga arbetsgivares medverkan: "
            "{{ rehabilitation.cooperation }}",
            "{{ rehabilitation.lead|employer_name }} leads rehabilitation and work adjustment under Chapter 30 of "
            "the Social Insurance Code (2010:110). How the other employers take part: "
            "{{ rehabilitation.cooperation }}",
        ),
    )


def secondary(b: Builder) -> None:
    b.h1(b.tr("Bisysslor", "Secondary employment"))
    b.para(
        b.tr(
            "Arbetstagaren ska informera varje arbetsgivare om bisysslor. För statligt anställda gäller 7 och "
            "7 b §§ lagen (1994:260) om offentlig anställning och Villkorsavtalet, och en lärare vid ett "
            "lärosäte ska själv hålla lärosätet informerat om bisysslor med samband med ämnesområdet för "
            "anställningen (4 kap. 15 § högskoleförordningen); för anställda i regioner och kommuner gäller "
            "AB § 8.",
            "The employee shall inform each employer of secondary employment. State employees are covered by "
            "Sections 7 and 7 b of the Public Employment Act (1994:260) and the Villkorsavtal, and a teacher at "
            "a higher education institution shall keep it informed of secondary employment related to the "
            "post's subject (Chapter 4, Section 15 of the Higher Education Ordinance); employees of regions and "
            "municipalities are covered by AB § 8.",
        )
    )
    b.para(
        b.tr(
            "{% if secondary_employment.reported_to %}Anställningen hos den andra parten har anmälts till "
            "{{ secondary_employment.reported_to|employer_name }}.{% else %}Anmälan till arbetsgivarna: "
            "{{ missing('secondary_employment.reported_to') }}{% endif %}"
            "{% if secondary_employment.note %} {{ secondary_employment.note }}{% endif %}",
            "{% if secondary_employment.reported_to %}The work for the other party has been reported to "
            "{{ secondary_employment.reported_to|employer_name }}.{% else %}Reported to the employers: "
            "{{ missing('secondary_employment.reported_to') }}{% endif %}"
            "{% if secondary_employment.note %} {{ secondary_employment.note }}{% endif %}",
        )
    )


def costs(
    b: Builder, heading_sv: str = "Kostnadsfördelning och fakturering", intro: str | None = None
) -> None:
    b.h1(b.tr(heading_sv, "Cost allocation and invoicing"))
    b.para(
        intro
        or b.tr(
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
    b.tag("{%p if cost_settlement.invoicing %}")
    b.para(
        ("b", b.tr("Fakturering: ", "Invoicing: ")),
        b.tr(
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
        ),
    )
    b.tag("{%p endif %}")
    b.tag("{%p if cost_settlement.notes %}")
    b.para("{{ cost_settlement.notes }}")
    b.tag("{%p endif %}")


def termination(b: Builder, notice: bool = True) -> None:
    b.h1(b.tr("Uppsägning och upphörande – när det inte fungerar", "Termination – when it does not work"))
    if notice:
        b.para(
            b.tr(
                "Varje anställning kan sägas upp enligt lagen (1982:80) om anställningsskydd och det kollektivavtal "
                "som gäller för den. Uppsägningstiderna är:",
                "Each employment can be terminated under the Employment Protection Act (1982:80) and the collective "
                "agreement that applies to it. The notice periods are:",
            )
        )
        b.tag("{%p for part in parts %}")
        b.bullet(
            b.tr(
                "Del {{ loop.index }}: arbetsgivarens uppsägningstid {{ fact('notice_employer_months', part)|months }}, "
                "arbetstagarens {{ fact('notice_employee_months', part)|months }}.",
                "Part {{ loop.index }}: the employer's notice {{ fact('notice_employer_months', part)|months }}, "
                "the employee's {{ fact('notice_employee_months', part)|months }}.",
            )
        )
        b.tag("{%p endfor %}")
    b.para(
        b.tr(
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
    )
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
    b.h1(b.tr("Uppföljning", "Follow-up"))
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


def signatures(b: Builder, person_signs: bool = True, only_issuer: bool = False) -> None:
    b.h1(b.tr("Underskrifter", "Signatures"))
    b.para(
        b.tr(
            "Avtalet har upprättats i likalydande exemplar, ett för varje part.",
            "This agreement has been made in identical copies, one for each party.",
        )
        if not only_issuer
        else "Anställningsbeviset har upprättats i två exemplar, ett för arbetsgivaren och ett för arbetstagaren."
    )
    heading = b.tr(
        "{% if s.party == 'person' %}Arbetstagare{% else %}För {{ s.party|employer_name }}{% endif %}",
        "{% if s.party == 'person' %}Employee{% else %}For {{ s.party|employer_name }}{% endif %}",
    )
    name = "{{ s.name }}{% if s.role %}, {{ s.role }}{% endif %}"
    if only_issuer:
        heading = "{% if s.party == 'person' %}Mottaget av arbetstagaren{% else %}För {{ s.party|employer_name }}{% endif %}"
        loop = "{%tr for s in signatories if s.party == issuer.id or s.party == 'person' %}"
        fallback = [
            ("block", "För {{ issuer.name }}", "Namnförtydligande"),
            ("block", "Mottaget av arbetstagaren", "{{ person.name }}"),
        ]
    else:
        loop = "{%tr for s in signatories %}"
        fallback = [
            ("tag", "{%tr for e in employers %}", ""),
            (
                "block",
                b.tr("För {{ e.name }}", "For {{ e.name }}"),
                b.tr("Namnförtydligande", "Name in print"),
            ),
            ("tag", "{%tr endfor %}", ""),
        ]
        if person_signs:
            fallback.append(("block", b.tr("Arbetstagare", "Employee"), "{{ person.name }}"))
    b.signatures(
        [
            ("tag", loop, ""),
            ("block", heading, name),
            ("tag", "{%tr else %}", ""),
            *fallback,
            ("tag", "{%tr endfor %}", ""),
        ]
    )


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
        )
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
    )
    b.tag("{%p else %}")
    b.para(
        b.tr("Regelprövningen fann inga fel eller varningar.", "The rule checks found no errors or warnings.")
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


def forenad(b: Builder) -> None:
    opening(
        b,
        b.tr(
            "Samverkansavtal om förenad anställning",
            "Cooperation agreement on a joint appointment (förenad anställning)",
        ),
    )
    if b.lang == "en":
        b.note(
            "This English text is a translation. Where a Swedish version of the agreement is signed, the Swedish "
            "version prevails in case of any difference."
        )
    parties(b)
    b.h1(b.tr("Bakgrund och syfte", "Background and purpose"))
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
            "%} in one post and to "
            "set out in writing how employer responsibilities, terms and costs are shared between the parties, "
            "so that the employee has clear terms in every part.",
        )
    )
    extent(b)

    def one_employer(b: Builder) -> None:
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

    salary(b, one_employer)
    working_time(b)
    vacation(b)
    pension(b)
    work_environment(b, hired=True)
    secondary(b)
    costs(b)
    termination(b)
    disputes(b)
    follow_up(b)
    other_terms(b)
    signatures(b)
    annex(b)


def kombination(b: Builder) -> None:
    opening(b, "Samverkansavtal om kombinationsanställning")
    parties(b)
    b.h1("Bakgrund och syfte")
    b.para(
        "{% if model == 'delad_tjanst_region_kommun' %}Tjänsten delas mellan en region och en kommun, till exempel "
        "inom nära vård, så att samma person arbetar i båda huvudmännens verksamhet.{% else %}Tjänsten kombinerar "
        "arbete hos flera arbetsgivare.{% endif %} Arbetstagaren har en anställning hos var och en av "
        "arbetsgivarna. Anställningarna är självständiga men samordnas genom detta avtal."
    )
    b.para(
        "Syftet med avtalet är att ta till vara arbetstagarens kompetens i båda verksamheterna, att samordna "
        "arbetstid, semester och arbetsmiljöansvar och att skriftligen reglera vad som gäller när samarbetet "
        "förändras eller upphör."
    )
    extent(b)
    salary(b)
    working_time(b)
    vacation(b)
    pension(b)
    work_environment(b)
    secondary(b)
    costs(b)
    termination(b)
    disputes(b)
    follow_up(b)
    other_terms(b)
    signatures(b)
    annex(b)


def tjanstekop(b: Builder) -> None:
    opening(b, "Avtal om köp av tjänst (tjänsteköp) mellan arbetsgivare")
    parties(
        b,
        person_is_party=False,
        intro="Avtalet är träffat mellan följande parter: arbetsgivaren, som säljer en del av arbetstagarens "
        "arbetstid, och köparen.",
    )
    b.h1("Bakgrund och syfte")
    b.para(
        "{% if cost_settlement.invoicing %}{{ cost_settlement.invoicing.seller|employer_name }} är arbetsgivare "
        "för arbetstagaren. {{ cost_settlement.invoicing.buyer|employer_name }} köper en del av arbetstagarens "
        "arbetstid enligt detta avtal.{% else %}Köpare och säljare: {{ missing('cost_settlement.invoicing') }}"
        "{% endif %} Arbetstagaren är under hela avtalstiden anställd enbart hos arbetsgivaren; köpet ändrar inte "
        "anställningen."
    )
    b.para(
        "Arrangemanget förutsätter arbetstagarens samtycke och att arbetet ryms inom arbetstagarens "
        "arbetsskyldighet hos arbetsgivaren. Köp av tjänst mot ersättning kan omfattas av lagen (2016:1145) om "
        "offentlig upphandling; parterna ansvarar för att pröva detta innan avtalet ingås."
    )
    b.para(
        "Syftet med avtalet är att köparen ska få tillgång till arbetstagarens kompetens, och att ansvar, "
        "ersättning och villkor ska vara skriftligen reglerade."
    )
    extent(b)

    def paid_by_seller(b: Builder) -> None:
        b.para(
            "Arbetsgivaren betalar hela lönen. Köparen ersätter arbetsgivaren för den köpta tiden enligt "
            "avsnittet om kostnadsfördelning och fakturering."
        )

    salary(b, paid_by_seller)
    working_time(b)
    vacation(b)
    pension(b)
    work_environment(b, hired=True)
    secondary(b)
    costs(
        b,
        intro="Köparen ersätter arbetsgivaren för den köpta tiden. Lönekostnaden för delarna bärs enligt följande.",
    )
    termination(b)
    disputes(b)
    follow_up(b)
    other_terms(b)
    signatures(b, person_signs=False)
    annex(b)


def adjungering(b: Builder) -> None:
    opening(b, "Avtal om adjungering mellan lärosäte, hemarbetsgivare och arbetstagare")
    parties(b)
    b.h1("Bakgrund och syfte")
    b.para(
        "Arbetstagaren är anställd hos {% if main_employer %}{{ main_employer|employer_name }}{% else %}"
        "hemarbetsgivaren {{ missing('main_employer') }}{% endif %} och adjungeras till lärosätet under den tid "
        "som anges nedan. Bestämmelser om adjungerade lärare finns i högskoleförordningen (1993:100) och i "
        "tillämpliga kollektivavtal."
    )
    b.tag("{%p for part in parts if fact('is_adjunct', part) %}")
    b.bullet(
        ("b", PART_TITLE),
        " vid {{ part.employer|employer_name }}, {{ part.extent_percent|pct }} av heltid, från och med "
        "{{ fact('start', part)|datum }} till och med {{ part.end_date|datum }}.",
    )
    b.tag("{%p endfor %}")
    b.para(
        "Syftet med adjungeringen är att föra in erfarenhet från yrkesverksamheten i utbildning och forskning "
        "och att stärka samverkan mellan lärosätet och hemarbetsgivaren. Avtalet reglerar arbetsuppgifter, "
        "kostnader, lokaler och utrustning, immateriella rättigheter och publicering."
    )
    extent(b)
    salary(b)
    working_time(b)
    vacation(b)
    pension(b)
    work_environment(b)
    secondary(b)
    b.h1("Lokaler, utrustning, immateriella rättigheter och publicering")
    b.para(
        "Lärosätet tillhandahåller arbetsplats och den utrustning som behövs för arbetet vid lärosätet. "
        "Arbetstagaren får publicera resultat av forskning och undervisning vid lärosätet enligt lärosätets "
        "regler. Parterna ska i god tid samråda om frågor om immateriella rättigheter och sekretess som berör "
        "båda arbetsgivarnas verksamhet."
    )
    costs(b)
    termination(b)
    disputes(b)
    follow_up(b)
    other_terms(b)
    signatures(b)
    annex(b)


def anstallningsbevis(b: Builder) -> None:
    b.title(
        "Anställningsbevis",
        "Skriftlig information om anställningsvillkor enligt 6 c § lagen (1982:80) om anställningsskydd",
    )
    b.para(
        "{{ issuer.name }} · avtal {{ id }} · {{ model|label|cap }}",
        style="Anmärkning",
    )
    b.tag("{%p if doc.draft %}")
    b.note(
        "Utkast framtaget med forenad {{ doc.forenad_version }} den {{ doc.evaluated_on|datum }}. Uppgifter som "
        "saknas i avtalsfilen är markerade «SAKNAS: …»."
    )
    b.tag("{%p endif %}")
    b.para(
        "{{ issuer.name }} lämnar här den skriftliga information om anställningen som arbetsgivaren ska ge enligt "
        "6 c § lagen om anställningsskydd. Punkterna 1–7 ska lämnas senast sju kalenderdagar efter att arbetet har "
        "börjat och punkterna 9–13 senast en månad efter det. Varje anställning i en kombinationstjänst har sin "
        "egen information från sin arbetsgivare."
    )
    b.h1("Parter")
    b.para(
        ("b", "Arbetsgivare: "),
        "{{ issuer.name }}, organisationsnummer {{ issuer.organisationsnummer }} ({{ issuer.kind|label }}).",
    )
    b.para(
        ("b", "Arbetstagare: "),
        "{{ person.name }}, personnummer {{ person.personnummer }}.",
    )
    b.tag("{%p for part in issued_parts %}")
    b.h1("Anställningen: ", PART_TITLE)
    ka = "{{ fact('collective_agreement', part)|label('collective_agreement') }}"
    b.table(
        headers=["6 c §", "Uppgift", "Villkor"],
        widths_mm=[14, 42, 104],
        first_column_bold=False,
        row=[
            "1",
            "Arbetsplats",
            "{{ part.workplace }}{% if part.host %} (arbetet utförs hos {{ part.host|employer_name }}){% endif %}",
        ],
    )
    # The table helper makes one body row; the rest of the LAS 6 c § items are appended below.
    table = b.doc.tables[-1]
    items = [
        ("1", "Tillträdesdag", "{{ fact('start', part)|datum }}"),
        (
            "2",
            "Befattning och arbetsuppgifter",
            PART_TITLE + "{% if part.subject %} ({{ part.subject }}){% endif %}. {{ part.duties }}",
        ),
        (
            "3",
            "Anställningsform",
            "{{ part.employment_form|label|cap }}{% if part.end_date %} till och med {{ part.end_date|datum }}"
            "{% elif part.employment_form not in ('tillsvidare', 'provanstallning') %}; slutdag eller villkor för "
            "när anställningen upphör: {{ part.end_date }}{% endif %}.",
        ),
        (
            "4",
            "Lön",
            "{{ part.monthly_salary|kr }} per månad vid {{ part.extent_percent|pct }} av heltid. Lönen betalas ut "
            "månadsvis. Övriga lönedelar enligt " + ka + ".",
        ),
        (
            "5",
            "Arbetstid",
            "Heltidsmått {{ part.working_time.full_time_hours|num }} {{ part.working_time.form|label }}; "
            "omfattning {{ part.extent_percent|pct }}, cirka {{ fact('weekly_hours', part)|num(1) }} timmar per "
            "vecka. Arbetstid enligt arbetstidslagen (1982:673) och " + ka + ".",
        ),
        ("6", "Övertid och mertid", "Ersätts enligt " + ka + "."),
        (
            "7",
            "Arbetstidens förläggning",
            "Enligt schema som fastställs av närmaste chef{% if part.manager %} ({{ part.manager }}){% endif %}.",
        ),
        ("8", "Kundföretag", "Ej tillämpligt (arbetsgivaren är inte ett bemanningsföretag)."),
        ("9", "Kompetensutveckling", "Enligt " + ka + " och arbetsgivarens riktlinjer."),
        (
            "10",
            "Semester",
            "{{ fact('vacation_days', part) }} semesterdagar per år enligt semesterlagen (1977:480) och "
            + ka
            + ".",
        ),
        (
            "11",
            "Uppsägning",
            "Arbetsgivarens uppsägningstid {{ fact('notice_employer_months', part)|months }}, arbetstagarens "
            "{{ fact('notice_employee_months', part)|months }}, enligt lagen om anställningsskydd och "
            + ka
            + ".",
        ),
        (
            "12",
            "Pension och försäkringar",
            "Tjänstepension enligt {{ fact('pension_scheme', part)|label('pension_scheme') }}; avtalsförsäkringar "
            "enligt " + ka + ". Arbetsgivaravgifter betalas till Skatteverket.",
        ),
        (
            "13",
            "Kollektivavtal",
            "{{ fact('collective_agreement', part)|label('collective_agreement_parties') }}.",
        ),
    ]
    for number, item, text in items:
        cells = table.add_row().cells
        for cell, value in zip(cells, (number, item, text), strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = b.doc.styles["Tabelltext"]
            paragraph.add_run(value)
    _set_widths(table, (14, 42, 104))
    b.tag("{%p endfor %}")
    b.h1("Övrigt")
    b.para(
        "Anställningen ingår i en {{ model|label }} enligt avtal {{ id }} ({{ title }}) mellan "
        "{% for e in employers %}{{ e.name }}{% if not loop.last %}{% if loop.revindex == 2 %} och "
        "{% else %}, {% endif %}{% endif %}{% endfor %}. Ändrade villkor meddelas skriftligen senast den dag "
        "ändringen börjar gälla (6 e § lagen om anställningsskydd)."
    )
    signatures(b, only_issuer=True)
    annex(b)


SPECS: tuple[Spec, ...] = (
    Spec(
        "samverkansavtal-forenad", "1.0.0", "sv", "samverkansavtal-forenad",
        "Samverkansavtal om förenad anställning", "agreement",
        ("forenad_en_arbetsgivare", "forenad_tva_anstallningar"),
        "Samverkansavtal mellan lärosäte och region om förenad anställning (en eller två anställningar).",
        forenad,
    ),
    Spec(
        "samverkansavtal-forenad-en", "1.0.0", "en", "samverkansavtal-forenad",
        "Cooperation agreement on a joint appointment", "agreement",
        ("forenad_en_arbetsgivare", "forenad_tva_anstallningar"),
        "English version of the cooperation agreement on a förenad anställning.",
        forenad,
    ),
    Spec(
        "kombinationsanstallning", "1.0.0", "sv", "kombinationsanstallning",
        "Avtal om kombinationsanställning", "agreement",
        ("kombinationsanstallning", "delad_tjanst_region_kommun"),
        "Samverkansavtal om kombinationsanställning eller delad tjänst mellan region och kommun.",
        kombination,
    ),
    Spec(
        "tjanstekopsavtal", "1.0.0", "sv", "tjanstekopsavtal",
        "Tjänsteköpsavtal", "agreement", ("tjanstekop",),
        "Avtal mellan arbetsgivare om köp av en del av en arbetstagares arbetstid.",
        tjanstekop,
    ),
    Spec(
        "adjungeringsavtal", "1.0.0", "sv", "adjungeringsavtal",
        "Avtal om adjungering", "agreement", ("adjungering",),
        "Trepartsavtal om adjungering: lärosäte, hemarbetsgivare och arbetstagare.",
        adjungering,
    ),
    Spec(
        "anstallningsbevis", "1.0.0", "sv", "anstallningsbevis",
        "Anställningsbevis", "employer",
        (
            "forenad_en_arbetsgivare", "forenad_tva_anstallningar", "kombinationsanstallning", "tjanstekop",
            "adjungering", "kombinationsdoktorand", "delad_tjanst_region_kommun",
        ),
        "Anställningsbevis med uppgifterna i 6 c § LAS, ett per arbetsgivare som anställer, en tabell per del.",
        anstallningsbevis,
    ),
)  # fmt: skip


# --------------------------------------------------------------------------------------------------------
# Build and check
# --------------------------------------------------------------------------------------------------------


def build(spec: Spec) -> bytes:
    builder = Builder(spec.language, spec.title)
    spec.build(builder)
    return builder.docx_bytes()


def sidecar(spec: Spec, docx: bytes, directory: Path) -> str:
    """The sidecar text, with the fields the template is found to use."""
    sys.path.insert(0, str(ROOT / "src"))
    from forenad.render.catalogue import Template, TemplateSpec
    from forenad.render.lint import CheckReport, analyse, coverage

    provisional = TemplateSpec(
        id=spec.id, version=spec.version, language=spec.language, document=spec.document, title=spec.title,
        per=spec.per, models=list(spec.models), fields=[], description=spec.description,
    )  # fmt: skip
    template = Template(provisional, directory / "template.docx", directory / "template.yaml", True, docx)
    report = CheckReport(spec.id, template)
    analyzer = analyse(report, template)
    coverage(report, template, analyzer)
    errors = [i.text.en for i in report.issues if i.severity == "error"]
    if errors:
        raise SystemExit(f"{spec.id}: " + "; ".join(errors))
    lines = [
        "# Generated by tools/build_templates.py: edit the builder, not this file.",
        f"id: {spec.id}",
        f"version: {spec.version}",
        f"language: {spec.language}",
        f"document: {spec.document}",
        f"title: {_quoted(spec.title)}",
        f"per: {spec.per}",
        f"description: {_quoted(spec.description)}",
        "models:",
        *(f"  - {model}" for model in spec.models),
        "fields:",
        *(f"  - {path}" for path in report.fields_used),
    ]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed files; write nothing"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: the package)")
    args = parser.parse_args(argv)
    stale = []
    for spec in SPECS:
        directory = args.out / spec.id
        docx = build(spec)
        text = sidecar(spec, docx, directory)
        if args.check:
            docx_path, yaml_path = directory / "template.docx", directory / "template.yaml"
            same_docx = docx_path.exists() and _members(docx_path.read_bytes()) == _members(docx)
            same_yaml = yaml_path.exists() and yaml_path.read_text(encoding="utf-8") == text
            if not (same_docx and same_yaml):
                stale.append(spec.id)
            continue
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "template.docx").write_bytes(docx)
        (directory / "template.yaml").write_text(text, encoding="utf-8")
        print(f"{directory.relative_to(ROOT) if directory.is_relative_to(ROOT) else directory}: built")
    if stale:
        print("out of date (run python tools/build_templates.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
