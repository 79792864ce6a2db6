"""The comparison as a Word report a negotiator can attach to a decision (python-docx, imported only here).

Title, date and person; the table (each column headed by its agreement's title and employment model, the
header row repeated on every page, differing rows marked ``≠`` and shaded); the models that cannot apply and
why; what each alternative changes, in words (a field as a reader says it, values as a document writes
them: no field paths, no JSON); the findings per column.
Styles come from python-docx's default template (Title, Heading, List Bullet, Table Grid); only the table
style's size is set, so that a wide table fits a landscape page. Every text from an agreement goes in through
:func:`forenad.office.office_text`: a control character (which Word cannot hold) is shown, not refused.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from forenad._version import __version__
from forenad.comparison import labels
from forenad.comparison.output.common import (
    DIFFERS,
    change_text,
    column_heading,
    has_lower_bound,
    persons,
    sorted_findings,
    source_title,
    visible_changes,
    words,
)
from forenad.comparison.result import Comparison
from forenad.i18n import Lang

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

_SECTION_FILL = "DDEBF7"
_DIFFERS_FILL = "FFF2CC"
_HEADER_FILL = "1F4E78"


def to_docx(cmp: Comparison, lang: Lang | None = None, today: dt.date | None = None) -> bytes:
    import docx

    lang = lang or cmp.lang
    w = words(lang)
    document = docx.Document()
    _landscape(document)
    document.add_heading(w["title"], level=0)
    if cmp.columns:
        document.add_paragraph(_x(w["person"].format(names=persons(cmp))))
    document.add_paragraph(w["on"].format(date=cmp.on.isoformat()))
    made = (today or dt.date.today()).isoformat()
    document.add_paragraph(w["made"].format(date=made, version=__version__))
    if any(c.overlay is not None for c in cmp.columns):
        document.add_paragraph(w["note"])
    if cmp.columns:
        _table(document, cmp, lang)
        legend = [w["differs"]] + ([w["lower"]] if has_lower_bound(cmp) else [])
        document.add_paragraph(" · ".join(legend))
    _not_applicable(document, cmp, lang)
    _alternatives(document, cmp, lang)
    _findings(document, cmp, lang)
    props = document.core_properties
    props.title = w["title"]
    props.subject = w["on"].format(date=cmp.on.isoformat())
    props.author = f"forenad {__version__}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _x(text: str) -> str:
    """A user's text as Word can hold it (control characters shown: :func:`forenad.office.office_text`)."""
    from forenad.office import office_text

    return office_text(text)


def _not_applicable(document: DocumentObject, cmp: Comparison, lang: Lang) -> None:
    """The models that cannot apply, and why."""
    if not cmp.not_applicable:
        return
    document.add_heading(words(lang)["not_applicable"], level=1)
    for item in cmp.not_applicable:
        p = document.add_paragraph(style="List Bullet")
        p.add_run(labels.model(item.model)(lang)).bold = True
        reasons = " ".join(r(lang) for r in item.reasons)
        p.add_run(_x(f" ({source_title(cmp, item.source)}): {reasons}"))


def _alternatives(document: DocumentObject, cmp: Comparison, lang: Lang) -> None:
    """What each alternative (a column recast under another model) changes."""
    alternatives = [(c, c.overlay) for c in cmp.columns if c.overlay is not None]
    if not alternatives:
        return
    document.add_heading(words(lang)["alternatives"], level=1)
    for column, overlay in alternatives:
        document.add_heading(_x(column_heading(column, cmp, lang).replace("\n", ": ")), level=2)
        document.add_paragraph(_x(overlay.explanation(lang)))
        for change in visible_changes(overlay):
            document.add_paragraph(_x(change_text(change, column, lang)), style="List Bullet")


def _findings(document: DocumentObject, cmp: Comparison, lang: Lang) -> None:
    """The findings of each column, most severe first."""
    if not cmp.columns:
        return
    w = words(lang)
    document.add_heading(w["findings"], level=1)
    for column in cmp.columns:
        document.add_heading(_x(column_heading(column, cmp, lang).replace("\n", ": ")), level=2)
        findings = sorted_findings(column)
        if not findings:
            document.add_paragraph(w["no_findings"])
        for f in findings:
            p = document.add_paragraph(style="List Bullet")
            p.add_run(_x(f"{w[f.severity]}: {column.title_of(f.rule)(lang)}")).bold = True
            p.add_run(_x(f". {f.text(lang)}"))


def _landscape(document: DocumentObject) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def _table(document: DocumentObject, cmp: Comparison, lang: Lang) -> None:
    from docx.shared import Pt

    w = words(lang)
    style = document.styles["Table Grid"]
    style.font.size = Pt(8)
    table = document.add_table(rows=1, cols=len(cmp.columns) + 1)
    table.style = style
    header = table.rows[0]
    _repeat_header(header)
    headings = [w["term"], *(column_heading(c, cmp, lang) for c in cmp.columns)]
    for cell, text in zip(header.cells, headings, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(_x(text))
        run.bold = True
        _shade(cell, _HEADER_FILL)
        run.font.color.rgb = _white()
    section = None
    for row in cmp.rows:
        if row.section != section:
            section = row.section
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(labels.section(section)(lang)).bold = True
            for cell in cells:
                _shade(cell, _SECTION_FILL)
        cells = table.add_row().cells
        label = f"{DIFFERS} {row.label(lang)}" if row.differs else row.label(lang)
        for cell, text in zip(cells, [label, *row.texts(lang)], strict=True):
            run = cell.paragraphs[0].add_run(_x(text))
            if row.differs:
                run.bold = True
                _shade(cell, _DIFFERS_FILL)


def _white() -> Any:
    from docx.shared import RGBColor

    return RGBColor(0xFF, 0xFF, 0xFF)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)
