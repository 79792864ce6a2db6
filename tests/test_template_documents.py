"""Every shipped template with every example and sample agreement, in both languages (issue 17).

Each agreement is drafted in Swedish and in English; every document reopens in python-docx, the values of
the agreement file are read back from its text (formatted as the document's language writes them), and the
examples' documents convert in LibreOffice (one ``soffice`` run for all of them). Then what each model's
agreement must contain (the clause headings), the written statement of employment (LAS 6 c §), and what
makes a document look like something one signs.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import io
import json
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest

import forenad
from forenad import yamlio
from forenad.model import Agreement, EmploymentModel
from forenad.render.catalogue import shipped_templates
from forenad.render.errors import MissingValue
from forenad.render.filters import format_date, format_money, format_number, format_percent
from forenad.render.pdf import soffice

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BASES = sorted((ROOT / "rules" / "tests" / "bases").glob("*.yaml"))
ON = dt.date(2026, 6, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DALARNA = ROOT / "examples" / "dalarna-adjungerad-lektor.yaml"
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
VARMLAND = ROOT / "examples" / "varmland-tjanstekop-klinisk-undervisning.yaml"

NOT_PRINTED = re.compile(
    r"^(employers\.\d+\.id|parts\.\d+\.(employer|host|employed_since)|main_employer|model|"
    r"cost_settlement\.shares\.\d+\.(payer|part)|cost_settlement\.invoicing\.(seller|buyer)|"
    r"signatories\.\d+\.party|rehabilitation\.lead|secondary_employment\.reported_to\.\d+|"
    r"work_environment\.\d+\.responsible|doctoral_studies\.larosate|person\.(birth_year|personnummer)|"
    r"employers\.\d+\.(overhead_percent|collective_agreement_name)|total_extent_percent)$"
)
"""Fields that are references to another entry (its name is printed instead) or inputs to the checks."""


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def document_text(source: Path | bytes) -> str:
    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    roots = [document.element.body]
    for section in document.sections:
        roots += [section.header._element, section.footer._element]
    return plain(
        "\n".join(
            "".join(node.text or "" for node in paragraph.iter(f"{W}t"))
            for root in roots
            for paragraph in root.iter(f"{W}p")
        )
    )


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}.{index}")
    elif value is not None:
        yield path, value


def expected(path: str, value: Any, lang: str) -> str | None:
    """How the document writes the value at ``path`` (None: not compared)."""
    if NOT_PRINTED.match(path) or isinstance(value, bool | enum.Enum):
        return None
    name = path.rsplit(".", 1)[-1]
    if isinstance(value, dt.date):
        return format_date(value, lang)  # type: ignore[arg-type]
    if isinstance(value, Decimal | int):
        if name in ("extent_percent", "share_percent", "overhead_percent"):
            return format_percent(value, lang)  # type: ignore[arg-type]
        if name in ("monthly_salary", "price"):
            return format_money(value, lang)  # type: ignore[arg-type]
        if name in ("employer_months", "employee_months"):
            number = format_number(value, lang)  # type: ignore[arg-type]
            return f"{number} {'months' if lang == 'en' else 'månader'}"
        return format_number(value, lang)  # type: ignore[arg-type]
    return plain(str(value))


def check_values(agreement: Agreement, issuer: str | None, lang: str, text: str, where: str) -> None:
    data = agreement.model_dump(exclude_none=True)
    missing = []
    for path, value in leaves(data):
        if issuer is not None and not _issued(agreement, issuer, path):
            continue
        if path.startswith("parts.") and path.endswith(".end_date") and issuer is not None:
            continue
        wanted = expected(path, value, lang)
        if wanted is not None and plain(wanted) not in text:
            missing.append(f"{path}={wanted!r}")
    assert not missing, f"{where}: not in the document: {missing}"


def _issued(agreement: Agreement, issuer: str, path: str) -> bool:
    segments = path.split(".")
    if segments[0] == "parts":
        return agreement.parts[int(segments[1])].employer == issuer
    if segments[0] == "employers":
        return agreement.employers[int(segments[1])].id == issuer
    return path in ("person.name", "person.address", "id", "title")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[Path, str], list[Path]]:
    """Every example and sample agreement drafted in both languages with every template that fits."""
    out = tmp_path_factory.mktemp("every")
    result = {}
    for source in EXAMPLES + BASES:
        for lang in ("sv", "en"):
            target = out / lang / source.parent.name
            paths = forenad.draft(source, target, on=ON, lang=lang)  # type: ignore[arg-type]
            result[(source, lang)] = [p for p in paths if p.suffix == ".docx"]
    return result


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("source", EXAMPLES + BASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_document_drafts_reopens_and_shows_the_files_values(
    source: Path, lang: str, drafts: dict[tuple[Path, str], list[Path]]
) -> None:
    agreement = forenad.load(source)
    paths = drafts[(source, lang)]
    per_employer = {p.employer for p in agreement.parts}
    kinds = {"agreement": 0, "employer": 0}
    for path in paths:
        text = document_text(path)  # python-docx reopens it
        assert "{{" not in text and "{%" not in text
        template_id = path.stem.split(".", 1)[1]
        issuer = next((e for e in per_employer if template_id.endswith(f"-{e}")), None)
        if "anstallningsbevis" in template_id:
            assert issuer is not None
            kinds["employer"] += 1
        else:
            issuer = None
            kinds["agreement"] += 1
        record = json.loads((path.parent / f"{path.stem}.provenance.json").read_text(encoding="utf-8"))
        assert record["template"]["language"] == lang, path.name  # never a silent fallback
        check_values(agreement, issuer, lang, text, path.name)
    assert kinds == {"agreement": 1, "employer": len(per_employer)}


def test_every_example_converts_in_libreoffice(
    drafts: dict[tuple[Path, str], list[Path]], tmp_path: Path
) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from forenad.render.pdf_batch import convert_files

    documents = [path for (source, _lang), paths in drafts.items() if source in EXAMPLES for path in paths]
    assert len(documents) > 30
    results = convert_files(documents, tmp_path / "pdf", chunk=len(documents))  # one soffice process
    failed = [r.source.name for r in results if not r.ok]
    assert not failed
    assert all(r.pdf is not None and r.pdf.read_bytes().startswith(b"%PDF") for r in results)


# -- the clauses each model's agreement must have -----------------------------------------------------------

COMMON = {
    "sv": ["Parter", "Villkor för avtalets giltighet", "Avtalstid", "Försäkringar och skadeansvar",
           "Bisysslor"],
    "en": ["Parties", "Conditions for the agreement to take effect", "Term of the agreement",
           "Insurance and liability", "Secondary employment"],
}  # fmt: skip
CLAUSES: dict[str, dict[str, list[str]]] = {
    "forenad": {
        "sv": ["Behörighet", "Rekrytering", "Personuppgifter", "Immateriella rättigheter och publicering"],
        "en": ["Eligibility", "Recruitment", "Personal data", "Intellectual property and publication"],
    },
    "kombinationsanstallning": {
        "sv": ["Behörighet", "Personuppgifter", "Immateriella rättigheter och publicering"],
        "en": ["Eligibility", "Personal data", "Intellectual property and publication"],
    },
    "delad_tjanst_region_kommun": {
        "sv": ["Behörighet", "Personuppgifter och journalföring", "Patientsäkerhet och samverkan i vården"],
        "en": ["Eligibility", "Personal data and patient records", "Patient safety and cooperation in care"],
    },
    "tjanstekop": {
        "sv": ["Den köpta tjänsten", "Anställningen hos arbetsgivaren", "Ersättning och fakturering",
               "Arbetstagarens samtycke", "Personuppgifter", "Immateriella rättigheter och publicering"],
        "en": ["The purchased service", "The employment with the employer", "Compensation and invoicing",
               "The employee's consent", "Personal data", "Intellectual property and publication"],
    },
    "adjungering": {
        "sv": ["Behörighet", "Lokaler och utrustning", "Personuppgifter",
               "Immateriella rättigheter och publicering"],
        "en": ["Eligibility", "Premises and equipment", "Personal data",
               "Intellectual property and publication"],
    },
    "kombinationsdoktorand": {
        "sv": ["Antagning och behörighet", "Finansiering", "Studietakt och studietid", "Handledning",
               "Individuell studieplan och årlig uppföljning", "Personuppgifter",
               "Immateriella rättigheter och publicering", "Om studierna avbryts eller anställningen upphör"],
        "en": ["Admission and eligibility", "Financing", "Study pace and duration", "Supervision",
               "Individual study plan and yearly follow-up", "Personal data",
               "Intellectual property and publication", "If the studies stop or the employment ends"],
    },
}  # fmt: skip


def headings(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("model", list(EmploymentModel), ids=lambda m: m.value)
def test_each_models_agreement_has_its_clauses(model: EmploymentModel, lang: str) -> None:
    """A test fails when a clause heading of issue 17 disappears from a model's template."""
    key = "forenad" if model.value.startswith("forenad") else model.value
    agreements = [
        t
        for t in shipped_templates()
        if t.serves(model) and t.spec.per == "agreement" and t.spec.language == lang
    ]
    assert len(agreements) == 1
    found = headings(agreements[0].data)
    missing = [h for h in COMMON[lang] + CLAUSES[key][lang] if h not in found]
    assert not missing, (agreements[0].id, missing)


# -- the written statement of employment (LAS 6 c §) --------------------------------------------------------


def statements(paths: list[Path]) -> dict[str, str]:
    return {p.stem.rsplit("-", 1)[-1]: document_text(p) for p in paths if "anstallningsbevis" in p.name}


def _data(path: Path) -> dict[str, Any]:
    return copy.deepcopy(yamlio.load(path).data)


def test_the_statement_names_the_parties_and_their_addresses(tmp_path: Path) -> None:
    data = _data(UPPSALA)
    data["employers"][0]["address"] = "Box 1, 751 00 Uppsala"
    data["person"]["address"] = "Storgatan 1, 753 20 Uppsala"
    paths = forenad.draft(Agreement.model_validate(data), tmp_path / "a", template="anstallningsbevis", on=ON)
    text = document_text(next(p for p in paths if p.suffix == ".docx"))
    assert "Uppsala universitet, organisationsnummer 202100-2932, Box 1, 751 00 Uppsala" in text
    assert "Karin Ekholm" in text and "Storgatan 1, 753 20 Uppsala" in text
    # The employee's address may be left for the final version: a line to fill in, no marker.
    del data["person"]["address"]
    final = forenad.draft(
        Agreement.model_validate(data), tmp_path / "f", template="anstallningsbevis", on=ON, final=True
    )
    text = document_text(next(p for p in final if p.suffix == ".docx"))
    assert "adress ____" in text and "SAKNAS" not in text
    # The employer's address may not.
    del data["employers"][0]["address"]
    with pytest.raises(MissingValue) as caught:
        forenad.draft(
            Agreement.model_validate(data), tmp_path / "g", template="anstallningsbevis", final=True
        )
    assert caught.value.path == "employers.0.address"


def test_no_instruction_text_is_left_in_any_document(drafts: dict[tuple[Path, str], list[Path]]) -> None:
    for paths in drafts.values():
        for path in paths:
            text = document_text(path)
            assert "(ange" not in text and "ange vilka" not in text and "state which" not in text, path.name


def test_a_fixed_term_adjunct_post_is_asked_no_notice(drafts: dict[tuple[Path, str], list[Path]]) -> None:
    texts = statements(drafts[(DALARNA, "sv")])
    adjunct = texts["hda"]
    assert "Tidsbegränsad anställning som upphör utan uppsägning 31 december 2027" in adjunct
    assert "uppsägningstid" not in adjunct and "notice" not in adjunct
    english = statements(drafts[(DALARNA, "en")])["hda"]
    assert "Fixed-term employment that ends without notice on 31 December 2027" in english
    assert not re.search(r"«MISSING[^»]*notice", english)


def test_the_findings_annex_shows_only_that_employers_findings(
    drafts: dict[tuple[Path, str], list[Path]],
) -> None:
    texts = statements(drafts[(DALARNA, "sv")])
    region, adjunct = texts["dalarna"], texts["hda"]  # anstallningsbevis-region-dalarna, -hda
    assert "notice.not_determined" in region and "Del 1 (Region Dalarna)" in region
    assert "notice.not_determined" not in adjunct
    assert "Regelprövningen fann inga fel eller varningar." in adjunct


def test_one_employment_is_one_table(drafts: dict[tuple[Path, str], list[Path]]) -> None:
    path = next(p for p in drafts[(UPPSALA, "sv")] if "anstallningsbevis" in p.name)
    document = docx.Document(str(path))
    items = [t for t in document.tables if t.rows[0].cells[0].text == "6 c §"]
    assert len(items) == 1  # Uppsala universitet employs in both parts: one employment, one table
    table_text = "\n".join(cell.text for row in items[0].rows for cell in row.cells)
    assert "Professor i kardiologi:" in table_text and "Överläkare, kardiologkliniken:" in table_text


# -- the tjänsteköp -----------------------------------------------------------------------------------------


def test_the_purchase_is_a_service_with_the_invoice_amount_and_the_employees_consent(
    drafts: dict[tuple[Path, str], list[Path]],
) -> None:
    _findings, facts = forenad.evaluate(forenad.load(VARMLAND), ON)
    amount = plain(format_money(Decimal(str(facts["invoice_amount_per_period"])), "sv"))
    text = document_text(next(p for p in drafts[(VARMLAND, "sv")] if "tjanstekopsavtal" in p.name))
    assert f"Fakturans belopp per period är {amount}" in text
    assert "ger ingen egen semester, ingen egen uppsägningstid" in text
    assert "Arbetstagarens samtycke" in text and "Elin Sjöberg" in text
    assert "Arbetstagare\n" not in text  # the employee signs as consenting, not as a party to an employment


# -- looks like something one signs -------------------------------------------------------------------------


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml")}


@pytest.mark.parametrize("template", shipped_templates(), ids=lambda t: t.id)
def test_language_tags_and_no_hyphenation_in_the_annex(template: Any) -> None:
    parts = _parts(template.data)
    wanted = "sv-SE" if template.spec.language == "sv" else "en-GB"
    for name, xml in parts.items():
        for tag in re.findall(r"<w:(?:lang|themeFontLang) [^>]*>", xml):
            assert f'w:val="{wanted}"' in tag, (name, tag)
    assert 'w:val="' + wanted in parts["word/styles.xml"]
    styles = docx.Document(io.BytesIO(template.data)).styles
    for name in ("Bilagerubrik", "Bilagetext", "Bilagetabell"):
        assert styles[name].element.find(f"{W}pPr/{W}suppressAutoHyphens") is not None, name
    assert "autoHyphenation" not in parts["word/settings.xml"]


@pytest.mark.parametrize("template", shipped_templates(), ids=lambda t: t.id)
def test_the_signature_block_keeps_with_the_text_above(template: Any) -> None:
    document = docx.Document(io.BytesIO(template.data))
    body = list(document.element.body.iterchildren())
    heading = next(
        i for i, el in enumerate(body)
        if el.tag == f"{W}p"
        and "".join(t.text or "" for t in el.iter(f"{W}t")) in ("Underskrifter", "Signatures")
    )  # fmt: skip
    statement = body[heading + 1]
    assert statement.find(f"{W}pPr/{W}keepNext") is not None  # the sentence above the block
    table = next(el for el in body[heading:] if el.tag == f"{W}tbl")
    for paragraph in table.iter(f"{W}p"):
        assert paragraph.find(f"{W}pPr/{W}keepNext") is not None
    for row in table.iter(f"{W}tr"):
        has_block = any(
            "Ort och datum" in (t.text or "") or "Place and date" in (t.text or "") for t in row.iter(f"{W}t")
        )
        if has_block:
            assert row.find(f"{W}trPr/{W}cantSplit") is not None


def test_a_rendered_draft_keeps_the_language_and_the_signatures_together(
    drafts: dict[tuple[Path, str], list[Path]],
) -> None:
    for (_, lang), paths in drafts.items():
        for path in paths:
            styles = _parts(path.read_bytes())["word/styles.xml"]
            assert ("sv-SE" if lang == "sv" else "en-GB") in styles, path.name
