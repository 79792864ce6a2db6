"""Rendering one template with one context into ``.docx`` bytes (docxtpl, in the sandbox).

After rendering, missing-value markers are set in their own highlighted run, the custom properties are
written, and the document is checked (:func:`forenad.render.verify.verify_docx`) before anyone sees it.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from forenad.i18n import Lang
from forenad.render.catalogue import Template
from forenad.render.context import MARKER_WORD
from forenad.render.environment import BRACE_BUDGET, environment
from forenad.render.sandbox import translated
from forenad.render.verify import verify_docx


def render_docx(
    template: Template,
    context: dict[str, Any],
    lang: Lang,
    properties: dict[str, str],
    title: str | None = None,
) -> bytes:
    """The rendered document's bytes; raises :class:`TemplateRefused` for what the sandbox stops,
    :class:`TemplateError` for a template that fails, :class:`MissingValue` in a final document."""
    from forenad.render.docxtpl_fixes import template_class
    from forenad.render.normalize import normalized
    from forenad.render.provenance import set_custom_properties

    env = environment(lang)
    document = template_class()(io.BytesIO(normalized(template.data)))  # as Word and LibreOffice save it
    budget = [0]
    token = BRACE_BUDGET.set(budget)
    try:
        with translated(template.label):
            document.render(context, jinja_env=env, autoescape=True)
    finally:
        BRACE_BUDGET.reset(token)
    docx = document.docx
    highlight_markers(docx, lang)
    core = docx.core_properties
    if title is not None:
        core.title = title
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    core.created = core.modified = now
    core.revision = 1
    core.author = core.last_modified_by = "forenad"
    core.comments = f"forenad: {template.id} {template.spec.version}"
    set_custom_properties(docx, properties)
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    verify_docx(data, budget[0])
    return data


def _roots(docx: Any) -> list[Any]:
    roots = [docx.element.body]
    for section in docx.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    return roots


def highlight_markers(docx: Any, lang: Lang) -> None:
    """Put every ``«SAKNAS: …»`` marker in a run of its own, highlighted yellow, so no reader misses it
    (one linear pass per part: :mod:`forenad.render.markers`)."""
    from forenad.render.markers import highlight_markers_in

    word = MARKER_WORD[lang]
    for root in _roots(docx):
        highlight_markers_in(root, word)
