"""Word drafts through the library: every sample agreement with every template that fits, read back.

Each draft is reopened with python-docx and its text searched for the person, the employers, the parts'
extents and salaries (as Babel formats them), the markers for missing values and the annex of findings.
The provenance (custom properties and JSON sidecar) is checked for the template's SHA-256 and for the
absence of the personnummer.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

import forenad
from forenad import yamlio
from forenad.engine import default_rules
from forenad.model import Agreement
from forenad.params import default_parameters
from forenad.render.api import render_document
from forenad.render.catalogue import select_templates, shipped_template, shipped_templates
from forenad.render.errors import MissingValue
from forenad.render.filters import format_money, format_percent
from forenad.render.provenance import read_custom_properties

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BASES = sorted((ROOT / "rules" / "tests" / "bases").glob("*.yaml"))
SAMPLES = EXAMPLES + BASES
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
TJANSTEKOP_BASE = ROOT / "rules" / "tests" / "bases" / "tjanstekop.yaml"
ON = dt.date(2026, 6, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PERSONNUMMER = "19121212-1212"


def sample_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def document_text(source: Path | bytes) -> str:
    """All paragraph text of a document (body, tables, headers, footers), reopened with python-docx."""
    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    roots = [document.element.body]
    for section in document.sections:
        roots += [section.header._element, section.footer._element]
    lines = []
    for root in roots:
        for paragraph in root.iter(f"{W}p"):
            lines.append("".join(node.text or "" for node in paragraph.iter(f"{W}t")))
    return "\n".join(lines).replace("\u00a0", " ")


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def agreement_data(path: Path) -> dict[str, Any]:
    return copy.deepcopy(yamlio.load(path).data)


@pytest.fixture(scope="session")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, list[Path]]:
    """Every sample drafted once with every template that fits (shared by the tests below)."""
    out = tmp_path_factory.mktemp("drafts")
    result = {}
    for sample in SAMPLES:
        target = out / sample.parent.name
        result[sample] = forenad.draft(sample, target, on=ON)
    return result


def docx_files(paths: list[Path]) -> Iterator[Path]:
    return (p for p in paths if p.suffix == ".docx")


@pytest.mark.parametrize("sample", SAMPLES, ids=sample_id)
def test_each_sample_gets_every_template_that_fits(sample: Path, drafted: dict[Path, list[Path]]) -> None:
    agreement = forenad.load(sample)
    expected = set()
    for template in select_templates(agreement.model):
        if template.spec.per == "employer":
            expected |= {f"{sample.stem}.{template.id}-{p.employer}.docx" for p in agreement.parts}
        else:
            expected.add(f"{sample.stem}.{template.id}.docx")
    written = {p.name for p in docx_files(drafted[sample])}
    assert written == expected
    assert any(".anstallningsbevis-" in name for name in written)
    for name in written:
        assert (drafted[sample][0].parent / name.replace(".docx", ".provenance.json")).is_file()


@pytest.mark.parametrize("sample", SAMPLES, ids=sample_id)
def test_drafts_show_names_extents_and_salaries(sample: Path, drafted: dict[Path, list[Path]]) -> None:
    agreement = forenad.load(sample)
    names = {e.id: e.name for e in agreement.employers}
    for path in docx_files(drafted[sample]):
        text = document_text(path)
        assert "{{" not in text and "{%" not in text
        assert agreement.person.name in text
        assert agreement.id in text  # the header
        if ".anstallningsbevis-" in path.name:
            issuer = path.stem.split(".anstallningsbevis-")[1]
            parts = [p for p in agreement.parts if p.employer == issuer]
            assert names[issuer] in text
            assert "6 c §" in text
        else:
            parts = list(agreement.parts)
            for name in names.values():
                assert name in text, (path.name, name)
        for part in parts:
            assert plain(format_percent(part.extent_percent, "sv")) in text, (path.name, part.extent_percent)
            assert plain(format_money(part.monthly_salary, "sv")) in text, (path.name, part.monthly_salary)


def test_swedish_money_dates_and_percentages(drafted: dict[Path, list[Path]]) -> None:
    path = next(p for p in drafted[UPPSALA] if p.name.endswith("samverkansavtal-forenad.docx"))
    text = document_text(path)
    assert "46 000 kr" in text
    assert "92 000 kr" in text  # the total of the split table
    assert "1 januari 2026" in text
    assert "50 %" in text and "100 %" in text
    assert "54,461 %" in text  # the overhead, with a decimal comma


def test_english_version_of_the_forenad_agreement(tmp_path: Path) -> None:
    paths = forenad.draft(UPPSALA, tmp_path, on=ON, lang="en")
    english = next(p for p in paths if p.name.endswith("samverkansavtal-forenad-en.docx"))
    text = document_text(english)
    assert "SEK 46,000" in text
    assert "1 January 2026" in text
    assert "Work environment and rehabilitation" in text
    assert "DRAFT" in text
    # Every document has an English version, the written statement of employment included.
    bevis = next(p for p in paths if p.name.endswith("anstallningsbevis-en-uu.docx"))
    assert "Written statement of employment" in document_text(bevis)


def test_the_split_table_and_sections_are_there(drafted: dict[Path, list[Path]]) -> None:
    path = next(p for p in drafted[UPPSALA] if p.name.endswith("samverkansavtal-forenad.docx"))
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Parter",
        "Bakgrund och syfte",
        "Villkor för avtalets giltighet",
        "Behörighet",
        "Rekrytering",
        "Avtalstid",
        "Omfattning och fördelning",
        "Lön",
        "Arbetstid",
        "Semester",
        "Pension och sjuklön",
        "Försäkringar och skadeansvar",
        "Arbetsmiljö och rehabilitering",
        "Personuppgifter",
        "Bisysslor",
        "Immateriella rättigheter och publicering",
        "Kostnadsfördelning och fakturering",
        "Uppsägning och upphörande – när det inte fungerar",
        "Tvister",
        "Uppföljning och ändringar",
        "Underskrifter",
    ]
    split = document.tables[0]
    assert [c.text for c in split.rows[0].cells] == [
        "Del",
        "Arbetsgivare",
        "Befattning",
        "Omfattning",
        "Månadslön",
    ]
    assert len(split.rows) == 1 + 2 + 1  # header, two parts, total
    assert plain(split.rows[1].cells[4].text) == "46 000 kr"
    footer = document.sections[0].footer._element
    assert any("PAGE" in (n.text or "") for n in footer.iter(f"{W}instrText"))
    signature_text = document_text(path)
    assert "Anna Lind, Prefekt" in signature_text and "Ort och datum" in signature_text


MARKER = "«SAKNAS: Del 1 (specialistsjuksköterska): parts.0.duties»"


def test_missing_values_are_visible_highlighted_markers(drafted: dict[Path, list[Path]]) -> None:
    path = next(p for p in drafted[TJANSTEKOP_BASE] if p.name.endswith("tjanstekopsavtal.docx"))
    text = document_text(path)
    assert MARKER in text
    document = docx.Document(str(path))
    marked = [
        run
        for run in document.element.body.iter(f"{W}r")
        if "«SAKNAS: Del 1 (specialistsjuksköterska): parts.0.duties»"
        in "".join(t.text or "" for t in run.iter(f"{W}t"))
    ]
    assert marked and all(run.find(f"{W}rPr/{W}highlight") is not None for run in marked)


def test_annex_lists_warnings_and_errors_but_not_info(drafted: dict[Path, list[Path]]) -> None:
    for sample in (UPPSALA, ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml"):
        findings, _ = forenad.evaluate(forenad.load(sample), ON)
        path = next(p for p in docx_files(drafted[sample]) if ".anstallningsbevis" not in p.name)
        text = document_text(path)
        assert "Att åtgärda före undertecknande" in text
        for finding in findings:
            if finding.severity in ("error", "warning"):
                assert finding.rule in text
                assert plain(finding.text("sv")) in text
            else:
                assert finding.rule not in text


def test_final_document_has_no_markers_or_annex(tmp_path: Path) -> None:
    paths = forenad.draft(UPPSALA, tmp_path, template="samverkansavtal-forenad", on=ON, final=True)
    text = document_text(next(p for p in paths if p.suffix == ".docx"))
    assert "«SAKNAS" not in text
    assert "Att åtgärda före undertecknande" not in text
    assert "UTKAST" not in text
    record = json.loads(next(p for p in paths if p.name.endswith(".provenance.json")).read_text())
    assert record["mode"] == "final"


def test_final_document_refuses_a_missing_value_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(MissingValue) as caught:
        forenad.draft(TJANSTEKOP_BASE, tmp_path, template="tjanstekopsavtal", on=ON, final=True)
    assert caught.value.path.startswith("parts.0.")
    assert "Del 1 (specialistsjuksköterska): parts.0." in caught.value.message("sv")
    assert list(tmp_path.iterdir()) == []


NASTY = "Åsa \"Ö\" <Ä> & 'Ke' {{ 7*7 }} {% if true %}x{% endif %} åäö"


def test_values_with_markup_and_tags_appear_verbatim(tmp_path: Path) -> None:
    data = agreement_data(UPPSALA)
    data["person"]["name"] = NASTY
    data["employers"][0]["name"] = 'Uppsala & <universitet> "UU"'
    data["parts"][0]["duties"] = f"Forskning {{% raw %}} och {{{{ '' }}}}\nrad två: {NASTY}"
    data["procedure"]["dispute"] = "{{ ''.__class__.__mro__ }} ska inte tolkas"
    agreement = Agreement.model_validate(data)
    paths = forenad.draft(agreement, tmp_path, on=ON)
    assert paths
    for path in (p for p in paths if p.suffix == ".docx"):
        text = document_text(path)
        assert NASTY in text
        assert 'Uppsala & <universitet> "UU"' in text
        unhashed = re.sub(r"\b[0-9a-f]{12}\b|\b\d{4}:\d+\b", "", text.replace("2026", ""))
        assert "49" not in unhashed  # not 7*7 (hashes and SFS numbers aside)
    agreement_text = document_text(next(p for p in paths if p.name.endswith("samverkansavtal-forenad.docx")))
    assert "Forskning {% raw %} och {{ '' }}" in agreement_text
    assert f"rad två: {NASTY}" in agreement_text  # the line break became a Word line break
    assert "{{ ''.__class__.__mro__ }} ska inte tolkas" in agreement_text


def test_every_xml_part_parses_and_python_docx_reopens(drafted: dict[Path, list[Path]]) -> None:
    from lxml import etree

    for paths in drafted.values():
        for path in docx_files(paths):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    if name.endswith((".xml", ".rels")):
                        etree.fromstring(archive.read(name))
            docx.Document(str(path))


# -- provenance ----------------------------------------------------------------------------------------


@pytest.fixture
def with_personnummer(tmp_path: Path) -> tuple[Agreement, list[Path]]:
    data = agreement_data(UPPSALA)
    data["person"].pop("birth_year", None)
    data["person"]["personnummer"] = PERSONNUMMER
    agreement = Agreement.model_validate(data)
    return agreement, forenad.draft(agreement, tmp_path, on=ON)


def test_provenance_sidecar_and_properties(with_personnummer: tuple[Agreement, list[Path]]) -> None:
    agreement, paths = with_personnummer
    findings, _ = forenad.evaluate(agreement, ON)
    for path in (p for p in paths if p.suffix == ".docx"):
        sidecar = path.with_name(path.name.replace(".docx", ".provenance.json"))
        record = json.loads(sidecar.read_text(encoding="utf-8"))
        template = shipped_template(record["template"]["id"])
        assert record["template"]["sha256"] == hashlib.sha256(template.docx_path.read_bytes()).hexdigest()
        assert record["template"]["version"] == template.spec.version
        assert record["forenad"] == forenad.__version__
        assert record["rules_version"] == default_rules().version
        assert record["parameters_version"] == default_parameters().version
        assert record["evaluated_on"] == ON.isoformat()
        assert record["mode"] == "draft"
        assert record["findings"] == [{"rule": f.rule, "severity": f.severity} for f in findings]
        assert record["document"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        props = read_custom_properties(path.read_bytes())
        assert props["forenad.template_sha256"] == record["template"]["sha256"]
        assert props["forenad.rules_version"] == record["rules_version"]
        assert props["forenad.evaluated_on"] == ON.isoformat()
        assert props["forenad.version"] == forenad.__version__


def test_the_personnummer_is_never_in_provenance(with_personnummer: tuple[Agreement, list[Path]]) -> None:
    _, paths = with_personnummer
    for path in paths:
        raw = path.read_bytes()
        if path.suffix == ".json":
            text = raw.decode("utf-8")
            assert "19121212" not in text and "1212-1212" not in text
            continue
        props = json.dumps(read_custom_properties(raw))
        assert "19121212" not in props and "1212-1212" not in props
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for name in archive.namelist():
                content = archive.read(name).decode("utf-8", errors="replace")
                assert PERSONNUMMER not in content and "191212121212" not in content, name
    # The anställningsbevis shows it masked, for the employer to complete.
    bevis = next(p for p in paths if p.name.endswith("anstallningsbevis-uu.docx"))
    assert "19121212-****" in document_text(bevis)


def test_render_document_in_memory() -> None:
    agreement = forenad.load(UPPSALA)
    template = shipped_template("samverkansavtal-forenad")
    rendered = render_document(agreement, template, on=ON)
    assert rendered.docx.startswith(b"PK")
    assert rendered.provenance.template_sha256 == template.sha256
    assert "Karin Ekholm" in document_text(rendered.docx)


def test_shipped_catalogue() -> None:
    ids = {t.id for t in shipped_templates()}
    documents = (
        "samverkansavtal-forenad",
        "kombinationsanstallning",
        "delad-tjanst-region-kommun",
        "tjanstekopsavtal",
        "adjungeringsavtal",
        "forskarutbildningsavtal",
        "anstallningsbevis",
    )
    assert ids == {*documents, *(f"{document}-en" for document in documents)}
    every_model = {m for t in shipped_templates() if t.id == "anstallningsbevis" for m in t.spec.models}
    assert len(every_model) == 7


def test_a_part_is_named_as_a_person_reads_it_in_markers_and_the_annex(
    drafted: dict[Path, list[Path]],
) -> None:
    """Issue 19 item 6: Del 1, Del 2 … (with the position) beside the file's path, never ``parts[1]``."""
    from forenad.presentation.paths import shown_path

    names = ("Del 1 (professor)", "Del 2 (överläkare)")
    assert shown_path("parts[1].notice.employer_months", names) == (
        "Del 2 (överläkare): parts.1.notice.employer_months"
    )
    assert (
        shown_path("fakta.parts[0].vacation_days", names) == "Del 1 (professor): fakta.parts.0.vacation_days"
    )
    assert shown_path("employers[0].organisationsnummer", names) == "employers.0.organisationsnummer"
    assert shown_path("parts.7.x", names) == "parts.7.x"  # no such part: the path alone
    path = next(p for p in drafted[TJANSTEKOP_BASE] if p.name.endswith("tjanstekopsavtal.docx"))
    text = document_text(path)
    assert "parts[" not in text
    assert "Del 2 (specialistsjuksköterska): parts.1.notice" in text  # a finding's field in the annex
