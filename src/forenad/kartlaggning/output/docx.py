"""The survey as a Word report for a council meeting (python-docx, imported only here).

The report is built on the shipped samverkansavtal template (``samverkansavtal-forenad``, or its English
version), so it has the drafts' Word styles (Title, Subtitle, Heading 1, Normal, Anmärkning, Tabelltext,
Tabellrubrik), their A4 page and margins, and their footer with page numbers; the template's body and
header are replaced. Each table is a section: a heading, a short text, the table, and its chart as a
picture when matplotlib is installed (``forenad[charts]``; without it, the tables alone). The hidden cells
are listed at the end. The operator's notes (which name files) are not in the report.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from forenad._version import __version__
from forenad.i18n import Lang, t
from forenad.kartlaggning.output.charts import chart_png, chart_points
from forenad.kartlaggning.output.common import (
    CHART_HIDDEN,
    HIDDEN_NONE,
    HIDDEN_TITLE,
    INTRO,
    LOWER_BOUND,
    TITLE,
    has_lower_bound,
    heading,
    hidden_lines,
)
from forenad.kartlaggning.result import Survey, Table

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

SHORT_TITLE = t("Kartläggning av förenade anställningar", "Survey of joint posts")
_HEADER_FILL = "DCE3EE"
_TOTAL_FILL = "F2F2F2"
_TEMPLATES = {"sv": "samverkansavtal-forenad", "en": "samverkansavtal-forenad-en"}


def to_docx(survey: Survey, lang: Lang = "sv", today: dt.date | None = None) -> bytes:
    from docx.shared import Cm

    document = _blank(lang)
    styles = {s.name for s in document.styles}
    _set_header(document, survey, lang)
    document.add_paragraph(TITLE(lang), style="Title")
    lines = heading(survey, lang, today)
    document.add_paragraph(lines[0], style="Subtitle" if "Subtitle" in styles else None)
    note = "Anmärkning" if "Anmärkning" in styles else None
    document.add_paragraph(lines[1], style=note)
    warning = document.add_paragraph(style=note)
    run = warning.add_run(lines[2])
    run.bold = survey.internal
    document.add_paragraph(INTRO(lang))
    section = document.sections[0]
    assert section.page_width is not None and section.left_margin is not None
    assert section.right_margin is not None
    width = section.page_width - section.left_margin - section.right_margin
    for table in survey.tables:
        document.add_heading(table.title(lang), level=1)
        document.add_paragraph(table.text(lang))
        _table(document, table, lang, styles, width)
        if has_lower_bound(table):
            document.add_paragraph(LOWER_BOUND(lang), style=note)
        picture = chart_png(table, lang)
        if picture is not None:
            document.add_picture(io.BytesIO(picture), width=min(width, Cm(16)))
            _, _, hidden = chart_points(table, lang)
            if hidden:
                document.add_paragraph(CHART_HIDDEN(lang).format(n=survey.min_count), style=note)
    document.add_heading(HIDDEN_TITLE(lang), level=1)
    hidden_list = hidden_lines(survey, lang) if survey.suppressed else []
    if not hidden_list:
        document.add_paragraph(HIDDEN_NONE(lang))
    for line in hidden_list:
        document.add_paragraph(line, style="List Bullet" if "List Bullet" in styles else None)
    props = document.core_properties
    props.title = TITLE(lang)
    props.subject = survey.on.isoformat()
    props.author = f"forenad {__version__}"
    props.keywords = "intern" if survey.internal else "sekretessprövad"
    props.comments = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _blank(lang: Lang) -> DocumentObject:
    """The drafts' template with its body emptied (styles, page and footer kept)."""
    import docx

    from forenad.render.catalogue import SHIPPED_DIR

    path = SHIPPED_DIR / _TEMPLATES[lang] / "template.docx"
    document = docx.Document(str(path)) if path.is_file() else docx.Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _set_header(document: DocumentObject, survey: Survey, lang: Lang) -> None:
    text = f"{SHORT_TITLE(lang)} · {survey.on.isoformat()}"
    if survey.internal:
        text = ("INTERN · " if lang == "sv" else "INTERNAL · ") + text
    for section in document.sections:
        paragraphs = section.header.paragraphs
        if not paragraphs:
            section.header.add_paragraph(text)
            continue
        first = paragraphs[0]
        for run in first.runs[1:]:
            run._r.getparent().remove(run._r)
        if first.runs:
            first.runs[0].text = text
        else:
            first.add_run(text)
        for extra in paragraphs[1:]:
            extra._p.getparent().remove(extra._p)


def _table(document: DocumentObject, table: Table, lang: Lang, styles: set[str], width: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    grid = document.add_table(rows=1, cols=len(table.columns) + 1)
    grid.autofit = False
    wide = len(table.columns) > 4
    first = min(Cm(4.5 if wide else 7.5), int(width * 0.45))
    rest = int((width - first) / max(1, len(table.columns)))
    size = Pt(7.5) if wide else None
    if "Table Grid" in styles:
        grid.style = document.styles["Table Grid"]
    cell_style = "Tabelltext" if "Tabelltext" in styles else None
    head_style = "Tabellrubrik" if "Tabellrubrik" in styles else None
    header = grid.rows[0]
    _repeat_header(header)
    for cell, text in zip(header.cells, ["", *(c.label(lang) for c in table.columns)], strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.style = head_style
        run = paragraph.add_run(text)
        run.bold = True
        if size is not None:
            run.font.size = size
        _shade(cell, _HEADER_FILL)
    for row in table.rows:
        cells = grid.add_row().cells
        texts = [row.label(lang), *(c.text(lang) for c in row.cells)]
        for i, (cell, text) in enumerate(zip(cells, texts, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.style = cell_style
            if i:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = paragraph.add_run(text)
            run.bold = row.total
            if size is not None:
                run.font.size = size
            if row.total:
                _shade(cell, _TOTAL_FILL)
    for i, column in enumerate(grid.columns):
        column.width = first if i == 0 else rest
    for row_ in grid.rows:
        for i, cell in enumerate(row_.cells):
            cell.width = first if i == 0 else rest


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)
