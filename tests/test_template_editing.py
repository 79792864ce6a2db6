"""A maintainer edits a shipped template in Word or LibreOffice, checks it and drafts from it (issue 17).

Word splits text into runs at every edit, spelling mark and formatting change, records revision-session ids
(``w:rsid…``), proofing marks (``w:proofErr``), bookmarks, tracked changes (``w:ins``, ``w:del``) and types
typographic quotes; LibreOffice writes quotes as entities (``&apos;``, ``&quot;``). The tests below do to a
shipped template what each program does when a sentence is reworded and a clause added, then run
``forenad templates check`` and draft the Uppsala example from it, through the library (the plain path) and
the command line (the compiled fast path).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

import forenad
from forenad.cli.app import app
from forenad.render import check_template
from forenad.render.pdf import soffice

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "templates" / "samverkansavtal-forenad"
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
ON = dt.date(2026, 6, 1)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REWORDED = (
    "Avsikten med avtalet är att förena forskning, utbildning och {% if fact('has_health_care_principal') "
    '%}hälso- och sjukvård{% else %}verksamheten utanför lärosätet{% endif %} i en tjänst, så att "arbetet" '
    "hänger ihop."
)
CLAUSE = (
    "{{ person.name }} har {{ fact('vacation_days', parts[0]) }} semesterdagar per år i den första delen, "
    "och avtalet följs upp senast {{ review_date|datum }}."
)
runner = CliRunner()


def text_of(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def el(tag: str, **attrs: str) -> etree._Element:
    element = etree.Element(f"{W}{tag}")
    for key, value in attrs.items():
        element.set(f"{W}{key}", value)
    return element


def word_runs(text: str, rng: random.Random) -> list[etree._Element]:
    """``text`` as Word writes it after an edit: runs split at random places (inside tags too), each with
    its revision-session id and a language, proofing marks and a bookmark between some of them, and
    typographic quotes where Word's AutoFormat puts them."""
    text = text.replace("'has_health_care_principal'", "’has_health_care_principal’")
    text = text.replace("'vacation_days'", "‘vacation_days’")
    cuts = sorted(rng.sample(range(1, len(text)), 12))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    out: list[etree._Element] = []
    for index, piece in enumerate(pieces):
        if index % 3 == 1:
            out.append(el("proofErr", type="spellStart"))
        if index == 4:
            out.append(el("bookmarkStart", id="0", name="_GoBack"))
            out.append(el("bookmarkEnd", id="0"))
        run = el("r", rsidR=f"00{rng.randrange(16**6):06X}", rsidRPr=f"00{rng.randrange(16**6):06X}")
        properties = etree.SubElement(run, f"{W}rPr")
        properties.append(el("lang", val="sv-SE"))
        t = etree.SubElement(run, f"{W}t")
        t.text = piece
        t.set(XML_SPACE, "preserve")
        out.append(run)
        if index % 3 == 1:
            out.append(el("proofErr", type="spellEnd"))
    return out


def edit_as_word(source: Path, target: Path) -> None:
    """Reword the purpose sentence and add a clause (a tracked insertion, with a tracked deletion), as Word
    saves them; split the header's tag too."""
    rng = random.Random(17)
    target.mkdir(parents=True)
    shutil.copy(source / "template.yaml", target / "template.yaml")
    sidecar = (
        (target / "template.yaml")
        .read_text(encoding="utf-8")
        .replace("id: samverkansavtal-forenad", "id: region-x-samverkansavtal")
    )
    (target / "template.yaml").write_text(sidecar, encoding="utf-8")
    with zipfile.ZipFile(source / "template.docx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(f"{W}body")
    paragraphs = list(body.iter(f"{W}p"))
    purpose = next(p for p in paragraphs if text_of(p).startswith("Syftet med avtalet är att förena"))
    for run in purpose.findall(f"{W}r"):
        purpose.remove(run)
    purpose.set(f"{W}rsidR", "00C0FFEE")
    purpose.set(f"{W}rsidRDefault", "00C0FFEE")
    purpose.extend(word_runs(REWORDED, rng))
    # A new clause after the disputes section, typed with track changes on.
    disputes = next(p for p in paragraphs if text_of(p) == "Tvister")
    after = disputes.getnext().getnext()
    heading = el("p", rsidR="00BEEF01")
    heading_properties = etree.SubElement(heading, f"{W}pPr")
    heading_properties.append(el("pStyle", val="Heading1"))
    inserted_heading = el("ins", id="101", author="HR", date="2026-11-01T10:00:00Z")
    inserted_heading.extend(word_runs("Särskilda villkor", rng)[:1])
    inserted_heading[0].find(f"{W}t").text = "Särskilda villkor"
    heading.append(inserted_heading)
    clause = el("p", rsidR="00BEEF02")
    deleted = el("del", id="102", author="HR", date="2026-11-01T10:01:00Z")
    old = el("r")
    old_text = etree.SubElement(old, f"{W}delText")
    old_text.text = "Gammal text för {{ person.name }} "
    deleted.append(old)
    clause.append(deleted)
    inserted = el("ins", id="103", author="HR", date="2026-11-01T10:02:00Z")
    inserted.extend(word_runs(CLAUSE, rng))
    clause.append(inserted)
    after.addnext(heading)
    heading.addnext(clause)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    # The header's tag split across runs by a formatting change.
    header_name = next(n for n in parts if n.startswith("word/header"))
    header = etree.fromstring(parts[header_name])
    line = next(p for p in header.iter(f"{W}p") if "{{ id }}" in text_of(p))
    whole = text_of(line)
    for run in line.findall(f"{W}r"):
        line.remove(run)
    line.extend(word_runs(whole, rng))
    parts[header_name] = etree.tostring(header, xml_declaration=True, encoding="UTF-8", standalone=True)
    _write(target / "template.docx", parts)


def _write(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    roots = [document.element.body] + [s.header._element for s in document.sections]
    return "\n".join(text_of(p) for root in roots for p in root.iter(f"{W}p")).replace("\u00a0", " ")


def run_cli(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def assert_drafts_with_the_edits(template: Path, tmp_path: Path) -> None:
    report = check_template(template)
    problems = [i.text("en") for i in report.issues if i.severity != "info"]
    assert not problems, problems
    paths = forenad.draft(UPPSALA, tmp_path / "library", template=template, on=ON)
    library = document_text(next(p for p in paths if p.suffix == ".docx"))
    code, out = run_cli(
        "draft", UPPSALA, "-o", tmp_path / "cli", "--template", template, "--on", "2026-06-01"
    )
    assert code == 0, out
    cli = document_text(next((tmp_path / "cli").glob("*.docx")))
    for text in (library, cli):
        assert (
            "Avsikten med avtalet är att förena forskning, utbildning och hälso- och sjukvård i en "
            'tjänst, så att "arbetet" hänger ihop.' in text
        )
        assert "Särskilda villkor" in text
        assert (
            "Karin Ekholm har 35 semesterdagar per år i den första delen, och avtalet följs upp senast "
            "30 juni 2027." in text
        )
        assert "Gammal text" not in text
        assert "UTKAST · UU-RU-2026-014" in text
        assert "{{" not in text and "{%" not in text


def test_a_template_edited_in_word_checks_and_drafts(tmp_path: Path) -> None:
    template = tmp_path / "region-x"
    edit_as_word(SHIPPED, template)
    report = check_template(template)
    info = " ".join(i.text("en") for i in report.issues if i.code == "normalised")
    assert "tags split across Word runs were joined" in info
    assert "typographic quotes in 2 tags were made straight" in info
    assert "tracked changes were accepted" in info
    assert report.template is not None and report.template.sha256 != check_template(SHIPPED).template.sha256  # type: ignore[union-attr]
    assert_drafts_with_the_edits(template, tmp_path)


def add_clause_as_libreoffice(docx_path: Path) -> None:
    """Reword the purpose and add a clause as LibreOffice writes text: quotes as entities, one run."""
    with zipfile.ZipFile(docx_path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    root = etree.fromstring(parts["word/document.xml"])
    purpose = next(p for p in root.iter(f"{W}p") if text_of(p).startswith("Syftet med avtalet är att förena"))
    marker = "LIBREOFFICE-PURPOSE"
    for run in purpose.findall(f"{W}r")[1:]:
        purpose.remove(run)
    purpose.find(f"{W}r").find(f"{W}t").text = marker
    disputes = next(p for p in root.iter(f"{W}p") if text_of(p) == "Tvister")
    after = disputes.getnext().getnext()
    heading = el("p")
    heading_properties = etree.SubElement(heading, f"{W}pPr")
    heading_properties.append(el("pStyle", val=disputes.find(f"{W}pPr/{W}pStyle").get(f"{W}val")))
    etree.SubElement(etree.SubElement(heading, f"{W}r"), f"{W}t").text = "Särskilda villkor"
    clause = el("p")
    etree.SubElement(etree.SubElement(clause, f"{W}r"), f"{W}t").text = "LIBREOFFICE-CLAUSE"
    after.addnext(heading)
    heading.addnext(clause)
    xml = etree.tostring(root, encoding="unicode")

    def entities(text: str) -> str:
        return text.replace("&", "&amp;").replace("'", "&apos;").replace('"', "&quot;").replace("<", "&lt;")

    xml = xml.replace(marker, entities(REWORDED)).replace("LIBREOFFICE-CLAUSE", entities(CLAUSE))
    assert "&apos;" in xml and "&quot;" in xml
    parts["word/document.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml).encode()
    _write(docx_path, parts)


def test_a_template_saved_with_entities_as_libreoffice_does_checks_and_drafts(tmp_path: Path) -> None:
    template = tmp_path / "region-x"
    shutil.copytree(SHIPPED, template)
    add_clause_as_libreoffice(template / "template.docx")
    assert b"&apos;" in zipfile.ZipFile(template / "template.docx").read("word/document.xml")
    assert_drafts_with_the_edits(template, tmp_path)


def test_a_template_saved_by_libreoffice_itself_checks_and_drafts(tmp_path: Path) -> None:
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "saved"
    subprocess.run(
        [program, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(SHIPPED / "template.docx")],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    template = tmp_path / "region-x"
    template.mkdir()
    shutil.copy(out / "template.docx", template / "template.docx")
    shutil.copy(SHIPPED / "template.yaml", template / "template.yaml")
    assert b"&apos;" in zipfile.ZipFile(template / "template.docx").read("word/document.xml")
    add_clause_as_libreoffice(template / "template.docx")
    assert_drafts_with_the_edits(template, tmp_path)


def test_the_templates_own_bytes_are_never_changed(tmp_path: Path) -> None:
    """Normalising is for rendering only: the template on disk, and the SHA-256 in the provenance, stay."""
    template = tmp_path / "region-x"
    edit_as_word(SHIPPED, template)
    before = (template / "template.docx").read_bytes()
    paths = forenad.draft(UPPSALA, tmp_path / "out", template=template, on=ON)
    assert (template / "template.docx").read_bytes() == before
    record = next(p for p in paths if p.name.endswith(".provenance.json")).read_text(encoding="utf-8")
    import hashlib

    assert hashlib.sha256(before).hexdigest() in record


def test_the_english_version_is_drafted_or_named_never_a_silent_fallback(tmp_path: Path) -> None:
    template = tmp_path / "region-x"
    edit_as_word(SHIPPED, template)  # a Swedish template
    code, out = run_cli("draft", UPPSALA, "-o", tmp_path / "a", "--template", template, "--lang", "en")
    assert code == 2 and "no English version of" in out and "--allow-swedish" in out
    assert not (tmp_path / "a").exists() or not list((tmp_path / "a").iterdir())
    code, out = run_cli(
        "draft", UPPSALA, "-o", tmp_path / "b", "--template", template, "--lang", "en", "--allow-swedish"
    )
    assert code == 0, out
    from forenad.render.errors import TemplateLanguageMissing

    with pytest.raises(TemplateLanguageMissing) as caught:
        forenad.draft(UPPSALA, tmp_path / "c", template=template, lang="en")
    assert str(template / "template.docx") in caught.value.documents[0]
    assert forenad.draft(UPPSALA, tmp_path / "d", template=template, lang="en", allow_swedish=True)
    # Shipped: every document has its English version.
    code, out = run_cli("draft", UPPSALA, "-o", tmp_path / "e", "--lang", "en")
    assert code == 0 and "samverkansavtal-forenad-en.docx" in out and "anstallningsbevis-en-uu.docx" in out


def test_the_normaliser_leaves_text_outside_tags_alone() -> None:
    from forenad.render.normalize import normalize_xml

    xml = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p>'
        '<w:r><w:t xml:space="preserve">Han sa ”hej” och </w:t></w:r>'
        '<w:proofErr w:type="spellStart"/><w:r w:rsidR="00112233"><w:t>{{ person.</w:t></w:r>'
        "<w:r><w:t>name }} – ’klart’\u00a0nu</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    data, report = normalize_xml(xml, "word/document.xml")
    root = etree.fromstring(data)
    assert (
        "".join(t.text or "" for t in root.iter(f"{W}t"))
        == "Han sa ”hej” och {{ person.name }} – ’klart’\u00a0nu"
    )
    assert report.joined == 1 and not report.unmended
    assert b"proofErr" not in data and b"rsid" not in data
    assert [t.text for t in root.iter(f"{W}t")] == [
        "Han sa ”hej” och ",
        "{{ person.name }}",
        " – ’klart’\u00a0nu",
    ]


def test_a_word_document_round_trips_through_python_docx(tmp_path: Path) -> None:
    """The normalised template is still a Word document python-docx opens (as docxtpl does)."""
    from forenad.render.normalize import normalized

    template = tmp_path / "region-x"
    edit_as_word(SHIPPED, template)
    data = normalized((template / "template.docx").read_bytes())
    document = docx.Document(io.BytesIO(data))
    assert any(p.text == "Särskilda villkor" for p in document.paragraphs)


def test_normalising_is_linear_in_the_paragraph() -> None:
    """Thousands of split tags in one paragraph, and one long text with a tag in it, are mended at once."""
    import time

    from forenad.render.normalize import normalize_xml

    runs = "".join(
        f"<w:r><w:t>före {{{{ person.</w:t></w:r><w:proofErr/><w:r><w:t>name }}}} {i} </w:t></w:r>"
        for i in range(5000)
    )
    long_text = "x" * 2_000_000 + "{{ fact(’total_extent’) }}" + "y" * 2_000_000
    xml = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p>{runs}</w:p>'
        f"<w:p><w:r><w:t>{long_text}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    began = time.perf_counter()
    data, report = normalize_xml(xml, "word/document.xml")
    assert time.perf_counter() - began < 10
    assert report.joined == 5000 and report.quotes == 1 and not report.unmended
    assert b"{{ fact('total_extent') }}" in data and data.count(b"{{ person.name }}") == 5000
