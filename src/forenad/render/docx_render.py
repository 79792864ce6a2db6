"""Rendering one template with one context into ``.docx`` bytes (docxtpl, in the sandbox).

After rendering, missing-value markers are set in their own highlighted run, the custom properties are
written, and the document is checked (:func:`forenad.render.verify.verify_docx`) before anyone sees it.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from typing import Any

from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.exceptions import TemplateError as JinjaTemplateError

from forenad.i18n import Lang, t
from forenad.render.catalogue import Template
from forenad.render.context import MARKER_WORD
from forenad.render.environment import BRACE_BUDGET, environment
from forenad.render.errors import MissingValue, TemplateError, TemplateRefused
from forenad.render.verify import verify_docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render_docx(
    template: Template,
    context: dict[str, Any],
    lang: Lang,
    properties: dict[str, str],
    title: str | None = None,
) -> bytes:
    """The rendered document's bytes; raises :class:`TemplateRefused` for what the sandbox stops,
    :class:`TemplateError` for a template that fails, :class:`MissingValue` in a final document."""
    from docxtpl import DocxTemplate

    from forenad.render.provenance import set_custom_properties

    env = environment(lang)
    document = DocxTemplate(io.BytesIO(template.data))
    budget = [0]
    token = BRACE_BUDGET.set(budget)
    try:
        document.render(context, jinja_env=env, autoescape=True)
    except MissingValue:
        raise
    except SecurityError as exc:
        raise TemplateRefused(
            template.label,
            t(
                f"otillåten åtkomst i mallen, stoppad av sandlådan: {exc}",
                f"unsafe access, stopped by the sandbox: {exc}",
            ),
        ) from None
    except UndefinedError as exc:
        raise TemplateError(
            template.label,
            t(f"mallen använder ett namn som inte finns: {exc}", f"the template uses an unknown name: {exc}"),
        ) from None
    except JinjaTemplateError as exc:
        raise TemplateError(
            template.label, t(f"mallen kan inte återges: {exc}", f"the template fails: {exc}")
        ) from None
    except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError) as exc:
        raise TemplateError(
            template.label, t(f"mallen kan inte återges: {exc!r}", f"the template fails: {exc!r}")
        ) from None
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
    """Put every ``«SAKNAS: …»`` marker in a run of its own, highlighted yellow, so no reader misses it."""
    word = MARKER_WORD[lang]
    marker = re.compile(rf"(«{word}(?:: [^»]*)?»)")
    for root in _roots(docx):
        while (found := _next_marker(root, word, marker)) is not None:
            _split_run(found.getparent(), found, marker)


def _next_marker(root: Any, word: str, marker: re.Pattern[str]) -> Any:
    """The first text element with a marker that is not yet alone in a highlighted run."""
    for t_el in root.iter(f"{_W}t"):
        text = t_el.text or ""
        if f"«{word}" not in text or not marker.search(text):
            continue
        run = t_el.getparent()
        if run is None or run.tag != f"{_W}r":
            continue
        alone = marker.fullmatch(text) and all(c is t_el or c.tag == f"{_W}rPr" for c in run)
        if alone and run.find(f"{_W}rPr/{_W}highlight") is not None:
            continue
        return t_el
    return None


def _split_run(run: Any, t_el: Any, marker: re.Pattern[str]) -> None:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.text.run import Run

    pieces = [p for p in marker.split(t_el.text or "") if p]
    children = list(run)
    index = children.index(t_el)
    before, after = children[:index], children[index + 1 :]
    parent = run.getparent()
    position = parent.index(run)
    new_runs = []
    for i, piece in enumerate(pieces):
        new = copy.deepcopy(run)
        for child in list(new):
            if child.tag != f"{_W}rPr":
                new.remove(child)
        content = [copy.deepcopy(c) for c in before if c.tag != f"{_W}rPr"] if i == 0 else []
        for child in content:
            new.append(child)
        text_el = copy.deepcopy(t_el)
        text_el.text = piece
        text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        new.append(text_el)
        if i == len(pieces) - 1:
            for child in after:
                new.append(copy.deepcopy(child))
        if marker.fullmatch(piece):
            Run(new, None).font.highlight_color = WD_COLOR_INDEX.YELLOW  # type: ignore[arg-type]
        new_runs.append(new)
    parent.remove(run)
    for offset, new in enumerate(new_runs):
        parent.insert(position + offset, new)
