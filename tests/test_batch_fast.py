"""The fast rendering path gives the plain docxtpl path's document, part by part.

Normalised: the zip timestamps and ``dcterms:created``/``dcterms:modified`` in ``docProps/core.xml`` (the
time of rendering). Everything else, including every XML part's bytes, the part order and the custom
properties (provenance), must be equal.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from batch_helpers import docx_parts

import forenad
from forenad.render.api import evaluate_agreement, render_document
from forenad.render.catalogue import shipped_templates
from forenad.render.errors import MissingValue, TemplateError
from forenad.render.verify import verify_docx

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "rules" / "tests" / "bases").glob("*.yaml")
)
ON = dt.date(2026, 6, 1)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_fast_path_equals_plain_docxtpl(source: Path) -> None:
    agreement = forenad.load(source)
    evaluation = evaluate_agreement(agreement, ON)
    compared = 0
    for template in shipped_templates():
        if not template.serves(agreement.model):
            continue
        issuers = (
            [None] if template.spec.per == "agreement" else sorted({p.employer for p in agreement.parts})
        )
        for issuer in issuers:
            for final in (False, True):
                try:
                    plain = render_document(
                        agreement, template, final=final, issuer=issuer, evaluation=evaluation
                    )
                except MissingValue:
                    with pytest.raises(MissingValue):
                        render_document(
                            agreement, template, final=final, issuer=issuer, evaluation=evaluation, fast=True
                        )
                    continue
                fast = render_document(
                    agreement, template, final=final, issuer=issuer, evaluation=evaluation, fast=True
                )
                assert fast.provenance.properties() == plain.provenance.properties()
                plain_parts, fast_parts = docx_parts(plain.docx), docx_parts(fast.docx)
                assert list(fast_parts) == list(plain_parts)
                for name, data in plain_parts.items():
                    assert fast_parts[name] == data, f"{source.name} {template.id} {issuer} {final}: {name}"
                verify_docx(fast.docx)  # the full post-render check passes on the fast document too
                docx.Document(io.BytesIO(fast.docx))
                compared += 1
    assert compared


def test_fast_path_reports_template_errors_as_the_plain_path(tmp_path: Path) -> None:
    from forenad.render.catalogue import load_template

    document = docx.Document()
    document.add_paragraph().add_run("{{ person.nope }}")
    document.save(str(tmp_path / "template.docx"))
    (tmp_path / "template.yaml").write_text(
        "id: egen\nversion: '1'\nlanguage: sv\ndocument: egen\ntitle: Egen\n"
        "models: [forenad_en_arbetsgivare]\nfields: [person.name]\n",
        encoding="utf-8",
    )
    template = load_template(tmp_path / "template.docx", tmp_path / "template.yaml")
    agreement = forenad.load(ROOT / "examples" / "uppsala-professor-overlakare.yaml")
    errors = []
    for fast in (False, True):
        with pytest.raises(TemplateError) as caught:
            render_document(agreement, template, on=ON, fast=fast)
        errors.append(type(caught.value))
    assert errors[0] is errors[1]


def test_a_skeleton_from_the_disk_cache_gives_the_same_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new process reads the template's skeleton from the disk cache instead of rebuilding it (the
    start-up of a one-file ``forenad draft``); the document is still the plain path's, part by part."""
    from forenad.render import fastdocx

    monkeypatch.setenv("FORENAD_CACHE_DIR", str(tmp_path / "cache"))
    agreement = forenad.load(ROOT / "examples" / "uppsala-professor-overlakare.yaml")
    evaluation = evaluate_agreement(agreement, ON)
    template = next(t for t in shipped_templates() if t.id == "samverkansavtal-forenad")
    fastdocx._CACHE.clear()
    render_document(agreement, template, evaluation=evaluation, fast=True)  # builds and stores it
    assert list((tmp_path / "cache").glob("fastdocx-*"))
    fastdocx._CACHE.clear()  # as a new process

    def no_rebuild(template: object) -> None:
        raise AssertionError("the skeleton was rebuilt instead of read from the cache")

    monkeypatch.setattr(fastdocx, "skeleton", no_rebuild)
    fast = render_document(agreement, template, evaluation=evaluation, fast=True)
    plain = render_document(agreement, template, evaluation=evaluation)
    assert docx_parts(fast.docx) == docx_parts(plain.docx)
    fastdocx._CACHE.clear()
