"""Hardening, round two (issue 21), items 1 and 3: markers in one linear pass, text exactly as written.

1. A text field holding a line break (or a tab) followed by a draft marker, as text pasted back from an
   earlier draft does, made the marker loop re-find the same marker for ever; and the loop rescanned the
   body after every split, so draft time grew with the square of the markers. Now every run is rebuilt
   once (:mod:`forenad.render.markers`), in both rendering paths; the body is moved into the document in
   linear time (:func:`forenad.render.docxtpl_fixes.replace_linear`). The 5,000-part draft is timed in
   ``benchmarks/big_draft.py``, not here.
3. docxtpl's escape sequences (``{_{``, ``}_}``, ``{_%``, ``%_}``) in a value came out changed (``{_{``
   even made ``draft`` exit 3); CR, CR LF, U+0085 and U+2028 came out as one or two breaks or a space.
   Decision: CR LF, a lone CR, LF, U+0085 (NEL), U+2028 and U+2029 are each one Word line break, a tab is
   a Word tab, and every other character is written exactly as given.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

import forenad
from forenad import yamlio
from forenad.cli.app import app
from forenad.model import Agreement
from forenad.render.api import evaluate_agreement, render_document
from forenad.render.catalogue import select_templates
from forenad.render.markers import highlight_markers_in

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
DATA = yamlio.load(UPPSALA).data
ON = dt.date(2026, 6, 1)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
runner = CliRunner()


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (the bug this file guards against was a hang)."""

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def agreement_with(**part_fields: str) -> Agreement:
    data = copy.deepcopy(DATA)
    data["parts"][0].update(part_fields)
    return Agreement.model_validate(data)


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph's text in the body, with Word line breaks as LF and tabs as TAB."""
    document = docx.Document(io.BytesIO(data))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out.extend(cell.text for cell in row.cells)
    return out


def drafts(agreement: Agreement) -> Iterator[tuple[str, bool, bytes]]:
    evaluation = evaluate_agreement(agreement, ON)
    for template in select_templates(agreement.model, "sv"):
        issuer = agreement.parts[0].employer if template.spec.per == "employer" else None
        for fast in (False, True):
            document = render_document(agreement, template, issuer=issuer, evaluation=evaluation, fast=fast)
            yield template.id, fast, document.docx


def highlighted_runs(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return [
        "".join(t.text or "" for t in run.iter(f"{W}t"))
        for run in root.iter(f"{W}r")
        if run.find(f"{W}rPr/{W}highlight") is not None
    ]


# --- 1. the hang and the quadratic loop --------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\t", "\n\n", "\u2028", " "])
def test_a_marker_after_a_line_break_in_a_text_field_is_drafted(separator: str) -> None:
    """The regression: ``duties: "Undervisning\\n«SAKNAS: parts[0].workplace»"`` hung for ever."""
    text = f"Undervisning{separator}«SAKNAS: parts[0].workplace»"
    agreement = agreement_with(duties=text)
    with deadline(60):
        results = list(drafts(agreement))
    expected = text.replace("\r\n", "\n").replace("\u2028", "\n")
    for template_id, fast, data in results:
        assert any(expected in p for p in paragraphs(data)), (template_id, fast)
        assert "«SAKNAS: parts[0].workplace»" in highlighted_runs(data), (template_id, fast)


def test_the_cli_drafts_text_pasted_back_from_an_earlier_draft(tmp_path: Path) -> None:
    source = tmp_path / "avtal.yaml"
    text = UPPSALA.read_text(encoding="utf-8")
    old = "    duties: Forskning, forskarutbildning och undervisning på grund- och avancerad nivå."
    pasted = '    duties: "Undervisning\\n«SAKNAS: parts[0].workplace»\\n\\t«SAKNAS»"'
    source.write_text(text.replace(old, pasted, 1), encoding="utf-8")
    with deadline(120):
        result = runner.invoke(app, ["draft", str(source), "-o", str(tmp_path / "ut"), "--on", "2026-06-01"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "ut").glob("*.docx"))) == 2


def _paragraph(runs: list[list[tuple[str, str]]]) -> Any:
    """A ``w:p`` of runs, each a list of (kind, text) with kind ``t``, ``br`` or ``tab``."""
    from docx.oxml.parser import parse_xml

    xml = [f'<w:p xmlns:w="{W_NS}">']
    for run in runs:
        xml.append("<w:r><w:rPr><w:b/></w:rPr>")
        for kind, text in run:
            if kind == "t":
                escaped = text.replace("&", "&amp;").replace("<", "&lt;")
                xml.append(f'<w:t xml:space="preserve">{escaped}</w:t>')
            else:
                xml.append(f"<w:{kind}/>")
        xml.append("</w:r>")
    xml.append("</w:p>")
    return parse_xml("".join(xml).encode())


def _text(paragraph: Any) -> str:
    out = []
    for element in paragraph.iter(f"{W}t", f"{W}br", f"{W}tab"):
        out.append(
            element.text or "" if element.tag == f"{W}t" else {f"{W}br": "\n", f"{W}tab": "\t"}[element.tag]
        )
    return "".join(out)


_PIECE = st.one_of(
    st.sampled_from(["«SAKNAS: parts[0].workplace»", "«SAKNAS»", "«SAKNAS: x", "»", "«", "SAKNAS", " ", "a"]),
    st.text(st.sampled_from("ab «»:"), max_size=6),
)
_RUN = st.lists(
    st.one_of(
        st.tuples(st.just("t"), st.lists(_PIECE, max_size=5).map("".join)),
        st.sampled_from([("br", ""), ("tab", "")]),
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_RUN, min_size=1, max_size=5))
def test_markers_end_up_alone_and_highlighted_and_the_text_is_unchanged(runs: list[Any]) -> None:
    """Any mix of text, markers, line breaks and tabs in any runs: one pass, text kept, markers alone."""
    paragraph = _paragraph(runs)
    before = _text(paragraph)
    count = highlight_markers_in(paragraph, "SAKNAS")
    assert _text(paragraph) == before
    assert highlight_markers_in(paragraph, "SAKNAS") == count  # a second pass finds the same, splits nothing
    markers = 0
    for run in paragraph.iter(f"{W}r"):
        texts = [t.text or "" for t in run.iter(f"{W}t")]
        highlighted = run.find(f"{W}rPr/{W}highlight") is not None
        if any("«SAKNAS" in t for t in texts) and highlighted:
            assert len(texts) == 1 and len(run) == 2, etree.tostring(run)  # rPr and the one w:t
            assert run.find(f"{W}rPr/{W}b") is not None  # the run's own formatting is kept
            markers += 1
    assert markers == count


def test_marker_highlighting_is_linear() -> None:
    """10,000 markers in one paragraph (the old loop rescanned the paragraph after each of them)."""
    runs = [[("t", "text «SAKNAS: a» more"), ("br", ""), ("t", "«SAKNAS»")] for _ in range(5_000)]
    paragraph = _paragraph(runs)
    with deadline(20):
        assert highlight_markers_in(paragraph, "SAKNAS") == 10_000


# --- 3. exact text ------------------------------------------------------------------------------------------

ESCAPES = ["{_{", "}_}", "{_%", "%_}", "{_{ person.name }_}", "{_% if x %_}", "{{_{", "}_}}", "%_}}", "{%_}"]


@pytest.mark.parametrize("sequence", ESCAPES)
def test_docxtpl_escape_sequences_in_a_value_come_out_as_written(sequence: str) -> None:
    text = f"Före {sequence} efter"
    agreement = agreement_with(duties=text, workplace=text)
    for template_id, fast, data in drafts(agreement):
        assert any(text in p for p in paragraphs(data)), (template_id, fast, sequence)


def test_an_escape_sequence_never_makes_draft_exit_3(tmp_path: Path) -> None:
    source = tmp_path / "avtal.yaml"
    source.write_text(UPPSALA.read_text(encoding="utf-8").replace("Karin Ekholm", "Karin {_{ Ekholm", 1))
    result = runner.invoke(app, ["draft", str(source), "-o", str(tmp_path / "ut"), "--on", "2026-06-01"])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(next((tmp_path / "ut").glob("*samverkansavtal*.docx"))))
    assert any("Karin {_{ Ekholm" in p.text for p in document.paragraphs)


LINE_BREAKS = {"LF": "\n", "CR LF": "\r\n", "CR": "\r", "NEL": "\x85", "LS": "\u2028", "PS": "\u2029"}


@pytest.mark.parametrize("name", sorted(LINE_BREAKS))
def test_every_line_break_is_one_word_line_break(name: str) -> None:
    text = f"första{LINE_BREAKS[name]}andra{LINE_BREAKS[name]}{LINE_BREAKS[name]}tredje\tfjärde"
    agreement = agreement_with(duties=text)
    for template_id, fast, data in drafts(agreement):
        found = [p for p in paragraphs(data) if "första" in p]
        assert found and "första\nandra\n\ntredje\tfjärde" in found[0], (template_id, fast, found)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = archive.read("word/document.xml").decode()
        for raw in ("\r", "\x85", "\u2028", "\u2029"):
            assert raw not in body


def test_an_organisations_template_prints_core_properties_as_plain_text(tmp_path: Path) -> None:
    """A tag in a core property (subject) gets the value as text: ``&`` stays ``&``, braces stay."""
    from forenad.render.catalogue import load_template

    document = docx.Document()
    document.add_paragraph("Avtal för {{ person.name }}.")
    document.core_properties.subject = "Avtal {{ person.name }}"
    document.save(str(tmp_path / "template.docx"))
    (tmp_path / "template.yaml").write_text(
        "id: egen\nversion: '1'\nlanguage: sv\ndocument: egen\ntitle: Egen\n"
        "models: [forenad_en_arbetsgivare]\nfields: [person.name]\n",
        encoding="utf-8",
    )
    template = load_template(tmp_path / "template.docx", tmp_path / "template.yaml")
    data = copy.deepcopy(DATA)
    data["person"]["name"] = "Åsa & Bo {_{ <x> }}"
    agreement = Agreement.model_validate(data)
    for fast in (False, True):
        rendered = render_document(agreement, template, on=ON, fast=fast)
        opened = docx.Document(io.BytesIO(rendered.docx))
        assert opened.core_properties.subject == "Avtal Åsa & Bo {_{ <x> }}"
        assert "Avtal för Åsa & Bo {_{ <x> }}." in [p.text for p in opened.paragraphs]


def test_library_draft_keeps_the_text_too(tmp_path: Path) -> None:
    agreement = agreement_with(duties="a}_}b\r\nc")
    paths = forenad.draft(agreement, tmp_path, on=ON)
    docx_path = next(p for p in paths if p.name.endswith("samverkansavtal-forenad.docx"))
    assert any("a}_}b\nc" in p for p in paragraphs(docx_path.read_bytes()))
