"""Word drafts: templates, sandboxed rendering, template checking, provenance and PDF.

The public API (heavy imports such as docxtpl happen only when a document is rendered)::

    import forenad
    paths = forenad.draft("examples/uppsala-professor-overlakare.yaml", "utkast/")

    from forenad.render import check_template, list_templates
    report = check_template("min-mall/")          # an organisation's own template
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from forenad.render.api import draft

if TYPE_CHECKING:
    from forenad.render.catalogue import Template
    from forenad.render.lint import CheckReport

__all__ = ["check_template", "draft", "list_templates", "render_document"]


def list_templates() -> list[Template]:
    """The templates that ship with forenad."""
    from forenad.render.catalogue import shipped_templates

    return list(shipped_templates())


def check_template(ref: Any, *, run: bool = True) -> CheckReport:
    """Check a template by id or path: safety, coverage against the model and a dry run (see ``lint``)."""
    from forenad.render.lint import check_template as check

    return check(ref, run=run)


def render_document(*args: Any, **kwargs: Any) -> Any:
    """Render one document in memory; see :func:`forenad.render.api.render_document`."""
    from forenad.render.api import render_document as render

    return render(*args, **kwargs)
